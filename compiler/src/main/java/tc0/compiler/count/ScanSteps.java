package tc0.compiler.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tc0.compiler.gadgets.Scan;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.SelectiveScan;

/**
 * The decay {@code E(S)} of a selective scan as a step function of the exact range sum {@code S}
 * ({@link Scan#steps}), answered by arithmetic instead of a list of its steps (at n = 2^20 mamba's E has about
 * 10^9 steps). What a pair's cost depends on: the steps inside a range of S, and per bit of E how often it
 * changes there and where it first does.
 *
 * <p>Why arithmetic suffices: {@code E(x) = min(M, R(x))}, {@code R(x) = floor(G(x) + 1/2)} with
 * {@code G(x) = 2^Fe exp(x 2^-Fz)} (correctly rounded, half up; G is never a half-integer but at x = 0, where
 * it is an integer). Where the exact rise {@code G(x) - G(x-1)} lies in {@code [m, m + 1)}, the rounded rise
 * {@code d = R(x) - R(x-1)} is m or m + 1, so for {@code c = floor(R / 2^k)} the rise of c is {@code q} or
 * {@code q + 1}, {@code q = floor(m / 2^k)}: over a stretch of N such x, {@code c(v) - c(u) - q N} of them rise
 * by q + 1, and bit k changes where c rises by an odd amount. The stretches are cut where the exact rise passes
 * an integer; those cuts, found in doubles, are placed within far less than {@link #WINDOW} codes of the truth,
 * and the codes within {@link #WINDOW} of each cut are evaluated one by one. Past the first x where
 * {@code R >= M} (saturation) E is constant.
 */
final class ScanSteps {
    private static final Map<Object, ScanSteps> CACHE = new ConcurrentHashMap<>();

    /** Codes evaluated one by one on each side of a cut (the cut found in doubles is off by far less than one code). */
    static final int WINDOW = 64;

    private final int fracZ;
    private final FixedFormat fe;
    private final long lo, hi;
    /** The first x in (lo, hi] where E reaches its maximum code (then constant), or hi + 1. */
    private final long sat;
    /** The x in (lo, sat) cut into zones, ascending: exact ones (every code evaluated) and smooth ones (rise in [m, m + 1)). */
    private final List<Zone> zones = new ArrayList<>();
    private final Map<Long, Long> memo = new ConcurrentHashMap<>();

    /**
     * The codes {@code x} in {@code [from, to]}; {@code m >= 0}: every exact rise there lies in {@code [m, m + 1)};
     * {@code m < 0}: evaluated one by one, {@code seen[0][i]} the rises and {@code seen[k + 1][i]} the changes of
     * bit k over {@code [from, from + i)}.
     */
    private record Zone(long from, long to, long m, int[][] seen) {}

    private ScanSteps(FixedFormat fz, int len, FixedFormat fe) {
        this.fracZ = fz.fracBits();
        this.fe = fe;
        lo = Math.multiplyExact((long) len, fz.minCode());
        hi = Math.multiplyExact((long) len, fz.maxCode());
        sat = firstSaturated();
        // The cut of rise m: G(x) (1 - e^-h) = m, h = 2^-Fz, i.e. x = 2^Fz (ln m - ln c0), c0 = 2^Fe (1 - e^-h).
        double h = Math.scalb(1.0, -fracZ);
        double lnC0 = fe.fracBits() * Math.log(2) + Math.log(-Math.expm1(-h));
        long at = lo + 1; // the next x to place in a zone
        long m = 0;       // the floor of the rise at x = at, once past the cuts below it
        long pf = 0, pt = -1; // an exact zone not yet added: [pf, pt] (empty while pt < pf), windows merged into it
        for (long k = 1; at < sat; k++) {
            double cut = Math.scalb(Math.log(k) - lnC0, fracZ);
            if (cut > sat + WINDOW || Double.isInfinite(cut)) break;
            long a = Math.max(at, (long) Math.floor(cut) - WINDOW), b = Math.min(sat - 1, (long) Math.ceil(cut) + WINDOW);
            if (b < at) { m = k; continue; } // the cut lies below lo: the rise is past k from lo on
            if (a > at) { // a smooth stretch before this window: the pending exact zone ends here
                if (pt >= pf) zones.add(exact(pf, pt));
                zones.add(new Zone(at, a - 1, m, null));
                pf = a;
            } else if (pt < pf) pf = a;
            pt = b;
            at = b + 1;
            m = k;
        }
        if (pt >= pf) zones.add(exact(pf, pt));
        if (at < sat) zones.add(new Zone(at, sat - 1, m, null));
    }

