package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    private static void same(Instance.Result fresh, Instance.Result kept, String what) {
        if (fresh == null) { assertNull(kept, what); return; }
        SplitMemoTest.assertSameResult(fresh, kept, what);
    }
}
