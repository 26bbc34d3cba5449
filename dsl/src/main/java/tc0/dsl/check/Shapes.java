package tc0.dsl.check;

import java.util.ArrayList;
import java.util.List;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.Shape;
import tc0.dsl.ast.SizeExpr;

/** Symbolic comparison of sizes and shapes through {@link Poly}. */
final class Shapes {
    private Shapes() {}

    /** Whether two sizes are equal as polynomials (sizes too large to normalise compare by their text). */
    static boolean same(SizeExpr a, SizeExpr b) {
        try {
            return Poly.of(a).equals(Poly.of(b));
        } catch (RuntimeException ex) {
            return Printer.size(a).equals(Printer.size(b));
        }
    }

    static boolean same(Shape a, Shape b) {
        if (a.rank() != b.rank()) {
            return false;
        }
        for (int i = 0; i < a.rank(); i++) {
            if (!same(a.dims().get(i), b.dims().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The constant value of a size, or null when it depends on names (or cannot be computed). */
    static Long constant(SizeExpr e) {
        try {
            Poly p = Poly.of(e);
            return p.isConstant() ? p.constantValue() : null;
        } catch (RuntimeException ex) {
            return null;
        }
    }

    static boolean isOne(SizeExpr e) {
        Long c = constant(e);
        return c != null && c == 1;
    }

    /** The product of a shape's sizes, as a size expression. */
    static SizeExpr product(Shape s) {
        SizeExpr out = s.dims().getFirst();
        for (int i = 1; i < s.rank(); i++) {
            out = new SizeExpr.Bin(SizeExpr.SizeOp.MUL, out, s.dims().get(i), s.pos());
        }
        return out;
    }

    /** {@code s} with axis {@code axis} replaced by {@code size}. */
    static Shape withAxis(Shape s, int axis, SizeExpr size) {
        List<SizeExpr> dims = new ArrayList<>(s.dims());
        dims.set(axis, size);
        return new Shape(dims, s.pos());
    }

    static SizeExpr add(SizeExpr a, SizeExpr b) {
        return new SizeExpr.Bin(SizeExpr.SizeOp.ADD, a, b, a.pos());
    }

    /** {@code a - b}; {@code a} itself where b is the literal 0 (a loop from 0 runs {@code a} times). */
    static SizeExpr sub(SizeExpr a, SizeExpr b) {
        return b instanceof SizeExpr.Lit l && l.value() == 0 ? a : new SizeExpr.Bin(SizeExpr.SizeOp.SUB, a, b, a.pos());
    }

    static SizeExpr mul(SizeExpr a, SizeExpr b) {
        return new SizeExpr.Bin(SizeExpr.SizeOp.MUL, a, b, a.pos());
    }
}
