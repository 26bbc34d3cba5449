package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link StageSweep} (the final stage by the columns whose constant bit or carry changed) equals {@link FinalStage#run}
 * (through {@link StepCount#finalStage}) at every count: random last-round columns (sparse and dense, heights up to
 * 2^20, and in a tenth of the trials 2^40, where the stage switches off), sums of 1 to 126 bits), the constant stepping as a scan's does ({@code A + S d mod 2^top}, S a power of two
 * or any number) with jumps back and forth, the saturation kinds changing between counts, new columns now and then and a few columns
 * changed more often (the parts of the others kept).
 * Compared: gates per level, wires, every bit's kind, level and polarity, modelled and exact.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StageSweepTest {
    @Test
    void everyCountAsFinalStage() {
        Random r = new Random(2026_12_07);
        long compared = 0, redone = 0, notModelled = 0, unread = 0, off = 0;
        EnumSet<ClosedSum.Kind> kinds = EnumSet.noneOf(ClosedSum.Kind.class);
        for (int trial = 0; trial < 300; trial++) {
            int shift = r.nextInt(trial % 3 == 0 ? 70 : 12), width = 1 + r.nextInt(Math.min(60, 126 - shift));
            int top = shift + width;
            StageSweep stage = new StageSweep(shift, width);
            long[] oh = new long[top];
            int[] omax = new int[top], olast = new int[top];
            BigInteger mod = BigInteger.ONE.shiftLeft(top);
            BigInteger a = new BigInteger(top, r), s = r.nextBoolean() ? BigInteger.ONE.shiftLeft(r.nextInt(top)) : new BigInteger(top, r);
            int hiKind = 0, loKind = 0;
            long d = 0;
            StepCount prev = null;
            ClosedSum.Kind[] prevKind = null;
            int[] prevLevel = null;
            boolean[] prevNegated = null;
            boolean tall = trial % 10 == 9; // columns up to 2^40 high: comparators times fan-in past a long
            for (int i = 0; i < 400; i++) {
                if (i % 50 == 0) { // a new last round
                    columns(r, oh, omax, olast, tall);
                    stage.newColumns();
                } else if (i % 7 == 0) { // a few columns grow or change level, as between a sweep's last rounds
                    for (int c = 1 + r.nextInt(3); c > 0; c--) {
                        int j = r.nextInt(top);
                        if (r.nextBoolean()) oh[j] += 1 + r.nextInt(3);
                        else { omax[j] = 1 + r.nextInt(20); olast[j] = 1 + r.nextInt(omax[j]); }
                    }
                    stage.newColumns();
                }
                if (i % 37 == 0) { hiKind = kind(r); loKind = kind(r); }
                d = r.nextInt(10) == 0 ? r.nextInt(1 << 20) : d + 1;
                BigInteger k = a.add(s.multiply(BigInteger.valueOf(d))).mod(mod);
                long lo = k.longValue(), hi = k.shiftRight(64).longValue();
                int satLevel = 30;
                boolean groups = r.nextInt(4) != 0;
                StepCount want = count(groups), got = count(groups);
                want.finalStage(oh, omax, olast, shift, width, lo, hi, hiKind, loKind, satLevel);
                if (!stage.run(got, oh, omax, olast, lo, hi, hiKind, loKind, satLevel)) { // a figure past a long: off for good
                    assertTrue(tall, "off at trial " + trial + " without tall columns");
                    assertTrue(!stage.run(count(groups), oh, omax, olast, lo, hi, hiKind, loKind, satLevel), "off stays off");
                    off++;
                    break;
                }
                String what = "trial " + trial + " count " + i + " shift " + shift + " width " + width;
                assertArrayEquals(trim(want.perLevel), trim(got.perLevel), what);
                assertEquals(want.wires, got.wires, what);
                assertEquals(want.wiresPast(), got.wiresPast(), what);
                assertArrayEquals(want.bitKind, got.bitKind, what);
                assertArrayEquals(want.bitLevel, got.bitLevel, what);
                assertArrayEquals(want.bitNegated, got.bitNegated, what);
                assertEquals(want.modelled, got.modelled, what);
                assertEquals(want.countExact, got.countExact, what);
                if (prev != null) { // the bits handed out before are not changed by later counts (a range keeps them as its stretch's)
                    assertArrayEquals(prevKind, prev.bitKind, what);
                    assertArrayEquals(prevLevel, prev.bitLevel, what);
                    assertArrayEquals(prevNegated, prev.bitNegated, what);
                }
                prev = got;
                prevKind = got.bitKind.clone();
                prevLevel = got.bitLevel.clone();
                prevNegated = got.bitNegated.clone();
                compared++;
                if (!want.modelled) notModelled++;
                if (!want.countExact && groups) unread++;
                for (ClosedSum.Kind x : want.bitKind) kinds.add(x);
            }
            redone += stage.redone;
        }
        assertTrue(compared > 270 * 400 && off > 0, "counts compared: " + compared + ", trials switched off " + off);
        assertEquals(EnumSet.allOf(ClosedSum.Kind.class), kinds, "every kind of bit met");
        assertTrue(notModelled > 1000 && unread > 1000, "not modelled " + notModelled + ", not exact " + unread);
        assertTrue(redone < compared * 30, "columns redone: " + redone + " for " + compared + " counts");
    }

    /** A scan's steps (mamba at 2^20: 62 columns, 35 output bits, the constant 2^33 on a count): a few columns a count. */
    @Test
    void consecutiveCountsRedoAFewColumns() {
        Random r = new Random(5);
        int shift = 27, width = 35, top = shift + width;
        long[] oh = new long[top];
        int[] omax = new int[top], olast = new int[top];
        columns(r, oh, omax, olast, false);
        StageSweep stage = new StageSweep(shift, width);
        long mask = (1L << top) - 1, a = r.nextLong() & mask;
        int counts = 20_000;
        for (long d = 0; d < counts; d++) {
            long lo = (a + (d << 33)) & mask;
            StepCount want = count(true), got = count(true);
            want.finalStage(oh, omax, olast, shift, width, lo, 0, 2, -1, 30);
            assertTrue(stage.run(got, oh, omax, olast, lo, 0, 2, -1, 30));
            assertArrayEquals(trim(want.perLevel), trim(got.perLevel), "count " + d);
            assertArrayEquals(want.bitKind, got.bitKind, "count " + d);
        }
        assertTrue(stage.redone < 5L * counts, "columns redone " + stage.redone + " for " + counts + " counts");
    }

    /** Random last-round columns: empty, single, small or tall, levels 1..20. */
    private static void columns(Random r, long[] oh, int[] omax, int[] olast, boolean tall) {
        int density = r.nextInt(4);
        for (int j = 0; j < oh.length; j++) {
            int pick = r.nextInt(8);
            oh[j] = pick < density ? 0 : pick < 6 ? r.nextInt(4) : pick == 6 ? r.nextInt(1000) : r.nextLong(1L << (tall ? 40 : 20));
            omax[j] = 1 + r.nextInt(20);
            olast[j] = 1 + r.nextInt(omax[j]);
        }
    }

    private static int kind(Random r) { return new int[] {-1, 1, 2}[r.nextInt(3)]; }

    /** A count with some gates already (as round one and the last round leave them), groups made or not. */
    private static StepCount count(boolean groups) {
        StepCount k = new StepCount(8);
        k.gate(3, 4, 2);
        k.anyGroupGates = groups;
        return k;
    }

    private static long[] trim(long[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1] == 0) n--;
        return java.util.Arrays.copyOf(a, n);
    }
}
