package tc0.compiler.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.count.ScanLine.Decay;
import tc0.compiler.count.ScanLine.Range;
import tc0.compiler.gadgets.ClosedSum;
import tc0.compiler.gadgets.RepeatedSum;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.SelectiveScan;

/**
 * {@link ScanLine#count} for a line that is a short head and a uniform tail ({@code z_1..z_p} and
 * {@code b_0..b_(q-1)} of any classes, every later word of one class each, as mamba's lines are): each row's
 * sum from its runs of pairs, never pair by pair, so a row costs its runs, not its length.
 *
 * <p>Why runs suffice: a tail pair of length L sums L tail words, a head pair j at row t the head words after j
 * and t - p tail words. Such a range's decay is the same gate for gate, fan-in apart, wherever E takes the same
 * values at the range's two ends (then the same steps of E lie inside it), and along L (or t) those ends move one
 * way, so lengths fall into segments found by bisection ({@link Segments}). A segment's pairs in a row form one
 * run of the row's dot; its comparators' fan-in grows by {@code steps * terms per word} per word, summed in
 * closed form. Null (the caller counts pair by pair) where the head is long or the form cannot model a row.
 */
final class ScanTail {
    private ScanTail() {}

    /** The longest head (words of their own at the line's start) counted here. */
    static final int HEAD = 64;

    /** Decays of one family of ranges {@code base + k copies of the tail word}, k = 1, 2, ..., in segments of one decay each. */
    private static final class Segments {
        final Range base;
        final FormSummary word;
        final ScanSteps st;
        final int we, soleWord;
        final List<Segment> list = new ArrayList<>();

        Segments(Range base, FormSummary word, int soleWord, ScanSteps st, int we) {
            this.base = base;
            this.word = word;
            this.soleWord = soleWord;
            this.st = st;
            this.we = we;
        }

        Range range(long k) { return times(base, word, k, soleWord); }

        /** The segment holding k >= 1 (segments cover k = 1, 2, ... in order, made as far as asked). */
        Segment at(long k, long last) {
            while (list.isEmpty() || list.get(list.size() - 1).to < k) list.add(make(list.isEmpty() ? 1 : list.get(list.size() - 1).to + 1, last));
            int a = 0, b = list.size() - 1; // the last segment starting at or below k
            while (a < b) {
                int mid = (a + b + 1) >>> 1;
                if (list.get(mid).from <= k) a = mid; else b = mid - 1;
            }
            return list.get(a);
        }

        /** The segment from k = from: up to the last k whose range ends at the same values of E (or k alone, a sole term). */
        private Segment make(long from, long last) {
            Range r = range(from);
            Decay d = ScanLine.decay(st, r, we);
            long to = from;
            if (r.terms() != 1) {
                long emin = st.e(r.min()), emax = st.e(r.max());
                long a = from, b = last; // the last k in [a, b] with the same ends
                while (a < b) {
                    long mid = b - (b - a) / 2;
                    Range x = range(mid);
                    if (x.terms() != 1 && st.e(x.min()) == emin && st.e(x.max()) == emax) a = mid; else b = mid - 1;
                }
                to = a;
            }
            long unit = r.terms() >= 2 ? Math.multiplyExact(st.steps(r.min(), r.max()), word.terms) : 0;
            return new Segment(from, to, d, unit);
        }
    }

    /** Decay {@code d} for k in {@code [from, to]}: at k its comparators have {@code unit (k - from)} more wires than at from. */
    private record Segment(long from, long to, Decay d, long unit) {}

    /** {@code r} plus k words of summary w (for a sole term: word number {@code sole}), as k calls of {@link Range#plus}. */
    static Range times(Range r, FormSummary w, long k, int sole) {
        if (k == 0) return r;
        if (k == 1) return r.plus(w, sole);
        long terms = Math.addExact(r.terms(), Math.multiplyExact(k, w.terms));
        long min = Math.addExact(r.min(), Math.multiplyExact(k, w.min)), max = Math.addExact(r.max(), Math.multiplyExact(k, w.max));
        if (terms == 1) return new Range(1, min, max, r.level(), r.soleWeight(), r.soleLevel(), r.soleWord()); // w has no term
        int lv = w.terms > 0 ? Math.max(r.level(), w.level) : r.level();
        return new Range(terms, min, max, terms == 0 ? 0 : lv, 0, 0, -1);
    }

