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
 * Precision: declared exactly once per model; for given parameter values the integer bits
 * evaluate to at least 0 and the fraction bits to at least 1.
 */
public final class PrecisionChecker {
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
    public void checkValues(Stmt.Precision p, Map<String, Long> values) {
        width(p.intBits(), "int", 0, values);
        width(p.fracBits(), "frac", 1, values);
    }

    private void width(SizeExpr e, String what, long least, Map<String, Long> values) {
        try {
            long v = SizeExprs.eval(e, values);
            if (v < least) {
                diagnostics.error(e.pos(), "precision " + what + ": " + Printer.size(e) + " is " + v
                        + ConcreteChecker.where(e, values) + "; it must be at least " + least);
            }
        } catch (SizeEvalException ex) {
            diagnostics.error(ex.pos(), "precision " + what + ": " + ex.getMessage());
        }
    }
}
