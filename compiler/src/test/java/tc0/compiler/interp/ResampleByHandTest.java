package tc0.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.ir.Op.Interpolation;
import tc0.compiler.testing.ByHand;

/**
 * Resampling from its definition (NUMERICS.md, "Resampling"), per axis from {@code src} to {@code dst}
 * elements: nearest reads source {@code floor(i src / dst)}; bilinear puts output i at the source coordinate
 * {@code x = (i + 1/2) src / dst - 1/2} (half-pixel centres, no align-corners, no antialiasing), clamped to
 * {@code [0, src - 1]}, and weighs its two neighbours {@code 1 - frac(x)} and {@code frac(x)}. A 2-D output
 * is the product of the two axes' weights, summed exactly and rounded once (nearest, ties up).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResampleByHandTest {

    /** Taps equal to sources {@code idx} weighted {@code num[k] / den} (compared as rationals). */
    static void assertTaps(Layout.Taps t, int[] idx, long[] num, long den, String what) {
        assertArrayEquals(idx, t.index(), what + ": sources");
        for (int k = 0; k < idx.length; k++) {
            assertEquals(num[k] * t.denominator(), t.weight()[k] * den, what + ": weight of source " + idx[k]);
        }
    }

    static int[] nearest(long src, long dst) {
        int[] map = new int[(int) dst];
        for (int i = 0; i < dst; i++) {
            Layout.Taps t = Layout.taps(src, dst, Interpolation.NEAREST, i);
            assertEquals(1, t.index().length);
            assertEquals(t.denominator(), t.weight()[0]);
            map[i] = t.index()[0];
        }
        return map;
    }

    @Test
    void nearestReadsTheFloorOfIndexTimesSrcOverDst() {
        assertArrayEquals(new int[] {0, 0, 1, 1}, nearest(2, 4));        // 0, 0.5, 1, 1.5
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, nearest(3, 5));     // 0, 0.6, 1.2, 1.8, 2.4
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2, 2}, nearest(3, 7)); // 0, 0.43, 0.86, 1.29, 1.71, 2.14, 2.57
        assertArrayEquals(new int[] {0, 2}, nearest(5, 2));              // 0, 2.5
        assertArrayEquals(new int[] {0, 1, 2}, nearest(4, 3));           // 0, 1.33, 2.67
        assertArrayEquals(new int[] {0, 1, 2}, nearest(3, 3));
    }

    @Test
    void bilinearUpsamplingAtHalfPixelCentres() {
        // 2 -> 4: x = (4i - 2)/8 = -0.25, 0.25, 0.75, 1.25
        assertTaps(Layout.taps(2, 4, Interpolation.BILINEAR, 0), new int[] {0}, new long[] {1}, 1, "2->4 i=0 (clamped)");
        assertTaps(Layout.taps(2, 4, Interpolation.BILINEAR, 1), new int[] {0, 1}, new long[] {3, 1}, 4, "2->4 i=1");
        assertTaps(Layout.taps(2, 4, Interpolation.BILINEAR, 2), new int[] {0, 1}, new long[] {1, 3}, 4, "2->4 i=2");
        assertTaps(Layout.taps(2, 4, Interpolation.BILINEAR, 3), new int[] {1}, new long[] {1}, 1, "2->4 i=3 (clamped)");
        // 3 -> 5: x = (6i - 2)/10 = -0.2, 0.4, 1, 1.6, 2.2
        assertTaps(Layout.taps(3, 5, Interpolation.BILINEAR, 0), new int[] {0}, new long[] {1}, 1, "3->5 i=0 (clamped)");
        assertTaps(Layout.taps(3, 5, Interpolation.BILINEAR, 1), new int[] {0, 1}, new long[] {3, 2}, 5, "3->5 i=1");
        assertTaps(Layout.taps(3, 5, Interpolation.BILINEAR, 2), new int[] {1}, new long[] {1}, 1, "3->5 i=2 (on a source)");
        assertTaps(Layout.taps(3, 5, Interpolation.BILINEAR, 3), new int[] {1, 2}, new long[] {2, 3}, 5, "3->5 i=3");
        assertTaps(Layout.taps(3, 5, Interpolation.BILINEAR, 4), new int[] {2}, new long[] {1}, 1, "3->5 i=4 (clamped)");
        // 2 -> 3: x = (4i - 1)/6 = -1/6, 1/2, 7/6
        assertTaps(Layout.taps(2, 3, Interpolation.BILINEAR, 1), new int[] {0, 1}, new long[] {1, 1}, 2, "2->3 i=1");
    }

    @Test
    void bilinearDownsamplingTakesTwoTapsWithoutAntialiasing() {
        // 4 -> 2: x = (i + 1/2) * 4/2 - 1/2 = 2i + 1/2 = 0.5, 2.5: two neighbours halved (sources 1 apart, not a 2-wide box)
        assertTaps(Layout.taps(4, 2, Interpolation.BILINEAR, 0), new int[] {0, 1}, new long[] {1, 1}, 2, "4->2 i=0");
        assertTaps(Layout.taps(4, 2, Interpolation.BILINEAR, 1), new int[] {2, 3}, new long[] {1, 1}, 2, "4->2 i=1");
        // 5 -> 3: x = (10i + 5)/6 - 1/2 = 1/3, 2, 11/3
        assertTaps(Layout.taps(5, 3, Interpolation.BILINEAR, 0), new int[] {0, 1}, new long[] {2, 1}, 3, "5->3 i=0");
        assertTaps(Layout.taps(5, 3, Interpolation.BILINEAR, 1), new int[] {2}, new long[] {1}, 1, "5->3 i=1 (on a source)");
        assertTaps(Layout.taps(5, 3, Interpolation.BILINEAR, 2), new int[] {3, 4}, new long[] {1, 2}, 3, "5->3 i=2");
    }

    /**
     * X = [[-3, 1, 3], [2, 6, 7]] (quarters) to [3, 5]. Rows 2 -> 3: row 0, the mean of rows 0 and 1, row 1.
     * Columns 3 -> 5: c0, (3 c0 + 2 c1)/5, c1, (2 c1 + 3 c2)/5, c2. Exact, then one rounding:
     * row 0: -3, (-9 + 2)/5 = -1.4 -> -1, 1, (2 + 9)/5 = 2.2 -> 2, 3
     * row 2: 2, (6 + 12)/5 = 3.6 -> 4, 6, (12 + 21)/5 = 6.6 -> 7, 7
     * row 1: (-3 + 2)/2 = -0.5 -> 0 (ties up), (-1.4 + 3.6)/2 = 1.1 -> 1, (1 + 6)/2 = 3.5 -> 4, (2.2 + 6.6)/2 = 4.4 -> 4,
     *        (3 + 7)/2 = 5 (the 2.2 and 3.6 unrounded: one rounding in all)
     */
    @Test
    void bilinearUpsamplingOfAMatrixRoundsOnceWithTiesUp() {
        ByHand.assertY("fixed(int: 4, frac: 2)", "input X: [2, 3]; output Y = upsample(X, to: [3, 5], mode: bilinear);",
                Map.of("X", new long[] {-3, 1, 3, 2, 6, 7}),
                new long[] {-3, -1, 1, 2, 3, 0, 1, 4, 4, 5, 2, 4, 6, 7, 7});
    }

    /** Same X, nearest: rows 0, 0, 1 (floor(2i/3)); columns 0, 0, 1, 1, 2. */
    @Test
    void nearestUpsamplingOfAMatrixCopiesCodes() {
        ByHand.assertY("fixed(int: 4, frac: 2)", "input X: [2, 3]; output Y = upsample(X, to: [3, 5], mode: nearest);",
                Map.of("X", new long[] {-3, 1, 3, 2, 6, 7}),
                new long[] {-3, -3, 1, 1, 3, -3, -3, 1, 1, 3, 2, 2, 6, 6, 7});
    }

    /**
     * X = the codes -8..7 in a [4, 4] grid, to [2, 2]. Bilinear: each output the mean of a 2x2 block, all ties:
     * (-8 - 7 - 4 - 3)/4 = -5.5 -> -5, (-6 - 5 - 2 - 1)/4 = -3.5 -> -3, (0 + 1 + 4 + 5)/4 = 2.5 -> 3,
     * (2 + 3 + 6 + 7)/4 = 4.5 -> 5. Nearest: rows and columns 0, 2: X[0][0], X[0][2], X[2][0], X[2][2].
     */
    @Test
    void downsamplingAMatrix() {
        long[] x = new long[16];
        for (int i = 0; i < 16; i++) x[i] = i - 8;
        ByHand.assertY("fixed(int: 4, frac: 2)", "input X: [4, 4]; output Y = downsample(X, to: [2, 2], mode: bilinear);",
                Map.of("X", x), new long[] {-5, -3, 3, 5});
        ByHand.assertY("fixed(int: 4, frac: 2)", "input X: [4, 4]; output Y = downsample(X, to: [2, 2], mode: nearest);",
                Map.of("X", x), new long[] {-8, -6, 0, 2});
    }

    /** Channels resample independently: [1, 2, 2] to [1, 4, 2], bilinear, columns as 2 -> 4 above. */
    @Test
    void channelsAreResampledApart() {
        // channel 0: 0, 8 -> 0, (3*0 + 8)/4 = 2, (0 + 3*8)/4 = 6, 8; channel 1: 4, -4 -> 4, (12 - 4)/4 = 2, (4 - 12)/4 = -2, -4
        ByHand.assertY("fixed(int: 4, frac: 2)", "input X: [1, 2, 2]; output Y = upsample(X, to: [1, 4], mode: bilinear);",
                Map.of("X", new long[] {0, 4, 8, -4}), new long[] {0, 4, 2, 2, 6, -2, 8, -4});
    }
}
