package tc0.compiler.count;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.ClosedSum;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.gadgets.WideWeightedSum;
import tc0.compiler.numerics.FixedFormat;

/**
 * A weighted sum over a {@link Tape}'s literals with exact weights, for the sums whose numbers pass a long (32-bit
 * words at n = 2^20): terms in the order they are added (the builder's column order), counted on their column
 * shape ({@code WeightedSum.closedSum}, as a builder with unbounded weights would build them) into a profile, and
 * the result's bits standing on the Tape as opaque nodes (one per output node: a shared saturation gate once)
 * that read every node of the form. A form the shape does not model (a node twice with both signs or with a
 * weight past a long, a comparator the builder would drop: layer norm's {@code * g} by a negative weight, a
 * 34 x 34-bit product by a constant) is built on the Tape instead, gate by gate over exact integers
 * ({@link WideWeightedSum}): the gates a builder with unbounded weights would make.
 */
final class WideTapeSum {
    final List<Integer> lits = new ArrayList<>();
    final List<BigInteger> weights = new ArrayList<>();
    BigInteger constant = BigInteger.ZERO;

    void add(int lit, BigInteger wt) {
        if (wt.signum() == 0 || lit == Literal.FALSE) return;
        if (lit == Literal.TRUE) { constant = constant.add(wt); return; }
        lits.add(lit);
        weights.add(wt);
    }

    /** {@code coeff * x} for a two's complement word. */
    void addWord(int[] word, BigInteger coeff) {
        int w = word.length;
        for (int i = 0; i < w; i++) add(word[i], i == w - 1 ? coeff.shiftLeft(i).negate() : coeff.shiftLeft(i));
    }

    /**
     * {@code Multiply.addProduct}: {@code x * y} as the ANDs {@code x_i y_j} (on the Tape, constants folded) with
     * weights {@code ±2^(i+j)}, negative where exactly one of the two bits is a sign bit.
     */
    WideTapeSum addProduct(Tape net, int[] x, int[] y) {
        int wx = x.length, wy = y.length;
        for (int i = 0; i < wx; i++) {
            for (int j = 0; j < wy; j++) {
                BigInteger wt = BigInteger.ONE.shiftLeft(i + j);
                add(net.and(x[i], y[j]), (i == wx - 1) != (j == wy - 1) ? wt.negate() : wt);
            }
        }
        return this;
    }

    /** {@code LayerNorm.addSquare}: {@code sign * x^2} as the bits {@code x_a} and the ANDs {@code x_a x_b} (a < b), the ANDs on the Tape. */
    void addSquare(Tape net, int[] x, int sign) {
        int w = x.length;
        for (int a = 0; a < w; a++) {
            add(x[a], BigInteger.ONE.shiftLeft(2 * a).multiply(BigInteger.valueOf(sign)));
            for (int b = a + 1; b < w; b++) {
                BigInteger wt = BigInteger.ONE.shiftLeft(a + b + 1).multiply(BigInteger.valueOf(sign));
                add(net.and(x[a], x[b]), b == w - 1 ? wt.negate() : wt);
            }
        }
    }

