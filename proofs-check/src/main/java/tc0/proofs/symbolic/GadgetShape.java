package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.Optional;
import tc0.compiler.ir.Op;

/**
 * How one element of an op's gadget grows with its parameters: m (the length it reads along: a dot product's
 * inner size, a reduction's or a row's length), w (the widest word it touches, bits) and T = 2^w_in (the
 * entries of a table over its input word). A node's gates are at most c * elements * shape, c a constant of
 * the node ({@link SizeBound}); each shape says why the gadget is no larger, as a sketch of the construction,
 * not a proof: the constants are fitted on small n and confirmed on the others.
 */
public enum GadgetShape {
    LINEAR("w", "an adder, comparison, select or sign test: a constant number of gates per bit (carry-lookahead by compression of 2 rows)"),
    QUADRATIC("w^2", "a product or a scaling by a constant: w partial products of w bits compressed, gates per column times columns"),
    CUBIC("w^3", "a division: a reciprocal table-free power series of w terms, each a w-bit product"),
    TABLE("T", "a table over a w-bit input: one comparison gate per change point of its at most 2^w entries, per output bit a sum of them"),
    DOT("m w^2", "a dot product: m products of w-bit words and one m-ary sum of 2w-bit terms"),
    SUM("m w + w^2", "an m-ary sum of w-bit words by column compression (gates per column at most its height)"),
    MEAN("m T + m w + w^2", "an m-ary sum, then a division by the constant m: at worst a step table over the sum's w + log2 m bits "
            + "(m T change points; gcn's mean at n = 3000 is 8.5 million gates per output); a mean over a mask's kept entries: "
            + "one comparator per output code over the entries' ANDed bits (T + m w gates)"),
    MAXIMUM("m^2 + m w", "the maximum of m words: m(m-1)/2 pairwise comparisons, each ONE threshold gate over both words' bits, "
            + "then a one-hot select of w-bit words ((m + 1) w gates; MaxArgmax.closedCostMax)"),
    ROW("T + m + w^2", "softmax, RoPE: per element a table's comparators (at most T), its share of the row's maximum (m(m-1)/2 one-gate "
            + "comparators and (m + 1) w select gates per row of m: at most m + w each), the normalisation's output codes (one gate each, "
            + "at most T) or RoPE's two w-bit products (w^2)"),
    LAYER("T^2 + m w^2", "layer norm: one comparator per breakpoint of the scale rho (at most 2^(rho's width), rho at most twice the input's width: T^2), "
            + "the squares' ANDs and the row's sums (m w^2 per element)"),
    SCAN("m T + m w^2", "a scan along m (Scan): per element t, for each of its up to m pairs j < t the comparators at the breakpoints of "
            + "EXP over the range sum (at most T) and the decay's ANDs with b_j (w^2), then one weighted sum over them");

    /** How the shape is written, and why the gadget is no larger (a sketch). */
    public final String text, why;

    GadgetShape(String text, String why) {
        this.text = text;
        this.why = why;
    }

    /** The shape over m, w and T (polynomials, or constants for one n). */
    public Poly of(Poly m, Poly w, Poly t) {
        return switch (this) {
            case LINEAR -> w;
            case QUADRATIC -> w.power(2);
            case CUBIC -> w.power(3);
            case TABLE -> t;
            case DOT -> m.times(w.power(2));
            case SUM -> m.times(w).plus(w.power(2));
            case MEAN -> m.times(t).plus(m.times(w)).plus(w.power(2));
            case MAXIMUM -> m.power(2).plus(m.times(w));
            case ROW -> t.plus(m).plus(w.power(2));
            case LAYER -> t.power(2).plus(m.times(w.power(2)));
            case SCAN -> m.times(t).plus(m.times(w.power(2)));
        };
    }

    /** The shape's parts (its sum's terms), each of which a node may give its own constant ({@link Decomposition}). */
    public java.util.List<Poly> parts(Poly m, Poly w, Poly t) {
        return switch (this) {
            case SUM -> java.util.List.of(m.times(w), w.power(2));
            case MEAN -> java.util.List.of(m.times(t), m.times(w), w.power(2));
            case MAXIMUM -> java.util.List.of(m.power(2), m.times(w));
            case ROW -> java.util.List.of(t, m, w.power(2));
            case LAYER -> java.util.List.of(t.power(2), m.times(w.power(2)));
            case SCAN -> java.util.List.of(m.times(t), m.times(w.power(2)));
            default -> java.util.List.of(of(m, w, t));
        };
    }

    /** The shape at concrete parameters. */
    public BigInteger at(long m, int w, int wIn) {
        Poly v = of(constant(m), constant(w), Poly.constant(BigInteger.ONE.shiftLeft(wIn), BigInteger.ONE));
        return v.numerators().getOrDefault(new Poly.Term(0, 0, 0), BigInteger.ZERO).divide(v.denominator());
    }

    private static Poly constant(long v) {
        return Poly.constant(BigInteger.valueOf(v), BigInteger.ONE);
    }

    /** The shape of an op's gadget; empty for wiring (no gates) and for an op no shape is written for. */
    public static Optional<GadgetShape> of(Op op) {
        return Optional.ofNullable(switch (op) {
            case Op.Elementwise e -> switch (e.arith()) {
                case ADD, SUB, MUL -> QUADRATIC; // an add's gates are linear in w, but with constant bits the counted adder varies (gcn's deg + 1)
                case DIV -> CUBIC;
            };
            case Op.Unary u -> switch (u.function()) {
                case RELU, ABS -> LINEAR;
                default -> TABLE;
            };
            case Op.Select _, Op.Kron _ -> LINEAR;
            case Op.ScaleByConstant _, Op.Upsample _, Op.Downsample _ -> QUADRATIC;
            case Op.MatMul _ -> DOT;
            case Op.Reduce r -> switch (r.reduction()) {
                case SUM -> SUM;
                case MEAN -> MEAN;
                case MAX, MIN -> MAXIMUM;
            };
            case Op.Softmax _, Op.MaskedSoftmax _, Op.Rope _ -> ROW;
            case Op.MaskedMean _ -> MEAN;
            case Op.LayerNorm _ -> LAYER;
            case Op.ScanExp _ -> SCAN;
            default -> null;
        });
    }
}
