package tc0.compiler.count;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tc0.compiler.gadgets.LayerNorm;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * Layer norm's scale {@code rho(Q)} as steps ({@code LayerNorm.scaleSteps}: {@code values[i]} from
 * {@code Q >= breaks[i]} on), without listing every step. {@code rho} is the correctly rounded value of a
 * convex decreasing function of Q ({@code A / sqrt(B Q + C)}), so once it stays on one value for two
 * consecutive Q below saturation its real fall per unit of Q is under one, and from there on it takes every
 * value down to the bottom: a head of explicit steps, then a tail that falls by one per step. Counting only
 * needs the values by index and the index of the step holding a given Q. Pinned against the explicit steps.
 * The head is rho at consecutive Q (up to about 4 10^5 of them at 14 fraction bits), evaluated in longs.
 */
final class ScaleSteps {
    private static final Map<Object, ScaleSteps> CACHE = new ConcurrentHashMap<>();

    private final int m;
    private final FixedFormat fx, feps, fr;
    private final long eps;
    private final long[] headBreaks, headValues;
    /** Steps after the head, each one value lower. */
    final long tail;
    private final BigInteger maxQ;

    private ScaleSteps(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        this.m = m;
        this.fx = fx;
        this.eps = eps;
        this.feps = feps;
        this.fr = fr;
        this.maxQ = Fixed.layerNormMaxQ(m, fx);
        this.fast = new FastScale(m, fx, eps, feps, fr);
        long top = Fixed.layerNormScale(BigInteger.ZERO, m, fx, eps, feps, fr), bottom = rho(maxQ); // the definition checks eps
        // The head in growing primitive arrays: up to ~4 10^5 steps, no boxed Long per step (a fresh JVM
        // runs this loop before the JIT has compiled it; the boxes were most of its time there).
        long[] b = new long[64], v = new long[64];
        v[0] = top;
        int h = 1;
        long rest = 0;
        if (top > bottom) {
            // The second step: where rho first drops below the top.
            long q = Fixed.layerNormScaleLimit(top, m, fx, eps, feps, fr).add(BigInteger.ONE).longValueExact();
            long cur = rho(q);
            b[h] = q;
            v[h++] = cur;
            // Then one step per q while rho drops at every q (the next step is where rho < cur: q + 1 when
            // rho(q + 1) < cur); the first q where it stays starts the tail.
            while (cur > bottom) {
                long next = rho(q + 1);
                if (next == cur) { rest = cur - bottom; break; }
                q++;
                cur = next;
                if (h == b.length) { b = Arrays.copyOf(b, 2 * h); v = Arrays.copyOf(v, 2 * h); }
                b[h] = q;
                v[h++] = cur;
            }
        }
        this.tail = rest;
        this.headBreaks = Arrays.copyOf(b, h);
        this.headValues = Arrays.copyOf(v, h);
    }

    static ScaleSteps of(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        return CACHE.computeIfAbsent(List.of(m, fx, eps, feps, fr), k -> new ScaleSteps(m, fx, eps, feps, fr));
    }

    private long rho(BigInteger q) {
        return q.bitLength() < 63 ? rho(q.longValue()) : Fixed.layerNormScale(q, m, fx, eps, feps, fr);
    }

    /** {@code Fixed.layerNormScale(q)}: in longs where they hold the steps ({@link FastScale}), else as defined. */
    private long rho(long q) {
        long r = fast.scale(q);
        return r >= 0 ? r : Fixed.layerNormScale(BigInteger.valueOf(q), m, fx, eps, feps, fr);
    }

    private final FastScale fast;

    /** Number of steps ({@code breaks.length}). */
    long length() { return headValues.length + tail; }

    /** The value of step i. */
    long value(long i) {
        int h = headValues.length;
        return i < h ? headValues[(int) i] : headValues[h - 1] - (i - (h - 1));
    }

    /** The index of the step holding Q ({@code 0} for Q below the first break, the last for Q beyond the range). */
    long indexOf(long q) {
        if (q <= 0) return 0;
        int h = headBreaks.length;
        if (tail == 0 || q < headBreaks[h - 1]) {
            int lo = 0, hi = h - 1;
            while (lo < hi) { int mid = (lo + hi + 1) >>> 1; if (headBreaks[mid] <= q) lo = mid; else hi = mid - 1; }
            return lo;
        }
        BigInteger bq = BigInteger.valueOf(q).min(maxQ);
        return (h - 1) + (headValues[h - 1] - rho(bq));
    }

    /** {@link #indexOf(long)} for a Q of any size (a wide layer norm's range): past a long, the last head step or the tail's. */
    long indexOf(BigInteger q) {
        if (q.bitLength() < 63) return indexOf(q.longValue());
        if (q.signum() < 0) return 0;
        int h = headBreaks.length;
        return tail == 0 ? h - 1 : (h - 1) + (headValues[h - 1] - rho(q.min(maxQ)));
    }

    /** Change points of the values over the steps, for {@link LookupCount#steps}. */
    TableStats stats(int width) {
        return stats.computeIfAbsent(width, w -> TableStats.headAndFall(headValues, tail, w));
    }

    private final Map<Integer, TableStats> stats = new ConcurrentHashMap<>();

    /** Every step, explicitly (tests: must equal {@code LayerNorm.scaleSteps}). */
    long[][] explicit() {
        long n = length();
        long[] b = new long[(int) n], v = new long[(int) n];
        for (int i = 0; i < n; i++) {
            v[i] = value(i);
            b[i] = i < headBreaks.length ? headBreaks[i]
                    : Fixed.layerNormScaleLimit(v[i - 1], m, fx, eps, feps, fr).add(BigInteger.ONE).longValueExact();
        }
        return new long[][] {b, v};
    }

    /** For tests: the gadget's own steps. */
    static long[][] gadgetSteps(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        return LayerNorm.scaleSteps(m, fx, eps, feps, fr);
    }
}
