package tc0.compiler.count;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tc0.compiler.gadgets.Scan;
import tc0.compiler.numerics.FixedFormat;

/**
 * The decay {@code E(S)} of a selective scan as a step function of the exact range sum {@code S}
 * ({@link Scan#steps}), with what a pair's cost depends on: the step holding a value of S, and per bit of
 * E the steps where it changes (sorted, so counts over a range of steps are two binary searches).
 */
final class ScanSteps {
    private static final Map<Object, ScanSteps> CACHE = new ConcurrentHashMap<>();

    private final long[] breaks;
    private final long[] values;
    /** Per bit of E: the step indices {@code i >= 1} where it differs from step {@code i - 1}, ascending. */
    private final int[][] changeAt;

    private ScanSteps(Scan.Steps s, int width) {
        breaks = s.breaks();
        values = s.values();
        changeAt = new int[width][];
        int[] k = new int[width];
        int[][] buf = new int[width][16];
        for (int i = 1; i < values.length; i++) {
            long d = values[i] ^ values[i - 1];
            for (int b = 0; b < width; b++) {
                if ((d >>> b & 1) == 0) continue;
                if (k[b] == buf[b].length) buf[b] = Arrays.copyOf(buf[b], 2 * k[b]);
                buf[b][k[b]++] = i;
            }
        }
        for (int b = 0; b < width; b++) changeAt[b] = Arrays.copyOf(buf[b], k[b]);
    }

    /** The steps over the sums of up to {@code len} codes of {@code fz} (what the gadget restricts per pair), cached. */
    static ScanSteps of(FixedFormat fz, int len, FixedFormat fe) {
        return CACHE.computeIfAbsent(List.of(fz, len, fe), k -> new ScanSteps(Scan.steps(fz, len, fe), fe.width()));
    }

    /** The index of the step holding {@code s} (the last break {@code <= s}); {@code s} must be in range. */
    int stepOf(long s) {
        int i = Arrays.binarySearch(breaks, s);
        return i >= 0 ? i : -i - 2;
    }

    long value(int step) { return values[step]; }

    /** How often bit {@code b} changes over the steps {@code (from, to]}. */
    int changes(int b, int from, int to) {
        return upper(changeAt[b], to) - upper(changeAt[b], from);
    }

    /** The first step after {@code from} where bit {@code b} changes (one must exist). */
    int firstChange(int b, int from) {
        return changeAt[b][upper(changeAt[b], from)];
    }

    /** Entries {@code <= x} of an ascending array. */
    private static int upper(int[] a, int x) {
        int i = Arrays.binarySearch(a, x);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
