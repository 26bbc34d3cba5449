package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.DivideWords;
import tc0.compiler.numerics.FixedFormat;

/**
 * Weightings named by {@link PairWeighting}'s key (before SPLIT's numbers) count as the full closed sum counts them
 * afresh: every weighting {@code (D - f, f)} of an upsample, {@code D = 2^M}, over two words of one class (slots at
 * several levels, the top bit often apart, inverted and constant bits, low bits FALSE), SPLIT by {@code D 2^fx} (exact
 * shifts and remainders with carries) into random formats, routes certain or any, and the column pass's exact sum;
 * 1 to 3 rounds. One memo per class and divisor, as a node's count shares it, so a key shared by two weightings whose
 * counts differ fails here. Keys must be made and answered here; that they answer nearly every weighting of an
 * upsample's words is {@code SplitMemoTest.anUpsamplesWeightingsShareAFewSums}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PairWeightingTest {
    @Test
    void everyWeightingByItsKeyCountsAsAfresh() {
        Random rnd = new Random(1048576);
        long weightings = 0;
        long[] asked = new long[3], keyed = new long[3], hits = new long[3];
        for (int c = 0; c < 36; c++) {
            ElemClass[] in = SplitMemoTest.words(rnd, 2, true, c % 3 == 2);
            int bigM = 3 + rnd.nextInt(8), rounds = 1 + rnd.nextInt(3);
            long den = 1L << bigM;
            int fx = 2 + rnd.nextInt(24);
            BigInteger d = BigInteger.valueOf(den).shiftLeft(fx + (c % 4 == 0 ? bigM : 0)); // every fourth: a product of two axes' D
            FixedFormat out = new FixedFormat(3 + rnd.nextInt(6), 2 + rnd.nextInt(Math.min(fx, 20)));
            SplitMemo split = new SplitMemo(), certain = new SplitMemo(), exact = new SplitMemo();
            for (long f = 1; f < den; f++) {
                long[] w = {den - f, f};
                String what = "class " + c + " " + in[0] + " f " + f + " of " + den + " by 2^" + d.getLowestSetBit() + " into " + out + ", rounds " + rounds;
                same(ClosedSplit.of(in, w, d, out, rounds), ClosedSplit.of(in, w, d, out, rounds, split), "split " + what);
                same(ClosedSplit.certain(in, w, d, out, rounds, null), ClosedSplit.certain(in, w, d, out, rounds, certain), "certain " + what);
                same(ResampleStencils.closedExact(in, w, rounds), ResampleStencils.closedExact(in, w, rounds, exact), "exact " + what);
                weightings++;
            }
            SplitMemo[] memos = {split, certain, exact};
            for (int k = 0; k < 3; k++) {
                asked[k] += memos[k].pairs.asked.sum();
                keyed[k] += memos[k].pairs.keyed.sum();
                hits[k] += memos[k].pairs.hits.sum();
            }
        }
        String said = weightings + " weightings; asked " + java.util.Arrays.toString(asked) + ", keyed " + java.util.Arrays.toString(keyed) + ", answered "
                + java.util.Arrays.toString(hits);
        assertTrue(weightings >= 5000, said);
        for (int k = 0; k < 3; k++) assertTrue(keyed[k] >= 700 && hits[k] >= 200, said); // random words: many keys; an upsample's: SplitMemoTest
    }

    /**
     * The shape a key is made from against SPLIT's own numbers ({@code DivideByConstant.Split}, what the builder builds)
     * for each weighting of a pair: the carries are SPLIT's thresholds, one level above the highest literal with a
     * remainder; every column's entries are the quotients' set bits, the carries in column 0. The column pass's shape:
     * the form's weights' bits, no carries. (The key's counts are checked by {@link #everyWeightingByItsKeyCountsAsAfresh};
     * this is where a wrong carry count that still keys consistently shows.)
     */
    @Test
    void theShapesCarriesAndColumnsAreSplitsOwn() {
        Random rnd = new Random(2718);
        long compared = 0, withCarries = 0;
        for (int c = 0; c < 60; c++) {
            ElemClass[] in = SplitMemoTest.words(rnd, 2, true, c % 3 == 2);
            int bigM = 2 + rnd.nextInt(9), rounds = 1 + rnd.nextInt(3), fx = 1 + rnd.nextInt(24);
            long den = 1L << bigM;
            BigInteger d = BigInteger.valueOf(den).shiftLeft(fx + (c % 4 == 0 ? bigM : 0));
            FixedFormat out = new FixedFormat(3 + rnd.nextInt(6), 1 + rnd.nextInt(Math.min(fx + 6, 24)));
            PairWeighting p = new PairWeighting();
            for (int z = 0; z < bigM; z++) {
                long f = (1L << z) | (rnd.nextLong(den) >>> z + 1 << z + 1) % den; // f's lowest set bit z, the rest random
                long[] w = {den - f, f};
                String what = "class " + c + " " + in[0] + " f " + f + " of " + den + " by 2^" + d.getLowestSetBit() + " into " + out;
                Form form = Form.of(in[0], w);
                PairWeighting.Shape split = p.splitShape(in, w, d, out, rounds), exact = p.exactShape(in, w, rounds);
                if (exact != null) {
                    assertArrayEquals(form.columns(form.weights(), 0), exact.columns(), "exact " + what);
                    assertEquals(0, exact.carries(), "exact " + what);
                }
                if (split == null) continue;
                DivideWords.SplitNumbers sp = DivideWords.split(form.weights(), form.constant(), out.fracBits(), d, out);
                if (sp == null) continue;
                int carries = sp.thresholds().length, level = -1;
                for (int i = 0; i < sp.rem().length; i++) if (sp.rem()[i] != 0) level = Math.max(level, form.levels()[i]);
                BigInteger[] quot = new BigInteger[sp.quot().length];
                for (int i = 0; i < quot.length; i++) quot[i] = BigInteger.valueOf(sp.quot()[i]);
                assertEquals(carries, split.carries(), "carries of " + what);
                if (carries > 0) assertEquals(level + 1, split.carryLevel(), "the carries' level, " + what);
                long[] columns = form.columns(quot, carries);
                assertArrayEquals(columns, split.columns(), "columns of " + what);
                for (int i = 0; i < split.sensitive().length; i++) assertEquals(columns[split.sensitive()[i]], split.height()[i], what);
                compared++;
                if (carries > 0) withCarries++;
            }
        }
        assertTrue(compared >= 150 && withCarries >= 50, compared + " weightings compared, " + withCarries + " with carries");
    }

    /** The form {@code LinearForm.addWord} makes of two words of class c: bit k of word t weighs w_t 2^k (the top bit negated). */
    private record Form(BigInteger[] weights, int[] levels, BigInteger constant) {
        static Form of(ElemClass c, long[] w) {
            java.util.List<BigInteger> weights = new java.util.ArrayList<>();
            java.util.List<Integer> levels = new java.util.ArrayList<>();
            BigInteger constant = BigInteger.ZERO;
            for (long wt : w) {
                for (int k = 0; k < c.width(); k++) {
                    int x = c.bit(k);
                    if (x == ElemClass.FALSE) continue;
                    BigInteger v = BigInteger.valueOf(wt).shiftLeft(k);
                    if (k == c.width() - 1) v = v.negate();
                    if (x == ElemClass.TRUE) { constant = constant.add(v); continue; }
                    weights.add(v);
                    levels.add(c.slotLevel(x >> 1));
                }
            }
            return new Form(weights.toArray(BigInteger[]::new), levels.stream().mapToInt(Integer::intValue).toArray(), constant);
        }

        /** Entries per column: each number's set bits (of its magnitude), {@code carries} more in column 0. */
        long[] columns(BigInteger[] numbers, long carries) {
            long[] h = new long[64];
            for (BigInteger q : numbers) for (int j = 0; j < 64; j++) if (q.abs().testBit(j)) h[j]++;
            h[0] += carries;
            return h;
        }
    }

    /** Not a pair: other sums, other divisors, two classes, weights of one sign not summing to a power of two. */
    @Test
    void onlyComplementPairsAreKeyed() {
        Random rnd = new Random(7);
        PairWeighting p = new PairWeighting();
        FixedFormat out = new FixedFormat(6, 8);
        for (int c = 0; c < 40; c++) {
            ElemClass[] one = SplitMemoTest.words(rnd, 2, true, false), two = SplitMemoTest.words(rnd, 2, false, false);
            BigInteger d = BigInteger.ONE.shiftLeft(12);
            assertNull(p.split(two[0] == two[1] ? new ElemClass[] {one[0], one[0], one[0]} : two, new long[] {3, 5, 8}, d, out, 2, false));
            assertNull(p.split(one, new long[] {5, 4}, d, out, 2, false), "9 is not a power of two");
            assertNull(p.split(one, new long[] {-4, 12}, d, out, 2, false), "a negative weight");
            assertNull(p.split(one, new long[] {5, 3}, BigInteger.valueOf(3 << 10), out, 2, false), "a divisor not a power of two");
            assertNull(p.exact(new ElemClass[] {one[0], one[0], one[0]}, new long[] {4, 2, 2}, 2), "three taps");
        }
    }

    /**
     * The key's per-weighting part (the non-zero quotients' count, whether they spread, the sensitive columns' group levels)
     * as the plain loop over every bit of both words makes it, against {@link PairWeighting#split} and {@link PairWeighting#exact}
     * (which skip the quotients known zero and read the class's variable bits from a cache): on every weighting of random
     * words, D, divisors and formats, both memos asked in turn so the class cache switches.
     */
    @Test
    void theKeyIsThePlainLoopsKey() {
        Random rnd = new Random(20);
        long keys = 0, nulls = 0;
        for (int c = 0; c < 40; c++) {
            ElemClass[] in = SplitMemoTest.words(rnd, 2, true, c % 3 == 2), other = SplitMemoTest.words(rnd, 2, true, false);
            int bigM = 2 + rnd.nextInt(9), rounds = 1 + rnd.nextInt(3), fx = 1 + rnd.nextInt(24);
            long den = 1L << bigM;
            BigInteger d = BigInteger.valueOf(den).shiftLeft(fx + (c % 4 == 0 ? bigM : 0));
            FixedFormat out = new FixedFormat(3 + rnd.nextInt(6), 1 + rnd.nextInt(Math.min(fx + 6, 24)));
            int m = d.getLowestSetBit(), a = out.fracBits(), zz = Math.min(a, m), e = a - zz + 1, s = m - zz + 1;
            PairWeighting p = new PairWeighting();
            for (long f = 1; f < den; f++) {
                long[] w = {den - f, f};
                p.exact(other, w, rounds); // another class in between: the cache must not answer for it
                PairWeighting.Key split = p.split(in, w, d, out, rounds, false), exact = p.exact(in, w, rounds);
                PairWeighting.Shape ss = p.splitShape(in, w, d, out, rounds), es = p.exactShape(in, w, rounds);
                String what = "class " + c + " " + in[0] + " f " + f + " of " + den + " by 2^" + m + " into " + out + ", rounds " + rounds;
                sameKey(plainKey(ss, in[0], w, e, s, rounds), split, "split " + what);
                sameKey(plainKey(es, in[0], w, 0, 0, rounds), exact, "exact " + what);
                keys += (split == null ? 0 : 1) + (exact == null ? 0 : 1);
                nulls += (split == null ? 1 : 0) + (exact == null ? 1 : 0);
            }
        }
        assertTrue(keys >= 1000 && nulls >= 100, keys + " keys, " + nulls + " nulls");
    }

    private static void sameKey(long[] plain, PairWeighting.Key k, String what) {
        if (plain == null) { assertNull(k, what); return; }
        assertTrue(k != null, what);
        assertEquals(plain[0], k.lits(), "literals, " + what);
        assertArrayEquals(java.util.Arrays.copyOfRange(plain, 1, plain.length), k.tops(), "tops, " + what);
    }

    /** {lits, tops...} of the key, every bit of both words in order; null where no key (no shape, not keyed, not spread, under 2 literals). */
    private static long[] plainKey(PairWeighting.Shape sh, ElemClass c, long[] w, int e, int s, int rounds) {
        if (sh == null || !sh.keyed()) return null;
        int[] sens = sh.sensitive();
        java.util.List<java.util.List<Long>> levels = new java.util.ArrayList<>();
        for (int i = 0; i < sens.length; i++) levels.add(new java.util.ArrayList<>());
        int lits = 0;
        for (long x : w) {
            for (int k = 0; k < c.width(); k++) {
                if (c.bit(k) < 0) continue;
                BigInteger q = BigInteger.valueOf(x).shiftLeft(k + e).shiftRight(s); // floor
                if (q.signum() == 0) continue;
                lits++;
                long ql = q.longValueExact();
                if (Long.bitCount(ql) >= 2 && Long.bitCount(ql & sh.passing()) >= 2) return null;
                for (int i = 0; i < sens.length; i++) if (q.testBit(sens[i])) levels.get(i).add((long) c.slotLevel(c.bit(k) >> 1));
            }
        }
        if (lits < 2) return null;
        java.util.List<Long> tops = new java.util.ArrayList<>();
        tops.add((long) lits);
        for (int i = 0; i < sens.length; i++) {
            long all = sh.height()[i];
            while (levels.get(i).size() < all) levels.get(i).add((long) sh.carryLevel());
            long groups = tc0.compiler.gadgets.ColumnCut.groups(all, rounds), base = tc0.compiler.gadgets.ColumnCut.base(all, groups),
                    extra = tc0.compiler.gadgets.ColumnCut.extra(all, groups);
            int at = 0;
            for (long g = 0; g < groups; g++) {
                int size = (int) tc0.compiler.gadgets.ColumnCut.size(g, base, extra);
                long highest = -1;
                for (int u = at; u < at + size; u++) highest = Math.max(highest, levels.get(i).get(u));
                tops.add(highest);
                at += size;
            }
        }
        return tops.stream().mapToLong(Long::longValue).toArray();
    }

    private static void same(Instance.Result fresh, Instance.Result kept, String what) {
        if (fresh == null) { assertNull(kept, what); return; }
        SplitMemoTest.assertSameResult(fresh, kept, what);
    }
}
