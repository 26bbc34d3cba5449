package tc0.compiler.count;

import java.math.BigInteger;
import tc0.compiler.numerics.FixedFormat;

/**
 * A constant factor's weighted sum ({@code ScaleByConstant}: {@code WeightedSum.toFormat} of {@code coeff * x})
 * counted in closed form, for the sums tc0's builder cannot build: a word of {@code W} bits times a coefficient
 * at {@code F + 8} fraction bits makes a sum of {@code shift + width} = {@code W + F + 8} bits (64 for a 32-bit
 * word at 24 fraction bits, n = 2^20), past the builder's 61, with weights {@code coeff * 2^k} past a long. The
 * construction's gates depend only on which columns the weights' bits land in and on the constant's low bits
 * ({@code SumShape.addShifted}, {@code SumCount} over exact values), so it is counted as the builder would build
 * it with unbounded weights, and marked wide (not buildable). Narrower sums run the gadget as before.
 */
final class ScaleCount {
    private ScaleCount() {}

    /** Whether {@code toFormat(coeff * x, frac, out)} over a {@code width}-bit word passes what the builder builds. */
    static boolean beyondBuilder(int width, long coeff, int frac, FixedFormat out) {
        int shift = Math.max(0, frac - out.fracBits());
        int factorBits = Math.max(0, out.fracBits() - frac); // toFormat scales the form up when frac < out's
        int weightBits = 64 - Long.numberOfLeadingZeros(Math.abs(coeff)) + width - 1 + factorBits;
        return shift + out.width() > 61 || weightBits > 62;
    }

    /**
     * The count of {@code toFormat(coeff * x, frac, out)} for a word of class {@code x} whose variable bits are
     * distinct slots; a slot twice in the word (sign extension) is not modelled here ({@link SumForm.Unmodelled}).
     */
    static Instance.Result closed(ElemClass x, long coeff, int frac, FixedFormat out, int rounds) {
        int shift = frac - out.fracBits(), up = 0;
        if (shift < 0) { up = -shift; shift = 0; }
        int w = x.width();
        int[] uses = new int[x.slots()];
        for (int k = 0; k < w; k++) if (x.bit(k) >= 0) uses[x.bit(k) >> 1]++;
        SumForm f = new SumForm();
        for (int k = 0; k < w; k++) {
            int b = x.bit(k);
            if (b == ElemClass.FALSE) continue;
            long wt = k == w - 1 ? -coeff : coeff; // times 2^(k + up): the sign bit's weight is negative
            if (b == ElemClass.TRUE) { f.shape.addConstant(BigInteger.valueOf(wt).shiftLeft(k + up)); continue; }
            if (uses[b >> 1] != 1) { f.shape.release(); throw new SumForm.Unmodelled("a slot twice in a scaled word"); }
            // A fresh literal's polarity does not matter to the shape (the builder adds the negated literal as it is).
            f.shape.addShifted(1, wt, k + up, x.slotLevel(b >> 1));
        }
        return f.close(shift, out.width(), true, rounds, new long[] {SumForm.variableSlots(x)});
    }

    /**
     * The same sum for a word the shape does not model (a slot twice, a word of one literal whose weight passes a
     * long): made on a Tape over exact integers ({@link WideTapeSum}), as a builder with unbounded weights would.
     */
    static Instance.Result onTape(ElemClass x, long coeff, int frac, FixedFormat out, int rounds) {
        Profile side = new Profile();
        Instance.Result r = Instance.run((net, xs) -> {
            WideTapeSum f = new WideTapeSum();
            f.addWord(xs[0], BigInteger.valueOf(coeff));
            return new int[][] {f.toFormat((Tape) net, frac, out, rounds, side)};
        }, new ElemClass[] {x}, new int[] {0});
        r.profile().add(side, 1);
        return r;
    }
}
