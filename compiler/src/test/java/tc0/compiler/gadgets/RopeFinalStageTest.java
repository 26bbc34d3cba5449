package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RopeFinalStage} (both sums of a RoPE pair in one pass) against {@link FinalStage#run} called once per
 * sum, as {@link HeightsSum} calls it (fresh = heights, last level = highest level): per lane the same gates per
 * level, wires, per bit kind, level (-1 a constant) and negation, modelled and countExact. Random columns with
 * zero runs, random constants over the whole top, every saturation kind, with and without group gates.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RopeFinalStageTest {
    private static void assertLane(RopeFinalStage st, int lane, long[] height, int[] maxLevel, int shift, int width, long k, int hi, int lo, int sat,
            boolean any, String what) {
        long[] want = new long[RopeFinalStage.LEVELS];
        FinalStage f = new FinalStage().run(want, height, height, maxLevel, maxLevel, shift, width, k, 0, hi, lo, sat, any);
        long[] got = java.util.Arrays.copyOfRange(st.perLevel, lane * RopeFinalStage.LEVELS, (lane + 1) * RopeFinalStage.LEVELS);
        assertArrayEquals(java.util.Arrays.copyOf(f.perLevel, RopeFinalStage.LEVELS), got, what + ": gates per level");
        assertEquals(f.wires, st.wires[lane], what + ": wires");
        assertEquals(null, f.wiresPast, what);
        for (int b = 0; b < width; b++) {
            assertEquals(f.bitKind[b], RopeFinalStage.kindOf(st.key, lane, b), what + " bit " + b + ": kind");
            assertEquals(f.bitLevel[b], RopeFinalStage.levelOf(st.key, lane, b), what + " bit " + b + ": level");
            assertEquals(f.bitNegated[b], RopeFinalStage.negatedOf(st.key, lane, b), what + " bit " + b + ": negated");
        }
        assertEquals(f.modelled, st.modelled[lane], what + ": modelled");
        assertEquals(f.countExact, st.countExact[lane], what + ": countExact");
    }

    @Test
    void bothLanesAreFinalStageRunTwice() {
        Random r = new Random(18);
        RopeFinalStage st = new RopeFinalStage();
        int[] kinds = {-1, 1, 2};
        int checked = 0, fitting = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            int width = 2 + r.nextInt(31), shift = r.nextInt(Math.min(30, 62 - width) + 1), top = shift + width;
            long[] height = new long[top];
            int[] maxLevel = new int[top];
            int maxH = 1 + r.nextInt(trial % 3 == 0 ? 3 : 40), zeros = r.nextInt(4);
            for (int j = 0; j < top; j++) {
                height[j] = r.nextInt(4) < zeros ? 0 : r.nextInt(maxH + 1);
                maxLevel[j] = r.nextInt(7);
            }
            long k0 = r.nextLong() & ((1L << top) - 1), k1 = trial % 5 == 0 ? k0 : r.nextLong() & ((1L << top) - 1);
            int hi0 = kinds[r.nextInt(3)], lo0 = kinds[r.nextInt(3)], hi1 = kinds[r.nextInt(3)], lo1 = kinds[r.nextInt(3)], sat = 1 + r.nextInt(3);
            boolean any = r.nextBoolean();
            st.run(height, maxLevel, shift, width, k0, k1, hi0, lo0, hi1, lo1, sat, any);
            checked++;
            if (!st.fits) continue;
            fitting++;
            String what = "trial " + trial + " shift " + shift + " width " + width;
            assertLane(st, 0, height, maxLevel, shift, width, k0, hi0, lo0, sat, any, what + " lane 0");
            assertLane(st, 1, height, maxLevel, shift, width, k1, hi1, lo1, sat, any, what + " lane 1");
        }
        assertTrue(fitting > checked * 9 / 10, fitting + " of " + checked + " fit");
    }

    @Test
    void edgeConstantsAndEmptyColumns() {
        RopeFinalStage st = new RopeFinalStage();
        int width = 32, shift = 29, top = shift + width;
        long[][] heights = {new long[top], new long[top], new long[top]};
        java.util.Arrays.fill(heights[1], 1);
        for (int j = 0; j < top; j++) heights[2][j] = j % 7 == 0 ? 0 : 1 + j % 5;
        int[] lv = new int[top];
        java.util.Arrays.fill(lv, 4);
        long[] ks = {0, 1, (1L << top) - 1, 1L << (top - 1), (1L << shift) - 1, 1L << shift};
        for (long[] h : heights) for (long k0 : ks) for (long k1 : ks) for (int hi : new int[] {-1, 1, 2}) for (int lo : new int[] {-1, 1, 2}) {
            st.run(h, lv, shift, width, k0, k1, hi, lo, lo, hi, 1, true);
            assertTrue(st.fits);
            assertLane(st, 0, h, lv, shift, width, k0, hi, lo, 1, true, "k0 " + k0);
            assertLane(st, 1, h, lv, shift, width, k1, lo, hi, 1, true, "k1 " + k1);
        }
    }
}
