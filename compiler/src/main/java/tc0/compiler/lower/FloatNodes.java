package tc0.compiler.lower;

import java.math.BigInteger;
import java.util.List;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.FloatActivations;
import tc0.compiler.gadgets.FloatDivide;
import tc0.compiler.gadgets.FloatExp;
import tc0.compiler.gadgets.FloatGelu;
import tc0.compiler.gadgets.FloatLayerNorm;
import tc0.compiler.gadgets.FloatMax;
import tc0.compiler.gadgets.FloatRope;
import tc0.compiler.gadgets.FloatScan;
import tc0.compiler.gadgets.FloatSoftmax;
import tc0.compiler.gadgets.FloatProduct;
import tc0.compiler.gadgets.FloatSqrt;
import tc0.compiler.gadgets.FloatSum;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.Select;
import tc0.compiler.interp.FloatInterpreter;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatCodes;
import tc0.compiler.numerics.Fixed;

/**
 * The float nodes of a program under {@code precision float(p: P)}, lowered onto the float gadgets to what
 * {@link tc0.compiler.interp.FloatInterpreter} computes: {@code + -} and a sum along an axis by {@link FloatSum}
 * (one rounding), {@code *} by {@link FloatProduct#multiply}, {@code /} and recip by {@link FloatDivide}, sqrt by
 * {@link FloatSqrt}, exp and the activations by {@link FloatExp}, {@link FloatActivations}, {@link FloatGelu}, max by
 * {@link FloatMax}, a line's softmax by {@link FloatSoftmax}'s stages (a constant mask's excluded entries left out, 0), a row's
 * layer norm by {@link FloatLayerNorm}, a RoPE pair by {@link FloatRope}, a scan output by {@link FloatScan}, a matrix product's entry as the rounded products
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
            case Op.Unary u when FloatInterpreter.FLOAT_FUNCTIONS.contains(u.function()) -> {
                boolean bit = isBit(u.operand());
                Op.Function fn = u.function();
                for (int i = 0; i < size; i++) {
                    r[i] = runner.run(new Step(kind + " " + fn, new int[][] {words[u.operand()][i]}, (net, in) -> function(net, fn, asFloat(in[0], bit))));
                }
            }
            case Op.Reduce red when red.reduction() != Op.Reduction.MEAN -> {
                int[][] lines = Layout.lines(p.node(red.operand()).shape(), red.axis());
                boolean bit = isBit(red.operand());
                Op.Reduction how = red.reduction();
                for (int l = 0; l < lines.length; l++) {
                    r[l] = runner.run(new Step(kind + " " + how + " of " + lines[l].length, line(red.operand(), lines[l]), (net, xs) -> {
                        if (bit && how == Op.Reduction.SUM) return FloatSum.ofBits(net, bitsOf(xs), f.p(), f.q()).word();
                        FloatWord[] terms = new FloatWord[xs.length];
                        for (int k = 0; k < xs.length; k++) terms[k] = floatWord(asFloat(xs[k], bit));
                        return switch (how) {
                            case MAX -> FloatMax.max(net, terms).word();
                            case MIN -> FloatMax.min(net, terms).word();
                            default -> FloatSum.build(net, terms, rounds).word();
                        };
                    }));
                }
            }
            case Op.Softmax s -> softmax(s.operand(), -1, s.axis(), r, kind);
            case Op.MaskedSoftmax s -> softmax(s.operand(), s.mask(), s.axis(), r, kind);
            case Op.LayerNorm ln -> {
                for (int[] l : Layout.lines(n.shape(), n.rank() - 1)) {
                    int[] out = runner.run(new Step(kind + " of " + l.length, line(ln.operand(), l), (net, xs) -> words(FloatLayerNorm.build(net, floatWords(xs), rounds))));
                    split(out, l, r);
                }
            }
            case Op.Rope rope -> {
                int m = (int) n.dim(0), k = (int) n.dim(1);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < k / 2; j++) {
                        double angle = Fixed.ropeAngle(i, j, k, rope.base());
                        int at = i * k + 2 * j;
                        int[][] in = {words[rope.operand()][at], words[rope.operand()][at + 1]};
                        int[] out = runner.run(new Step(kind + " angle " + Double.toHexString(angle), in,
                                (net, xs) -> words(FloatRope.pair(net, floatWord(xs[0]), floatWord(xs[1]), angle, rounds))));
                        split(out, new int[] {at, at + 1}, r);
                    }
                }
            }
            case Op.ScanExp sc -> {
                for (int[] l : Layout.lines(n.shape(), 0)) {
                    for (int t = 0; t < l.length; t++) {
                        int[] upTo = java.util.Arrays.copyOf(l, t + 1);
                        int[][] in = concat(line(sc.z(), upTo), line(sc.b(), upTo));
                        int steps = t + 1;
                        r[l[t]] = runner.run(new Step(kind + " step " + t, in, (net, xs) -> {
                            FloatWord[] ws = floatWords(xs);
                            return FloatScan.step(net, java.util.Arrays.copyOf(ws, steps), java.util.Arrays.copyOfRange(ws, steps, 2 * steps), rounds).word();
                        }));
                    }
                }
            }
            case Op.Kron k -> {
                List<Long> sa = p.node(k.left()).shape(), sb = p.node(k.right()).shape();
                int cols = (int) n.dim(1);
                boolean bx = isBit(k.left()), by = isBit(k.right());
                for (int i = 0; i < size; i++) {
                    int[][] in = {words[k.left()][k.leftIndex(i / cols, i % cols, cols, sa, sb)], words[k.right()][k.rightIndex(i / cols, i % cols, cols, sb)]};
                    r[i] = runner.run(new Step(kind + " MUL", in, (net, xs) -> arith(net, Op.Arith.MUL, xs[0], bx, xs[1], by)));
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

    private int[] function(Net net, Op.Function fn, int[] w) {
        FloatWord x = floatWord(w);
        return switch (fn) {
            case SQRT -> FloatSqrt.sqrt(net, x, rounds).word();
            case RECIP -> FloatDivide.reciprocal(net, x, rounds).word();
            case EXP -> FloatExp.exp(net, x, rounds).word();
            case SIGMOID -> FloatActivations.sigmoid(net, x, rounds).word();
            case SILU -> FloatActivations.silu(net, x, rounds).word();
            case SOFTPLUS -> FloatActivations.softplus(net, x, rounds).word();
            case GELU -> FloatGelu.gelu(net, x, rounds).word();
            default -> masked(net, w, Literal.not(w[f.p() + f.q()])); // relu
        };
    }

    /**
     * Softmax of each line along {@code axis} over its kept entries ({@link #softmaxLine}); an entry a constant
     * mask bit excludes is left out and is zero. A mask computed by the circuit is not lowered yet.
     */
    private void softmax(int operand, int mask, int axis, int[][] r, String kind) {
        boolean bit = isBit(operand);
        for (int[] l : Layout.lines(p.node(operand).shape(), axis)) {
            int[] kept = new int[l.length];
            int m = 0;
            for (int k = 0; k < l.length; k++) {
                int b = mask < 0 ? Literal.TRUE : words[mask][l[k]][0];
                if (!Literal.isConstant(b)) {
                    throw new UnsupportedOperationException("softmax with a mask the circuit computes is not in the float regime yet (node "
                            + mask + ", region " + p.node(mask).region() + "); a constant mask (tril, triu, eye) is");
                }
                if (b == Literal.TRUE) kept[m++] = l[k];
                else r[l[k]] = constant(f.zero());
            }
            if (m == 0) continue;
            int[] at = java.util.Arrays.copyOf(kept, m);
            softmaxLine(line(operand, at), bit, at, r, kind);
        }
    }

    /**
     * One line's softmax as {@link FloatSoftmax}'s stages, each a step of its own, in {@link FloatSoftmax#build}'s
     * order (so a builder makes the same gates): the max and the sum once per line, each entry's
     * {@code exp(x - M)} and share {@code e / S} one step each. A count meets the entries' steps as one element
     * alike (their inputs at the same levels), so a line of m entries costs it the max and the sum of m, not m
     * exponentials and divisions more.
     */
    private void softmaxLine(int[][] xs, boolean bit, int[] at, int[][] r, String kind) {
        int m = xs.length;
        int[] max = runner.run(new Step(kind + " softmax max of " + m, xs, (net, in) -> FloatSoftmax.max(net, floatWords(in, bit)).word()));
        int[][] e = new int[m][];
        for (int k = 0; k < m; k++) {
            e[k] = runner.run(new Step(kind + " softmax exp", new int[][] {xs[k], max},
                    (net, in) -> FloatSoftmax.shiftedExp(net, floatWord(asFloat(in[0], bit)), floatWord(in[1]), rounds).word()));
        }
        int[] sum = runner.run(new Step(kind + " softmax sum of " + m, e, (net, in) -> FloatSoftmax.sum(net, floatWords(in), rounds).word()));
        for (int k = 0; k < m; k++) {
            r[at[k]] = runner.run(new Step(kind + " softmax share", new int[][] {e[k], sum},
                    (net, in) -> FloatSoftmax.share(net, floatWord(in[0]), floatWord(in[1]), rounds).word()));
        }
    }

    private FloatWord[] floatWords(int[][] xs, boolean bit) {
        FloatWord[] ws = new FloatWord[xs.length];
        for (int k = 0; k < xs.length; k++) ws[k] = floatWord(asFloat(xs[k], bit));
        return ws;
    }

    private int[][] line(int id, int[] at) {
        int[][] in = new int[at.length][];
        for (int k = 0; k < at.length; k++) in[k] = words[id][at[k]];
        return in;
    }

    private static int[][] concat(int[][] a, int[][] b) {
        int[][] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private FloatWord[] floatWords(int[][] xs) {
        FloatWord[] ws = new FloatWord[xs.length];
        for (int k = 0; k < xs.length; k++) ws[k] = floatWord(xs[k]);
        return ws;
    }

    /** Several words as one step's output, end to end. */
    private static int[] words(FloatWord[] ws) {
        int w = ws[0].word().length;
        int[] out = new int[ws.length * w];
        for (int k = 0; k < ws.length; k++) System.arraycopy(ws[k].word(), 0, out, k * w, w);
        return out;
    }

    /** A step's output of several words, word k to element {@code at[k]}. */
    private void split(int[] out, int[] at, int[][] r) {
        int w = f.p() + f.q() + 1;
        for (int k = 0; k < at.length; k++) r[at[k]] = java.util.Arrays.copyOfRange(out, k * w, (k + 1) * w);
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

    /** The bits of bit words (one literal each). */
    private static int[] bitsOf(int[][] xs) {
        int[] b = new int[xs.length];
        for (int k = 0; k < xs.length; k++) b[k] = xs[k][0];
        return b;
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