    /** One stretch of a row's pairs: {@code count} pairs from pair {@code j}, decay d of b class y; a segment's (k from {@code k0} down) or a single decay. */
    private record Piece(int j, long count, Decay d, ElemClass y, Segment seg, long k0) {}

    static Instance.Result count(ElemClass[] z, ElemClass[] b, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out, int rounds) {
        int n = z.length;
        if (n < 2) return null;
        int p = n - 1;
        while (p >= 1 && z[p] == z[n - 1]) p--;
        int q = n - 1;
        while (q >= 1 && b[q - 1] == b[n - 1]) q--;
        if (p > HEAD || q > HEAD) return null;
        int we = fe.width();
        long e0 = SelectiveScan.exp(0, fz.fracBits(), fe);
        long[] sh = SumForm.toFormat(fe.fracBits() + fb.fracBits(), out);
        int shift = (int) sh[0];
        long factor = sh[1];
        ScanSteps st = ScanSteps.of(fz, n - 1, fe);
        FormSummary[] word = new FormSummary[p + 2];
        for (int i = 1; i <= p + 1; i++) word[i] = new FormSummary().addWord(z[i], 1, 0).done();
        FormSummary tail = word[p + 1];
        ElemClass v = b[n - 1];
        boolean trueBits = false;
        for (int j = 0; j <= q && j < n; j++) trueBits |= hasTrue(b[j]);
        Segments tailDecays = new Segments(Range.EMPTY, tail, p + 1, st, we);
        Segments[] headDecays = new Segments[p];
        Range hr = Range.EMPTY;
        for (int j = p - 1; j >= 0; j--) {
            hr = hr.plus(word[j + 1], j + 1);
            headDecays[j] = new Segments(hr, tail, p + 1, st, we);
        }
        Map<Range, Decay> early = new HashMap<>(); // rows t <= p: head words only
        Map<Segment, long[]> reads = new java.util.IdentityHashMap<>(); // per segment: pairs read, and the sum of their (k - from)
        Profile total = new Profile();
        ElemClass[] h = new ElemClass[n];
        long[] used = new long[2 * n];
        int[] cover = new int[n + 1];
        Map<Long, int[]> bCover = new HashMap<>(); // per slot mask: +1 / -1 where tail words of b are read with it
        long coverMask = 0;
        int[] cover1 = null; // bCover's entry for coverMask
        boolean passthrough = false;
        List<Piece> pieces = new ArrayList<>();
        Common[] common = new Common[1]; // the last rows' form but their last run
        for (int t = 0; t < n; t++) {
            pieces.clear();
            if (t <= p) {
                Range r = Range.EMPTY;
                Decay[] ds = new Decay[t];
                for (int j = t - 1; j >= 0; j--) {
                    r = r.plus(word[j + 1], j + 1);
                    ds[j] = early.computeIfAbsent(r, x -> ScanLine.decay(st, x, we));
                }
                for (int j = 0; j < t; j++) pieces.add(new Piece(j, 1, ds[j], b[j], null, 0));
            } else {
                for (int j = 0; j < p; j++) {
                    Segment s = headDecays[j].at(t - p, n - 1 - p);
                    pieces.add(new Piece(j, 1, s.d, j < q ? b[j] : v, s, t - p));
                }
                for (int j = p; j < Math.min(q, t); j++) {
                    Segment s = tailDecays.at(t - j, n - 1);
                    pieces.add(new Piece(j, 1, s.d, b[j], s, t - j));
                }
                int j = Math.max(p, q);
                while (j < t) { // lengths t - j down to 1, a segment at a time
                    long k = t - j;
                    Segment s = tailDecays.at(k, n - 1);
                    long c = k - s.from + 1;
                    pieces.add(new Piece(j, c, s.d, v, s, k));
                    j += (int) c;
                }
            }
            // Runs: neighbouring pieces of the same classes merged, as addDot merges neighbouring pairs.
            int np = pieces.size();
            int[] runOf = new int[np];
            ElemClass[] rx = new ElemClass[np], ry = new ElemClass[np];
            long[] counts = new long[np];
            int runs = 0;
            boolean soleRead = false;
            for (int i = 0; i < np; i++) {
                Piece pc = pieces.get(i);
                ElemClass x = pc.d.cls();
                soleRead |= pc.d.sole() && !x.isConstant() && live(pc.y);
                if (runs > 0 && rx[runs - 1] == x && ry[runs - 1] == pc.y) counts[runs - 1] += pc.count;
                else { rx[runs] = x; ry[runs] = pc.y; counts[runs++] = pc.count; }
                runOf[i] = runs - 1;
            }
            long[] ux = new long[runs], uy = new long[runs];
            // A decay that is a literal of z may recur in another pair of this sum: the form models that only without passed-on bits.
            Instance.Result s = soleRead && trueBits ? null : closedSum(b[t], e0, factor, shift, out, rounds, t, rx, ry, counts, runs, ux, uy, common, total);
            int firstRead = t;
            if (s != null) {
                boolean gates = s.profile() != null ? s.profile().gates() > 0 : common[0].lastGates; // null: summed by the family
                for (int i = 0; gates && i < np; i++) {
                    Piece pc = pieces.get(i);
                    long mask = uy[runOf[i]];
                    if (mask == 0 && !hasTrue(pc.y)) continue;
                    read(pc, pc.count, pc.k0, total, reads);
                    if (!pc.d.cls().isConstant()) firstRead = Math.min(firstRead, pc.j);
                    if (mask == 0) continue;
                    if (pc.j < q) used[n + pc.j] |= mask;
                    else {
                        if (mask != coverMask || cover1 == null) { coverMask = mask; cover1 = bCover.computeIfAbsent(mask, x -> new int[n + 1]); } // few masks: no boxed key per pair
                        int[] c = cover1;
                        c[pc.j]++;
                        c[pc.j + (int) pc.count]--;
                    }
                }
                if (gates) used[n + t] |= SumForm.variableSlots(b[t]);
            } else { // the form cannot model this row: run its part of the gadget, pair by pair (short rows only)
                for (Piece pc : pieces) if (pc.d.sole()) return null; // the gadget would need each decay's own z word: pair by pair
                if ((long) t * fe.width() * fb.width() > ScanLine.GADGET_TERMS) return null;
                Decay[] ds = new Decay[t];
                long[] kOf = new long[t];
                Piece[] of = new Piece[t];
                for (Piece pc : pieces) {
                    for (int e = 0; e < pc.count; e++) { ds[pc.j + e] = pc.d; of[pc.j + e] = pc; kOf[pc.j + e] = pc.k0 - e; }
                }
                ScanLine.Sum g;
                try {
                    g = ScanLine.gadgetSum(ds, b, t, e0, fz, fb, fe, out, rounds);
                } catch (SumForm.Unmodelled u) {
                    return null;
                }
                s = g.result();
                for (int j = 0; j < t; j++) {
                    if (!g.decayRead()[j]) continue;
                    read(of[j], 1, kOf[j], total, reads);
                    if (!ds[j].cls().isConstant()) firstRead = Math.min(firstRead, j);
                }
                for (int j = 0; j <= t; j++) used[n + j] |= g.bRead()[j];
            }
            if (firstRead < t) { cover[firstRead + 1]++; cover[t + 1]--; }
            if (s.profile() != null) total.add(s.profile(), 1);
            passthrough |= s.passthrough();
            h[t] = s.out()[0];
        }
        if (common[0] != null) common[0].flushInto(total);
        if (Engine.TRACE && common[0] != null && common[0].sweep != null) System.err.println("count: scan line of " + n + " rows, its repeated sums: " + common[0].sweep.sweepTrace());
        for (Map.Entry<Segment, long[]> r : reads.entrySet()) {
            Segment sg = r.getKey();
            total.add(sg.d.gates(), r.getValue()[0]);
            if (sg.unit > 0 && r.getValue()[1] > 0) {
                Profile w = new Profile();
                w.addWires(sg.unit);
                total.add(w, r.getValue()[1]);
            }
        }
        for (Map.Entry<Long, int[]> c : bCover.entrySet()) {
            int run = 0;
            for (int j = 0; j < n; j++) {
                run += c.getValue()[j];
                if (run > 0) used[n + j] |= c.getKey();
            }
        }
        int c = 0;
        for (int i = 1; i < n; i++) {
            c += cover[i];
            if (c > 0) used[i] = i <= p + 1 ? word[i].slotMask0 : tail.slotMask0;
        }
        return new Instance.Result(total, h, used, passthrough, !passthrough);
    }

