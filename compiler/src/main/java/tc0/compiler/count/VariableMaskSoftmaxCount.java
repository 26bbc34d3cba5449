package tc0.compiler.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * A softmax whose mask has variable bits (GAT's adjacency with self-loops), as {@code MaskedSoftmax.build} lowers
 * it, in closed form per line, in time of the line's kinds of entry ((word class, mask bit class) pairs), not of
 * its length. Per stage, beside {@link SoftmaxCount}'s:
 * <ol>
 *   <li>masking: where the bit is a variable, an AND per word bit below the sign and an OR for the sign (the
 *       smallest code where masked), none where the bit is the constant 1;</li>
 *   <li>the maximum of the masked words ({@link SoftmaxCount#max});</li>
 *   <li>{@code e_i}: a lookup over {@code x_i - max + K m_i - K} in the table with a 0 below it
 *       ({@link TableStats#ofMaskedSoftmaxExp});</li>
 *   <li>per output code the gate {@code [e_i 2^(Fo+1) + m_i - 1 - (2t-1) sum_j e_j >= 0]}: softmax's, with the
 *       mask bit as one term more; then the bits.</li>
 * </ol>
 * Not modelled (counted by building): a constant 0 mask bit, a line of one entry, or a gate that the closed forms
 * cannot place ({@link SumForm.Unmodelled}).
 */
final class VariableMaskSoftmaxCount {
    private VariableMaskSoftmaxCount() {}

    static Summary count(Engine e, Node n, Op.MaskedSoftmax op) {
        Summary sx = e.sum(op.operand()), sm = e.sum(op.mask());
        if (op.operand() == op.mask() || !sx.disjoint(sm)) throw new NeedsLiterals("node " + n.id() + ": a softmax mask sharing literals with the scores");
        if (!sx.distinct(op.axis()) || !sm.distinct(op.axis())) throw new NeedsLiterals("node " + n.id() + ": a line of softmax repeats literals");
        FixedFormat fx = e.fmt(op.operand()), fe = op.expFormat(), out = n.elem().asFixed();
        ClassMap xm = sx.words(), mm = sm.classes();
        if (n.size() > MaskedSoftmaxCount.lineByLineLimit && n.rank() == 2) return byGroups(e, n, op, xm, mm, fx, fe, out);
        int size = Math.toIntExact(n.size());
        int[] ids = new int[size];
        Map<List<Long>, Result> seen = new HashMap<>();
        Map<Result, Long> times = new IdentityHashMap<>();
        Map<Integer, Long> readsX = new HashMap<>(), readsM = new HashMap<>();
        for (int[] line : Layout.lines(n.shape(), op.axis())) {
            if (line.length < 2) throw new NeedsLiterals("node " + n.id() + ": a masked softmax line of one entry");
            Map<Long, Integer> index = new LinkedHashMap<>();
            int[] kindOf = new int[line.length];
            for (int i = 0; i < line.length; i++) {
                int x = xm.idAt(line[i]), m = mm.idAt(line[i]);
                ElemClass mc = ElemClass.byId(m);
                if (mc.isConstant() && mc.code() == 0) throw new NeedsLiterals("node " + n.id() + ": a variable mask with a constant 0 bit");
                kindOf[i] = index.computeIfAbsent((long) x << 32 | m, k -> index.size());
            }
            boolean anyVariable = false;
            for (int i = 0; i < line.length && !anyVariable; i++) anyVariable = !ElemClass.byId(mm.idAt(line[i])).isConstant();
            if (!anyVariable) throw new NeedsLiterals("node " + n.id() + ": a line of a variable mask with constant bits only (the softmax of its kept entries)");
            int k = index.size();
            long[] mult = new long[k], first = new long[k], last = new long[k];
            for (int i = 0; i < line.length; i++) {
                int c = kindOf[i];
                if (mult[c]++ == 0) first[c] = i;
                last[c] = i;
            }
            List<Long> key = new ArrayList<>(index.keySet()); // the kinds, their counts, and which orders of two kinds occur
            for (int c = 0; c < k; c++) key.add(mult[c]);
            for (int b = 0; b < k; b++) for (int c = 0; c < k; c++) key.add(first[b] < last[c] ? 1L : 0L);
            Result r = seen.computeIfAbsent(key, x -> {
                long[] pairs = index.keySet().stream().mapToLong(Long::longValue).toArray();
                Instance.Result res = e.closed(List.of("variable-mask-softmax", fx, fe, out, x), () -> {
                    ElemClass[] xs = new ElemClass[k], ms = new ElemClass[k];
                    for (int c = 0; c < k; c++) { xs[c] = ElemClass.byId((int) (pairs[c] >>> 32)); ms[c] = ElemClass.byId((int) pairs[c]); }
                    try {
                        return count(xs, ms, mult, first, last, fx, fe, out);
                    } catch (SumForm.Unmodelled u) {
                        return null;
                    }
                });
                if (res == null) throw new NeedsLiterals("node " + n.id() + ": a masked softmax line the closed form does not model");
                return new Result(res, pairs);
            });
            times.merge(r, 1L, Long::sum);
            for (int i = 0; i < line.length; i++) {
                int c = kindOf[i];
                ids[line[i]] = r.counted.out()[c].id;
                readsX.merge((int) (r.pairs[c] >>> 32), r.counted.usedSlots()[c], (a, b) -> a & b);
                readsM.merge((int) r.pairs[c], r.counted.usedSlots()[k + c], (a, b) -> a & b);
            }
        }
        for (Map.Entry<Result, Long> t : times.entrySet()) e.total.add(t.getKey().counted.profile(), t.getValue());
        for (Map.Entry<Integer, Long> rd : readsX.entrySet()) e.read(op.operand(), ElemClass.byId(rd.getKey()), rd.getValue());
        for (Map.Entry<Integer, Long> rd : readsM.entrySet()) e.read(op.mask(), ElemClass.byId(rd.getKey()), rd.getValue());
        return e.computed(n, ClassMap.explicit(Engine.shape(n), ids), false, true, op.operand());
    }

    /**
     * As {@link #count(Engine, Node, Op.MaskedSoftmax)}, by groups ({@link MaskedSoftmaxGroups.Grouped}): positions
     * along the axis whose scores and mask bits fall in the same groups are alike in every line, and lines whose
     * scores and mask fall in the same groups are the same line, so a line group is its kinds of entry with their
     * counts and first and last positions, found in time of the groups (GAT's [n, n] scores and adjacency: one
     * line group of a few column groups at any n, not n^2 entries).
     */
    private static Summary byGroups(Engine e, Node n, Op.MaskedSoftmax op, ClassMap xm, ClassMap mm, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        int axis = op.axis(), across = 1 - axis;
        if (n.dim(axis) < 2) throw new NeedsLiterals("node " + n.id() + ": a masked softmax line of one entry");
        MaskedSoftmaxGroups.Grouped cols = MaskedSoftmaxGroups.Grouped.of(xm, mm, axis), lines = MaskedSoftmaxGroups.Grouped.of(xm, mm, across);
        int cj = cols.size(), lr = lines.size();
        if ((long) cj * lr > MaskedSoftmaxGroups.TABLE_LIMIT) {
            throw new NeedsLiterals("node " + n.id() + ": a masked softmax of " + lr + " line groups by " + cj + " column groups, past " + MaskedSoftmaxGroups.TABLE_LIMIT);
        }
        Integer[] byFirst = new Integer[cj]; // column groups in order of their first position: kinds numbered as a line meets them
        for (int j = 0; j < cj; j++) byFirst[j] = j;
        java.util.Arrays.sort(byFirst, (a, b) -> Long.compare(cols.first()[a], cols.first()[b]));
        int[] table = new int[cj * lr];
        Map<List<Long>, Result> seen = new HashMap<>();
        Map<Integer, Long> readsX = new HashMap<>(), readsM = new HashMap<>();
        int[] g = new int[2];
        for (int r = 0; r < lr; r++) {
            Map<Long, Integer> index = new LinkedHashMap<>();
            int[] kindOf = new int[cj];
            long[] mult = new long[cj], first = new long[cj], last = new long[cj];
            boolean anyVariable = false;
            for (int j : byFirst) {
                g[axis] = cols.xGroup()[j];
                g[across] = lines.xGroup()[r];
                int x = xm.at(g).id;
                g[axis] = cols.maskGroup()[j];
                g[across] = lines.maskGroup()[r];
                ElemClass mc = mm.at(g);
                if (mc.isConstant() && mc.code() == 0) throw new NeedsLiterals("node " + n.id() + ": a variable mask with a constant 0 bit");
                anyVariable |= !mc.isConstant();
                int c = index.computeIfAbsent((long) x << 32 | mc.id, q -> index.size());
                if (mult[c] == 0) first[c] = cols.first()[j];
                mult[c] += cols.count()[j];
                first[c] = Math.min(first[c], cols.first()[j]);
                last[c] = Math.max(last[c], cols.last()[j]);
                kindOf[j] = c;
            }
            if (!anyVariable) throw new NeedsLiterals("node " + n.id() + ": a line of a variable mask with constant bits only (the softmax of its kept entries)");
            int k = index.size();
            List<Long> key = new ArrayList<>(index.keySet()); // as count()'s per line
            for (int c = 0; c < k; c++) key.add(mult[c]);
            for (int b = 0; b < k; b++) for (int c = 0; c < k; c++) key.add(first[b] < last[c] ? 1L : 0L);
            long[] m = java.util.Arrays.copyOf(mult, k), f = java.util.Arrays.copyOf(first, k), l = java.util.Arrays.copyOf(last, k);
            Result res = seen.computeIfAbsent(key, q -> {
                long[] pairs = index.keySet().stream().mapToLong(Long::longValue).toArray();
                Instance.Result counted = e.closed(List.of("variable-mask-softmax", fx, fe, out, q), () -> {
                    ElemClass[] xs = new ElemClass[k], ms = new ElemClass[k];
                    for (int c = 0; c < k; c++) { xs[c] = ElemClass.byId((int) (pairs[c] >>> 32)); ms[c] = ElemClass.byId((int) pairs[c]); }
                    try {
                        return count(xs, ms, m, f, l, fx, fe, out);
                    } catch (SumForm.Unmodelled u) {
                        return null;
                    }
                });
                if (counted == null) throw new NeedsLiterals("node " + n.id() + ": a masked softmax line the closed form does not model");
                return new Result(counted, pairs);
            });
            e.total.add(res.counted.profile(), lines.count()[r]);
            for (int j = 0; j < cj; j++) {
                int c = kindOf[j];
                table[axis == 1 ? r * cj + j : j * lr + r] = res.counted.out()[c].id;
                readsX.merge((int) (res.pairs[c] >>> 32), res.counted.usedSlots()[c], (a, b) -> a & b);
                readsM.merge((int) res.pairs[c], res.counted.usedSlots()[k + c], (a, b) -> a & b);
            }
        }
        for (Map.Entry<Integer, Long> rd : readsX.entrySet()) e.read(op.operand(), ElemClass.byId(rd.getKey()), rd.getValue());
        for (Map.Entry<Integer, Long> rd : readsM.entrySet()) e.read(op.mask(), ElemClass.byId(rd.getKey()), rd.getValue());
        return e.computed(n, MaskedSoftmaxGroups.lineMap(Engine.shape(n), axis, cols, lines, table), false, true, op.operand());
    }

    /** A line's count and its kinds' (word class, mask class) ids packed {@code x << 32 | m}. */
    private record Result(Instance.Result counted, long[] pairs) {}

    /**
     * One line given by its kinds: out[c] the output class of kind c; usedSlots[c] the word's slots read,
     * usedSlots[k + c] the mask bit's.
     */
    static Instance.Result count(ElemClass[] xs, ElemClass[] ms, long[] mult, long[] first, long[] last,
            FixedFormat fx, FixedFormat fe, FixedFormat out) {
        int k = xs.length;
        long m = 0;
        for (long c : mult) m = Math.addExact(m, c);
        Profile p = new Profile();
        // Stage 1: the masked words, grouped by class for the maximum.
        Map<ElemClass, Integer> maskedIndex = new LinkedHashMap<>();
        List<long[]> maskedStats = new ArrayList<>(); // mult, first, last
        for (int c = 0; c < k; c++) {
            ElemClass w = masked(xs[c], ms[c], p, mult[c]);
            Integer at = maskedIndex.get(w);
            if (at == null) { maskedIndex.put(w, maskedStats.size()); maskedStats.add(new long[] {mult[c], first[c], last[c]}); }
            else {
                long[] s = maskedStats.get(at);
                s[0] += mult[c]; s[1] = Math.min(s[1], first[c]); s[2] = Math.max(s[2], last[c]);
            }
        }
        int g = maskedStats.size();
        long[] gm = new long[g], gf = new long[g], gl = new long[g];
        for (int i = 0; i < g; i++) { gm[i] = maskedStats.get(i)[0]; gf[i] = maskedStats.get(i)[1]; gl[i] = maskedStats.get(i)[2]; }
        ElemClass mx = SoftmaxCount.max(maskedIndex.keySet().toArray(new ElemClass[0]), gm, gf, gl, m, p);
        // Stage 2: e_i per kind over x_i - max + K m_i - K.
        FixedFormat fd = Fixed.softmaxDiffFormat(fx);
        long lo = fx.minCode() - fx.maxCode();
        long big = 1 - 2 * lo;
        TableStats exp = TableStats.ofMaskedSoftmaxExp(fd, fe, lo);
        ElemClass[] eOf = new ElemClass[k];
        for (int c = 0; c < k; c++) {
            FormSummary d = new FormSummary().addWord(xs[c], 1, 0).addWord(mx, -1, 1).addWord(ms[c], -big, 2)
                    .addWord(ElemClass.constant(-1, 1), big, 3).done(); // + K m_i (a 1-bit word's bit weighs minus), - K
            if (d.terms < 2) throw new SumForm.Unmodelled("an exp comparator of one term");
            Profile one = new Profile();
            eOf[c] = LookupCount.count(d, exp, lo - 1, one, new boolean[1]);
            p.add(one, mult[c]);
        }
        // Stage 3, as SoftmaxCount's, with the mask bit m_i - 1 in each entry's forms.
        SoftmaxCount.ExpSums sums = SoftmaxCount.ExpSums.of(eOf, mult);
        long sumLo = sums.lo(), sumHi = sums.hi(), terms = sums.terms();
        int level = sums.level();
        long[][] range = sums.range();
        long top = Math.min(out.maxCode(), 1L << out.fracBits());
        TableStats ramp = TableStats.ramp(top, out.width());
        long a0 = 1L << (out.fracBits() + 1);
        ElemClass[] pOf = new ElemClass[k];
        long[] used = new long[2 * k];
        for (int c = 0; c < k; c++) {
            boolean variable = !ms[c].isConstant();
            long fanIn = terms + (variable ? 1 : 0);
            if (fanIn < 2) throw new SumForm.Unmodelled("stage 3 gates of fewer than two terms");
            int lv = variable ? Math.max(level, ms[c].slotLevel(0)) : level;
            long[] r = range[c];
            long othersLo = sumLo - r[0], othersHi = sumHi - r[1];
            // m_i - 1 in the form: [-1, 0] for a variable bit (min f one lower), 0 for the constant 1
            long[] steps = SoftmaxCount.stage3Steps(a0, top, r, othersLo, othersHi, variable, p);
            Profile one = new Profile();
            pOf[c] = LookupCount.steps(ramp, steps[0], steps[1], lv + 1, fanIn, one);
            p.add(one, mult[c]);
            used[c] = Usage.all(xs[c]);
            used[k + c] = Usage.all(ms[c]);
        }
        return new Instance.Result(p, pOf, used, false, true);
    }

    /**
     * The masked word {@code m ? x : minCode} ({@code m AND x_b} below the sign, {@code NOT m OR x_sign}) of an entry,
     * its gates added {@code times} times: none for the constant 1 (the word itself); per bit a gate where both are
     * variables (one level above the deeper), the mask bit itself where the word's bit is a constant 1 (below the
     * sign) or 0 (the sign: NOT m), a constant where the word's bit decides.
     */
    private static ElemClass masked(ElemClass x, ElemClass mask, Profile p, long times) {
        if (mask.isConstant()) return x;
        int w = x.width(), lm = mask.slotLevel(0);
        int[] bits = new int[w];
        int[] levels = new int[w + 1];
        int slots = 0, maskSlot = -1;
        for (int b = 0; b < w; b++) {
            int v = x.bit(b);
            boolean sign = b == w - 1;
            if (v == ElemClass.FALSE) {
                if (!sign) { bits[b] = ElemClass.FALSE; continue; }
                if (maskSlot < 0) { maskSlot = slots; levels[slots++] = lm; }
                bits[b] = maskSlot << 1 | 1; // NOT m
                continue;
            }
            if (v == ElemClass.TRUE) {
                if (sign) { bits[b] = ElemClass.TRUE; continue; }
                if (maskSlot < 0) { maskSlot = slots; levels[slots++] = lm; }
                bits[b] = maskSlot << 1; // m
                continue;
            }
            int level = Math.max(lm, x.slotLevel(v >> 1)) + 1;
            p.gates(times, 2, level);
            levels[slots] = level;
            bits[b] = slots++ << 1;
        }
        return ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots));
    }
}
