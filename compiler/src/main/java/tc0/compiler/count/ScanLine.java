package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.gadgets.Scan;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.SelectiveScan;

/**
 * The closed count of {@link Scan#build} on one line, from its words' classes: no gate is made. Per pair
 * {@code j < t} the range sum {@code S_(j,t)} is summarised (terms, range, level: {@link Range}); its decay
 * {@code E_(j,t)} costs one comparator of fan-in {@code terms} per step of E inside that range and one gate
 * per bit of E that changes more than once there ({@link Decay}, memoised by range: a uniform line has one
 * per length). Each {@code h_t} is one {@link SumForm} (the ANDs and the rounded sum, in the lowering's term
 * order), whose pairs go in bulk where they share classes. A line of a short head and a uniform tail (mamba's)
 * goes by runs of pairs ({@link ScanTail}: time about n closed sums of a few runs each); any other line pair by
 * pair (time about {@code n^2} plus n closed sums). {@link SumForm.Unmodelled} where the forms cannot model the
 * line exactly.
 */
final class ScanLine {
    private ScanLine() {}

    /**
     * A range sum as one gate sees it: merged terms, value range, deepest term; when it has one term, that
     * term's weight and level and the z word it belongs to.
     */
    record Range(long terms, long min, long max, int level, long soleWeight, int soleLevel, int soleWord) {
        static final Range EMPTY = new Range(0, 0, 0, 0, 0, 0, -1);

        /** This range and word {@code i} of z, summarised by {@code w}. */
        Range plus(FormSummary w, int i) {
            long k = terms + w.terms;
            int lv = w.terms > 0 ? Math.max(level, w.level) : level;
            boolean mine = terms == 1;
            return k != 1 ? new Range(k, Math.addExact(min, w.min), Math.addExact(max, w.max), k == 0 ? 0 : lv, 0, 0, -1)
                    : new Range(1, min + w.min, max + w.max, lv, mine ? soleWeight : w.soleWeight, mine ? soleLevel : w.soleLevel, mine ? soleWord : i);
        }
    }

    /** The decay word of one pair: its class, the gates that make it (comparators, then step bits), the z word it is when a literal. */
    record Decay(ElemClass cls, Profile gates, int soleWord, boolean trueBit) {
        Decay(ElemClass cls, Profile gates, int soleWord) {
            this(cls, gates, soleWord, hasTrue(cls));
        }

        boolean sole() { return soleWord >= 0; }
    }

    /**
     * The line {@code z}, {@code b} (classes of distinct elements; z and b share no literal): its profile, the
     * class of each {@code h_t}, and per word (z then b) the slots it reads.
     */
    static Instance.Result count(ElemClass[] z, ElemClass[] b, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out, int rounds) {
        Instance.Result r = ScanTail.count(z, b, fz, fb, fe, out, rounds);
        return r != null ? r : pairByPair(z, b, fz, fb, fe, out, rounds);
    }