    /**
     * A row's form but its last run: {@code e0 b_t} and runs {@code 0 .. runs - 2} with their slots read, and the last
     * run's classes. Rows of a uniform tail differ only in their last run's count (mamba's: t - 1 pairs of one
     * class pair after one or two single pairs), so the common part, with its single pairs' wide terms, is built
     * once and copied per row; from a count of 2 on, the rows' sums are counted by {@link RepeatedSum} without
     * building them. Only forms without identified literals are shared (those are named by the row).
     */
    private static final class Common {
        final ElemClass bt;
        final ElemClass[] rx, ry;
        final long[] counts, ux, uy;
        final SumForm form;
        /** From the first row whose last run has 2 pairs or more: the sums by count, that count, one pair's ANDs, the last run's slots read. */
        RepeatedSum sweep;
        long sweepFrom = -1;
        Profile pairAnds;
        long lastUx, lastUy;

        Common(ElemClass bt, ElemClass[] rx, ElemClass[] ry, long[] counts, SumForm form, long[] ux, long[] uy) {
            this.bt = bt;
            this.rx = rx;
            this.ry = ry;
            this.counts = counts;
            this.form = form;
            this.ux = ux;
            this.uy = uy;
        }

        boolean fits(ElemClass bt, ElemClass[] rx, ElemClass[] ry, long[] counts, int runs) {
            if (bt != this.bt || runs != this.rx.length) return false;
            for (int r = 0; r < runs; r++) if (rx[r] != this.rx[r] || ry[r] != this.ry[r]) return false;
            for (int r = 0; r < runs - 1; r++) if (counts[r] != this.counts[r]) return false;
            return true;
        }

