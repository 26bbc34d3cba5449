package tc0.dsl.ast;

import java.util.List;

/** Copies of trees with every position set to {@link Pos#NONE}, so that trees can be compared by content. */
public final class StripPositions {
    private static final Pos N = Pos.NONE;

    private StripPositions() {}

    public static Program program(Program p) {
        return new Program(p.decls().stream().map(StripPositions::decl).toList());
    }

    private static Decl decl(Decl d) {
        return switch (d) {
            case Decl.Model m -> new Decl.Model(m.name(), m.params().stream()
                    .map(p -> new Decl.Param(p.name(), p.defaultValue().map(StripPositions::size), N)).toList(),
                    stmts(m.body()), N);
            case Decl.Function f -> new Decl.Function(f.name(), f.params().stream().map(StripPositions::fnParam).toList(),
                    f.result().map(StripPositions::shape), stmts(f.body()), N);
        };
    }

    private static Decl.FnParam fnParam(Decl.FnParam p) {
        return switch (p) {
            case Decl.FnParam.Tensor t -> new Decl.FnParam.Tensor(t.name(), shape(t.pattern()), t.kind(), N);
            case Decl.FnParam.Size s -> new Decl.FnParam.Size(s.name(), N);
        };
    }

    private static List<Stmt> stmts(List<Stmt> body) {
        return body.stream().map(StripPositions::stmt).toList();
    }

    public static Stmt stmt(Stmt s) {
        return switch (s) {
            case Stmt.Input i -> new Stmt.Input(i.name(), shape(i.shape()), i.kind(), N);
            case Stmt.Weight w -> new Stmt.Weight(w.name(), shape(w.shape()), w.kind(), init(w.init()), N);
            case Stmt.Let l -> new Stmt.Let(l.name(), l.declared().map(StripPositions::shape), expr(l.value()), N);
            case Stmt.Assign a -> new Stmt.Assign(a.name(), expr(a.value()), N);
            case Stmt.For f -> new Stmt.For(f.var(), size(f.from()), size(f.to()), stmts(f.body()), N);
            case Stmt.Output o -> new Stmt.Output(o.name(), o.value().map(StripPositions::expr), N);
            case Stmt.Assert a -> new Stmt.Assert(a.metric(), size(a.bound()), N);
            case Stmt.Precision.Fixed p -> new Stmt.Precision.Fixed(size(p.intBits()), size(p.fracBits()), N);
            case Stmt.Precision.Float p -> new Stmt.Precision.Float(size(p.significandBits()), size(p.exponentBits()), N);
            case Stmt.Return r -> new Stmt.Return(expr(r.value()), N);
        };
    }

    private static Init init(Init i) {
        return switch (i) {
            case Init.Random r -> new Init.Random(size(r.seed()), N);
            case Init.Load l -> new Init.Load(l.path(), N);
        };
    }

    public static Shape shape(Shape s) {
        return new Shape(s.dims().stream().map(StripPositions::size).toList(), N);
    }

    public static SizeExpr size(SizeExpr e) {
        return switch (e) {
            case SizeExpr.Lit l -> new SizeExpr.Lit(l.value(), N);
            case SizeExpr.Sym s -> new SizeExpr.Sym(s.name(), N);
            case SizeExpr.Neg n -> new SizeExpr.Neg(size(n.operand()), N);
            case SizeExpr.Bin b -> new SizeExpr.Bin(b.op(), size(b.left()), size(b.right()), N);
            case SizeExpr.Fn f -> new SizeExpr.Fn(f.fn(), f.args().stream().map(StripPositions::size).toList(), N);
        };
    }

    public static Expr expr(Expr e) {
        return switch (e) {
            case Expr.Num n -> new Expr.Num(n.value(), N);
            case Expr.Ref r -> new Expr.Ref(r.name(), N);
            case Expr.Neg n -> new Expr.Neg(expr(n.operand()), N);
            case Expr.Binary b -> new Expr.Binary(b.op(), expr(b.left()), expr(b.right()), N);
            case Expr.Slice s -> new Expr.Slice(expr(s.target()), s.items().stream().map(StripPositions::item).toList(), N);
            case Expr.ShapeLit s -> new Expr.ShapeLit(shape(s.shape()), N);
            case Expr.Str s -> new Expr.Str(s.value(), N);
            case Expr.Call c -> new Expr.Call(c.callee(), c.args().stream().map(StripPositions::expr).toList(),
                    c.named().stream().map(a -> new Expr.NamedArg(a.name(), expr(a.value()), N)).toList(), N);
            case Expr.For f -> new Expr.For(f.var(), size(f.from()), size(f.to()), expr(f.body()), N);
        };
    }

    private static Expr.SliceItem item(Expr.SliceItem i) {
        return switch (i) {
            case Expr.SliceItem.All a -> new Expr.SliceItem.All(N);
            case Expr.SliceItem.Range r -> new Expr.SliceItem.Range(r.from().map(StripPositions::size),
                    r.to().map(StripPositions::size), N);
            case Expr.SliceItem.Index x -> new Expr.SliceItem.Index(size(x.at()), N);
        };
    }
}
