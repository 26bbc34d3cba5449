package tc0.dsl.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a syntax tree back as canonical source text: four-space indentation, one statement per
 * line, the fewest parentheses that keep the tree. Parsing the output gives the same tree
 * (positions aside).
 */
public final class Printer {
    private static final int ADD = 1;
    private static final int MUL = 2;
    private static final int NEG = 3;
    private static final int POW = 4;
    private static final int POSTFIX = 5;
    private static final int ATOM = 6;

    private final StringBuilder out = new StringBuilder();

    private Printer() {}

    /** The canonical text of a program. */
    public static String program(Program p) {
        Printer printer = new Printer();
        for (int i = 0; i < p.decls().size(); i++) {
            if (i > 0) {
                printer.out.append('\n');
            }
            printer.decl(p.decls().get(i));
        }
        return printer.out.toString();
    }

    private void decl(Decl d) {
        switch (d) {
            case Decl.Model m -> {
                List<String> params = new ArrayList<>();
                for (Decl.Param p : m.params()) {
                    params.add(p.name() + p.defaultValue().map(v -> " = " + size(v)).orElse(""));
                }
                out.append("model ").append(m.name()).append('(').append(String.join(", ", params)).append(") ");
            }
            case Decl.Function f -> {
                List<String> params = new ArrayList<>();
                for (Decl.FnParam p : f.params()) {
                    params.add(switch (p) {
                        case Decl.FnParam.Tensor t -> t.name() + ": " + shape(t.pattern()) + kind(t.kind());
                        case Decl.FnParam.Size s -> s.name() + ": int";
                    });
                }
                out.append("fn ").append(f.name()).append('(').append(String.join(", ", params)).append(')');
                f.result().ifPresent(r -> out.append(" -> ").append(shape(r)));
                out.append(' ');
            }
        }
        block(d instanceof Decl.Model m ? m.body() : ((Decl.Function) d).body(), 0);
        out.append('\n');
    }

    private void block(List<Stmt> body, int indent) {
        out.append("{\n");
        for (Stmt s : body) {
            out.append("    ".repeat(indent + 1));
            stmt(s, indent + 1);
            out.append('\n');
        }
        out.append("    ".repeat(indent)).append('}');
    }

    private void stmt(Stmt s, int indent) {
        switch (s) {
            case Stmt.Input i -> out.append("input ").append(i.name()).append(": ").append(shape(i.shape()))
                    .append(kind(i.kind())).append(';');
            case Stmt.Weight w -> out.append("weight ").append(w.name()).append(": ").append(shape(w.shape()))
                    .append(kind(w.kind())).append(" = ").append(init(w.init())).append(';');
            case Stmt.Let l -> out.append("let ").append(l.name())
                    .append(l.declared().map(sh -> ": " + shape(sh)).orElse("")).append(" = ")
                    .append(expr(l.value())).append(';');
            case Stmt.Assign a -> out.append(a.name()).append(" = ").append(expr(a.value())).append(';');
            case Stmt.For f -> {
                out.append("for ").append(f.var()).append(" in ").append(size(f.from())).append(" .. ")
                        .append(size(f.to())).append(' ');
                block(f.body(), indent);
            }
            case Stmt.Output o -> out.append("output ").append(o.name())
                    .append(o.value().map(v -> " = " + expr(v)).orElse("")).append(';');
            case Stmt.Assert a -> out.append("assert ").append(a.metric().text()).append(" <= ")
                    .append(size(a.bound())).append(';');
            case Stmt.Precision.Fixed p -> out.append("precision fixed(int: ").append(size(p.intBits()))
                    .append(", frac: ").append(size(p.fracBits())).append(");");
            case Stmt.Precision.Float p -> out.append("precision float(p: ").append(size(p.significandBits()))
                    .append(", e: ").append(size(p.exponentBits())).append(");");
            case Stmt.Return r -> out.append("return ").append(expr(r.value())).append(';');
        }
    }

    private static String init(Init i) {
        return switch (i) {
            case Init.Random r -> "random(seed: " + size(r.seed()) + ")";
            case Init.Load l -> "load(\"" + l.path() + "\")";
        };
    }

    private static String kind(ElemKind k) {
        return switch (k) {
            case FIXED -> "";
            case BIT -> " bit";
        };
    }

    /** A shape as written: {@code [n, 4*d]}. */
    public static String shape(Shape s) {
        List<String> dims = new ArrayList<>();
        for (SizeExpr d : s.dims()) {
            dims.add(size(d));
        }
        return "[" + String.join(", ", dims) + "]";
    }