        /** The common form with the last run of {@code c} pairs added (its slots read into {@code lx}, {@code ly}). */
        SumForm withLast(long c, long factor, long[] lx, long[] ly) {
            SumForm f = form.copy();
            int last = rx.length - 1;
            f.addDotRuns(new ElemClass[] {rx[last]}, new ElemClass[] {ry[last]}, new long[] {c}, factor, lx, ly);
            return f;
        }

        /** The row with c pairs in its last run by {@link RepeatedSum} (set up on the first call with c >= 2), or null. */
        Instance.Result swept(long c, long factor, int shift, int width, int rounds, long[] ux, long[] uy) {
            if (c < 2) return null;
            if (sweepFrom < 0) {
                sweepFrom = c;
                long[] lx = new long[1], ly = new long[1];
                SumForm a = withLast(c, factor, lx, ly), b = withLast(c + 1, factor, new long[1], new long[1]);
                sweep = RepeatedSum.of(a.shape, b.shape, c, shift, width, rounds);
                a.shape.release();
                b.shape.release();
                SumForm one = new SumForm();
                one.addDotRuns(new ElemClass[] {rx[rx.length - 1]}, new ElemClass[] {ry[ry.length - 1]}, new long[] {1}, factor, new long[1], new long[1]);
                one.shape.release();
                pairAnds = one.extra;
                lastUx = lx[0];
                lastUy = ly[0];
            }
            if (sweep == null) return null;
            ClosedSum cs = sweep.atScratch(c); // its level array read at once (RowSums.add, the check)
            if (cs == null) return null;
            if (!cs.modelled()) throw new SumForm.Unmodelled("the closed sum is not claimed exact here");
            int runs = rx.length;
            System.arraycopy(this.ux, 0, ux, 0, runs - 1);
            System.arraycopy(this.uy, 0, uy, 0, runs - 1);
            ux[runs - 1] = lastUx;
            uy[runs - 1] = lastUy;
            if (CHECK_SWEEP) { // the row's own profile, to compare with the row built
                Profile p = SumForm.profile(cs);
                p.add(form.extra, 1);
                p.add(pairAnds, c);
                return new Instance.Result(p, new ElemClass[] {SumForm.outputClass(cs, width, -1, 0)}, new long[0], false, true);
            }
            if (sums == null) sums = new RowSums(form.extra, pairAnds);
            lastGates = sums.add(cs, c, 1);
            return new Instance.Result(null, new ElemClass[] {sums.out(cs, width)}, new long[0], false, true);
        }