    /** {@code WeightedSum.exact}: the value as a word just wide enough for the form's range, counted into {@code side}. */
    int[] exact(Tape net, int rounds, Profile side) {
        BigInteger min = constant, max = constant;
        for (BigInteger wt : weights) if (wt.signum() < 0) min = min.add(wt); else max = max.add(wt);
        int width = 1;
        while (min.compareTo(BigInteger.ONE.shiftLeft(width - 1).negate()) < 0 || max.compareTo(BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE)) > 0) width++;
        return close(net, 0, width, false, rounds, side);
    }

    /** {@code WeightedSum.toFormat(form, frac, out)}: rounded once, saturated. */
    int[] toFormat(Tape net, int frac, FixedFormat out, int rounds, Profile side) {
        int shift = frac - out.fracBits();
        if (shift < 0) {
            for (int k = 0; k < weights.size(); k++) weights.set(k, weights.get(k).shiftLeft(-shift));
            constant = constant.shiftLeft(-shift);
            shift = 0;
        }
        return close(net, shift, out.width(), true, rounds, side);
    }

    /** The sum on its column shape where the shape models it ({@link #onShape}), else built on the Tape over exact integers. */
    private int[] close(Tape net, int shift, int width, boolean saturate, int rounds, Profile side) {
        try {
            return onShape(net, shift, width, saturate, rounds, side);
        } catch (SumForm.Unmodelled u) {
            int[] l = lits.stream().mapToInt(Integer::intValue).toArray();
            BigInteger[] w = weights.toArray(new BigInteger[0]);
            if (WideWeightedSum.pastBuilder(w, l.length, constant, shift, width)) side.markWide();
            return WideWeightedSum.build(net, l, w, l.length, constant, shift, width, saturate, rounds);
        }
    }

    /**
     * The sum counted on its column shape ({@link SumForm#close}) into {@code side}; its output bits as opaque
     * nodes reading the form's nodes (one per output slot: a shared saturation gate once).
     */
    private int[] onShape(Tape net, int shift, int width, boolean saturate, int rounds, Profile side) {
        Map<Integer, Integer> uses = new HashMap<>();
        for (int lit : lits) uses.merge(Literal.node(lit), 1, Integer::sum);
        SumForm f = new SumForm();
        f.shape.addConstant(constant);
        for (int k = 0; k < lits.size(); k++) {
            int node = Literal.node(lits.get(k)), level = net.level(node);
            BigInteger wt = weights.get(k);
            int tz = wt.getLowestSetBit();
            BigInteger odd = wt.shiftRight(tz);
            try {
                if (odd.bitLength() > 62) throw new SumForm.Unmodelled("a weight of " + odd.bitLength() + " significant bits");
                // A node once: a fresh literal (its polarity does not matter to the shape). A node more often (a
                // constant bit passing the other on, a repeated bit): an identified literal, one sign only and a
                // weight a long holds (the shape refuses both signs: a gate reading x and not x merges them, and its
                // narrower range may fold a comparator the shape counts).
                if (uses.get(node) == 1) f.shape.addShifted(1, odd.longValueExact(), tz, level);
                else if (wt.bitLength() <= 62) f.shape.addLiteral(node, wt.longValueExact(), level);
                else throw new SumForm.Unmodelled("a node twice with a weight past a long");
            } catch (IllegalArgumentException | UnsupportedOperationException | SumForm.Unmodelled e) {
                f.shape.release();
                throw e instanceof SumForm.Unmodelled u ? u : new SumForm.Unmodelled(e.getMessage());
            }
        }
        ClosedSum cs;
        try {
            cs = WeightedSum.closedSum(f.shape, shift, width, saturate, rounds);
        } catch (IllegalArgumentException | UnsupportedOperationException | ArithmeticException e) { // a sole literal past a long, too
            throw new SumForm.Unmodelled(e.getMessage());
        } finally {
            f.shape.release();
        }
        String what = " (a sum of " + lits.size() + " terms, shift " + shift + ", width " + width + ")";
        if (!cs.countExact()) throw new SumForm.Unmodelled("the closed sum is not claimed exact here" + what);
        // An output bit that is its column's one entry is that literal itself, which the shape does not name.
        for (ClosedSum.Kind k : cs.bitKind()) if (k == ClosedSum.Kind.SOLE) throw new SumForm.Unmodelled("an output bit passed on" + what);
        side.add(SumForm.profile(cs), 1);
        int[] reads = new int[uses.size()];
        int k = 0;
        for (int node : uses.keySet()) reads[k++] = node;
        // Each output bit: a constant, its own node (a gate or a comparator), or a shared saturation gate.
        int[] bits = new int[width];
        int hi = -1, lo = -1;
        for (int b = 0; b < width; b++) {
            ClosedSum.Kind kind = cs.bitKind()[b];
            switch (kind) {
                case FALSE -> bits[b] = Literal.FALSE;
                case TRUE -> bits[b] = Literal.TRUE;
                case GATE, COMPARATOR -> bits[b] = Literal.of(net.opaque(cs.bitLevel()[b], reads), cs.bitNegated()[b]);
                case HI, LO -> {
                    boolean isHi = kind == ClosedSum.Kind.HI;
                    int node = isHi ? hi : lo;
                    if (node < 0) {
                        node = net.opaque(cs.bitLevel()[b], reads);
                        if (isHi) hi = node; else lo = node;
                    }
                    bits[b] = Literal.of(node, cs.bitNegated()[b]);
                }
                case SOLE -> throw new IllegalStateException("refused above");
            }
        }
        return bits;
    }
}
