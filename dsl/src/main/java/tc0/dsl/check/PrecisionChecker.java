package tc0.dsl.check;

import java.util.List;
import java.util.Map;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Decl;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.SizeEvalException;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.Stmt;

/**
 * Precision: declared exactly once per model; for given parameter values, fixed point: the integer bits
 * evaluate to at least 0, the fraction bits to at least 1, and the word to at most {@value #MAX_WIDTH} bits;
 * float: the significand has 2 to {@value #MAX_SIGNIFICAND} bits, the exponent 2 to {@value #MAX_EXPONENT}
 * and at least enough for 1.0 ({@code 2^(e-1) >= p - 1}).
 */
public final class PrecisionChecker {
    /**
     * The widest word: the circuits' weighted sums and the interpreters hold a word and its partial sums in a
     * long (64 bits, one of them the sign), with room for the rounding carry; wider words would overflow them.
     */
    public static final int MAX_WIDTH = 61;
    /** The widest significand of {@code float(p: P)}: the range (p = 8 .. 1024) with room; gates grow like p^2. */
    public static final int MAX_SIGNIFICAND = 4096;
    /**
     * The widest exponent: a float sum aligns its terms on a grid of {@code p + 2^e} columns
     * ({@code tc0.compiler.gadgets.FloatSum}), so its size grows with {@code 2^e}.
     */
    public static final int MAX_EXPONENT = 20;

    private final Diagnostics diagnostics;

    public PrecisionChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Checks presence and uniqueness; returns the declaration, or null when missing. */
    public Stmt.Precision check(Decl.Model m) {
        List<Stmt.Precision> found = m.body().stream()
                .filter(s -> s instanceof Stmt.Precision).map(s -> (Stmt.Precision) s).toList();
        if (found.isEmpty()) {
            diagnostics.error(m.pos(), "model '" + m.name()
                    + "' has no precision; declare one, e.g. precision fixed(int: 8, frac: log2(n) + 4);");
            return null;
        }
        for (Stmt.Precision p : found.subList(1, found.size())) {
            diagnostics.error(p.pos(), "precision is declared twice (first at " + found.getFirst().pos() + ")");
        }
        return found.getFirst();
    }

    /** Checks the widths for concrete parameter values. */
    public void checkValues(Stmt.Precision precision, Map<String, Long> values) {
        switch (precision) {
            case Stmt.Precision.Fixed p -> checkFixed(p, values);
            case Stmt.Precision.Float p -> checkFloat(p, values);
        }
    }

    private void checkFloat(Stmt.Precision.Float f, Map<String, Long> values) {
        Long p = bounded(f.significandBits(), "p", 2, MAX_SIGNIFICAND, values,
                "gates grow like p^2 and the build holds p-bit words as gates");
        Long e = bounded(f.exponentBits(), "e", 2, MAX_EXPONENT, values,
                "a float sum aligns its terms on p + 2^e columns");
        if (p != null && e != null && (1L << (e - 1)) < p - 1) {
            diagnostics.error(f.exponentBits().pos(), "precision e: " + Printer.size(f.exponentBits()) + " is " + e
                    + ConcreteChecker.where(f.exponentBits(), values) + "; exponents reach down to -2^" + (e - 1)
                    + ", and 1.0 at p = " + p + " needs -" + (p - 1) + ": use e: log2(p) + 2 (the default) or more");
        }
    }

    /** A float width's value, or null when it is bad (reported). */
    private Long bounded(SizeExpr e, String what, long least, long most, Map<String, Long> values, String why) {
        try {
            long v = SizeExprs.eval(e, values);
            if (v < least || v > most) {
                diagnostics.error(e.pos(), "precision " + what + ": " + Printer.size(e) + " is " + v
                        + ConcreteChecker.where(e, values) + "; it must be " + least + " to " + most + " (" + why + ")");
                return null;
            }
            return v;
        } catch (SizeEvalException ex) {
            diagnostics.error(ex.pos(), "precision " + what + ": " + ex.getMessage());
            return null;
        }
    }

    private void checkFixed(Stmt.Precision.Fixed p, Map<String, Long> values) {
        Long i = width(p.intBits(), "int", 0, values);
        Long f = width(p.fracBits(), "frac", 1, values);
        if (i != null && f != null && i + f > MAX_WIDTH) {
            diagnostics.error(p.pos(), "precision fixed(" + i + ", " + f + ") is " + (i + f) + " bits"
                    + ConcreteChecker.where(new SizeExpr.Bin(SizeExpr.SizeOp.ADD, p.intBits(), p.fracBits(), p.pos()), values)
                    + "; at most " + MAX_WIDTH
                    + " bits are allowed (words and their sums are held in 64-bit longs); lower int or frac");
        }
    }

    /** The width's value, or null when it is bad (reported) or too large to add to the other. */
    private Long width(SizeExpr e, String what, long least, Map<String, Long> values) {
        try {
            long v = SizeExprs.eval(e, values);
            if (v < least) {
                diagnostics.error(e.pos(), "precision " + what + ": " + Printer.size(e) + " is " + v
                        + ConcreteChecker.where(e, values) + "; it must be at least " + least);
                return null;
            }
            if (v > MAX_WIDTH) {
                diagnostics.error(e.pos(), "precision " + what + ": " + Printer.size(e) + " is " + v
                        + ConcreteChecker.where(e, values) + "; a word has at most " + MAX_WIDTH
                        + " bits (words and their sums are held in 64-bit longs)");
                return null;
            }
            return v;
        } catch (SizeEvalException ex) {
            diagnostics.error(ex.pos(), "precision " + what + ": " + ex.getMessage());
            return null;
        }
    }
}
