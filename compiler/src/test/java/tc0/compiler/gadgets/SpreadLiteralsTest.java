package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fresh literals spread into anonymous entries ({@link SpreadLiterals}) count as the same literals kept by identity
 * ({@link SumShape#add}) wherever {@link SpreadLiterals#safe} says so: every gate per level, wire, output bit's kind,
 * level and sign, and the flags. Forms as a resampling's SPLIT makes them: ~10 to 120 literals of quotients of
 * 1 to 30 bits (some negative: a word's top bit), levels 0..6, carries of weight 1 a level above, a constant; and
 * where it is not safe, forms that spreading would miscount exist (so the check is not vacuous).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SpreadLiteralsTest {
    @Test
    void spreadCountsAsIdentifiedWhereSafe() {
        Random r = new Random(2018);
        int safe = 0, unsafeDiffer = 0;
        for (int t = 0; t < 4000; t++) {
            int count = 2 + r.nextInt(t % 3 == 0 ? 12 : 120), bits = 1 + r.nextInt(30), rounds = r.nextInt(4);
            long[] w = new long[count];
            int[] lv = new int[count];
            for (int i = 0; i < count; i++) {
                w[i] = r.nextLong() >>> (64 - bits);
                if (r.nextInt(5) == 0) w[i] = -w[i];
                lv[i] = r.nextInt(4) == 0 ? r.nextInt(7) : 2;
            }
            long carries = r.nextInt(3) == 0 ? 0 : r.nextInt(count);
            int carryLevel = 8, width = 3 + r.nextInt(10), shift = r.nextInt(3);
            long constant = r.nextLong() >> (64 - bits - 6);
            boolean saturate = r.nextBoolean();
            ClosedSum plain = WeightedSum.closedSum(form(w, lv, carries, carryLevel, constant, false), shift, width, saturate, rounds);
            ClosedSum spread = WeightedSum.closedSum(form(w, lv, carries, carryLevel, constant, true), shift, width, saturate, rounds);
            if (SpreadLiterals.safe(w, count, carries, rounds)) {
                safe++;
                assertSame(plain, spread, "form " + t);
            } else if (!same(plain, spread)) unsafeDiffer++;
        }
        assertTrue(safe >= 1000, safe + " safe");
        assertTrue(unsafeDiffer >= 20, unsafeDiffer + " forms where spreading would miscount");
    }

    private static SumShape form(long[] w, int[] lv, long carries, int carryLevel, long constant, boolean spread) {
        SumShape s = new SumShape();
        for (int i = 0; i < w.length; i++) {
            if (spread) SpreadLiterals.add(s, w[i], lv[i]);
            else s.add(1, w[i], lv[i]);
        }
        s.add(carries, 1, carryLevel);
        return s.addConstant(constant);
    }

    private static boolean same(ClosedSum a, ClosedSum b) {
        try {
            assertSame(a, b, "");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static void assertSame(ClosedSum a, ClosedSum b, String what) {
        assertArrayEquals(trim(a.gatesPerLevel()), trim(b.gatesPerLevel()), what + ": gates per level");
        assertEquals(a.wires(), b.wires(), what + ": wires");
        assertArrayEquals(a.bitKind(), b.bitKind(), what + ": kinds");
        assertArrayEquals(a.bitLevel(), b.bitLevel(), what + ": levels");
        assertArrayEquals(a.bitNegated(), b.bitNegated(), what + ": signs");
        assertEquals(a.modelled(), b.modelled(), what + ": modelled");
        assertEquals(a.countExact(), b.countExact(), what + ": exact");
        assertEquals(a.wide(), b.wide(), what + ": wide");
    }

    private static long[] trim(long[] g) {
        int n = g.length;
        while (n > 0 && g[n - 1] == 0) n--;
        return java.util.Arrays.copyOf(g, n);
    }
}
