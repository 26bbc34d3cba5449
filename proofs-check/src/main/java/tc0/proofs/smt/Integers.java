package tc0.proofs.smt;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;
import java.util.ArrayList;
import java.util.List;

/** {@link Linear} on Z3's unbounded integers: nothing wraps, so no working width. */
final class Integers implements Linear<ArithExpr<IntSort>> {
    private final Context ctx;
    private final List<BoolExpr> assumptions = new ArrayList<>();

    Integers(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Context ctx() { return ctx; }

    /** The preconditions stated so far. */
    List<BoolExpr> assumptions() { return assumptions; }

    @Override
    public void assume(BoolExpr precondition) { assumptions.add(precondition); }

    @Override
    public ArithExpr<IntSort> num(long v) { return ctx.mkInt(v); }

    @Override
    public ArithExpr<IntSort> add(ArithExpr<IntSort> a, ArithExpr<IntSort> b) { return ctx.mkAdd(a, b); }

    @Override
    public ArithExpr<IntSort> sub(ArithExpr<IntSort> a, ArithExpr<IntSort> b) { return ctx.mkSub(a, b); }

    @Override
    public ArithExpr<IntSort> mul(long c, ArithExpr<IntSort> a) { return ctx.mkMul(ctx.mkInt(c), a); }

    @Override
    public ArithExpr<IntSort> shl(ArithExpr<IntSort> v, int k) { return k == 0 ? v : mul(1L << k, v); }

    @Override
    public BoolExpr ge(ArithExpr<IntSort> a, ArithExpr<IntSort> b) { return ctx.mkGe(a, b); }

    @Override
    public BoolExpr gt(ArithExpr<IntSort> a, ArithExpr<IntSort> b) { return ctx.mkGt(a, b); }

    @Override
    @SuppressWarnings("unchecked")
    public ArithExpr<IntSort> ite(BoolExpr c, ArithExpr<IntSort> a, ArithExpr<IntSort> b) { return (ArithExpr<IntSort>) ctx.mkITE(c, a, b); }
}