        /** The rows {@link #swept} counted (their results' profiles null), summed; whether the last had a gate. */
        RowSums sums;
        boolean lastGates;

        /** Adds the rows summed so far to {@code total}. */
        void flushInto(Profile total) {
            if (sums != null) sums.flushInto(total);
        }
    }

    /** h_t by the closed form over the row's runs, or null where the form cannot model it. */
    private static Instance.Result closedSum(ElemClass bt, long e0, long factor, int shift, FixedFormat out, int rounds, int t,
                                             ElemClass[] rx, ElemClass[] ry, long[] counts, int runs, long[] ux, long[] uy, Common[] common, Profile total) {
        try {
            if (runs == 0) return lone(row(bt, e0, factor, t, rx, ry, counts, runs, ux, uy), bt, Math.multiplyExact(e0, factor), shift, out.width(), rounds);
            Common c = common[0];
            if (c == null || !c.fits(bt, rx, ry, counts, runs)) {
                if (c != null) c.flushInto(total);
                c = common[0] = common(bt, e0, factor, t, rx, ry, counts, runs);
            }
            if (c == null) return row(bt, e0, factor, t, rx, ry, counts, runs, ux, uy).close(shift, out.width(), true, rounds, new long[0]);
            long last = counts[runs - 1];
            Instance.Result swept = c.swept(last, factor, shift, out.width(), rounds, ux, uy);
            if (swept != null && !CHECK_SWEEP) return swept;
            long[] lx = new long[1], ly = new long[1];
            Instance.Result built = c.withLast(last, factor, lx, ly).close(shift, out.width(), true, rounds, new long[0]);
            System.arraycopy(c.ux, 0, ux, 0, runs - 1);
            System.arraycopy(c.uy, 0, uy, 0, runs - 1);
            ux[runs - 1] = lx[0];
            uy[runs - 1] = ly[0];
            if (swept != null) checkSwept(swept, built, t);
            return built;
        } catch (SumForm.Unmodelled u) {
            if (Engine.TRACE) System.err.println("count: scan row " + t + " of " + runs + " runs is not modelled: " + u.getMessage());
            return null;
        }
    }

    /** Every row {@link RepeatedSum} counts also built and compared (tests; {@code -Dtc0.count.checkSweep=true}). */
    static final boolean CHECK_SWEEP = Boolean.getBoolean("tc0.count.checkSweep");

    private static void checkSwept(Instance.Result swept, Instance.Result built, int t) {
        CountedCost a = swept.profile().cost(), b = built.profile().cost();
        boolean same = a.equals(b) && swept.out()[0] == built.out()[0];
        for (int l = 0; same && l <= Math.max(a.depth(), b.depth()); l++) same = swept.profile().exactAt(l).equals(built.profile().exactAt(l));
        if (!same) throw new IllegalStateException("scan row " + t + ": the repeated sum's count " + a + " differs from the row built, " + b);
    }