    /** {@link #count} pair by pair: every line, time about {@code n^2}. */
    static Instance.Result pairByPair(ElemClass[] z, ElemClass[] b, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out, int rounds) {
        int n = z.length;
        long e0 = SelectiveScan.exp(0, fz.fracBits(), fe);
        long[] sh = SumForm.toFormat(fe.fracBits() + fb.fracBits(), out);
        int shift = (int) sh[0];
        long factor = sh[1];
        ScanSteps st = n > 1 ? ScanSteps.of(fz, n - 1, fe) : null;
        FormSummary[] word = new FormSummary[n];
        for (int i = 1; i < n; i++) word[i] = i > 1 && z[i] == z[i - 1] ? word[i - 1] : new FormSummary().addWord(z[i], 1, 0).done();
        boolean[] live = new boolean[n]; // b_j is not the constant 0: its pairs' decays are read
        boolean[] trueB = new boolean[n];
        boolean trueBits = false;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < b[j].width(); k++) {
                live[j] |= b[j].bit(k) != ElemClass.FALSE;
                trueB[j] |= b[j].bit(k) == ElemClass.TRUE;
            }
            trueBits |= trueB[j];
        }
        Decay[] byLength = uniform(z, word, st, fe.width());
        Map<Range, Decay> decays = new HashMap<>();
        Map<Decay, long[]> livePairs = new IdentityHashMap<>();
        Profile total = new Profile();
        ElemClass[] h = new ElemClass[n];
        long[] used = new long[2 * n];
        int[] cover = new int[n + 1]; // z_i is read where some reading pair's range holds it: +1 / -1 at the ends
        boolean passthrough = false;
        for (int t = 0; t < n; t++) {
            Decay[] ds = new Decay[t];
            boolean soleRead = false;
            if (byLength != null) {
                for (int j = 0; j < t; j++) ds[j] = byLength[t - j];
            } else {
                Range r = Range.EMPTY;
                for (int j = t - 1; j >= 0; j--) {
                    r = r.plus(word[j + 1], j + 1);
                    ds[j] = decays.computeIfAbsent(r, x -> decay(st, x, fe.width()));
                    soleRead |= live[j] && ds[j].sole() && !ds[j].cls().isConstant();
                }
            }
            // A decay that is a literal of z may recur in another pair of this sum: the form models that only without passed-on bits.
            Sum s = soleRead && trueBits ? null : closedSum(ds, b, trueB, t, e0, factor, shift, out, rounds);
            if (s == null) s = gadgetSum(ds, b, t, e0, fz, fb, fe, out, rounds);
            int firstRead = t;
            Decay last = null;
            long[] run = null;
            for (int j = 0; j < t; j++) {
                if (!s.decayRead[j]) continue;
                if (ds[j] != last) { last = ds[j]; run = livePairs.computeIfAbsent(last, x -> new long[1]); }
                run[0]++;
                if (!ds[j].cls().isConstant()) firstRead = Math.min(firstRead, j);
            }
            if (firstRead < t) { cover[firstRead + 1]++; cover[t + 1]--; }
            for (int j = 0; j <= t; j++) used[n + j] |= s.bRead[j];
            total.add(s.result.profile(), 1);
            passthrough |= s.result.passthrough();
            h[t] = s.result.out()[0];
        }
        for (Map.Entry<Decay, long[]> p : livePairs.entrySet()) total.add(p.getKey().gates(), p.getValue()[0]);
        int c = 0;
        for (int i = 1; i < n; i++) {
            c += cover[i];
            if (c > 0) used[i] = word[i].slotMask0;
        }
        return new Instance.Result(total, h, used, passthrough, !passthrough);
    }

    /** One {@code h_t}: its count, which decays it reads (then wholly), and the slots it reads of each {@code b_j}. */
    record Sum(Instance.Result result, boolean[] decayRead, long[] bRead) {}

    /**
     * The decay of each length L when z's words from 1 on share one class (then a pair's range depends on L
     * only), or null. Not where a word has exactly one term: a decay of one term is that word's literal.
     */
    private static Decay[] uniform(ElemClass[] z, FormSummary[] word, ScanSteps st, int we) {
        int n = z.length;
        for (int i = 2; i < n; i++) if (z[i] != z[1]) return null;
        if (n < 2 || word[1].terms == 1) return null;
        Decay[] d = new Decay[n];
        Range r = Range.EMPTY;
        for (int len = 1; len < n; len++) {
            r = r.plus(word[1], 1);
            d[len] = decay(st, r, we);
        }
        return d;
    }

    /**
     * {@code h_t} as a {@link SumForm}: {@code e0 b_t}, then the products in order, runs of pairs with the same
     * classes in bulk; null where the form cannot model it.
     */
    private static Sum closedSum(Decay[] ds, ElemClass[] b, boolean[] trueB, int t, long e0, long factor, int shift, FixedFormat out, int rounds) {
        SumForm f = new SumForm();
        ElemClass[] xs = new ElemClass[t];
        boolean passes = false; // a bit passed on enters the form as an identified literal, named by its pair's index
        for (int j = 0; j < t; j++) {
            xs[j] = ds[j].cls();
            passes |= trueB[j] || ds[j].trueBit();
        }
        long[] uy = new long[t];
        Instance.Result s;
        try {
            f.addWords(b[t], Math.multiplyExact(e0, factor), 2L * t + 1, 1); // the element ids of addDot's y side
            int j = 0;
            while (j < t) { // without passed-on bits no pair has an id: runs may restart the index
                int k = j + 1;
                if (!passes) while (k < t && xs[k] == xs[j] && b[k] == b[j]) k++;
                else k = t;
                long[] ux = new long[k - j], u = new long[k - j];
                f.addDot(Arrays.copyOfRange(xs, j, k), Arrays.copyOfRange(b, j, k), factor, ux, u);
                System.arraycopy(u, 0, uy, j, k - j);
                j = k;
            }
            s = f.close(shift, out.width(), true, rounds, new long[0]);
        } catch (SumForm.Unmodelled u) {
            return null;
        }
        boolean[] read = new boolean[t];
        long[] bRead = new long[t + 1];
        if (s.profile().gates() > 0) { // the sum reads all its terms
            for (int j = 0; j < t; j++) read[j] = uy[j] != 0 || trueB[j];
            System.arraycopy(uy, 0, bRead, 0, t);
            bRead[t] = SumForm.variableSlots(b[t]);
        }
        return new Sum(s, read, bRead);
    }

    private static boolean hasTrue(ElemClass c) {
        for (int k = 0; k < c.width(); k++) if (c.bit(k) == ElemClass.TRUE) return true;
        return false;
    }

    /** {@code h_t} by running its part of the gadget on a Tape (the decays as inputs); a decay must be read wholly or not at all. */
    static Sum gadgetSum(Decay[] ds, ElemClass[] b, int t, long e0, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out, int rounds) {
        if ((long) t * fe.width() * fb.width() > GADGET_TERMS) throw new SumForm.Unmodelled("a sum of " + t + " products the form cannot model");
        ElemClass[] in = new ElemClass[2 * t + 1];
        int[] identity = new int[2 * t + 1];
        for (int j = 0; j < t; j++) {
            in[j] = ds[j].cls();
            identity[j] = ds[j].sole() ? -1 - ds[j].soleWord() : j; // decays are distinct gates, or literals of z words
        }
        for (int j = 0; j <= t; j++) { in[t + j] = b[j]; identity[t + j] = t + j; }
        Instance.Result r = Instance.run((net, w) -> {
            LinearForm f = new LinearForm().addWord(w[2 * t], e0);
            for (int j = 0; j < t; j++) Multiply.addProduct(net, f, w[j], w[t + j], 1);
            return new int[][] {WeightedSum.toFormat(net, f, fe.fracBits() + fb.fracBits(), out, rounds)};
        }, in, identity);
        boolean[] read = new boolean[t];
        for (int j = 0; j < t; j++) {
            long u = r.usedSlots()[j];
            if (u != 0 && u != Usage.all(in[j])) throw new SumForm.Unmodelled("a decay read in part");
            read[j] = u != 0;
        }
        return new Sum(r, read, Arrays.copyOfRange(r.usedSlots(), t, 2 * t + 1));
    }

    /** The most product terms of one {@code h_t} counted by running the gadget. */
    static final long GADGET_TERMS = 1 << 16;


    /** The decay of a range sum: comparators at the steps of E inside its range, then the bits ({@code Lookup.stepBits}). */
    static Decay decay(ScanSteps st, Range r, int we) {
        Profile p = new Profile();
        int[] bits = new int[we];
        if (r.terms() == 0) return new Decay(ElemClass.constant(st.e(r.min()), we), p, -1);
        if (r.terms() == 1) {
            // Every comparator is the term x (or not x): E is its value at x = 0 or at x = 1, bit by bit.
            boolean up = r.soleWeight() > 0;
            long v0 = st.e(up ? r.min() : r.max()), v1 = st.e(up ? r.max() : r.min());
            for (int k = 0; k < we; k++) {
                long b0 = v0 >>> k & 1, b1 = v1 >>> k & 1;
                bits[k] = b0 == b1 ? (b0 == 1 ? ElemClass.TRUE : ElemClass.FALSE) : (b1 == 1 ? 0 : 1);
            }
            return new Decay(ElemClass.of(bits, new int[] {r.soleLevel()}), p, r.soleWord());
        }
        long from = r.min(), to = r.max();
        int cmp = r.level() + 1;
        p.gates(st.steps(from, to), r.terms(), cmp);
        long base = st.e(from);
        int[] levels = new int[2 * we]; // slots: comparators from 0, bit gates at we + bit (ElemClass.of renumbers)
        Map<Long, Integer> slotOfStep = new HashMap<>();
        for (int k = 0; k < we; k++) {
            long changes = st.changes(k, from, to);
            long bv = base >>> k & 1;
            if (changes == 0) { bits[k] = bv == 1 ? ElemClass.TRUE : ElemClass.FALSE; continue; }
            if (changes == 1) { // the comparator itself (0 -> 1) or its negation (1 -> 0)
                int s = slotOfStep.computeIfAbsent(st.firstChange(k, from, to), x -> slotOfStep.size());
                levels[s] = cmp;
                bits[k] = s << 1 | (int) bv;
                continue;
            }
            p.gates(1, changes, cmp + 1);
            levels[we + k] = cmp + 1;
            bits[k] = (we + k) << 1;
        }
        return new Decay(ElemClass.of(bits, levels), p, -1);
    }
}
