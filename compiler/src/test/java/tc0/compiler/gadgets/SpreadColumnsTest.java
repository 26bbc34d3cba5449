package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SpreadColumns} (the last round's spreads by ranges) equals the bit-by-bit spreads it replaces in the sweep:
 * {@link RepeatedSweep#spreadByBits} for the heights from round one's signatures, {@link StepCount#lastRound} for the
 * last round (gates per level, wires in the same split past a long, the output columns' heights, highest and last
 * levels), on random signatures and heights: few and many columns, levels falling and rising, columns capped by the
 * top, heights up to 2^60 (wires past a long), lone entries and empty columns.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpreadColumnsTest {
    @Test
    void heightsAsBitByBit() {
        Random r = new Random(7);
        SpreadColumns spread = new SpreadColumns();
        for (int trial = 0; trial < 3000; trial++) {
            int top = 1 + r.nextInt(trial % 3 == 0 ? 8 : 64);
            ColumnRound[] cur = new ColumnRound[top];
            for (int j = 0; j < top; j++) {
                cur[j] = new ColumnRound();
                if (r.nextInt(5) == 0) continue; // an empty column
                int kinds = 1 + r.nextInt(RepeatedSweep.KINDS);
                for (int e = 0; e < kinds; e++) {
                    int nb = 1 + r.nextInt(Math.min(top - j, 40)), topOff = nb == 1 && r.nextBoolean() ? 0 : 1 + r.nextInt(2);
                    long q = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 1 + (r.nextLong() >>> (10 + r.nextInt(40)));
                    cur[j].sign(nb, topOff, q, levelFor(r, trial, j));
                }
            }
            long[] want = new long[top], got = new long[top];
            int[] wantMax = new int[top], gotMax = new int[top];
            RepeatedSweep.spreadByBits(cur, top, want, wantMax);
            assertTrue(spread.heights(cur, top, got, gotMax), "trial " + trial);
            assertArrayEquals(want, got, "heights, trial " + trial);
            assertArrayEquals(wantMax, gotMax, "levels, trial " + trial);
        }
    }

    @Test
    void lastRoundAsStepCount() {
        Random r = new Random(11);
        SpreadColumns spread = new SpreadColumns();
        int pastLong = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int top = 1 + r.nextInt(trial % 3 == 0 ? 8 : 64);
            long[] dh = new long[top];
            int[] dmax = new int[top];
            for (int j = 0; j < top; j++) {
                int kind = r.nextInt(6);
                dh[j] = kind == 0 ? 0 : kind == 1 ? 1 : kind == 2 ? 2 + r.nextInt(30) : r.nextLong() >>> (4 + r.nextInt(59)); // below 2^60: a column's fan-in sum (about 2h) fits a long
                dmax[j] = dh[j] == 0 ? 0 : levelFor(r, trial, j);
            }
            StepCount want = new StepCount(8), got = new StepCount(8);
            if (trial % 4 == 0) { want.addWires(Long.MAX_VALUE - 5, 1); got.addWires(Long.MAX_VALUE - 5, 1); } // near a long already
            long[] oh = new long[top], goh = new long[top];
            int[] omax = new int[top], gomax = new int[top], olast = new int[top], golast = new int[top];
            assertTrue(want.lastRound(dh, dmax, top, oh, omax, olast));
            assertTrue(spread.lastRound(got, dh, dmax, top, goh, gomax, golast), "trial " + trial);
            String what = "trial " + trial;
            int levels = Math.max(want.perLevel.length, got.perLevel.length);
            assertArrayEquals(java.util.Arrays.copyOf(want.perLevel, levels), java.util.Arrays.copyOf(got.perLevel, levels), what);
            assertEquals(want.wires, got.wires, what);
            assertEquals(want.wiresPast(), got.wiresPast(), what);
            assertEquals(want.anyGroupGates, got.anyGroupGates, what);
            assertArrayEquals(oh, goh, "heights, " + what);
            assertArrayEquals(omax, gomax, "highest levels, " + what);
            assertArrayEquals(olast, golast, "last levels, " + what);
            if (want.pastAny) pastLong++;
        }
        assertTrue(pastLong > 300, "wires past a long in " + pastLong + " trials");
    }

    @Test
    void declinesBelowZero() {
        SpreadColumns spread = new SpreadColumns();
        StepCount k = new StepCount(8);
        long[] dh = {3, 1};
        int[] dmax = {-1, 0};
        assertFalse(spread.lastRound(k, dh, dmax, 2, new long[2], new int[2], new int[2]));
        assertEquals(0, k.wires, "nothing counted where it declines");
        ColumnRound[] cur = {new ColumnRound()};
        cur[0].sign(1, 1, 2, -1);
        assertFalse(spread.heights(cur, 1, new long[1], new int[1]));
    }

    /** Levels that fall, rise or jump from column to column (the ranges' list then holds several). */
    private static int levelFor(Random r, int trial, int j) {
        return switch (trial % 4) {
            case 0 -> r.nextInt(4);
            case 1 -> 60 + j;
            case 2 -> Math.max(0, 100 - 2 * j + r.nextInt(3));
            default -> r.nextInt(200);
        };
    }
}