    /** The row's form, {@code e0 b_t} then its runs in order. */
    private static SumForm row(ElemClass bt, long e0, long factor, int t, ElemClass[] rx, ElemClass[] ry, long[] counts, int runs, long[] ux, long[] uy) {
        SumForm f = new SumForm();
        f.addWords(bt, Math.multiplyExact(e0, factor), 2L * t + 1, 1); // the element ids of addDot's y side
        f.addDotRuns(Arrays.copyOf(rx, runs), Arrays.copyOf(ry, runs), Arrays.copyOf(counts, runs), factor, ux, uy);
        return f;
    }

    /** The common part of the rows like row t (all but its last run), or null where it cannot be shared. */
    private static Common common(ElemClass bt, long e0, long factor, int t, ElemClass[] rx, ElemClass[] ry, long[] counts, int runs) {
        long[] ux = new long[runs - 1], uy = new long[runs - 1];
        SumForm f;
        try {
            f = row(bt, e0, factor, t, rx, ry, counts, runs - 1, ux, uy);
            f.copy(); // refused with identified literals: their ids name this row
        } catch (SumForm.Unmodelled u) {
            return null;
        }
        return new Common(bt, Arrays.copyOf(rx, runs), Arrays.copyOf(ry, runs), Arrays.copyOf(counts, runs), f, ux, uy);
    }

    /**
     * Row 0, {@code h_0 = round(e0 b_0)}: the closed sum, and where its lowest bit is b_0's lowest variable bit passed
     * on (no gate of its own: the shape does not name it) that literal, at its level and polarity. The builder makes
     * the rest as the shape counts it, also past its 61 bits, where the gadget cannot run (mamba at n = 2^20).
     */
    static Instance.Result lone(SumForm f, ElemClass bt, long coeff, int shift, int width, int rounds) {
        ClosedSum cs;
        try {
            cs = WeightedSum.closedSum(f.shape, shift, width, true, rounds);
        } catch (IllegalArgumentException | UnsupportedOperationException | ArithmeticException e) {
            throw new SumForm.Unmodelled(e.getMessage());
        } finally {
            f.shape.release();
        }
        int k0 = 0;
        while (k0 < bt.width() && bt.bit(k0) < 0) k0++;
        int sole = k0 + Long.numberOfTrailingZeros(coeff) - shift; // the output bit whose column holds that bit alone
        boolean passes = false;
        for (int b = 0; b < width; b++) {
            if (cs.bitKind()[b] != ClosedSum.Kind.SOLE) continue;
            if (b != sole || k0 == bt.width() - 1) throw new SumForm.Unmodelled("an output bit is the form's only literal");
            passes = true;
        }
        if (!(cs.modelled() || passes && cs.countExact()) || Long.bitCount(coeff) != 1) throw new SumForm.Unmodelled("the closed sum is not claimed exact here");
        int soleLiteral = passes ? bt.bit(k0) : -1; // a SOLE bit exists only where passes
        ElemClass out = SumForm.outputClass(cs, width, soleLiteral, passes ? bt.slotLevel(soleLiteral >> 1) : 0);
        Profile p = SumForm.profile(cs);
        p.add(f.extra, 1);
        return new Instance.Result(p, new ElemClass[] {out}, new long[0], passes, !passes);
    }

    /** {@code count} pairs of piece pc read, k from {@code k0} down: their decays' gates (a segment's summed at the end). */
    private static void read(Piece pc, long count, long k0, Profile total, Map<Segment, long[]> reads) {
        if (pc.seg == null) { total.add(pc.d.gates(), count); return; }
        long[] acc = reads.computeIfAbsent(pc.seg, x -> new long[2]);
        long hiK = k0 - pc.seg.from, loK = hiK - count + 1; // k - from over these pairs
        acc[0] = Math.addExact(acc[0], count);
        acc[1] = Math.addExact(acc[1], Math.multiplyExact(count, hiK + loK) / 2);
    }

    private static boolean live(ElemClass c) {
        for (int k = 0; k < c.width(); k++) if (c.bit(k) != ElemClass.FALSE) return true;
        return false;
    }

    private static boolean hasTrue(ElemClass c) {
        for (int k = 0; k < c.width(); k++) if (c.bit(k) == ElemClass.TRUE) return true;
        return false;
    }
}
