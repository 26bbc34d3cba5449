package tc0.compiler.count;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.gadgets.Acc128;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * Lines of a masked softmax of two or more kinds of kept entry summed, not counted one by one: what
 * {@link SoftmaxCount#count(ElemClass[], long[], long[], long[], FixedFormat, FixedFormat, FixedFormat)} adds for a
 * line is, per part, a count that depends on the line's numbers (how many entries of each kind) times a gate shape
 * that depends only on its {@link Shape} (the kinds' classes, which kinds occur twice, which orders of two kinds
 * occur) and, for stage 3, on each kind's range of steps. So a line adds its numbers to its shape's sums (exact,
 * {@link Acc128}), its stage-3 steps come from one division each (no bisection), and the gates are made once per
 * shape at the end ({@link #addTo}). Tensor attention's 2^20 causal pair lines are three or so shapes.
 * A line this does not model ({@link #add} false) is left to the caller's per-line count.
 */
final class SoftmaxRows {
    private final FixedFormat fx, fe, out;
    private final TableStats exp, ramp;
    private final long lo, a0, top;
    private final Map<Key, Shape> shapes = new HashMap<>();
    private final List<Shape> order = new ArrayList<>();
    private final java.util.Set<Key> refused = new java.util.HashSet<>();
    private boolean wide;
    /** Lines summed here (for the trace). */
    long lines;

    SoftmaxRows(FixedFormat fx, FixedFormat fe, FixedFormat out) {
        this.fx = fx;
        this.fe = fe;
        this.out = out;
        lo = fx.minCode() - fx.maxCode();
        exp = TableStats.ofSoftmaxExp(Fixed.softmaxDiffFormat(fx), fe, lo);
        top = Math.min(out.maxCode(), 1L << out.fracBits());
        ramp = TableStats.ramp(top, out.width());
        a0 = 1L << (out.fracBits() + 1);
    }

    /** A line's shape: the kinds' class ids, then flags (which kinds occur twice, which orders occur). */
    private record Key(int[] classes, long flags) {
        @Override public boolean equals(Object o) { return o instanceof Key k && flags == k.flags && Arrays.equals(classes, k.classes); }

        @Override public int hashCode() { return Arrays.hashCode(classes) * 31 + Long.hashCode(flags); }
    }

    /** The most kinds a shape's flags hold (k + k^2 bits). */
    static final int MAX_KINDS = 7;

    /**
     * Adds a line of {@code kinds} kinds ({@code classes}, their counts, first and last positions), at least two
     * entries in all; each kind's output class id into {@code outs}. False (nothing added) where not modelled here.
     */
    boolean add(int[] classes, int kinds, long[] mult, long[] first, long[] last, int[] outs) {
        if (kinds < 2 || kinds > MAX_KINDS) return false;
        long flags = 0;
        for (int b = 0; b < kinds; b++) {
            if (mult[b] >= 2) flags |= 1L << b;
            for (int c = 0; c < kinds; c++) if (first[b] < last[c]) flags |= 1L << (kinds + b * kinds + c);
        }
        Key key = new Key(Arrays.copyOf(classes, kinds), flags);
        Shape s = shapes.get(key);
        if (s == null) {
            if (refused.contains(key)) return false;
            try {
                s = new Shape(key, kinds);
            } catch (SumForm.Unmodelled u) {
                refused.add(key);
                return false;
            }
            shapes.put(key, s);
            order.add(s);
        }
        return s.add(mult, outs);
    }

    /** The classes of every line summed here (each read in full), for the caller's reads. */
    void readAll(Map<Integer, Long> reads) {
        for (Shape s : order) for (int c : s.key.classes) reads.merge(c, Usage.all(ElemClass.byId(c)), (x, y) -> x & y);
    }

    /** Every summed line's gates and wires into {@code total}. */
    void addTo(Profile total) {
        Profile p = new Profile();
        if (wide) p.markWide();
        for (Shape s : order) s.addTo(p);
        total.add(p, 1);
    }

    /** What the lines of one shape share, and their sums. */
    private final class Shape {
        final Key key;
        final int k;
        // The maximum: per pair of kinds (b <= c, row-major) the comparators' terms and level, -1 where none.
        final long[] pairTerms;
        final int[] pairLevel;
        final int andLevel;
        /** Per kind: its bits not constant 0, of them constant 1, of them in an OR (a bit live in two entries or more). */
        final long[] bits, ones, orBits;
        final long orGates;
        final SoftmaxCount.Exp[] exps;
        final long[] rmin, rmax, sterms;
        final int level;
        // Sums over lines: comparators per pair, entries per kind, entries times the line's length per kind.
        final Acc128[] pairs;
        final Acc128[] entries, entriesByLength;
        long rowsSummed;
        /** Stage 3 per (kind, steps): entries, entries times the line's terms. */
        final Map<StepsKey, Stage3> stage3 = new HashMap<>();
        final Stage3[] lastStage3;

        Shape(Key key, int k) {
            this.key = key;
            this.k = k;
            ElemClass[] kinds = new ElemClass[k];
            for (int c = 0; c < k; c++) kinds[c] = ElemClass.byId(key.classes[c]);
            pairTerms = new long[k * k];
            pairLevel = new int[k * k];
            Arrays.fill(pairLevel, -1);
            int lmax = -1;
            for (int b = 0; b < k; b++) {
                for (int c = b; c < k; c++) {
                    if (b == c && !twice(b)) continue; // no pair of one entry
                    FormSummary f = occurs(b, c) ? SoftmaxCount.comparator(kinds[b], kinds[c], true) : null;
                    FormSummary g = b == c ? f : occurs(c, b) ? SoftmaxCount.comparator(kinds[c], kinds[b], true) : null;
                    if (f != null && g != null && (f.terms != g.terms || f.level != g.level)) throw new SumForm.Unmodelled("comparators of unequal orders");
                    FormSummary h = f != null ? f : g;
                    if (h == null) throw new SumForm.Unmodelled("a pair of kinds in neither order");
                    pairTerms[b * k + c] = h.terms;
                    pairLevel[b * k + c] = h.level;
                    lmax = Math.max(lmax, h.level);
                }
            }
            andLevel = lmax + 2;
            int w = kinds[0].width();
            int[] mbits = new int[w], mlevels = new int[w];
            int slots = 0;
            bits = new long[k];
            ones = new long[k];
            orBits = new long[k];
            long or = 0;
            for (int b = 0; b < w; b++) {
                int liveKinds = 0;
                boolean twice = false;
                for (int c = 0; c < k; c++) {
                    int x = kinds[c].bit(b);
                    if (x == ElemClass.FALSE) continue;
                    liveKinds++;
                    twice |= twice(c);
                    bits[c]++;
                    if (x == ElemClass.TRUE) ones[c]++;
                }
                if (liveKinds == 0) { mbits[b] = ElemClass.FALSE; continue; }
                boolean orGate = liveKinds >= 2 || twice; // live >= 2 entries
                if (orGate) {
                    or++;
                    for (int c = 0; c < k; c++) if (kinds[c].bit(b) != ElemClass.FALSE) orBits[c]++;
                    mlevels[slots] = andLevel + 1;
                } else mlevels[slots] = andLevel;
                mbits[b] = slots++ << 1;
            }
            orGates = or;
            ElemClass mx = ElemClass.of(mbits, Arrays.copyOf(mlevels, slots));
            exps = new SoftmaxCount.Exp[k];
            rmin = new long[k];
            rmax = new long[k];
            sterms = new long[k];
            int lv = -1;
            for (int c = 0; c < k; c++) {
                exps[c] = SoftmaxCount.exp(kinds[c], mx, exp, lo);
                FormSummary s = SoftmaxCount.word(exps[c].e());
                rmin[c] = s.min;
                rmax[c] = s.max;
                sterms[c] = s.terms;
                if (s.terms > 0) lv = Math.max(lv, s.level);
                if (s.min < 0 || s.max < 0) throw new SumForm.Unmodelled("an exp of a negative range"); // the per-line walk counts it
            }
            level = lv;
            if (top < 1 || a0 - (2 * top - 1) <= 0) throw new SumForm.Unmodelled("stage 3 of no prefix form");
            pairs = new Acc128[k * k];
            for (int i = 0; i < pairs.length; i++) pairs[i] = new Acc128();
            lastStage3 = new Stage3[k];
            entries = new Acc128[k];
            entriesByLength = new Acc128[k];
            for (int c = 0; c < k; c++) { entries[c] = new Acc128(); entriesByLength[c] = new Acc128(); }
        }

        private boolean twice(int b) { return (key.flags >>> b & 1) != 0; }

        private boolean occurs(int b, int c) { return (key.flags >>> (k + b * k + c) & 1) != 0; }

        /** One line of this shape: its numbers into the sums, each kind's output class id into {@code outs}. */
        boolean add(long[] mult, int[] outs) {
            long m = 0, terms = 0, sumLoHi = 0, sumLo = 0, sumHiHi = 0, sumHi = 0;
            try {
                for (int c = 0; c < k; c++) {
                    m = Math.addExact(m, mult[c]);
                    terms = Math.addExact(terms, Math.multiplyExact(sterms[c], mult[c]));
                }
            } catch (ArithmeticException past) {
                return false;
            }
            if (terms < 2) return false; // stage 3 gates of fewer than two terms: the per-line count refuses it
            // The line's sums of exps, {min, max}, in 128 bits (both below 2^126 for k <= 7 kinds of counts below 2^63).
            for (int c = 0; c < k; c++) {
                long h = Math.unsignedMultiplyHigh(rmin[c], mult[c]), l = rmin[c] * mult[c], s = sumLo + l;
                sumLoHi += h + (Long.compareUnsigned(s, sumLo) < 0 ? 1 : 0);
                sumLo = s;
                h = Math.unsignedMultiplyHigh(rmax[c], mult[c]);
                l = rmax[c] * mult[c];
                s = sumHi + l;
                sumHiHi += h + (Long.compareUnsigned(s, sumHi) < 0 ? 1 : 0);
                sumHi = s;
            }
            long[] st = new long[2 * k];
            for (int c = 0; c < k; c++) {
                // the others' sums: the line's less one entry of kind c at its min (max), >= 0
                long ol = sumLo - rmin[c], olHi = sumLoHi - (Long.compareUnsigned(sumLo, rmin[c]) < 0 ? 1 : 0);
                long oh = sumHi - rmax[c], ohHi = sumHiHi - (Long.compareUnsigned(sumHi, rmax[c]) < 0 ? 1 : 0);
                if (Wide128.pastLong(a0 - 1, rmax[c]) || ohHi != 0 || oh < 0 || Wide128.pastLong(2 * top - 1, oh)) wide = true;
                long s0 = lastHolding(a0, top, rmin[c], ohHi, oh);
                st[2 * c] = s0;
                st[2 * c + 1] = Math.max(s0, lastHolding(a0, top, rmax[c], olHi, ol));
            }
            // Every check passed: the line is this shape's.
            rowsSummed++;
            for (int b = 0; b < k; b++) {
                for (int c = b; c < k; c++) {
                    if (pairLevel[b * k + c] < 0) continue;
                    if (b == c) { // m (m - 1) / 2
                        long x = mult[b], y = x - 1;
                        if (x % 2 == 0) x /= 2; else y /= 2;
                        pairs[b * k + c].addProduct(x, y);
                    } else pairs[b * k + c].addProduct(mult[b], mult[c]);
                }
                entries[b].add(mult[b]);
                entriesByLength[b].addProduct(mult[b], m);
            }
            for (int c = 0; c < k; c++) {
                long from = st[2 * c], to = st[2 * c + 1];
                Stage3 a = lastStage3[c]; // consecutive lines mostly share a kind's steps
                if (a == null || a.from != from || a.to != to) {
                    StepsKey sk = new StepsKey(from, to, c);
                    a = stage3.get(sk);
                    if (a == null) { a = new Stage3(from, to, LookupCount.sharedSteps(ramp, from, to, level + 1), new Acc128(), new Acc128()); stage3.put(sk, a); }
                    lastStage3[c] = a;
                }
                a.entries.add(mult[c]);
                a.byTerms.addProduct(mult[c], terms);
                outs[c] = a.steps.out().id;
            }
            lines++;
            return true;
        }

        void addTo(Profile p) {
            for (int b = 0; b < k; b++) {
                for (int c = b; c < k; c++) {
                    if (pairLevel[b * k + c] >= 0) p.gates(pairs[b * k + c].value(), pairTerms[b * k + c], pairLevel[b * k + c] + 1);
                }
            }
            for (int c = 0; c < k; c++) {
                BigInteger e = entries[c].value(), el = entriesByLength[c].value();
                // per bit not constant 0 an AND of m - 1 terms (a constant-1 bit) or m; per OR bit, an OR over its live entries
                p.gates(e.multiply(BigInteger.valueOf(bits[c])), 0, andLevel);
                p.addWires(el.multiply(BigInteger.valueOf(bits[c])).subtract(e.multiply(BigInteger.valueOf(ones[c]))));
                p.addWires(e.multiply(BigInteger.valueOf(orBits[c])));
                addTimes(p, exps[c].profile(), e);
            }
            p.gates(BigInteger.valueOf(orGates).multiply(BigInteger.valueOf(rowsSummed)), 0, andLevel + 1);
            for (Stage3 s : stage3.values()) {
                LookupCount.Steps st = s.steps;
                BigInteger e = s.entries.value(), et = s.byTerms.value();
                BigInteger cmp = BigInteger.valueOf(st.comparators());
                p.gates(cmp.multiply(e), 0, level + 1);
                p.addWires(cmp.multiply(et));
                for (long f : st.bitGateFanIns()) {
                    p.gates(e, 0, level + 2);
                    p.addWires(e.multiply(BigInteger.valueOf(f)));
                }
            }
        }
    }

    /**
     * The last t in 0 .. top with {@code (a0 - (2t - 1)) r >= (2t - 1) O}, O = {@code oHi 2^64 + oLo} (unsigned, below
     * 2^127), for {@code r >= 0} and {@code a0 > 2 top - 1}: a prefix of t (a falls, 2t - 1 grows), i.e.
     * {@code 2t - 1 <= a0 r / (r + O)}. Estimated in doubles, then settled by exact comparisons (bisection where the
     * estimate is far off); what {@link SoftmaxCount#stage3StepsExact} finds by bisection alone.
     */
    static long lastHolding(long a0, long top, long r, long oHi, long oLo) {
        double o = oHi * 0x1p64 + (oLo >= 0 ? oLo : oLo + 0x1p64);
        double d = r + o;
        long t = d == 0 ? top : (long) Math.floor(((double) a0 * r / d + 1) / 2);
        t = Math.max(0, Math.min(top, t));
        for (int i = 0; i < 64 && t > 0 && !holds(a0, t, r, oHi, oLo); i++) t--;
        for (int i = 0; i < 64 && t < top && holds(a0, t + 1, r, oHi, oLo); i++) t++;
        if ((t > 0 && !holds(a0, t, r, oHi, oLo)) || (t < top && holds(a0, t + 1, r, oHi, oLo))) {
            long a = 0, b = top;
            while (a < b) {
                long mid = a + (b - a + 1) / 2;
                if (holds(a0, mid, r, oHi, oLo)) a = mid; else b = mid - 1;
            }
            t = a;
        }
        return t;
    }

    private static boolean holds(long a0, long t, long r, long oHi, long oLo) {
        return Wide128.productAtLeast(a0 - (2 * t - 1), r, 2 * t - 1, oHi, oLo);
    }

    /** A kind's stage-3 range of steps. */
    private record StepsKey(long from, long to, int kind) {}

    /** A kind's steps and its lines' sums: entries, entries times the line's terms (the comparators' fan-in). */
    private record Stage3(long from, long to, LookupCount.Steps steps, Acc128 entries, Acc128 byTerms) {}

    /** {@code times} copies of {@code o}, times past a long too. */
    private static void addTimes(Profile p, Profile o, BigInteger times) {
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        while (times.compareTo(max) > 0) { p.add(o, Long.MAX_VALUE); times = times.subtract(max); }
        p.add(o, times.longValueExact());
    }
}
