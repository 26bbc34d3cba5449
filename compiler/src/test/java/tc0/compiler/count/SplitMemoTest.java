package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.FixedFormat;

/**
 * Closed sums looked up by shape ({@link SplitMemo}) equal the same sums counted afresh: a resampling's weightings
 * {@code (D - f, f)} (and their bilinear products) for many f over words of one class and of two, slots at several
 * levels (so a column's groups differ in their highest level), inverted bits and constant bits, SPLIT's division
 * ({@link ClosedSplit}) and the column pass's exact sum ({@link ResampleStencils#closedExact}); each memo shared by
 * all the weightings of a word pair, as a node's count shares it. The memo must answer often (the point of it).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SplitMemoTest {
    private static final int ROUNDS = 2;

    /** A count of one weighting, afresh (memo null) or through a memo. */
    private interface Count {
        Instance.Result of(ElemClass[] in, long[] w, SplitMemo memo);
    }

    /**
     * 40 word pairs, 60 random weightings each through one memo per pair, every answer equal to the count afresh; the
     * memo must answer 150 or more of them. {@code split}: SPLIT by a divisor drawn per pair, every third pair four taps;
     * else {@code count}.
     */
    private static void memoEqualsAfresh(long seed, boolean split, Count count) {
        Random rnd = new Random(seed);
        long asked = 0, hits = 0;
        for (int c = 0; c < 40; c++) {
            int taps = split && c % 3 == 0 ? 4 : 2;
            ElemClass[] in = words(rnd, taps, c % 2 == 0, c % 4 == 3);
            long den = 2L << (4 + rnd.nextInt(split ? 10 : 14));
            Count counted = split ? splitBy(rnd, taps, den) : count;
            SplitMemo memo = new SplitMemo();
            for (int s = 0; s < 60; s++) {
                long[] w = weighting(rnd, taps, den);
                Instance.Result fresh = counted.of(in, w, null), kept = counted.of(in, w, memo);
                if (fresh == null) { assertNull(kept, "case " + c + "." + s); continue; }
                asked++;
                assertSameResult(fresh, kept, "case " + c + "." + s);
            }
            hits += answered(memo);
        }
        assertTrue(asked >= 1000, asked + " counted");
        assertTrue(hits >= 150, hits + " of " + asked + " from the memo");
    }

    /** SPLIT by {@code den 2^fx} (den^2 for four taps) into a random format. */
    private static Count splitBy(Random rnd, int taps, long den) {
        int fx = 2 + rnd.nextInt(16);
        BigInteger d = BigInteger.valueOf(taps == 2 ? den : den * den).shiftLeft(fx);
        FixedFormat out = new FixedFormat(3 + rnd.nextInt(6), 2 + rnd.nextInt(Math.min(fx, 14)));
        return (in, w, memo) -> memo == null ? ClosedSplit.of(in, w, d, out, ROUNDS) : ClosedSplit.of(in, w, d, out, ROUNDS, memo);
    }

    @Test
    void memoisedSplitEqualsTheCountAfresh() {
        memoEqualsAfresh(2020, true, null);
    }

    /**
     * An upsample's weightings {@code (D - f, f)}, every f, over two words of one class at one level: a handful of
     * distinct sums (the claim that makes the memo pay), each answer equal to the count afresh.
     */
    @Test
    void anUpsamplesWeightingsShareAFewSums() {
        int[] bits = new int[20];
        for (int k = 0; k < bits.length; k++) bits[k] = k < 2 ? ElemClass.FALSE : (k - 2) << 1;
        ElemClass c = ElemClass.of(bits, new int[18]);
        ElemClass[] in = {c, c};
        long den = 1 << 10;
        FixedFormat out = new FixedFormat(6, 12);
        BigInteger d = BigInteger.valueOf(den).shiftLeft(12);
        SplitMemo split = new SplitMemo(), exact = new SplitMemo();
        long asked = 0;
        for (long f = 1; f < den; f++) {
            long[] w = {den - f, f};
            Instance.Result a = ClosedSplit.of(in, w, d, out, ROUNDS), b = ResampleStencils.closedExact(in, w, ROUNDS);
            assertSameResult(a, ClosedSplit.of(in, w, d, out, ROUNDS, split), "split f " + f);
            assertSameResult(b, ResampleStencils.closedExact(in, w, ROUNDS, exact), "exact f " + f);
            asked++;
        }
        // Spread where SpreadLiterals allows it (about half the weightings here); of those, nearly all answered (by the
        // pair key, PairWeighting, or the shape).
        assertTrue(spread(split) >= asked / 3 && spread(exact) >= asked / 3, split + "; " + exact);
        assertTrue(answered(split) * 8 >= spread(split) * 7 && answered(exact) * 8 >= spread(exact) * 7, split + "; " + exact);
    }

    @Test
    void memoisedColumnPassEqualsTheCountAfresh() {
        memoEqualsAfresh(2121, false, (in, w, memo) -> memo == null ? ResampleStencils.closedExact(in, w, ROUNDS) : ResampleStencils.closedExact(in, w, ROUNDS, memo));
    }

    /** Sums the memo answered, by a weighting's pair key or by shape. */
    private static long answered(SplitMemo memo) {
        return memo.hits.sum() + memo.pairs.hits.sum();
    }

    /** Sums looked up, by pair key or (not keyed) by shape: those that spread. */
    private static long spread(SplitMemo memo) {
        return memo.asked.sum() + memo.pairs.keyed.sum();
    }

    static void assertSameResult(Instance.Result a, Instance.Result b, String what) {
        CountedCost x = a.profile().cost(), y = b.profile().cost();
        assertEquals(List.of(x.depth(), x.gates(), x.wires(), x.width()), List.of(y.depth(), y.gates(), y.wires(), y.width()), what);
        for (int l = 0; l <= a.profile().depth(); l++) assertEquals(a.profile().exactAt(l), b.profile().exactAt(l), what + " level " + l);
        assertEquals(a.profile().wide(), b.profile().wide(), what);
        assertSame(a.out()[0], b.out()[0], what);
        assertArrayEquals(a.usedSlots(), b.usedSlots(), what);
        assertEquals(a.passthrough(), b.passthrough(), what);
        assertEquals(a.disjoint(), b.disjoint(), what);
    }

    /**
     * Words of 6..30 bits, each variable slot once (what spreads): low bits FALSE, maybe a TRUE bit, one bit in five
     * inverted; slots at one level, the top bit often apart (a sign computed elsewhere), or ({@code mixed}) one slot in
     * six a level up; all taps one class, or each its own.
     */
    static ElemClass[] words(Random rnd, int taps, boolean oneClass, boolean mixed) {
        ElemClass[] in = new ElemClass[taps];
        for (int t = 0; t < taps; t++) {
            if (oneClass && t > 0) { in[t] = in[0]; continue; }
            int width = 6 + rnd.nextInt(25), low = rnd.nextInt(3), slots = 0, base = rnd.nextInt(3);
            boolean topApart = rnd.nextBoolean();
            int[] bits = new int[width], levels = new int[width];
            for (int k = 0; k < width; k++) {
                if (k < low) { bits[k] = ElemClass.FALSE; continue; }
                if (k == width / 2 && rnd.nextInt(4) == 0) { bits[k] = ElemClass.TRUE; continue; }
                levels[slots] = k == width - 1 && topApart ? base + 1 + rnd.nextInt(2) : base + (mixed && rnd.nextInt(6) == 0 ? 1 : 0);
                bits[k] = slots++ << 1 | (rnd.nextInt(5) == 0 ? 1 : 0);
            }
            in[t] = ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots));
        }
        return in;
    }

    /** Bilinear weights over {@code den} per axis, as ClosedSplitTest draws them. */
    private static long[] weighting(Random rnd, int taps, long den) {
        return ClosedSplitTest.weighting(rnd, taps, den);
    }
}
