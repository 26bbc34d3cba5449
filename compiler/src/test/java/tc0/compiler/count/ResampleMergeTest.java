package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.FixedFormat;

/**
 * An axis's groups joined by {@link ResampleMerge}: weightings {@code (D - f, f)} with equal signatures (z, both bit
 * lengths, both weights under {@link PairWeighting#splitMask} / {@code exactMask}) have equal keys, null or not, for
 * every f of random classes and divisions; and upsamples counted with groups joined equal the same counted weighting by
 * weighting (and, where small enough, the built circuit).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ResampleMergeTest {
    @Test
    void equalSignaturesHaveEqualKeys() {
        Random rnd = new Random(2026_12_07);
        long shared = 0, keyed = 0;
        for (int c = 0; c < 60; c++) {
            ElemClass[] in = SplitMemoTest.words(rnd, 2, true, c % 3 == 2);
            int bigM = 3 + rnd.nextInt(9), rounds = 1 + rnd.nextInt(3), fx = 2 + rnd.nextInt(24);
            long den = 1L << bigM;
            BigInteger d = BigInteger.valueOf(den).shiftLeft(fx + (c % 4 == 0 ? bigM : 0));
            FixedFormat out = new FixedFormat(3 + rnd.nextInt(6), 2 + rnd.nextInt(Math.min(fx, 20)));
            PairWeighting p = new PairWeighting();
            for (int kind = 0; kind < 3; kind++) {
                Map<Integer, Long> masks = new HashMap<>();
                Map<List<Long>, Object> seen = new HashMap<>();
                for (long f = 1; f < den; f++) {
                    long[] w = {den - f, f};
                    int z = Long.numberOfTrailingZeros(f);
                    long mask = kind == 2 ? p.exactMask(in, w, rounds) : p.splitMask(in, w, d, out, rounds);
                    Long first = masks.putIfAbsent(z, mask);
                    String what = "class " + c + " " + in[0] + " kind " + kind + " f " + f + " of " + den + " by 2^" + d.getLowestSetBit() + " into " + out
                            + ", rounds " + rounds;
                    assertEquals(first == null ? mask : first, mask, "the mask reads f beyond z: " + what);
                    PairWeighting.Key key = kind == 2 ? p.exact(in, w, rounds) : p.split(in, w, d, out, rounds, kind == 1);
                    if (mask == -1) continue;
                    List<Long> sig = List.of((long) z, (long) bitLength(w[0]), (long) bitLength(w[1]), w[0] & mask, w[1] & mask);
                    Object k = key == null ? "none" : key;
                    Object before = seen.putIfAbsent(sig, k);
                    if (before == null) continue;
                    assertTrue(Objects.equals(before, k), "signature " + sig + ": " + before + " vs " + k + ", " + what);
                    shared++;
                    if (key != null) keyed++;
                }
            }
        }
        // Random words: most weightings share a signature with another, many of them keyed.
        assertTrue(shared >= 3000 && keyed >= 1000, shared + " weightings shared a signature, " + keyed + " keyed");
    }

    /** var's write-back shape: a computed 2 x 2 and 3 x 3 map upsampled to n x n, accumulated; frac as var's. */
    private static TensorProgram upsamples(int n, int frac) {
        return CountAsserts.program("model m() { precision fixed(int: 8, frac: " + frac + "); ",
                "input X: [2, 2, 2]; input Y: [3, 3, 2]; weight W: [2, 2] = random(seed: 9);"
                        + " let A = upsample(reshape(reshape(X, [4, 2]) @ W, [2, 2, 2]), to: [" + n + ", " + n + "], mode: bilinear);"
                        + " output Z = A + upsample(reshape(reshape(Y, [9, 2]) @ W, [3, 3, 2]), to: [" + n + ", " + n + "], mode: bilinear);");
    }

    @Test
    void joinedCountsEqualTheWeightingsOneByOne() {
        for (int n : new int[] {64, 256, 1024, 4096}) {
            TensorProgram p = upsamples(n, 32 - Integer.numberOfLeadingZeros(n - 1) + 6);
            long before = ResampleMerge.joined.sum();
            CountedCost joined = TensorIrToCost.summaryOnly(p, 2);
            long groups = ResampleMerge.joined.sum() - before;
            System.err.println("n = " + n + ": " + groups + " groups joined");
            if (n >= 1024) assertTrue(groups >= n / 2, "n = " + n + ": " + groups + " groups joined");
            CountedCost alone;
            ResampleMerge.off = true;
            try {
                alone = TensorIrToCost.summaryOnly(p, 2);
            } finally {
                ResampleMerge.off = false;
            }
            assertEquals(alone, joined, "n = " + n);
        }
    }

    /** Heavy (a 128 x 128 upsample built: ~40 s on a loaded machine); {@link #joinedCountsEqualTheWeightingsOneByOne} in the default set. */
    @Test
    @Tag("heavy")
    void joinedCountsEqualTheBuiltCircuit() {
        long before = ResampleMerge.joined.sum();
        CountAsserts.assertCounted(CountAsserts.program("model m() { precision fixed(int: 6, frac: 13); ",
                "input X: [2, 2, 1]; weight W: [2, 2] = random(seed: 9);"
                        + " output Z = upsample(reshape(reshape(X, [4, 1]) * 0.75, [2, 2, 1]), to: [128, 128], mode: bilinear);"), 2);
        assertTrue(ResampleMerge.joined.sum() - before > 0, "no group joined at n = 128");
    }

    /**
     * An upsample of a computed map read in part (a nearest downsample): neighbouring positions read the same sources,
     * some live, some dead (their groups by kind and f in {@code ResampleAxis.of}). Counted = built.
     */
    @Test
    void anUpsampleReadInPartCountsAsBuilt() {
        CountAsserts.assertCounted(CountAsserts.program("model m() { precision fixed(int: 5, frac: 6); ",
                "input X: [2, 2, 1]; weight W: [1, 1] = random(seed: 4);"
                        + " let U = upsample(reshape(reshape(X, [4, 1]) @ W, [2, 2, 1]), to: [16, 16], mode: bilinear);"
                        + " output Y = downsample(U, to: [3, 5], mode: nearest);"), 2);
    }

    private static int bitLength(long x) {
        return 64 - Long.numberOfLeadingZeros(x);
    }
}
