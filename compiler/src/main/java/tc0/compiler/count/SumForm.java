package tc0.compiler.count;

import java.util.HashMap;
import java.util.Map;
import tc0.compiler.gadgets.ClosedSum;
import tc0.compiler.gadgets.SumShape;
import tc0.compiler.gadgets.WeightedSum;

/**
 * A weighted sum's form built from element classes instead of literals, for {@link WeightedSum#closedSum}:
 * each bit of a word lands in the {@link SumShape} as a fresh literal (a slot that occurs once in its word),
 * an identified literal (a slot that occurs several times), or a constant. Where the shape cannot model the
 * form (a slot with weights of both signs, as a sign-extended word has; one node twice in a column), or the
 * closed count is not claimed exact, {@link Unmodelled} is thrown and the caller runs the gadget instead.
 */
final class SumForm {
    /** The closed form does not apply: count by running the gadget. */
    static final class Unmodelled extends RuntimeException {
        Unmodelled(String why) { super(why, null, false, false); }
    }

    final SumShape shape = new SumShape();
    /** Gates made before the sum (the ANDs of a dot product). */
    final Profile extra = new Profile();

    /** Adds {@code coeff * word}, the word of class {@code c}; {@code element} names it (distinct elements: distinct nodes). */
    SumForm addWord(ElemClass c, long coeff, long element) {
        return addWords(c, coeff, element, 1);
    }

    /**
     * Adds {@code count} words of class {@code c}, each its own element, in order. Plain words (no slot twice)
     * go in bulk; others one by one from element {@code first}.
     */
    SumForm addWords(ElemClass c, long coeff, long first, long count) {
        if (count > 1 && Long.bitCount(Math.abs(coeff)) > 1) {
            // A coefficient that is not a power of two puts a bit in several columns: keep the words' order.
            for (long e = 0; e < count; e++) addWords(c, coeff, first + e, 1);
            return this;
        }
        int w = c.width();
        int[] uses = new int[c.slots()];
        for (int k = 0; k < w; k++) if (c.bit(k) >= 0) uses[c.bit(k) >> 1]++;
        for (int k = 0; k < w; k++) {
            long bit = Math.multiplyExact(coeff, 1L << k);
            long wt = k == w - 1 ? Math.negateExact(bit) : bit;
            int x = c.bit(k);
            if (x == ElemClass.FALSE) continue;
            if (x == ElemClass.TRUE) { shape.addConstant(Math.multiplyExact(wt, count)); continue; }
            int s = x >> 1;
            if (uses[s] == 1) { shape.add(count, wt, c.slotLevel(s)); continue; }
            for (long e = 0; e < count; e++) identified(first + e, s, (x & 1) != 0, wt, c.slotLevel(s));
        }
        return this;
    }

    /** Adds {@code weight * lit}, lit being slot {@code slot} of element {@code element} (negated or not), as an identified literal. */
    void identified(long element, int slot, boolean negated, long weight, int level) {
        long id = element * 64 + slot;
        if (id >= 1 << 30) throw new Unmodelled("too many identified literals");
        if (negated) { shape.addConstant(weight); weight = -weight; } // w (1 - x) = w - w x
        try {
            shape.addLiteral((int) id, weight, level);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new Unmodelled(e.getMessage());
        }
    }

    /** The sum's count and output class ({@code toFormat} shift and width, saturating, {@code rounds}). */
    Instance.Result close(int shift, int width, boolean saturate, int rounds, long[] usedSlots) {
        ClosedSum cs;
        try {
            cs = WeightedSum.closedSum(shape, shift, width, saturate, rounds);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new Unmodelled(e.getMessage());
        }
        if (!cs.modelled()) throw new Unmodelled("the closed sum is not claimed exact here");
        Profile p = new Profile();
        p.add(extra, 1);
        long[] perLevel = cs.gatesPerLevel();
        long gates = 0;
        for (long g : perLevel) gates += g;
        // Wires spread over levels do not matter for the totals: put them with the first gate level.
        boolean first = true;
        for (int l = 1; l < perLevel.length; l++) {
            if (perLevel[l] == 0) continue;
            p.gates(perLevel[l], 0, l);
            if (first) { p.addWires(cs.wires()); first = false; }
        }
        int[] bits = new int[width];
        int[] levels = new int[width];
        Map<ClosedSum.Kind, Integer> shared = new HashMap<>();
        int slots = 0;
        for (int b = 0; b < width; b++) {
            ClosedSum.Kind k = cs.bitKind()[b];
            switch (k) {
                case FALSE -> bits[b] = ElemClass.FALSE;
                case TRUE -> bits[b] = ElemClass.TRUE;
                case GATE, COMPARATOR -> { levels[slots] = cs.bitLevel()[b]; bits[b] = slots++ << 1 | (cs.bitNegated()[b] ? 1 : 0); }
                case HI, LO -> {
                    Integer s = shared.get(k);
                    if (s == null) { s = slots++; shared.put(k, s); levels[s] = cs.bitLevel()[b]; }
                    bits[b] = s << 1 | (cs.bitNegated()[b] ? 1 : 0);
                }
                case SOLE -> throw new Unmodelled("an output bit is the form's only literal");
            }
        }
        ElemClass out = ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots));
        return new Instance.Result(p, new ElemClass[] {out}, usedSlots, false, true);
    }

    /** {@code WeightedSum.toFormat}'s shift and the factor the form is scaled by: {@code {shift, factor}}. */
    static long[] toFormat(int frac, tc0.compiler.numerics.FixedFormat out) {
        int shift = frac - out.fracBits();
        return shift < 0 ? new long[] {0, 1L << -shift} : new long[] {shift, 1};
    }

    /** The slots of a word that a sum over it reads: every variable slot (the saturation gates read them all). */
    static long variableSlots(ElemClass c) {
        return Usage.all(c);
    }
}
