package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@link RopeRow} (a RoPE plain row in one pass) against the path it replaces: {@link Rope#pairSums} (heights,
 * {@link HeightsSum}'s rounds and {@link FinalStage} per sum) read as {@code RopePlainRows} reads it -- the kind
 * (0 no gate, 1 gates, 2 not by heights, 3 not claimed exact), gates per level, wires, the joined mask, and each
 * sum's output bits (kind, negation, level: the bytes of {@code OutputShapes}' key). A row the fused pass counts
 * must be that row; a row it declines must be one the old path refuses (kind 2) or one of a few (counted).
 * RoPE's own codes: every row at n = 2^8, 20,000 random rows at 2^16 and 2^20, in the examples' formats; edge
 * codes (zero, one, powers of two and their neighbours, the largest) and random codes over other widths.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RopeRowTest {
    /** The old path's row: kind, gates per level, wires, joined, key (8 longs). */
    private record Want(int kind, int[] gates, long wires, long joined, long[] key) {}

    private static Want old(long c, long s, int w, int shift, int width) {
        long[] low = new long[1];
        ClosedSum[] cs = Rope.pairSums(c, s, w, 0, shift, width, 2, low);
        int[] gates = new int[RopeRow.LEVELS];
        if (cs == null || cs[0].wide() || cs[1].wide()) return new Want(2, gates, 0, low[0], null);
        if (!cs[0].modelled() || !cs[1].modelled()) return new Want(3, gates, 0, low[0], null);
        long wires = 0;
        boolean made = false;
        long[] key = new long[8];
        for (int o = 0; o < 2; o++) {
            long[] g = cs[o].gatesPerLevel();
            boolean here = false;
            for (int l = 1; l < g.length; l++) {
                if (g[l] == 0) continue;
                if (l >= RopeRow.LEVELS) return new Want(2, new int[RopeRow.LEVELS], 0, low[0], null);
                gates[l] += (int) g[l];
                here = true;
            }
            if (here) wires += cs[o].wires();
            made |= here;
            if (width > 32) return new Want(2, gates, 0, low[0], null); // past the key: not the fused pass's
            for (int b = 0; b < width; b++) {
                ClosedSum.Kind k = cs[o].bitKind()[b];
                int lv = k == ClosedSum.Kind.TRUE || k == ClosedSum.Kind.FALSE ? 0 : cs[o].bitLevel()[b];
                if (lv > 15) return new Want(2, gates, 0, low[0], null);
                key[4 * o + (b >> 3)] |= (long) (k.ordinal() | (cs[o].bitNegated()[b] ? 8 : 0) | lv << 4) << ((b & 7) * 8);
            }
        }
        return new Want(made && (c != 0 || s != 0) ? 1 : 0, gates, wires, low[0], key);
    }

    /** Counts, per row, what the fused pass declined; asserts every row it counts equals the old path's. */
    private static final class Check {
        final RopeRow row = new RopeRow();
        int rows, declined, declinedCounted, byKind[] = new int[4];

        void row(long c, long s, int w, int shift, int width, String what) {
            rows++;
            Want want = old(c, s, w, shift, width);
            int got = row.count(c, s, w, shift, width);
            if (got == RopeRow.DECLINED) {
                declined++;
                if (want.kind != 2) declinedCounted++;
                return;
            }
            byKind[got]++;
            String at = what + " c " + c + " s " + s + " w " + w + " shift " + shift + " width " + width;
            assertEquals(want.kind, got, at + ": kind");
            assertEquals(want.joined, row.joined, at + ": joined");
            if (got == 3) return;
            assertArrayEquals(want.gates, row.gates, at + ": gates per level");
            assertEquals(want.wires, row.wires, at + ": wires");
            assertArrayEquals(want.key, row.key(), at + ": output bits");
        }

        /** Most rows counted here, none the old path counts declined but a few. */
        void done(String what, int minCounted) {
            assertTrue(rows - declined >= minCounted, what + ": " + (rows - declined) + " of " + rows + " rows counted fused");
            assertTrue(declinedCounted <= rows / 100, what + ": " + declinedCounted + " rows the old path counts declined");
        }
    }

    /** RoPE's codes at n (d = 4, base 10000, the examples' formats): pair j of row i. */
    private static void ropeRow(Check ch, int logN, int i, int j) {
        int frac = logN + 4;
        FixedFormat fx = FixedFormat.of(8, frac), fc = FixedFormat.of(2, frac), out = FixedFormat.of(8, frac);
        long[] sh = WeightedSum.toFormatShift(fx.fracBits() + fc.fracBits(), out);
        long[] cs = Fixed.ropeCoefficients(Fixed.ropeAngle(i, j, 4, 10000), fc);
        ch.row(cs[0] * sh[1], cs[1] * sh[1], fx.width(), (int) sh[0], out.width(), "n 2^" + logN + " row " + i + " pair " + j);
    }

    @Test
    void everyRowAtTwoToTheEight() {
        Check ch = new Check();
        for (int i = 0; i < 256; i++) for (int j = 0; j < 2; j++) ropeRow(ch, 8, i, j);
        ch.done("2^8", 500);
        assertTrue(ch.byKind[1] > 400, "rows with gates: " + ch.byKind[1]);
    }

    @Test
    void randomRowsAtTwoToTheSixteenAndTwenty() {
        Random r = new Random(1820);
        for (int logN : new int[] {16, 20}) {
            Check ch = new Check();
            for (int t = 0; t < 20_000; t++) ropeRow(ch, logN, r.nextInt(1 << logN), r.nextInt(2));
            ch.done("2^" + logN, 19_800);
        }
    }

    @Test
    void edgeCodes() {
        Check ch = new Check();
        java.util.List<Long> codes = new java.util.ArrayList<>(java.util.List.of(0L, 1L, 2L, 3L));
        for (int k = 2; k < 27; k++) { codes.add(1L << k); codes.add((1L << k) - 1); codes.add((1L << k) + 1); }
        int frac = 24; // n = 2^20's formats; the largest code is 2^(frac + 1) - 1 (2.0 less one step)
        codes.add((1L << (frac + 1)) - 1);
        for (int[] f : new int[][] {{32, 24, 32}, {30, 22, 30}, {8, 4, 8}, {16, 0, 16}}) {
            for (long c : codes) for (long s : codes) for (int sc = 0; sc < 4; sc++) {
                long cc = (sc & 1) == 0 ? c : -c, ss = (sc & 2) == 0 ? s : -s;
                ch.row(cc, ss, f[0], f[1], f[2], "edge");
            }
        }
        ch.done("edge", 10_000);
        assertNotEquals(0, ch.byKind[0] + ch.byKind[3], "edge rows without gates or not claimed exact"); // the branches besides 1 ran
    }

    @Test
    void randomCodesAndWidths() {
        Random r = new Random(7);
        Check ch = new Check();
        for (int t = 0; t < 30_000; t++) {
            int w = 2 + r.nextInt(31), width = 2 + r.nextInt(31), shift = r.nextInt(30);
            int bits = 1 + r.nextInt(Math.max(1, 59 - w));
            long c = r.nextLong() >>> (64 - bits), s = r.nextLong() >>> (64 - 1 - r.nextInt(bits));
            if (r.nextBoolean()) c = -c;
            if (r.nextBoolean()) s = -s;
            ch.row(c, s, w, shift, width, "random");
        }
        ch.done("random", 20_000);
    }
}
