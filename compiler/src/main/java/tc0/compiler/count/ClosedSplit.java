package tc0.compiler.count;

import java.math.BigInteger;
import tc0.compiler.gadgets.ClosedSum;
import tc0.compiler.gadgets.DivideWords;
import tc0.compiler.gadgets.SplitRoute;
import tc0.compiler.gadgets.SpreadLiterals;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.FixedFormat;

/**
 * A resampling stencil's SPLIT division ({@code DivideByConstant.build(..., SPLIT)}, or {@code DivideWords.buildWords}
 * past a long) counted in closed form, without running the gadget: over plain words of distinct elements the form's
 * literals are the words' variable bits in order, so SPLIT's numbers ({@link DivideWords#split}) give its one
 * weighted sum ({@link SumForm}: each literal at its slot's level with its quotient, then the carry comparators, fresh
 * gates one level above the highest literal with a remainder, weight 1) and the comparators' gates (fan-in: the
 * literals with a remainder). The upsample to n x n has about n distinct row weightings (2n/3 from a map of 3): the
 * gadget run per weighting was the whole of flowar's and var's count at n = 2^20. Null where this does not apply
 * (a word not plain, the closed sum not exact here): the caller runs the gadget.
 */
final class ClosedSplit {
    private ClosedSplit() {}

    /**
     * SPLIT of {@code sum w_t x_t} over words of these classes (distinct elements), divided by {@code d} into {@code out};
     * null where not modelled. A slot twice in a word (sign extension) is one node: its quotients go in as an identified
     * literal; the comparators must read each node once (the builder's gates merge a node's terms).
     */
    static Instance.Result of(ElemClass[] in, long[] w, BigInteger d, FixedFormat out, int rounds) {
        return of(in, w, d, out, rounds, false, null);
    }

    /** {@link #of}, spread sums looked up in (and added to) {@code memo} where not null. */
    static Instance.Result of(ElemClass[] in, long[] w, BigInteger d, FixedFormat out, int rounds, SplitMemo memo) {
        return of(in, w, d, out, rounds, false, memo);
    }

    /**
     * {@link #of} where {@code chooseSplit} surely takes SPLIT for this form ({@link SplitRoute#certain}, from SPLIT's
     * numbers alone; the form must fit a long), else null: a stencil's count once its route is known, without the
     * route's own closed count. Any words, a slot twice or inverted included: the route is the form's, whatever its
     * literals' identities and levels.
     */
    static Instance.Result certain(ElemClass[] in, long[] w, BigInteger d, FixedFormat out, int rounds, SplitMemo memo) {
        return of(in, w, d, out, rounds, true, memo);
    }

    private static Instance.Result of(ElemClass[] in, long[] w, BigInteger d, FixedFormat out, int rounds, boolean onlyCertain, SplitMemo memo) {
        return keyed(in, w, d, out, rounds, onlyCertain, memo, memo == null ? null : memo.pairs.split(in, w, d, out, rounds, onlyCertain));
    }

    /**
     * {@link #of} (or {@link #certain} where {@code onlyCertain}) given the weighting's key {@code pair}, as
     * {@code memo.pairs.split(in, w, d, out, rounds, onlyCertain)} gives it (null: none): a caller that made the key already.
     */
    static Instance.Result keyed(ElemClass[] in, long[] w, BigInteger d, FixedFormat out, int rounds, boolean onlyCertain, SplitMemo memo,
            PairWeighting.Key pair) {
        Instance.Result known = memo == null ? null : memo.pairs.get(pair);
        if (known != null) return known;
        Instance.Result r = of(in, w, d, out, rounds, onlyCertain, memo, pair != null);
        if (pair != null) memo.pairs.put(pair, r);
        return r;
    }