    private Zone exact(long from, long to) {
        int len = Math.toIntExact(to - from + 1), we = fe.width();
        int[][] seen = new int[we + 1][len + 1];
        long prev = raw(from - 1);
        for (int i = 0; i < len; i++) {
            long cur = raw(from + i);
            seen[0][i + 1] = seen[0][i] + (cur != prev ? 1 : 0);
            for (int k = 0; k < we; k++) seen[k + 1][i + 1] = seen[k + 1][i] + (int) ((cur ^ prev) >>> k & 1);
            prev = cur;
        }
        return new Zone(from, to, -1, seen);
    }

    /** The steps over the sums of up to {@code len} codes of {@code fz} (what the gadget restricts per pair), cached. */
    static ScanSteps of(FixedFormat fz, int len, FixedFormat fe) {
        return CACHE.computeIfAbsent(List.of(fz, len, fe), k -> new ScanSteps(fz, len, fe));
    }

    /** E at {@code s} in {@code [lo, hi]}. */
    long e(long s) {
        if (s >= sat) return fe.maxCode();
        Long v = memo.get(s);
        if (v != null) return v;
        long r = raw(s);
        if (memo.size() < 1 << 16) memo.put(s, r);
        return r;
    }

    private long raw(long s) { return SelectiveScan.exp(s, fracZ, fe); }

    private long firstSaturated() {
        long max = fe.maxCode();
        if (raw(hi) < max) return hi + 1;
        long a = lo + 1, b = hi; // the first x in [a, b] with E(x) = max
        while (a < b) {
            long mid = a + (b - a) / 2;
            if (raw(mid) >= max) b = mid; else a = mid + 1;
        }
        return a;
    }

    /** The steps of E in {@code (a, b]}: the x there where E rises (the comparators of a range sum over [a, b]). */
    long steps(long a, long b) { return count(a, b, -1); }

    /** How often bit {@code k} of E changes over {@code (a, b]}. */
    long changes(int k, long a, long b) { return count(a, b, k); }

    /** The first x in {@code (a, b]} where bit {@code k} of E changes (one must exist). */
    long firstChange(int k, long a, long b) {
        long x = a + 1, y = b; // the least y with a change in (a, y]
        while (x < y) {
            long mid = x + (y - x) / 2;
            if (count(a, mid, k) > 0) y = mid; else x = mid + 1;
        }
        return x;
    }

    /** Over x in (a, b]: the rises of E ({@code k < 0}) or the changes of its bit k. */
    private long count(long a, long b, int k) {
        if (a < lo || b > hi || a > b) throw new IllegalArgumentException("range (" + a + ", " + b + "] outside [" + lo + ", " + hi + "]");
        long n = 0;
        for (Zone z : zones) {
            long u = Math.max(z.from, a + 1), v = Math.min(z.to, b);
            if (u > v) continue;
            if (z.m < 0) {
                int[] c = z.seen[k + 1];
                n += c[(int) (v - z.from + 1)] - c[(int) (u - z.from)];
                continue;
            }
            long ru = e(u - 1), rv = e(v), len = v - u + 1;
            if (k < 0) { n += z.m >= 1 ? len : rv - ru; continue; }
            long q = z.m >>> Math.min(k, 63);
            long up = Math.subtractExact((rv >> k) - (ru >> k), Math.multiplyExact(q, len)); // rises of q + 1
            n += (q & 1) == 1 ? len - up : up;
        }
        if (a < sat && sat <= b) { // the saturating rise
            long prev = e(sat - 1), cur = fe.maxCode();
            n += k < 0 ? (cur != prev ? 1 : 0) : (cur ^ prev) >>> k & 1;
        }
        return n;
    }
}