    /** A size expression: {@code *}, {@code /} and {@code ^} without spaces, {@code +} and {@code -} with. */
    public static String size(SizeExpr e) {
        return switch (e) {
            case SizeExpr.Lit l -> Long.toString(l.value());
            case SizeExpr.Sym s -> s.name();
            case SizeExpr.Neg n -> "-" + sizeIn(n.operand(), NEG + 1);
            case SizeExpr.Bin b -> sizeBin(b);
            case SizeExpr.Fn f -> f.fn().text() + "(" + String.join(", ", f.args().stream().map(Printer::size).toList()) + ")";
        };
    }

    private static String sizeBin(SizeExpr.Bin b) {
        int p = switch (b.op()) {
            case ADD, SUB -> ADD;
            case MUL, DIV -> MUL;
            case POW -> POW;
        };
        boolean right = b.op() == SizeExpr.SizeOp.POW;
        String l = sizeIn(b.left(), right ? p + 1 : p);
        String r = sizeIn(b.right(), right ? p : p + 1);
        return p == ADD ? l + " " + b.op().text() + " " + r : l + b.op().text() + r;
    }

    private static String sizeIn(SizeExpr e, int min) {
        String s = size(e);
        return sizePrec(e) < min ? "(" + s + ")" : s;
    }

    private static int sizePrec(SizeExpr e) {
        return switch (e) {
            case SizeExpr.Lit l -> ATOM;
            case SizeExpr.Sym s -> ATOM;
            case SizeExpr.Fn f -> ATOM;
            case SizeExpr.Neg n -> NEG;
            case SizeExpr.Bin b -> switch (b.op()) {
                case ADD, SUB -> ADD;
                case MUL, DIV -> MUL;
                case POW -> POW;
            };
        };
    }

    /** A value expression. */
    public static String expr(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.value().toPlainString();
            case Expr.Ref r -> r.name();
            case Expr.Neg n -> "-" + exprIn(n.operand(), NEG + 1);
            case Expr.Binary b -> exprBin(b);
            case Expr.Slice s -> exprIn(s.target(), POSTFIX) + "[" + String.join(", ",
                    s.items().stream().map(Printer::sliceItem).toList()) + "]";
            case Expr.ShapeLit s -> shape(s.shape());
            case Expr.Str s -> "\"" + s.value() + "\"";
            case Expr.Call c -> call(c);
            case Expr.For f -> "for " + f.var() + " in " + size(f.from()) + " .. " + size(f.to()) + " { " + expr(f.body()) + " }";
        };
    }

    private static String call(Expr.Call c) {
        List<String> args = new ArrayList<>();
        c.args().forEach(a -> args.add(expr(a)));
        c.named().forEach(a -> args.add(a.name() + ": " + expr(a.value())));
        return c.callee() + "(" + String.join(", ", args) + ")";
    }

    private static String sliceItem(Expr.SliceItem item) {
        return switch (item) {
            case Expr.SliceItem.All a -> ":";
            case Expr.SliceItem.Range r -> r.from().map(Printer::size).orElse("") + ":"
                    + r.to().map(Printer::size).orElse("");
            case Expr.SliceItem.Index i -> size(i.at());
        };
    }

    private static String exprBin(Expr.Binary b) {
        int p = exprPrec(b);
        boolean right = b.op() == Expr.BinOp.POW;
        String l = exprIn(b.left(), right ? p + 1 : p);
        String r = exprIn(b.right(), right ? p : p + 1);
        return right ? l + "^" + r : l + " " + b.op().text() + " " + r;
    }

    private static String exprIn(Expr e, int min) {
        String s = expr(e);
        return exprPrec(e) < min ? "(" + s + ")" : s;
    }

    private static int exprPrec(Expr e) {
        return switch (e) {
            case Expr.Num n -> ATOM;
            case Expr.Ref r -> ATOM;
            case Expr.ShapeLit s -> ATOM;
            case Expr.Str s -> ATOM;
            case Expr.Call c -> ATOM;
            case Expr.For f -> ATOM;
            case Expr.Slice s -> POSTFIX;
            case Expr.Neg n -> NEG;
            case Expr.Binary b -> switch (b.op()) {
                case ADD, SUB -> ADD;
                case MUL, DIV, MATMUL -> MUL;
                case POW -> POW;
            };
        };
    }
}
