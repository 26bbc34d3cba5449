package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-prime passes over the residue classes made closed forms (prime1024) against the walks they replace: the
 * tables' bit counts ({@link TablePopcounts}) against the tables entry by entry, a residue's one-hot fan-ins by
 * stretches ({@link ResidueTwin#minFanIn}, {@link ResidueTwin#sumFanIn}) against fanIn(a) for every a, a range of
 * members counted at once ({@link ResidueTwin#countRange}) against {@link ResidueTwin#count} of each, and a table over a
 * family ({@link OneHotOrs#family}) against {@link OneHotOrs#of} with the table itself. Edge primes (3, 5, 7, 17, 257,
 * 65537: q - 1 a power of two) and random ones to 2^21.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClosedPassesTest {
    private static final int[] EDGE = {3, 5, 7, 11, 13, 17, 31, 257, 65537};

    private static int[] primes(Random r, int n, int below) {
        int[] out = new int[EDGE.length + n];
        System.arraycopy(EDGE, 0, out, 0, EDGE.length);
        for (int i = 0; i < n; i++) out[EDGE.length + i] = java.math.BigInteger.valueOf(3 + r.nextInt(below)).nextProbablePrime().intValueExact();
        return out;
    }

    private static long[] popcounts(long[] table, int bits) {
        long[] c = new long[bits];
        for (int a = 1; a < table.length; a++) for (int b = 0; b < bits; b++) c[b] += table[a] >>> b & 1;
        return c;
    }

    private static int bitLength(long v) { return 64 - Long.numberOfLeadingZeros(v); }

    @Test
    void tablePopcountsEqualTheTablesEntryByEntry() {
        Random r = new Random(17);
        for (int q : primes(r, 40, 1 << 21)) {
            long h = 1 + r.nextInt(q - 1);
            int T = 2 + r.nextInt(19);
            long[] id = new long[q], logs = new long[q], f = new long[q], a = new long[q];
            long maxF = 0, maxA = 0;
            for (int y = 1; y < q; y++) {
                id[y] = y;
                logs[y] = y - 1; // 0 .. q - 2, each once: the logarithms' multiset
                f[y] = y * h / q;
                a[y] = Math.ceilDiv((y * h % q) << T, q);
                maxF = Math.max(maxF, f[y]);
                maxA = Math.max(maxA, a[y]);
            }
            String at = "q = " + q + ", h = " + h + ", T = " + T;
            assertArrayEquals(popcounts(id, bitLength(q - 1)), TablePopcounts.identity(q, bitLength(q - 1)), at);
            assertArrayEquals(popcounts(logs, bitLength(q - 2)), TablePopcounts.logs(q, bitLength(q - 2)), at);
            assertArrayEquals(popcounts(f, bitLength(maxF)), TablePopcounts.floors(q, h, bitLength(maxF)), at);
            assertArrayEquals(popcounts(a, bitLength(maxA)), TablePopcounts.fractions(q, T, bitLength(maxA)), at);
        }
    }

    @Test
    void floorSumIsTheSum() {
        Random r = new Random(5);
        for (int k = 0; k < 2000; k++) {
            long n = 1 + r.nextInt(300), m = 1 + r.nextInt(5000), a = r.nextInt(20000), b = r.nextInt(20000);
            long s = 0;
            for (long i = 0; i < n; i++) s += (a * i + b) / m;
            assertEquals(s, TablePopcounts.floorSum(n, m, a, b), n + " " + m + " " + a + " " + b);
        }
    }

    /** A twin's ladder bounds: random, and the edges (one class's ladder empty, lo = 1, hi = smax, hi < lo). */
    private static long[][] bounds(Random r, int q) {
        long smax = q - 1 + r.nextInt(4 * q);
        long lo = 1 + r.nextInt((int) Math.min(smax, 3L * q)), hi = lo - 1 + r.nextInt((int) (smax - lo + 2));
        return new long[][] {{lo, hi, smax}, {1, smax, smax}, {1, q - 2, q - 1}, {2, smax - 1, smax}, {q, smax, smax},
            {lo, lo - 1, smax}, {smax, smax, smax}, {1, 1, q - 1 + r.nextInt(q)}};
    }

    @Test
    void residueFanInsByStretchesEqualEveryClass() {
        Random r = new Random(3);
        for (int q : primes(r, 30, 5000)) {
            for (long[] b : bounds(r, q)) {
                ResidueTwin twin = ResidueTwin.forTest(new CountingNet(), q, b[0], b[1], b[2], 3);
                long min = Long.MAX_VALUE;
                for (int a = 0; a < q; a++) min = Math.min(min, twin.fanInAt(a));
                String at = "q = " + q + ", lo, hi, smax = " + java.util.Arrays.toString(b);
                assertEquals(min, twin.minFanIn(), at);
                for (int k = 0; k < 8; k++) {
                    int from = k == 0 ? 1 : r.nextInt(q), to = k == 0 ? q - 1 : from + r.nextInt(q - from);
                    long sum = 0;
                    for (int a = from; a <= to; a++) sum += twin.fanInAt(a);
                    assertEquals(sum, twin.sumFanIn(from, to), at + ", " + from + " .. " + to);
                }
                long ladder = 0;
                for (int c = 0; c < q; c++) ladder += twin.ladderGates(c, c);
                assertEquals(Math.max(0, b[1] - b[0] + 1), ladder, at);
            }
        }
    }

    /** Singles counted before and after a range: the range counted at once, or member by member. */
    @Test
    void aRangeCountsAsEachMemberCounted() {
        Random r = new Random(9);
        for (int q : primes(r, 20, 3000)) {
            for (long[] b : bounds(r, q)) {
                int[] before = {r.nextInt(q), r.nextInt(q), q - 1, 0}, after = {r.nextInt(q), 0};
                int from = r.nextBoolean() ? 1 : r.nextInt(q), to = r.nextBoolean() ? q - 1 : from + r.nextInt(q - from);
                CountingNet closed = new CountingNet(), each = new CountingNet();
                ResidueTwin tc = ResidueTwin.forTest(closed, q, b[0], b[1], b[2], 4), te = ResidueTwin.forTest(each, q, b[0], b[1], b[2], 4);
                for (int a : before) { tc.count(a); te.count(a); }
                tc.countRange(from, to);
                for (int a = from; a <= to; a++) te.count(a);
                tc.countRange(from, to); // again: nothing more
                for (int a : after) { tc.count(a); te.count(a); }
                String at = "q = " + q + ", " + java.util.Arrays.toString(b) + ", " + from + " .. " + to;
                assertEquals(each.cost(), closed.cost(), at);
                assertArrayEquals(each.gatesPerLevel(), closed.gatesPerLevel(), at);
            }
        }
    }

    private static OneHotBulk family(ResidueTwin twin) {
        return new OneHotBulk() {
            @Override public int level() { return twin.oneHotLevel(); }
            @Override public void count(int a) { twin.count(a); }
            @Override public int literal(int a) { return twin.is(a); }
            @Override public void countRange(int from, int to) { twin.countRange(from, to); }
        };
    }

    /** The reconstruction's tables over a family, by bit counts, against the same tables entry by entry. */
    @Test
    void aFamilyTableCountsAsTheTable() {
        Random r = new Random(11);
        for (int q : primes(r, 20, 1 << 15)) {
            long h = 1 + r.nextInt(q - 1), hInv = java.math.BigInteger.valueOf(h).modInverse(java.math.BigInteger.valueOf(q)).longValueExact();
            int T = 2 + r.nextInt(17);
            long[] f = new long[q], a = new long[q], id = new long[q];
            long maxF = 0, maxA = 0;
            for (int y = 1; y < q; y++) {
                id[y] = y;
                f[y] = y * h / q;
                a[y] = Math.ceilDiv((y * h % q) << T, q);
                maxF = Math.max(maxF, f[y]);
                maxA = Math.max(maxA, a[y]);
            }
            long[][] tables = {id, f, a};
            long[][] counts = {TablePopcounts.identity(q, bitLength(q - 1)), TablePopcounts.floors(q, h, bitLength(maxF)),
                TablePopcounts.fractions(q, T, bitLength(maxA))};
            int[] readFrom = {1, (int) Math.ceilDiv(q, h), 1}, top = {q - 1, q - 1, (int) ((q - 1) * hInv % q)};
            for (int k = 0; k < 3; k++) {
                long need = (1L << counts[k].length) - 1;
                CountingNet closed = new CountingNet(), each = new CountingNet();
                long smax = q - 1 + r.nextInt(q);
                OneHotBulk fc = family(ResidueTwin.forTest(closed, q, 1, smax, smax, 5)), fe = family(ResidueTwin.forTest(each, q, 1, smax, smax, 5));
                long[] table = tables[k];
                OneHotOrs.family(closed, fc, q, counts[k], need, readFrom[k], top[k], () -> table);
                OneHotOrs.of(each, fe::literal, fe, q, table, need, true);
                String at = "table " + k + ", q = " + q + ", h = " + h + ", T = " + T;
                assertEquals(each.cost(), closed.cost(), at);
                assertArrayEquals(each.gatesPerLevel(), closed.gatesPerLevel(), at);
            }
        }
    }
}