    /** {@link #of}; {@code spreads}: the caller's {@link PairWeighting} key said the sum spreads (checked). */
    private static Instance.Result of(ElemClass[] in, long[] w, BigInteger d, FixedFormat out, int rounds, boolean onlyCertain, SplitMemo memo,
            boolean spreads) {
        int n = 0;
        for (ElemClass c : in) n += c.width();
        // The form as LinearForm.addWord makes it: bit k of word t weighs w_t 2^k (the top bit negated);
        // FALSE bits and zero weights dropped, TRUE bits folded into the constant. Weights as (w_t, k, sign):
        // exact without a BigInteger each (PowerSplit).
        long[] coeff = new long[n];
        int[] levels = new int[n], word = new int[n], slot = new int[n], bitOf = new int[n];
        boolean[] plain = new boolean[n], negated = new boolean[n], once = new boolean[n], top = new boolean[n];
        BigInteger constant = BigInteger.ZERO;
        int size = 0;
        long[] used = new long[in.length];
        for (int t = 0; t < in.length; t++) {
            ElemClass c = in[t];
            if (w[t] == 0) continue;
            int width = c.width();
            int[] uses = new int[c.slots()];
            for (int k = 0; k < width; k++) if (c.bit(k) >= 0) uses[c.bit(k) >> 1]++;
            for (int k = 0; k < width; k++) {
                int x = c.bit(k);
                if (x == ElemClass.FALSE) continue;
                if (x == ElemClass.TRUE) {
                    BigInteger wt = BigInteger.valueOf(w[t]).shiftLeft(k);
                    constant = constant.add(k == width - 1 ? wt.negate() : wt);
                    continue;
                }
                coeff[size] = w[t];
                bitOf[size] = k;
                top[size] = k == width - 1;
                word[size] = t;
                slot[size] = x >> 1;
                negated[size] = (x & 1) != 0;
                once[size] = uses[x >> 1] == 1;
                plain[size] = once[size] && !negated[size];
                levels[size++] = c.slotLevel(x >> 1);
            }
        }
        DivideWords.SplitNumbers sp = PowerSplit.split(coeff, bitOf, top, size, constant, out.fracBits(), d, out);
        if (sp == null || onlyCertain && !SplitRoute.certain(sp, out, rounds)) return null;
        Lowest low = new Lowest();
        int fanIn = 0, level = -1;
        boolean allOnce = true;
        for (int i = 0; i < size && allOnce; i++) allOnce = once[i];
        // Every literal fresh: its quotient's bits may go in as anonymous entries where SumCount counts the same.
        boolean spread = allOnce && SpreadLiterals.safe(sp.quot(), size, sp.thresholds().length, rounds);
        if (spreads && !spread) throw new IllegalStateException("a pair weighting's key on a sum that does not spread");
        for (int i = 0; i < size; i++) {
            low.offer(sp.quot()[i], 1, levels[i], true, word[i], slot[i], plain[i]);
            if (sp.rem()[i] != 0) {
                if (!once[i]) return null; // a comparator reading one node twice: the builder merges its terms
                fanIn++;
                level = Math.max(level, levels[i]);
            }
        }
        int carries = sp.thresholds().length;
        low.offer(carries > 0 ? 1 : 0, carries, level + 1, false, -1, -1, true);
        // A literal is read by the sum (a quotient) or by the comparators (a remainder, where there are carries).
        for (int i = 0; i < size; i++) if (sp.quot()[i] != 0 || sp.rem()[i] != 0 && carries > 0) used[word[i]] |= 1L << slot[i];
        SplitMemo.Builder key = null;
        try {
            if (spread && memo != null) {
                key = new SplitMemo.Builder();
                for (int i = 0; i < size; i++) key.literal(sp.quot()[i], levels[i]);
                if (carries > 0) key.ones(carries, level + 1);
                key.close(low, used, rounds, 1, out.width(), sp.base(), carries, fanIn, level);
                Instance.Result r = memo.get(key);
                if (r != null) return r;
            }
            SumForm f = new SumForm();
            for (int i = 0; i < size; i++) {
                long q = sp.quot()[i];
                if (spread) SpreadLiterals.add(f.shape, q, levels[i]);
                else if (once[i]) f.shape.add(1, q, levels[i]); // a fresh literal, inverted or not
                else if (q != 0) f.identified(word[i], slot[i], negated[i], q, levels[i]);
            }
            if (carries > 0) {
                f.extra.gates(carries, fanIn, level + 1);
                f.shape.add(carries, 1, level + 1);
            }
            f.shape.addConstant(sp.base());
            Instance.Result r = close(f, out.width(), true, rounds, used, low, sp.base());
            if (key != null) memo.put(key, r);
            return r;
        } catch (SumForm.Unmodelled | ArithmeticException u) {
            return null;
        }
    }

