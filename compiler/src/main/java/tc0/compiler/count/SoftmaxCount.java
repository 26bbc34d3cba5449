package tc0.compiler.count;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.UnaryFunction;

/**
 * {@code Softmax.build} of one line in closed form, for lines of any length m >= 2 (one entry runs the
 * gadget). The line's words are grouped by class; per stage:
 * <ol>
 *   <li>the maximum ({@code MaxArgmax.max}): one comparator per pair i < j (fan-in: the pair's terms, level
 *       one above the deeper word), per word and bit an AND of the word's m - 1 comparators and the bit (none
 *       for a constant-0 bit; m - 1 terms for a constant 1), per bit an OR of the ANDs that are not 0;</li>
 *   <li>{@code e_i = EXP(x_i - max)}: a lookup over the form {@code x_i - max} ({@link LookupCount});</li>
 *   <li>per output code t the gate {@code [e_i 2^(Fo+1) - (2t-1) sum_j e_j >= 0]} over every e bit: constant 1
 *       up to some t, constant 0 past another (both from the form's range, which falls as t grows), a gate
 *       between; then the bits of {@code p_i} from them ({@link LookupCount#steps} over the ramp).</li>
 * </ol>
 * Not modelled (the gadget runs instead): a comparator or stage-3 gate of fewer than two terms, or one that
 * folds.
 */
final class SoftmaxCount {
    private SoftmaxCount() {}

    static Instance.Result count(ElemClass[] line, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        int m = line.length;
        if (m < 2) throw new SumForm.Unmodelled("short line");
        Map<ElemClass, Long> mult = new LinkedHashMap<>();
        for (ElemClass c : line) mult.merge(c, 1L, Long::sum);
        Profile p = new Profile();
        ElemClass mx = max(line, mult, p);
        // e_i per class of x_i.
        FixedFormat fd = Fixed.softmaxDiffFormat(fx);
        long lo = fx.minCode() - fx.maxCode();
        TableStats exp = TableStats.ofSoftmaxExp(fd, fe, lo);
        Map<ElemClass, ElemClass> eOf = new HashMap<>();
        for (Map.Entry<ElemClass, Long> en : mult.entrySet()) {
            FormSummary d = new FormSummary().addWord(en.getKey(), 1, 0).addWord(mx, -1, 1).done();
            if (d.terms < 2) throw new SumForm.Unmodelled("an exp comparator of one term");
            Profile one = new Profile();
            eOf.put(en.getKey(), LookupCount.count(d, exp, lo, one, new boolean[1]));
            p.add(one, en.getValue());
        }
        // Stage 3: per class of x_i, the range of the gates' form as t grows.
        long sumLo = 0, sumHi = 0, terms = 0;
        int level = -1;
        Map<ElemClass, long[]> range = new HashMap<>();
        for (Map.Entry<ElemClass, Long> en : mult.entrySet()) {
            FormSummary s = new FormSummary().addWord(eOf.get(en.getKey()), 1, 0).done();
            range.put(en.getKey(), new long[] {s.min, s.max, s.terms});
            sumLo = Math.addExact(sumLo, Math.multiplyExact(s.min, en.getValue()));
            sumHi = Math.addExact(sumHi, Math.multiplyExact(s.max, en.getValue()));
            terms = Math.addExact(terms, Math.multiplyExact(s.terms, en.getValue()));
            if (s.terms > 0) level = Math.max(level, s.level);
        }
        if (terms < 2) throw new SumForm.Unmodelled("stage 3 gates of fewer than two terms");
        long top = Math.min(out.maxCode(), 1L << out.fracBits());
        TableStats ramp = TableStats.ramp(top, out.width());
        long a0 = 1L << (out.fracBits() + 1);
        Map<ElemClass, ElemClass> pOf = new HashMap<>();
        for (Map.Entry<ElemClass, Long> en : mult.entrySet()) {
            long[] r = range.get(en.getKey());
            long othersLo = sumLo - r[0], othersHi = sumHi - r[1];
            // f_t = a e_i - b others, a = 2^(Fo+1) - (2t-1) > 0, b = 2t - 1: ge[t] is 1 while min f >= 0, 0 once max f < 0.
            long ones = 0, gatesTo = 0;
            int phase = 0; // 0: constant 1, 1: gates, 2: constant 0; must not go back
            for (long t = 1; t <= top; t++) {
                long a = a0 - (2 * t - 1), b = 2 * t - 1;
                long min = Math.subtractExact(Math.multiplyExact(a, r[0]), Math.multiplyExact(b, othersHi));
                long max = Math.subtractExact(Math.multiplyExact(a, r[1]), Math.multiplyExact(b, othersLo));
                int now = min >= 0 ? 0 : max >= 0 ? 1 : 2;
                if (now < phase) throw new SumForm.Unmodelled("stage 3 not monotone in t");
                phase = now;
                if (now == 0) ones = t;
                if (now <= 1) gatesTo = t;
            }
            Profile one = new Profile();
            pOf.put(en.getKey(), LookupCount.steps(ramp, ones, gatesTo, level + 1, terms, one));
            p.add(one, en.getValue());
        }
        ElemClass[] outs = new ElemClass[m];
        long[] used = new long[m];
        for (int i = 0; i < m; i++) { outs[i] = pOf.get(line[i]); used[i] = Usage.all(line[i]); }
        return new Instance.Result(p, outs, used, false, true);
    }

    /** The maximum's gates (see the class comment) into {@code p}; returns the class of the maximum word. */
    private static ElemClass max(ElemClass[] line, Map<ElemClass, Long> mult, Profile p) {
        int m = line.length;
        // Comparators, per ordered pair of classes (i < j), counted over positions: pairs[b][c] = #{i < j: line[i] = b, line[j] = c}.
        ElemClass[] kinds = mult.keySet().toArray(new ElemClass[0]);
        int k = kinds.length;
        java.util.Map<ElemClass, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < k; i++) index.put(kinds[i], i);
        long[] before = new long[k];
        long[][] pairs = new long[k][k];
        for (ElemClass c : line) {
            int ci = index.get(c);
            for (int b = 0; b < k; b++) pairs[b][ci] += before[b];
            before[ci]++;
        }
        int lmax = -1;
        for (int b = 0; b < k; b++) {
            for (int c = 0; c < k; c++) {
                if (pairs[b][c] == 0) continue;
                FormSummary f = new FormSummary().addWord(kinds[b], 1, 0).addWord(kinds[c], -1, 1).done();
                if (f.terms < 2 || f.min >= 0 || f.max < 0) throw new SumForm.Unmodelled("a comparator that folds");
                p.gates(pairs[b][c], f.terms, f.level + 1);
                lmax = Math.max(lmax, f.level);
            }
        }
        int andLevel = lmax + 2;
        int w = line[0].width();
        int[] bits = new int[w];
        int[] levels = new int[w];
        int slots = 0;
        for (int b = 0; b < w; b++) {
            long live = 0;
            for (Map.Entry<ElemClass, Long> en : mult.entrySet()) {
                int x = en.getKey().bit(b);
                if (x == ElemClass.FALSE) continue;
                live += en.getValue();
                p.gates(en.getValue(), x == ElemClass.TRUE ? m - 1 : m, andLevel);
            }
            if (live == 0) { bits[b] = ElemClass.FALSE; continue; }
            if (live >= 2) { p.gates(1, live, andLevel + 1); levels[slots] = andLevel + 1; }
            else levels[slots] = andLevel;
            bits[b] = slots++ << 1;
        }
        return ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots));
    }
}
