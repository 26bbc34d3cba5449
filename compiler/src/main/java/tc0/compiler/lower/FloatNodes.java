package tc0.compiler.lower;

import java.math.BigInteger;
import java.util.List;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.FloatProduct;
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
 * (one rounding), {@code *} by {@link FloatProduct#multiply}, a matrix product's entry as the rounded products
 * summed by one {@link FloatSum}; a bit times a float is the float's bits ANDed with the bit (exact), relu the
 * bits ANDed with the sign's negation, where a multiplexer, wiring moves words. Each element is a
 * {@link FloatWord}'s word ({@code p + e + 1} literals: significand, exponent, sign). Written against {@link Net},
 * so {@link tc0.compiler.gadgets.CountingNet} counts exactly what is built.
 */
public final class FloatNodes {
    private final TensorProgram p;
    private final Net net;
    private final int[][][] words;
    private final int rounds;
    private final ChiangFloat.Format f;

    public FloatNodes(TensorProgram p, Net net, int[][][] words, int rounds) {
        this.p = p;
        this.net = net;
        this.words = words;
        this.rounds = rounds;
        this.f = p.floats().orElseThrow();
    }

    /** The words of float node {@code n}, its operands' words already in {@code words}. */
    public int[][] lower(Node n) {
        int size = Math.toIntExact(n.size());
        int[][] r = new int[size][];
        switch (n.op()) {
            case Op.Constant c -> { for (int i = 0; i < size; i++) r[i] = constant(c.code(i)); }
            case Op.Fill fill -> { for (int i = 0; i < size; i++) r[i] = constant(fill.code()); }
            case Op.Broadcast x -> gather(n, r);
            case Op.Transpose x -> gather(n, r);
            case Op.Reshape x -> gather(n, r);
            case Op.Slice x -> gather(n, r);
            case Op.Concat x -> gather(n, r);
            case Op.Elementwise e -> { for (int i = 0; i < size; i++) r[i] = arith(e.arith(), e.left(), e.right(), i, i, n); }
            case Op.MatMul m -> matmul(m, n, r);
            case Op.Unary u when u.function() == Op.Function.RELU -> {
                for (int i = 0; i < size; i++) r[i] = masked(word(u.operand(), i), Literal.not(sign(word(u.operand(), i))));
            }
            case Op.Reduce red when red.reduction() == Op.Reduction.SUM -> {
                int[][] lines = Layout.lines(p.node(red.operand()).shape(), red.axis());
                for (int l = 0; l < lines.length; l++) {
                    FloatWord[] terms = new FloatWord[lines[l].length];
                    for (int k = 0; k < terms.length; k++) terms[k] = floatWord(word(red.operand(), lines[l][k]));
                    r[l] = FloatSum.build(net, terms, rounds).word();
                }
            }
            case Op.Select s -> { for (int i = 0; i < size; i++) r[i] = Select.mux(net, words[s.cond()][i][0], word(s.a(), i), word(s.b(), i)); }
            default -> throw new UnsupportedOperationException("lowering of " + n.op().label() + " is not in the float regime yet (node "
                    + n.id() + ", region " + n.region() + ")");
        }
        return r;
    }

    /** Entry (i, j): each product rounded (a bit's exact), then one sum with one rounding. */
    private void matmul(Op.MatMul m, Node n, int[][] r) {
        List<Long> ls = p.node(m.left()).shape();
        int rows = (int) (long) ls.get(0), inner = (int) (long) ls.get(1), cols = (int) n.dim(1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                FloatWord[] terms = new FloatWord[inner];
                for (int k = 0; k < inner; k++) terms[k] = floatWord(arith(Op.Arith.MUL, m.left(), m.right(), i * inner + k, k * cols + j, n));
                r[i * cols + j] = FloatSum.build(net, terms, rounds).word();
            }
        }
    }

    /** {@code x op y} of element a of the left operand and element b of the right one. */
    private int[] arith(Op.Arith op, int left, int right, int a, int b, Node n) {
        boolean bx = isBit(left), by = isBit(right);
        if (op == Op.Arith.MUL && (bx || by)) {
            if (bx && by) return one(net.and(words[left][a][0], words[right][b][0]));
            return bx ? masked(words[right][b], words[left][a][0]) : masked(words[left][a], words[right][b][0]);
        }
        FloatWord x = floatWord(word(left, a)), y = floatWord(word(right, b));
        return switch (op) {
            case MUL -> FloatProduct.multiply(net, x, y, rounds).word();
            case ADD -> FloatSum.build(net, new FloatWord[] {x, y}, rounds).word();
            case SUB -> FloatSum.build(net, new FloatWord[] {x, new FloatWord(y.significand(), y.exponent(), Literal.not(y.sign()))}, rounds).word();
            case DIV -> throw new UnsupportedOperationException("division is not in the float regime yet (node " + n.id() + ", region " + n.region() + ")");
        };
    }

    private boolean isBit(int id) {
        return p.node(id).elem() instanceof Elem.Bit;
    }

    /** Element i of a node as a float word: a bit becomes 1.0 or 0. */
    private int[] word(int id, int i) {
        return isBit(id) ? one(words[id][i][0]) : words[id][i];
    }

    private FloatWord floatWord(int[] w) {
        return FloatWord.of(w, f.p(), f.q());
    }

    private int sign(int[] w) {
        return w[f.p() + f.q()];
    }

    /** Every literal ANDed with {@code bit}: the float, or zero (code 0). */
    private int[] masked(int[] w, int bit) {
        int[] r = new int[w.length];
        for (int k = 0; k < w.length; k++) r[k] = net.and(w[k], bit);
        return r;
    }

    /** 1.0 where {@code bit} is 1, else zero: the bit on the literals set in 1.0's code. */
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

    private void gather(Node n, int[][] r) {
        int[] g = Layout.gather(p, n);
        int first = n.op().operands().getFirst();
        for (int i = 0; i < g.length; i++) r[i] = g[i] >= 0 ? word(first, g[i]) : word(((Op.Concat) n.op()).right(), -g[i] - 1);
    }
}