    /**
     * The form's entry alone in its lowest column, if one is: a SOLE output bit of the closed sum (no gate of its own)
     * is that entry passed on, an input literal (a slot of word {@code word}) or a gate the form made (a comparator).
     */
    static final class Lowest {
        private int column = Integer.MAX_VALUE, level, word, slot;
        private long entries, negatives;
        private boolean input, negative, odd;

        /** How many longs {@link #writeTo} writes. */
        static final int FIELDS = 5;

        /** Every field, for a key ({@link SplitMemo}): what a SOLE output bit is read from. */
        int writeTo(long[] k, int m) {
            k[m++] = (long) column << 32 | level & 0xffffffffL;
            k[m++] = (long) word << 32 | slot & 0xffffffffL;
            k[m++] = entries;
            k[m++] = negatives;
            k[m++] = (input ? 1 : 0) | (negative ? 2 : 0) | (odd ? 4 : 0);
            return m;
        }

        /**
         * {@code count} entries of weight {@code weight} at {@code level}; {@code plain} false for an inverted literal or
         * a node several times (identified): a SOLE bit in its column is then not told apart.
         */
        void offer(long weight, long count, int level, boolean input, int word, int slot, boolean plain) {
            if (weight == 0 || count == 0) return;
            if (weight < 0) negatives += weight * count; // low bits only: wrapping is harmless
            int c = Long.numberOfTrailingZeros(weight);
            if (c > column) return;
            if (c == column) { entries += count; odd |= !plain; return; }
            odd = !plain;
            column = c;
            entries = count;
            this.level = level;
            this.input = input;
            this.negative = weight < 0;
            this.word = word;
            this.slot = slot;
        }
    }

    /**
     * Closes a sum of shift 0: its count and output class, a SOLE bit (the lowest column's one entry in the final
     * stage) taken as the form's lowest entry where it is alone in its column, else as the gate that compressed that
     * column; refused
     * ({@link SumForm.Unmodelled}) where a SOLE bit is anything else or the closed sum is not exact.
     */
    static Instance.Result close(SumForm f, int width, boolean saturate, int rounds, long[] used, Lowest low, long constant) {
        ClosedSum cs;
        try {
            cs = WeightedSum.closedSum(f.shape, 0, width, saturate, rounds);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new SumForm.Unmodelled(e.getMessage());
        } finally {
            f.shape.release();
        }
        int soles = 0, at = -1;
        for (int b = 0; b < width; b++) if (cs.bitKind()[b] == ClosedSum.Kind.SOLE) { soles++; at = b; }
        boolean passes = soles > 0;
        if (passes && (soles > 1 || at != low.column || low.odd || !cs.countExact())) {
            throw new SumForm.Unmodelled("an output bit passed on that is not the form's lowest entry");
        }
        if (!passes && !cs.modelled()) throw new SumForm.Unmodelled("the closed sum is not claimed exact here");
        Profile p = SumForm.profile(cs);
        p.add(f.extra, 1);
        // The SOLE bit is the lowest column's one entry after compression: the form's own entry where it was alone
        // there (the shape holds a literal of negative weight inverted), else the gate that compressed that column (its
        // level the closed sum's); inverted again by the shape's constant's bit there (the form's constant plus its
        // negative weights: no lower entry carries into it).
        boolean alone = low.entries == 1;
        int flip = (int) ((constant + low.negatives) >>> Math.max(at, 0) & 1) ^ (alone && low.negative ? 1 : 0);
        ElemClass out = SumForm.outputClass(cs, width, passes ? flip : -1, !passes ? 0 : alone ? low.level : cs.bitLevel()[at]);
        boolean passesInput = passes && alone && low.input;
        long[] read = used;
        if (p.gates() == 0) { // what reaches no gate is read only where it is an output bit itself
            read = new long[used.length];
            if (passesInput) read[low.word] = 1L << low.slot;
        }
        return new Instance.Result(p, new ElemClass[] {out}, read, passesInput, true);
    }
}
