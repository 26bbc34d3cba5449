package tc0.compiler.lower;

import java.math.BigInteger;
import java.util.List;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.FloatDivide;
import tc0.compiler.gadgets.FloatProduct;
import tc0.compiler.gadgets.FloatSqrt;
import tc0.compiler.gadgets.FloatSum;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.Select;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatCodes;

/**
 * The float nodes of a program under {@code precision float(p: P)}, lowered onto the float gadgets to what
 * {@link tc0.compiler.interp.FloatInterpreter} computes: {@code + -} and a sum along an axis by {@link FloatSum}
 * (one rounding), {@code *} by {@link FloatProduct#multiply}, {@code /} and recip by {@link FloatDivide}, sqrt by
 * {@link FloatSqrt}, a matrix product's entry as the rounded products
 * summed by one {@link FloatSum}; a bit times a float is the float's bits ANDed with the bit (exact), relu the
 * bits ANDed with the sign's negation, where a multiplexer, wiring moves words. Each element is a
 * {@link FloatWord}'s word ({@code p + e + 1} literals: significand, exponent, sign; a bit node's element one
 * literal). Each computed element is a {@link Step}, its operands' words and a gadget of them, which a
 * {@link Runner} builds ({@link #build}) or counts once per kind of inputs ({@code tc0.compiler.count.FloatCount}).
 */
public final class FloatNodes {
    /** Builds an element's gates from its input words. */
    @FunctionalInterface
    public interface Gadget {
        int[] build(Net net, int[][] inputs);
    }

    /**
     * One element: its input words and the gadget; {@code kind} names the gadget fully (op, which operands are bits,
     * the sizes): two steps of one kind on inputs alike (same constants, same repeated literals, same levels) build alike.
     */
    public record Step(String kind, int[][] inputs, Gadget gadget) {}

    /** Runs a step: builds it, or counts it. */
    @FunctionalInterface
    public interface Runner {
        int[] run(Step step);
    }

    private final TensorProgram p;
    private final int[][][] words;
    private final int rounds;
    private final ChiangFloat.Format f;
    private final Runner runner;

    public FloatNodes(TensorProgram p, int[][][] words, int rounds, Runner runner) {
        this.p = p;
        this.words = words;
        this.rounds = rounds;
        this.f = p.floats().orElseThrow();
        this.runner = runner;
    }

    /** The runner that builds each step into {@code net}. */
    public static Runner build(Net net) {
        return s -> s.gadget().build(net, s.inputs());
    }

    /** The words of float node {@code n}, its operands' words already in {@code words}. */
    public int[][] lower(Node n) {
        int size = Math.toIntExact(n.size());
        int[][] r = new int[size][];
        String kind = n.op().label() + " " + operandKinds(n) + " rounds " + rounds;
        switch (n.op()) {
            case Op.Constant c -> { for (int i = 0; i < size; i++) r[i] = constant(c.code(i)); }
            case Op.Fill fill -> { for (int i = 0; i < size; i++) r[i] = constant(fill.code()); }
            case Op.Broadcast x -> gather(n, r);
            case Op.Transpose x -> gather(n, r);
            case Op.Reshape x -> gather(n, r);
            case Op.Slice x -> gather(n, r);
            case Op.Concat x -> gather(n, r);
            case Op.Elementwise e -> {
                boolean bx = isBit(e.left()), by = isBit(e.right());
                for (int i = 0; i < size; i++) {
                    r[i] = runner.run(new Step(kind + " " + e.arith(), new int[][] {words[e.left()][i], words[e.right()][i]},
                            (net, in) -> arith(net, e.arith(), in[0], bx, in[1], by)));
                }
            }
            case Op.MatMul m -> matmul(m, n, r, kind);
            case Op.Unary u when u.function() == Op.Function.RELU || u.function() == Op.Function.SQRT || u.function() == Op.Function.RECIP -> {
                boolean bit = isBit(u.operand());
                Op.Function fn = u.function();
                for (int i = 0; i < size; i++) {
                    r[i] = runner.run(new Step(kind + " " + fn, new int[][] {words[u.operand()][i]}, (net, in) -> {
                        int[] w = asFloat(in[0], bit);
                        return switch (fn) {
                            case SQRT -> FloatSqrt.sqrt(net, floatWord(w), rounds).word();
                            case RECIP -> FloatDivide.reciprocal(net, floatWord(w), rounds).word();
                            default -> masked(net, w, Literal.not(w[f.p() + f.q()]));
                        };
                    }));
                }
            }
            case Op.Reduce red when red.reduction() == Op.Reduction.SUM -> {
                int[][] lines = Layout.lines(p.node(red.operand()).shape(), red.axis());
                boolean bit = isBit(red.operand());
                for (int l = 0; l < lines.length; l++) {
                    int[][] in = new int[lines[l].length][];
                    for (int k = 0; k < in.length; k++) in[k] = words[red.operand()][lines[l][k]];
                    r[l] = runner.run(new Step(kind + " sum of " + in.length, in, (net, xs) -> {
                        FloatWord[] terms = new FloatWord[xs.length];
                        for (int k = 0; k < xs.length; k++) terms[k] = floatWord(asFloat(xs[k], bit));
                        return FloatSum.build(net, terms, rounds).word();
                    }));
                }
            }
            case Op.Select s -> {
                boolean ba = isBit(s.a()), bb = isBit(s.b());
                for (int i = 0; i < size; i++) {
                    r[i] = runner.run(new Step(kind + " select", new int[][] {words[s.cond()][i], words[s.a()][i], words[s.b()][i]},
                            (net, in) -> Select.mux(net, in[0][0], asFloat(in[1], ba), asFloat(in[2], bb))));
                }
            }
            default -> throw new UnsupportedOperationException("lowering of " + n.op().label() + " is not in the float regime yet (node "
                    + n.id() + ", region " + n.region() + ")");
        }
        return r;
    }

