package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@link Rope#lowTops} (from {@link Rope#pairSums(long, long, int, int, int, int, int, long[])}'s rounds) against the variants asked
 * one by one ({@link Rope#pairSums(long, long, int, int, boolean, boolean, int, int, int)}, whose checks are
 * {@code topsGrouped} per sum): a bit set exactly where that variant gives sums, and those sums the plain ones.
 * RoPE's own codes at n = 2^10 and 2^20 and random codes, widths and formats.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RopeLowTopsTest {
    private static int assertBits(long c, long s, int w, int level, int shift, int width, String what) {
        long[] joined = {-1};
        ClosedSum[] plain = Rope.pairSums(c, s, w, level, shift, width, 2, joined);
        int low = plain == null ? 0 : Rope.lowTops(c, s, w, shift, width, joined[0]);
        ClosedSum[] alone = Rope.pairSums(c, s, w, level, shift, width, 2);
        assertEquals(alone == null, plain == null, what);
        int set = 0;
        boolean[][] variants = {{true, false}, {false, true}, {true, true}};
        int[] bits = {Rope.X_LOW, Rope.Y_LOW, Rope.BOTH_LOW};
        for (int v = 0; v < 3; v++) {
            ClosedSum[] one = Rope.pairSums(c, s, w, level, variants[v][0], variants[v][1], shift, width, 2);
            if (plain == null) { assertEquals(null, one, what); continue; } // the variant stops where the plain count does
            assertEquals(one != null, (low & bits[v]) != 0, what + " variant " + v);
            if (one == null) continue;
            set++;
            for (int o = 0; o < 2; o++) {
                assertArrayEquals(plain[o].gatesPerLevel(), one[o].gatesPerLevel(), what);
                assertArrayEquals(plain[o].bitKind(), one[o].bitKind(), what);
                assertArrayEquals(plain[o].bitLevel(), one[o].bitLevel(), what);
                assertEquals(plain[o].wires(), one[o].wires(), what);
            }
        }
        return set;
    }

    @Test
    void ropesOwnCodes() {
        int[] held = new int[2];
        for (int logN : new int[] {10, 20}) {
            int n = 1 << logN, frac = logN + 4, w = 8 + frac;
            FixedFormat fc = FixedFormat.of(2, frac);
            Random r = new Random(logN);
            for (int t = 0; t < 4000; t++) {
                int i = logN == 10 ? t % n : r.nextInt(n), j = t % 2;
                long[] cs = Fixed.ropeCoefficients(Fixed.ropeAngle(i, j, 4, 10000), fc);
                int set = assertBits(cs[0] << 4, cs[1] << 4, w, 0, frac, w, "n = 2^" + logN + " row " + i + " pair " + j);
                held[set == 3 ? 0 : 1]++;
            }
        }
        assertTrue(held[0] > 0 && held[1] > 0, "some rows hold every variant, some not: " + held[0] + ", " + held[1]);
    }

    @Test
    void randomCodes() {
        Random r = new Random(7);
        for (int t = 0; t < 20_000; t++) {
            int w = 2 + r.nextInt(30), bits = 1 + r.nextInt(Math.min(30, 58 - w)), shift = r.nextInt(20), width = 2 + r.nextInt(w);
            long c = r.nextInt(6) == 0 ? 0 : r.nextLong(-(1L << bits), 1L << bits), s = r.nextInt(6) == 0 ? 0 : r.nextLong(-(1L << bits), 1L << bits);
            assertBits(c, s, w, r.nextInt(3), shift, width, "sample " + t + " c " + c + " s " + s + " w " + w);
        }
    }
}
