package tc0.compiler.count;

import java.math.BigInteger;
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
 *       between; then the bits of {@code p_i} from them ({@link LookupCount#sharedSteps} over the ramp).</li>
 * </ol>
 * Not modelled (the gadget runs instead): a comparator or stage-3 gate of fewer than two terms, or one that
 * folds.
 */
final class SoftmaxCount {
    private SoftmaxCount() {}

    static Instance.Result count(ElemClass[] line, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        Map<ElemClass, Integer> index = new LinkedHashMap<>();
        for (ElemClass c : line) index.putIfAbsent(c, index.size());
        int k = index.size();
        long[] mult = new long[k], first = new long[k], last = new long[k];
        for (int i = 0; i < line.length; i++) {
            int c = index.get(line[i]);
            if (mult[c]++ == 0) first[c] = i;
            last[c] = i;
        }
        ByKind r = count(index.keySet().toArray(new ElemClass[0]), mult, first, last, fx, fe, out);
        ElemClass[] outs = new ElemClass[line.length];
        long[] used = new long[line.length];
        for (int i = 0; i < line.length; i++) { outs[i] = r.out()[index.get(line[i])]; used[i] = Usage.all(line[i]); }
        return new Instance.Result(r.profile(), outs, used, false, true);
    }

    /**
     * A line's gates and the output class of each kind of entry; {@code steps}: per kind its stage-3 range, the last
     * t of constant 1 and the last t with a gate ({@code steps[2c]}, {@code steps[2c + 1]}).
     */
    record ByKind(Profile profile, ElemClass[] out, long[] steps) {}

    /**
     * A line given by its kinds of entry (distinct classes): how many entries of each, and the first and last
     * position of each (which ordered pairs of kinds occur); lines of any length, in time of the kinds.
     */
    static ByKind count(ElemClass[] kinds, long[] mult, long[] first, long[] last, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        long m = 0;
        for (long c : mult) m = Math.addExact(m, c);
        if (m < 2) throw new SumForm.Unmodelled("short line");
        Profile p = new Profile();
        ElemClass mx = max(kinds, mult, first, last, m, p);
        // e_i per class of x_i.
        FixedFormat fd = Fixed.softmaxDiffFormat(fx);
        long lo = fx.minCode() - fx.maxCode();
        TableStats exp = TableStats.ofSoftmaxExp(fd, fe, lo);
        int k = kinds.length;
        ElemClass[] eOf = new ElemClass[k];
        for (int c = 0; c < k; c++) {
            Exp x = exp(kinds[c], mx, exp, lo);
            eOf[c] = x.e();
            p.add(x.profile(), mult[c]);
        }
        // Stage 3: per class of x_i, the range of the gates' form as t grows.
        ExpSums sums = ExpSums.of(eOf, mult);
        long terms = sums.terms();
        int level = sums.level();
        long[][] range = sums.range();
        if (terms < 2) throw new SumForm.Unmodelled("stage 3 gates of fewer than two terms");
        long top = Math.min(out.maxCode(), 1L << out.fracBits());
        TableStats ramp = TableStats.ramp(top, out.width());
        long a0 = 1L << (out.fracBits() + 1);
        ElemClass[] pOf = new ElemClass[k];
        long[] allSteps = new long[2 * k];
        for (int c = 0; c < k; c++) {
            long[] r = range[c];
            long[] steps = sums.wide() // a line of 2^40 exps (tensor attention's kept pairs at n = 2^20): the sums past a long, exact
                    ? stage3StepsExact(a0, top, r, sums.wideLo().subtract(BigInteger.valueOf(r[0])), sums.wideHi().subtract(BigInteger.valueOf(r[1])), p)
                    : stage3Steps(a0, top, r, sums.lo() - r[0], sums.hi() - r[1], false, p);
            allSteps[2 * c] = steps[0];
            allSteps[2 * c + 1] = steps[1];
            Profile one = new Profile();
            pOf[c] = LookupCount.sharedSteps(ramp, steps[0], steps[1], level + 1, terms, one);
            p.add(one, mult[c]);
        }
        return new ByKind(p, pOf, allSteps);
    }

    /**
     * The maximum's gates (see the class comment) into {@code p}; returns the class of the maximum word. The
     * comparators of two kinds b, c number mult[b] mult[c] (b != c), split between the orders (b before c, c
     * before b) by position; both orders have the same terms and level, so only whether each occurs matters
     * (b before c occurs when b's first entry precedes c's last), to check that it does not fold.
     */
    static ElemClass max(ElemClass[] kinds, long[] mult, long[] first, long[] last, long m, Profile p) {
        int k = kinds.length;
        int lmax = -1;
        for (int b = 0; b < k; b++) {
            for (int c = b; c < k; c++) {
                // Past a long for a line of more than 2^32 entries (tensor attention's key pairs): exact.
                java.math.BigInteger pairs = b == c ? tc0.compiler.gadgets.MaxArgmax.comparators(mult[b])
                        : java.math.BigInteger.valueOf(mult[b]).multiply(java.math.BigInteger.valueOf(mult[c]));
                if (pairs.signum() == 0) continue;
                FormSummary f = comparator(kinds[b], kinds[c], first[b] < last[c]);
                FormSummary g = b == c ? f : comparator(kinds[c], kinds[b], first[c] < last[b]);
                if (f != null && g != null && (f.terms != g.terms || f.level != g.level)) throw new SumForm.Unmodelled("comparators of unequal orders");
                FormSummary h = f != null ? f : g;
                p.gates(pairs, h.terms, h.level + 1);
                lmax = Math.max(lmax, h.level);
            }
        }
        int andLevel = lmax + 2;
        int w = kinds[0].width();
        int[] bits = new int[w];
        int[] levels = new int[w];
        int slots = 0;
        for (int b = 0; b < w; b++) {
            long live = 0;
            for (int c = 0; c < k; c++) {
                int x = kinds[c].bit(b);
                if (x == ElemClass.FALSE) continue;
                live += mult[c];
                p.gates(mult[c], x == ElemClass.TRUE ? m - 1 : m, andLevel);
            }
            if (live == 0) { bits[b] = ElemClass.FALSE; continue; }
            if (live >= 2) { p.gates(1, live, andLevel + 1); levels[slots] = andLevel + 1; }
            else levels[slots] = andLevel;
            bits[b] = slots++ << 1;
        }
        return ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots));
    }

    /** {@code m (m - 1) / 2}, the pairs of m entries, exactly (throws past a long rather than wrap). */
    static long halfProduct(long m) {
        return m % 2 == 0 ? Math.multiplyExact(m / 2, m - 1) : Math.multiplyExact(m, (m - 1) / 2);
    }

    /** The comparator of an entry of kind b before one of kind c, or null where no such pair occurs. */
    static FormSummary comparator(ElemClass b, ElemClass c, boolean occurs) {
        if (!occurs) return null;
        FormSummary f = COMPARATORS.get((long) b.id << 32 | c.id);
        if (f == null) f = remember(COMPARATORS, (long) b.id << 32 | c.id, new FormSummary().addWord(b, 1, 0).addWord(c, -1, 1).done());
        if (f.terms < 2 || f.min >= 0 || f.max < 0) throw new SumForm.Unmodelled("a comparator that folds");
        return f;
    }

    /** One entry's exp: its class and gates, {@code EXP(x - max)} over the table {@code t}. */
    record Exp(ElemClass e, Profile profile) {}

    /**
     * {@code EXP(x - max)} for x of class {@code kind}: the same for every line whose maximum is of class {@code mx}
     * (a causal softmax's n lines of lengths 1 .. n share it), so worked out once per classes and table.
     */
    static Exp exp(ElemClass kind, ElemClass mx, TableStats t, long lo) {
        java.util.List<Object> key = java.util.List.of(kind.id, mx.id, t, lo);
        Exp x = EXPS.get(key);
        if (x != null) return x;
        FormSummary d = new FormSummary().addWord(kind, 1, 0).addWord(mx, -1, 1).done();
        if (d.terms < 2) throw new SumForm.Unmodelled("an exp comparator of one term");
        Profile one = new Profile();
        ElemClass e = LookupCount.count(d, t, lo, one, new boolean[1]);
        return remember(EXPS, key, new Exp(e, one));
    }

    /** Per class id, the summary of a word of it alone ({@link ExpSums}: the exps' ranges). */
    static FormSummary word(ElemClass c) {
        FormSummary s = WORDS.get((long) c.id);
        return s != null ? s : remember(WORDS, (long) c.id, new FormSummary().addWord(c, 1, 0).done());
    }

    /** Worked-out parts of lines, by class ids (global, so valid across counts), cleared when full. */
    private static final Map<Long, FormSummary> COMPARATORS = new java.util.concurrent.ConcurrentHashMap<>(), WORDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<java.util.List<Object>, Exp> EXPS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 1 << 16;

    private static <K, V> V remember(Map<K, V> cache, K key, V value) {
        if (cache.size() >= CACHE_LIMIT) cache.clear();
        cache.put(key, value);
        return value;
    }

    /**
     * Stage 3's line figures from the exps' classes {@code eOf} and their counts: each class's range {min, max},
     * the line's sum range, its terms and their highest level (-1 when none).
     */
    record ExpSums(long lo, long hi, long terms, int level, long[][] range, BigInteger wideLo, BigInteger wideHi) {
        static ExpSums of(ElemClass[] eOf, long[] mult) {
            long lo = 0, hi = 0, terms = 0;
            boolean wide = false;
            int level = -1;
            long[][] range = new long[eOf.length][];
            for (int c = 0; c < eOf.length; c++) {
                FormSummary s = word(eOf[c]);
                range[c] = new long[] {s.min, s.max};
                if (!wide) {
                    try {
                        lo = Math.addExact(lo, Math.multiplyExact(s.min, mult[c]));
                        hi = Math.addExact(hi, Math.multiplyExact(s.max, mult[c]));
                    } catch (ArithmeticException past) {
                        wide = true;
                    }
                }
                terms = Math.addExact(terms, Math.multiplyExact(s.terms, mult[c]));
                if (s.terms > 0) level = Math.max(level, s.level);
            }
            if (!wide) return new ExpSums(lo, hi, terms, level, range, null, null);
            BigInteger wideLo = BigInteger.ZERO, wideHi = BigInteger.ZERO; // past a long: the same sums exactly
            for (int c = 0; c < eOf.length; c++) {
                wideLo = wideLo.add(BigInteger.valueOf(range[c][0]).multiply(BigInteger.valueOf(mult[c])));
                wideHi = wideHi.add(BigInteger.valueOf(range[c][1]).multiply(BigInteger.valueOf(mult[c])));
            }
            return new ExpSums(0, 0, terms, level, range, wideLo, wideHi);
        }

        /** Whether the sums pass a long: then only {@link #wideLo} and {@link #wideHi} hold them. */
        boolean wide() { return wideLo != null; }

        /** The line's lowest sum; throws past a long (read {@link #wideLo} there). */
        @Override public long lo() {
            if (wide()) throw new ArithmeticException("a softmax line's sum of exps past a long");
            return lo;
        }

        @Override public long hi() {
            if (wide()) throw new ArithmeticException("a softmax line's sum of exps past a long");
            return hi;
        }
    }

    /**
     * {@link #stage3Steps} (not strict) where the other entries' sums pass a long: the same bisection over exact
     * products. Each test holds for a prefix of t when the ranges are >= 0 and a stays > 0; otherwise not modelled.
     */
    static long[] stage3StepsExact(long a0, long top, long[] r, BigInteger othersLo, BigInteger othersHi, Profile p) {
        if (top < 1 || r[0] < 0 || r[1] < 0 || othersLo.signum() < 0 || othersHi.signum() < 0 || a0 - (2 * top - 1) <= 0) {
            throw new SumForm.Unmodelled("stage 3 past a long with a negative range");
        }
        BigInteger r0 = BigInteger.valueOf(r[0]), r1 = BigInteger.valueOf(r[1]);
        if (BigInteger.valueOf(a0 - 1).multiply(r1).bitLength() > 63 || BigInteger.valueOf(2 * top - 1).multiply(othersHi).bitLength() > 63) p.markWide();
        java.util.function.LongPredicate min = t -> BigInteger.valueOf(a0 - (2 * t - 1)).multiply(r0).compareTo(BigInteger.valueOf(2 * t - 1).multiply(othersHi)) >= 0;
        java.util.function.LongPredicate max = t -> min.test(t)
                || BigInteger.valueOf(a0 - (2 * t - 1)).multiply(r1).compareTo(BigInteger.valueOf(2 * t - 1).multiply(othersLo)) >= 0;
        return new long[] {lastHolding(min, top), lastHolding(max, top)};
    }

    /**
     * Stage 3 of one entry: f_t = a e_i - b others (+ 1 below zero where {@code strict}: a masked entry's m_i - 1),
     * a = a0 - (2t-1) > 0, b = 2t - 1, for t = 1 .. top; ge[t] is 1 while min f >= 0 and 0 once max f < 0. Returns
     * {the last t of constant 1, the last t with a gate}. The products are compared in 128 bits (Wide128): at 32-bit
     * words a line of 2^20 entries passes a long, which tc0's builder cannot build ({@code p} is marked wide).
     */
    static long[] stage3Steps(long a0, long top, long[] r, long othersLo, long othersHi, boolean strict, Profile p) {
        if (top >= 1 && r[0] >= 0 && r[1] >= 0 && othersLo >= 0 && othersHi >= 0 && a0 - (2 * top - 1) > 0) {
            // a falls and b grows with t, the ranges are >= 0: each test holds for a prefix of t, found by bisection
            // (the walk below costs top steps a line: a causal softmax's n lines of n-dependent top cost n^2).
            if (Wide128.pastLong(a0 - 1, r[1]) || Wide128.pastLong(2 * top - 1, othersHi)) p.markWide();
            java.util.function.LongPredicate min = t -> strict ? !Wide128.productAtLeast(2 * t - 1, othersHi, a0 - (2 * t - 1), r[0])
                    : Wide128.productAtLeast(a0 - (2 * t - 1), r[0], 2 * t - 1, othersHi);
            java.util.function.LongPredicate max = t -> min.test(t) || Wide128.productAtLeast(a0 - (2 * t - 1), r[1], 2 * t - 1, othersLo);
            return new long[] {lastHolding(min, top), lastHolding(max, top)};
        }
        return stage3Walk(a0, top, r, othersLo, othersHi, strict, p);
    }

    /** {@link #stage3Steps} by a walk over every t, checking that the phases do not go back. */
    static long[] stage3Walk(long a0, long top, long[] r, long othersLo, long othersHi, boolean strict, Profile p) {
        long ones = 0, gatesTo = 0;
        int phase = 0; // 0: constant 1, 1: gates, 2: constant 0; must not go back
        for (long t = 1; t <= top; t++) {
            long a = a0 - (2 * t - 1), b = 2 * t - 1;
            if (Wide128.pastLong(a, r[1]) || Wide128.pastLong(b, othersHi)) p.markWide();
            boolean minHolds = strict ? !Wide128.productAtLeast(b, othersHi, a, r[0]) : Wide128.productAtLeast(a, r[0], b, othersHi);
            int now = minHolds ? 0 : Wide128.productAtLeast(a, r[1], b, othersLo) ? 1 : 2;
            if (now < phase) throw new SumForm.Unmodelled("stage 3 not monotone in t");
            phase = now;
            if (now == 0) ones = t;
            if (now <= 1) gatesTo = t;
        }
        return new long[] {ones, gatesTo};
    }

    /** The last t in 1 .. top where {@code holds} (which holds for a prefix of them), or 0. */
    private static long lastHolding(java.util.function.LongPredicate holds, long top) {
        long lo = 0, hi = top; // holds at lo (or lo = 0), fails past hi
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (holds.test(mid)) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