    /** Entry (i, j): each product rounded (a bit's exact), then one sum with one rounding. */
    private void matmul(Op.MatMul m, Node n, int[][] r, String kind) {
        List<Long> ls = p.node(m.left()).shape();
        int rows = (int) (long) ls.get(0), inner = (int) (long) ls.get(1), cols = (int) n.dim(1);
        boolean bx = isBit(m.left()), by = isBit(m.right());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int[][] in = new int[2 * inner][];
                for (int k = 0; k < inner; k++) {
                    in[2 * k] = words[m.left()][i * inner + k];
                    in[2 * k + 1] = words[m.right()][k * cols + j];
                }
                r[i * cols + j] = runner.run(new Step(kind + " dot of " + inner, in, (net, xs) -> {
                    FloatWord[] terms = new FloatWord[inner];
                    for (int k = 0; k < inner; k++) terms[k] = floatWord(arith(net, Op.Arith.MUL, xs[2 * k], bx, xs[2 * k + 1], by));
                    return FloatSum.build(net, terms, rounds).word();
                }));
            }
        }
    }

    /** {@code x op y}; a bit operand is 0 or 1, and a bit times anything is exact. */
    private int[] arith(Net net, Op.Arith op, int[] x, boolean bx, int[] y, boolean by) {
        if (op == Op.Arith.MUL && (bx || by)) {
            if (bx && by) return one(net.and(x[0], y[0]));
            return bx ? masked(net, y, x[0]) : masked(net, x, y[0]);
        }
        FloatWord a = floatWord(asFloat(x, bx)), b = floatWord(asFloat(y, by));
        return switch (op) {
            case MUL -> FloatProduct.multiply(net, a, b, rounds).word();
            case ADD -> FloatSum.build(net, new FloatWord[] {a, b}, rounds).word();
            case SUB -> FloatSum.build(net, new FloatWord[] {a, new FloatWord(b.significand(), b.exponent(), Literal.not(b.sign()))}, rounds).word();
            case DIV -> FloatDivide.divide(net, a, b, rounds).word();
        };
    }

    private String operandKinds(Node n) {
        StringBuilder sb = new StringBuilder();
        for (int o : n.op().operands()) sb.append(isBit(o) ? 'b' : 'f');
        return sb.toString();
    }

    private boolean isBit(int id) {
        return p.node(id).elem() instanceof Elem.Bit;
    }

    /** A float word, or a bit as 1.0 or 0. */
    private int[] asFloat(int[] w, boolean bit) {
        return bit ? one(w[0]) : w;
    }

    private FloatWord floatWord(int[] w) {
        return FloatWord.of(w, f.p(), f.q());
    }

    /** Every literal ANDed with {@code bit}: the float, or zero (code 0). */
    private static int[] masked(Net net, int[] w, int bit) {
        int[] r = new int[w.length];
        for (int k = 0; k < w.length; k++) r[k] = net.and(w[k], bit);
        return r;
    }

    /** 1.0 where {@code bit} is 1, else zero: the bit on the literals set in 1.0's code (wiring, no gate). */
    private int[] one(int bit) {
        int[] c = constant(FloatCodes.round(f, 1));
        for (int k = 0; k < c.length; k++) c[k] = c[k] == Literal.TRUE ? bit : Literal.FALSE;
        return c;
    }

    private int[] constant(long doubleBits) {
        return constant(FloatCodes.round(f, Double.longBitsToDouble(doubleBits)));
    }

    /** The literals of a float's word. */
    private int[] constant(ChiangFloat x) {
        ChiangFloat c = x.canonical();
        int pb = f.p(), q = f.q();
        int[] w = new int[pb + q + 1];
        BigInteger m = c.significand();
        for (int k = 0; k < pb; k++) w[k] = m.testBit(k) ? Literal.TRUE : Literal.FALSE;
        for (int k = 0; k < q; k++) w[pb + k] = (c.biasedExponent() >> k & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        w[pb + q] = c.negative() ? Literal.TRUE : Literal.FALSE;
        return w;
    }

    /** Wiring: a float node's elements are its operand's words moved (a bit operand read as 1.0 or 0). */
    private void gather(Node n, int[][] r) {
        int[] g = Layout.gather(p, n);
        int first = n.op().operands().getFirst();
        for (int i = 0; i < g.length; i++) {
            int src = g[i] >= 0 ? first : ((Op.Concat) n.op()).right(), at = g[i] >= 0 ? g[i] : -g[i] - 1;
            r[i] = asFloat(words[src][at], isBit(src));
        }
    }
}
