package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranges of counts summed by {@link RepeatedRange}, kept by their family's {@link FamilyKey} so that a later family
 * equal up to where its counts and levels start (a causal transformer's second layer's {@code P @ V}) takes its range
 * from the first's instead of sweeping it again: the totals with the levels moved, less the few counts the first range
 * had and the later one has not (counted again, by the first family), and the output bits' stretches with their levels
 * moved. One per count (an engine's run): nothing in it outlives the run. Not thread-safe.
 */
public final class RangeMemo {
    /** Ranges shorter than this are swept (the look-up would cost about what they do). */
    static final int MIN = 64;
    /** Stretches of equal output bits a kept range may have (a causal family's rows share a few). */
    static final int MAX_STRETCHES = 1 << 12;
    /** Counts kept over all ranges (a long each): past it no range is kept. */
    static final long MAX_KEPT = 1L << 22;

    /** One range summed: counts as steps from the key's cStar, totals with levels less the key's base, stretches by index. */
    private record Range(RepeatedSum rs, FamilyKey key, long[] steps, BigInteger[] gates, BigInteger wires, long wideRows, boolean lastGates,
            int[] stretchFrom, int[] stretchTo, ClosedSum[] samples) {}

    private final Map<FamilyKey, List<Range>> ranges = new HashMap<>();
    private long kept;
    /** Ranges taken from the memo, their counts, and the counts swept again for the difference (trace, tests). */
    public long hits, rowsTaken, rowsRecounted;
    /** Rows taken from a memo, in every count (tests). */
    public static final java.util.concurrent.atomic.LongAdder TAKEN = new java.util.concurrent.atomic.LongAdder();

    /** Keeps the range {@code counts[from, to)} that {@code r} just summed from nothing, every count with an answer. */
    void keep(RepeatedRange r, FamilyKey key, long[] counts, int from, int to, long wideRows, List<int[]> stretchAt, List<ClosedSum> samples) {
        int n = to - from;
        if (key == null || n < MIN || kept + n > MAX_KEPT) return;
        long[] steps = new long[n];
        for (int i = 0; i < n; i++) {
            steps[i] = counts[from + i] - key.cStar;
            if (i > 0 && steps[i] < steps[i - 1]) return; // found by bisection: counts in order only
        }
        BigInteger[] gates = new BigInteger[Math.max(0, r.levels() - key.base)];
        for (int l = key.base; l < r.levels(); l++) gates[l - key.base] = r.gatesAt(l);
        for (int l = 1; l < key.base; l++) if (r.gatesAt(l).signum() != 0) return; // a gate below the lowest run: not moved with it
        int[] sf = new int[samples.size()], st = new int[samples.size()];
        for (int s = 0; s < sf.length; s++) { sf[s] = stretchAt.get(s)[0] - from; st[s] = stretchAt.get(s)[1] - from; }
        kept += n;
        ranges.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new Range(r.family(), key, steps, gates, r.wires(), wideRows, r.lastGates(), sf, st, samples.toArray(new ClosedSum[0])));
    }

    /**
     * Puts into {@code r} (from nothing) the sums of {@code counts[from, to)} of family {@code key} and tells their
     * stretches, from a range kept before, where one holds these counts in a row and at most half as many others;
     * false (nothing changed) where none does. {@code firstCount}: the family's first count ({@link RepeatedSum#c0}):
     * below it the sweep has no answer, so such counts are not taken.
     */
    boolean take(RepeatedRange r, RepeatedSum rs, FamilyKey key, long[] counts, int from, int to, RepeatedRange.Outputs out) {
        int n = to - from;
        if (key == null || n < MIN) return false;
        List<Range> list = ranges.get(key);
        if (list == null || counts[from] < rs.c0) return false;
        for (Range g : list) {
            int i = find(g.steps, counts, from, n, key.cStar);
            if (i < 0) continue;
            int shift = key.base - g.key.base;
            if (!alike(rs, g, counts, from, i, n, shift) || !take(r, g, key, i, n)) continue;
            for (int s = 0; s < g.samples.length; s++) {
                int a = Math.max(g.stretchFrom[s], i), b = Math.min(g.stretchTo[s], i + n);
                if (a < b) out.stretch(from + a - i, from + b - i, moved(g.samples[s], shift));
            }
            hits++;
            rowsTaken += n;
            TAKEN.add(n);
            return true;
        }
        return false;
    }

    /** Where {@code counts[from, from + n)}, as steps from {@code cStar}, lie in {@code steps} in a row, with at most n / 2 others; -1: nowhere. */
    private static int find(long[] steps, long[] counts, int from, int n, long cStar) {
        if (steps.length - n > n / 2) return -1;
        long first = counts[from] - cStar;
        int i = Arrays.binarySearch(steps, first);
        if (i < 0) return -1;
        while (i > 0 && steps[i - 1] == first) i--;
        for (; i + n <= steps.length && steps[i] == first; i++) { // a count may come twice: each start
            boolean same = true;
            for (int t = 1; t < n && same; t++) same = steps[i + t] == counts[from + t] - cStar;
            if (same) return i;
        }
        return -1;
    }

    /** Counts kept (tests). */
    long kept() { return kept; }

    /** g's totals less its counts outside [i, i + n), their levels moved to {@code key}'s, into r; false where a count has no answer. */
    private boolean take(RepeatedRange r, Range g, FamilyKey key, int i, int n) {
        BigInteger[] gates = g.gates.clone();
        BigInteger wires = g.wires;
        long wide = g.wideRows;
        boolean lastGates = g.lastGates;
        int len = g.steps.length;
        for (int t = i == 0 ? n : 0; t < len; t = t + 1 == i ? i + n : t + 1) { // the counts before i and after i + n - 1
            ClosedSum cs = g.rs.at(g.steps[t] + g.key.cStar);
            if (cs == null || !cs.modelled()) return false;
            long[] pl = cs.gatesPerLevel();
            boolean any = false;
            for (int l = 1; l < pl.length; l++) {
                if (pl[l] == 0) continue;
                if (l < g.key.base) return false;
                any = true;
                gates[l - g.key.base] = gates[l - g.key.base].subtract(BigInteger.valueOf(pl[l]));
            }
            if (any) {
                wires = wires.subtract(BigInteger.valueOf(cs.wires()));
                if (cs.wiresPast() != null) wires = wires.subtract(cs.wiresPast());
            }
            if (cs.wide()) wide--;
            rowsRecounted++;
        }
        if (i + n < len) { // the last count taken is not the range's last: whether it has a gate
            ClosedSum cs = g.rs.at(g.steps[i + n - 1] + g.key.cStar);
            if (cs == null || !cs.modelled()) return false;
            lastGates = false;
            for (int l = 1; l < cs.gatesPerLevel().length; l++) lastGates |= cs.gatesPerLevel()[l] != 0;
            rowsRecounted++;
        }
        BigInteger[] at = new BigInteger[key.base + gates.length];
        Arrays.fill(at, BigInteger.ZERO);
        System.arraycopy(gates, 0, at, key.base, gates.length);
        r.load(at, wires, wide > 0, lastGates);
        return true;
    }

    /** Points checked per range taken: the key's families counted both ways at these many counts of the range. */
    static final int PROBES = 8;

    /**
     * Whether {@code rs} at {@code PROBES} counts of {@code counts[from, from + n)}, first and last among them, counts
     * as g's family at the same steps with levels moved: a guard on the key (an exact check of the memo is its tests').
     */
    private static boolean alike(RepeatedSum rs, Range g, long[] counts, int from, int i, int n, int shift) {
        for (int p = 0; p < PROBES; p++) {
            int t = (int) ((long) (n - 1) * p / (PROBES - 1));
            ClosedSum a = rs.at(counts[from + t]), b = g.rs.at(g.steps[i + t] + g.key.cStar);
            if (a == null || b == null || !a.modelled() || !b.modelled() || !same(a, moved(b, shift))) return false;
        }
        return true;
    }

    /** Whether two closed sums have the same figures: gates per level, wires, output bits, marks. */
    static boolean same(ClosedSum a, ClosedSum b) {
        long[] x = a.gatesPerLevel(), y = b.gatesPerLevel();
        for (int l = 0; l < Math.max(x.length, y.length); l++) if ((l < x.length ? x[l] : 0) != (l < y.length ? y[l] : 0)) return false;
        BigInteger wa = BigInteger.valueOf(a.wires()), wb = BigInteger.valueOf(b.wires());
        if (a.wiresPast() != null) wa = wa.add(a.wiresPast());
        if (b.wiresPast() != null) wb = wb.add(b.wiresPast());
        return wa.equals(wb) && Arrays.equals(a.bitKind(), b.bitKind()) && Arrays.equals(a.bitLevel(), b.bitLevel()) && Arrays.equals(a.bitNegated(), b.bitNegated())
                && a.wide() == b.wide() && a.modelled() == b.modelled() && a.countExact() == b.countExact();
    }

    /** {@code cs} with its gates and output bits {@code shift} levels up (constant bits keep level -1). */
    static ClosedSum moved(ClosedSum cs, int shift) {
        if (shift == 0) return cs;
        long[] g = cs.gatesPerLevel(), to = new long[Math.max(0, g.length + shift)];
        for (int l = Math.max(0, -shift); l < g.length; l++) to[l + shift] = g[l];
        int[] lv = cs.bitLevel().clone();
        for (int b = 0; b < lv.length; b++) if (lv[b] >= 0) lv[b] += shift;
        return new ClosedSum(to, cs.wires(), cs.bitKind(), lv, cs.bitNegated(), cs.modelled(), cs.wide(), cs.countExact(), cs.wiresPast());
    }
}
