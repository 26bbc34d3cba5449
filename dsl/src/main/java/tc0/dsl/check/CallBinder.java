package tc0.dsl.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Decl;
import tc0.dsl.ast.ElemKind;
import tc0.dsl.ast.Expr;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.Shape;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExprs;

/**
 * Binds a function's size names at one call: {@code heads: int} parameters to the size passed,
 * then each bare size name of a tensor pattern ({@code X: [m, k]}) to the argument's size at
 * that axis (first occurrence binds, later ones must agree), then checks every axis.
 */
final class CallBinder {
    private final Diagnostics diagnostics;
    private final Decl.Function f;
    private final Expr.Call call;

    CallBinder(Diagnostics diagnostics, Decl.Function f, Expr.Call call) {
        this.diagnostics = diagnostics;
        this.f = f;
        this.call = call;
    }

    /** The size names bound to the caller's sizes, or null after an error (reported). */
    Map<String, SizeExpr> bind(List<Type> args) {
        Map<String, SizeExpr> env = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < args.size(); i++) {
            if (f.params().get(i) instanceof Decl.FnParam.Size s) {
                ok &= bindSize(s, call.args().get(i), args.get(i), env);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            if (f.params().get(i) instanceof Decl.FnParam.Tensor t) {
                ok &= bindTensor(t, call.args().get(i), args.get(i), env);
            }
        }
        return ok ? env : null;
    }

    private boolean bindSize(Decl.FnParam.Size s, Expr arg, Type type, Map<String, SizeExpr> env) {
        if (type instanceof Type.Tensor) {
            diagnostics.error(arg.pos(), "argument '" + s.name() + "' of '" + f.name() + "' is a size; got a tensor");
            return false;
        }
        boolean[] bad = {false};
        SizeExpr size = SizeExprs.fromExpr(arg, (at, why) -> bad[0] = true);
        if (bad[0]) {
            diagnostics.error(arg.pos(), "argument '" + s.name() + "' of '" + f.name()
                    + "' must be a size (an integer expression of parameters); got '" + Printer.expr(arg) + "'");
            return false;
        }
        env.put(s.name(), size);
        return type instanceof Type.Scalar;
    }

    private boolean bindTensor(Decl.FnParam.Tensor t, Expr arg, Type type, Map<String, SizeExpr> env) {
        if (!(type instanceof Type.Tensor actual)) {
            if (type instanceof Type.Scalar) {
                diagnostics.error(arg.pos(), "argument '" + t.name() + "' of '" + f.name() + "' must be a tensor "
                        + t.pattern() + "; got a scalar");
            }
            return false;
        }
        Shape pattern = t.pattern();
        if (pattern.rank() != actual.shape().rank()) {
            diagnostics.error(arg.pos(), "argument '" + t.name() + "' of '" + f.name() + "' has shape " + actual.shape()
                    + "; expected rank " + pattern.rank() + " " + pattern);
            return false;
        }
        if (t.kind() == ElemKind.BIT && actual.kind() != ElemKind.BIT) {
            diagnostics.error(arg.pos(), "argument '" + t.name() + "' of '" + f.name() + "' must be a bit tensor");
            return false;
        }
        for (int i = 0; i < pattern.rank(); i++) {
            if (pattern.dims().get(i) instanceof SizeExpr.Sym s) {
                env.putIfAbsent(s.name(), actual.shape().dims().get(i));
            }
        }
        Shape expected = SizeExprs.substitute(pattern, env);
        if (!Shapes.same(expected, actual.shape())) {
            diagnostics.error(arg.pos(), "argument '" + t.name() + "' of '" + f.name() + "' has shape " + actual.shape()
                    + "; expected " + expected + " (from " + pattern + ")");
            return false;
        }
        return true;
    }
}
