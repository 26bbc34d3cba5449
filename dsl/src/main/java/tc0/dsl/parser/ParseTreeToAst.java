package tc0.dsl.parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Decl;
import tc0.dsl.ast.ElemKind;
import tc0.dsl.ast.Expr;
import tc0.dsl.ast.Init;
import tc0.dsl.ast.Metric;
import tc0.dsl.ast.Pos;
import tc0.dsl.ast.Program;
import tc0.dsl.ast.Shape;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.Stmt;

/**
 * Turns a syntax-error-free parse tree into tc0's AST. Checks that only need one node (number
 * formats, weight initialisers, assert measures, size positions) are reported here.
 */
final class ParseTreeToAst {
    private final Diagnostics diagnostics;

    ParseTreeToAst(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Program program(Tc0Parser.ProgramContext ctx) {
        List<Decl> decls = new ArrayList<>();
        for (Tc0Parser.DeclContext d : ctx.decl()) {
            decls.add(d.model() != null ? model(d.model()) : function(d.function()));
        }
        return new Program(decls);
    }

    private Decl.Model model(Tc0Parser.ModelContext ctx) {
        List<Decl.Param> params = new ArrayList<>();
        for (Tc0Parser.ParamContext p : ctx.param()) {
            Optional<SizeExpr> def = p.expr() == null ? Optional.empty() : Optional.of(size(p.expr()));
            params.add(new Decl.Param(p.ID().getText(), def, pos(p.ID().getSymbol())));
        }
        return new Decl.Model(ctx.ID().getText(), params, block(ctx.block()), pos(ctx.ID().getSymbol()));
    }

    private Decl.Function function(Tc0Parser.FunctionContext ctx) {
        List<Decl.FnParam> params = new ArrayList<>();
        for (Tc0Parser.FnParamContext p : ctx.fnParam()) {
            params.add(fnParam(p));
        }
        Optional<Shape> result = ctx.shape() == null ? Optional.empty() : Optional.of(shape(ctx.shape()));
        return new Decl.Function(ctx.ID().getText(), params, result, block(ctx.block()), pos(ctx.ID().getSymbol()));
    }

    private Decl.FnParam fnParam(Tc0Parser.FnParamContext p) {
        String name = p.ID(0).getText();
        Pos pos = pos(p.ID(0).getSymbol());
        if (p.shape() != null) {
            return new Decl.FnParam.Tensor(name, shape(p.shape()), kind(p.elemKind()), pos);
        }
        if (!p.kind.getText().equals("int")) {
            diagnostics.error(pos(p.kind), "unknown parameter kind '" + p.kind.getText()
                    + "'; a function parameter is a tensor ([m, k]) or a size (int)");
        }
        return new Decl.FnParam.Size(name, pos);
    }

    private List<Stmt> block(Tc0Parser.BlockContext ctx) {
        List<Stmt> stmts = new ArrayList<>();
        for (Tc0Parser.StmtContext s : ctx.stmt()) {
            stmts.add(stmt(s));
        }
        return stmts;
    }

    private Stmt stmt(Tc0Parser.StmtContext ctx) {
        return switch (ctx) {
            case Tc0Parser.InputStmtContext s ->
                    new Stmt.Input(s.ID().getText(), shape(s.shape()), kind(s.elemKind()), pos(s.getStart()));
            case Tc0Parser.WeightStmtContext s -> new Stmt.Weight(s.ID().getText(), shape(s.shape()),
                    kind(s.elemKind()), init(expr(s.expr())), pos(s.getStart()));
            case Tc0Parser.LetStmtContext s -> new Stmt.Let(s.ID().getText(),
                    s.shape() == null ? Optional.empty() : Optional.of(shape(s.shape())), expr(s.expr()),
                    pos(s.getStart()));
            case Tc0Parser.AssignStmtContext s -> new Stmt.Assign(s.ID().getText(), expr(s.expr()), pos(s.getStart()));
            case Tc0Parser.ForStmtContext s -> new Stmt.For(s.ID().getText(), size(s.expr(0)), size(s.expr(1)),
                    block(s.block()), pos(s.getStart()));
            case Tc0Parser.OutputStmtContext s -> new Stmt.Output(s.ID().getText(),
                    s.expr() == null ? Optional.empty() : Optional.of(expr(s.expr())), pos(s.getStart()));
            case Tc0Parser.AssertStmtContext s -> assertion(s);
            case Tc0Parser.PrecisionStmtContext s -> precision(s);
            case Tc0Parser.ReturnStmtContext s -> new Stmt.Return(expr(s.expr()), pos(s.getStart()));
            default -> throw new IllegalStateException("unknown statement " + ctx.getClass().getSimpleName());
        };
    }

    private Stmt assertion(Tc0Parser.AssertStmtContext s) {
        Metric metric = Metric.named(s.ID().getText());
        if (metric == null) {
            diagnostics.error(pos(s.ID().getSymbol()), "unknown measure '" + s.ID().getText()
                    + "'; assert bounds depth, size, wires or width");
            metric = Metric.DEPTH;
        }
        return new Stmt.Assert(metric, size(s.expr()), pos(s.getStart()));
    }

    private Stmt precision(Tc0Parser.PrecisionStmtContext s) {
        Pos at = pos(s.ID().getSymbol());
        String kind = s.ID().getText();
        boolean floating = kind.equals("float");
        if (!floating && !kind.equals("fixed")) {
            diagnostics.error(at, "unknown number format '" + kind
                    + "'; tc0 supports fixed(int: I, frac: F) and float(p: P, e: E)");
            return new Stmt.Precision.Fixed(new SizeExpr.Lit(0, at), new SizeExpr.Lit(1, at), pos(s.getStart())); // its arguments unread
        }
        String first = floating ? "p" : "int", second = floating ? "e" : "frac";
        String usage = floating ? "float(p: P, e: E)" : "fixed(int: I, frac: F)";
        SizeExpr one = null;
        SizeExpr two = null;
        boolean positional = false;
        for (Tc0Parser.ArgContext a : s.args() == null ? List.<Tc0Parser.ArgContext>of() : s.args().arg()) {
            String name = a.ID() == null ? null : a.ID().getText();
            if (name == null) {
                diagnostics.error(pos(a.getStart()), "precision arguments are named: " + usage);
                positional = true;
            } else if (name.equals(first) && one == null) {
                one = size(a.expr());
            } else if (name.equals(second) && two == null) {
                two = size(a.expr());
            } else {
                boolean other = floating ? name.equals("int") || name.equals("frac") : name.equals("p") || name.equals("e");
                diagnostics.error(pos(a.getStart()), "unexpected argument '" + name
                        + ":' in precision; it takes " + first + ": and " + second + ": once each"
                        + (other ? " (" + name + ": is " + (floating ? "fixed(int: I, frac: F)" : "float(p: P, e: E)") + "'s)" : ""));
                positional = true; // one error for the argument, not a second for the missing one
            }
        }
        if (floating) {
            if (one == null && !positional) {
                diagnostics.error(at, "precision needs 'p:': write float(p: P) or float(p: P, e: E)");
            }
            SizeExpr p = one == null ? new SizeExpr.Lit(2, at) : one;
            return new Stmt.Precision.Float(p, two == null ? Stmt.Precision.Float.defaultExponentBits(p) : two, pos(s.getStart()));
        }
        if ((one == null || two == null) && !positional) {
            diagnostics.error(at, "precision needs " + (one == null ? "'int:'" : "'frac:'")
                    + ": write fixed(int: I, frac: F)");
        }
        return new Stmt.Precision.Fixed(one == null ? new SizeExpr.Lit(0, at) : one,
                two == null ? new SizeExpr.Lit(1, at) : two, pos(s.getStart()));
    }

    private Init init(Expr e) {
        if (e instanceof Expr.Call c && c.callee().equals("random")) {
            if (!c.args().isEmpty() || c.named().size() != 1 || c.namedArg("seed").isEmpty()) {
                diagnostics.error(c.pos(), "random takes one named argument: random(seed: s)");
                return new Init.Random(new SizeExpr.Lit(0, c.pos()), c.pos());
            }
            return new Init.Random(toSize(c.namedArg("seed").get()), c.pos());
        }
        if (e instanceof Expr.Call c && c.callee().equals("load")) {
            if (c.args().size() != 1 || !c.named().isEmpty() || !(c.args().getFirst() instanceof Expr.Str s)) {
                diagnostics.error(c.pos(), "load takes one file name in quotes: load(\"w.npy\")");
                return new Init.Load("", c.pos());
            }
            if (!s.value().endsWith(".npy")) {
                diagnostics.error(s.pos(), "unsupported weight file \"" + s.value()
                        + "\": load reads NumPy .npy files");
            }
            return new Init.Load(s.value(), c.pos());
        }
        diagnostics.error(e.pos(), "a weight is initialised by random(seed: s) or load(\"file.npy\")");
        return new Init.Random(new SizeExpr.Lit(0, e.pos()), e.pos());
    }

    private ElemKind kind(Tc0Parser.ElemKindContext ctx) {
        return ctx == null ? ElemKind.FIXED : ElemKind.BIT;
    }

    private Shape shape(Tc0Parser.ShapeContext ctx) {
        List<SizeExpr> dims = new ArrayList<>();
        for (Tc0Parser.ExprContext e : ctx.expr()) {
            dims.add(size(e));
        }
        return new Shape(dims, pos(ctx.getStart()));
    }

    private SizeExpr size(Tc0Parser.ExprContext ctx) {
        return toSize(expr(ctx));
    }

    private SizeExpr toSize(Expr e) {
        return SizeExprs.fromExpr(e, (bad, why) -> diagnostics.error(bad.pos(), why));
    }

    Expr expr(Tc0Parser.ExprContext ctx) {
        return switch (ctx) {
            case Tc0Parser.SliceExprContext c -> new Expr.Slice(expr(c.expr()), sliceItems(c), pos(c.getStart()));
            case Tc0Parser.PowExprContext c -> binary(Expr.BinOp.POW, c.expr(0), c.expr(1), c.op);
            case Tc0Parser.NegExprContext c -> new Expr.Neg(expr(c.expr()), pos(c.getStart()));
            case Tc0Parser.MulExprContext c -> binary(switch (c.op.getText()) {
                case "*" -> Expr.BinOp.MUL;
                case "/" -> Expr.BinOp.DIV;
                default -> Expr.BinOp.MATMUL;
            }, c.expr(0), c.expr(1), c.op);
            case Tc0Parser.AddExprContext c -> binary(c.op.getText().equals("+") ? Expr.BinOp.ADD : Expr.BinOp.SUB,
                    c.expr(0), c.expr(1), c.op);
            case Tc0Parser.ForExprContext c -> new Expr.For(c.ID().getText(), size(c.expr(0)), size(c.expr(1)), expr(c.expr(2)),
                    pos(c.getStart()));
            case Tc0Parser.CallExprContext c -> call(c);
            case Tc0Parser.RefExprContext c -> new Expr.Ref(c.ID().getText(), pos(c.getStart()));
            case Tc0Parser.IntExprContext c -> new Expr.Num(new BigDecimal(c.INT().getText()), pos(c.getStart()));
            case Tc0Parser.DecimalExprContext c -> new Expr.Num(new BigDecimal(c.DECIMAL().getText()), pos(c.getStart()));
            case Tc0Parser.StringExprContext c -> new Expr.Str(unquote(c.STRING().getText()), pos(c.getStart()));
            case Tc0Parser.ShapeExprContext c -> new Expr.ShapeLit(shape(c.shape()), pos(c.getStart()));
            case Tc0Parser.ParenExprContext c -> expr(c.expr());
            default -> throw new IllegalStateException("unknown expression " + ctx.getClass().getSimpleName());
        };
    }

    private Expr binary(Expr.BinOp op, Tc0Parser.ExprContext l, Tc0Parser.ExprContext r, Token at) {
        return new Expr.Binary(op, expr(l), expr(r), pos(at));
    }

    private Expr call(Tc0Parser.CallExprContext c) {
        List<Expr> args = new ArrayList<>();
        List<Expr.NamedArg> named = new ArrayList<>();
        for (Tc0Parser.ArgContext a : c.args() == null ? List.<Tc0Parser.ArgContext>of() : c.args().arg()) {
            if (a.ID() == null) {
                if (!named.isEmpty()) {
                    diagnostics.error(pos(a.getStart()), "positional argument after a named one in '"
                            + c.ID().getText() + "'");
                }
                args.add(expr(a.expr()));
            } else {
                String name = a.ID().getText();
                if (named.stream().anyMatch(n -> n.name().equals(name))) {
                    diagnostics.error(pos(a.getStart()), "argument '" + name + ":' given twice");
                }
                named.add(new Expr.NamedArg(name, expr(a.expr()), pos(a.getStart())));
            }
        }
        return new Expr.Call(c.ID().getText(), args, named, pos(c.getStart()));
    }

    private List<Expr.SliceItem> sliceItems(Tc0Parser.SliceExprContext c) {
        List<Expr.SliceItem> items = new ArrayList<>();
        for (Tc0Parser.SliceItemContext item : c.sliceItem()) {
            items.add(switch (item) {
                case Tc0Parser.RangeItemContext r when r.from == null && r.to == null -> new Expr.SliceItem.All(pos(r.getStart()));
                case Tc0Parser.RangeItemContext r -> new Expr.SliceItem.Range(optSize(r.from), optSize(r.to), pos(r.getStart()));
                case Tc0Parser.IndexItemContext i -> new Expr.SliceItem.Index(size(i.expr()), pos(i.getStart()));
                default -> throw new IllegalStateException("unknown slice item");
            });
        }
        return items;
    }

    private Optional<SizeExpr> optSize(Tc0Parser.ExprContext ctx) {
        return ctx == null ? Optional.empty() : Optional.of(size(ctx));
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }

    static Pos pos(Token t) {
        return new Pos(Math.max(1, t.getLine()), t.getCharPositionInLine() + 1);
    }

    static Pos pos(ParserRuleContext ctx) {
        return pos(ctx.getStart());
    }
}
