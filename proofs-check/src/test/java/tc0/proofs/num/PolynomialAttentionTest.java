package tc0.proofs.num;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The factorisation phi . psi = T_g(q . k), the factored attention against the exact one, and the mask's causality. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolynomialAttentionTest {
    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void featuresFactorTheTaylorPolynomialOfTheDotProduct() {
        for (int d = 1; d <= 5; d++) {
            for (int g = 0; g <= 7; g++) {
                double[] q = vector(d, 1.5), k = vector(d, 1.5);
                double[] phi = MonomialFeatures.of(q, g, true), psi = MonomialFeatures.of(k, g, false);
                assertEquals(binomial(d + g, g), phi.length, "rank d = " + d + ", g = " + g);
                assertEquals(binomial(d + g, g), MonomialFeatures.rank(d, g, Long.MAX_VALUE));
                double tg = ExpTaylor.value(PolynomialAttention.dot(q, k), g);
                assertEquals(tg, PolynomialAttention.dot(phi, psi), 1e-12 * Math.max(1, Math.abs(tg)), "d = " + d + ", g = " + g);
            }
        }
        assertEquals(-1, MonomialFeatures.rank(40, 40, 1_000_000));
    }

    @Test
    void factoredAttentionAtHighDegreeIsExactAttention() {
        for (TokenLayout layout : TokenLayout.values()) {
            AttentionInstance in = AttentionInstance.of(layout, 2, 0.7, 3);
            double[][] a = PolynomialAttention.exact(in.q(), in.k(), in.v(), in.block());
            double[][] b = PolynomialAttention.factored(in.q(), in.k(), in.v(), in.block(), 24);
            for (int i = 0; i < a.length; i++) for (int c = 0; c < a[i].length; c++) assertEquals(a[i][c], b[i][c], 1e-12, layout + " " + i);
        }
    }

    /** By hand: two tokens in two blocks, the first sees only itself, the second both. */
    @Test
    void exactAttentionByHand() {
        double[][] q = {{1}, {2}}, k = {{0.5}, {-1}}, v = {{3}, {5}};
        double[][] out = PolynomialAttention.exact(q, k, v, new int[] {0, 1});
        assertEquals(3, out[0][0], 1e-15);
        double a = Math.exp(2 * 0.5), b = Math.exp(-2);
        assertEquals((3 * a + 5 * b) / (a + b), out[1][0], 1e-13);
    }

    @Test
    void aLaterBlocksKeyLeavesEarlierOutputsAlone() {
        AttentionInstance in = AttentionInstance.of(TokenLayout.SCALES, 2, 1, 5);
        double[][] before = PolynomialAttention.factored(in.q(), in.k(), in.v(), in.block(), 6);
        int last = in.tokens() - 1;
        for (int c = 0; c < in.width(); c++) {
            in.k()[last][c] = -in.k()[last][c];
            in.v()[last][c] = 0.5;
        }
        double[][] after = PolynomialAttention.factored(in.q(), in.k(), in.v(), in.block(), 6);
        int lastBlock = in.block()[last];
        boolean changed = false;
        for (int i = 0; i < in.tokens(); i++) {
            for (int c = 0; c < in.width(); c++) {
                if (in.block()[i] < lastBlock) assertEquals(before[i][c], after[i][c], 0.0, "token " + i);
                else changed |= before[i][c] != after[i][c];
            }
        }
        assertTrue(changed, "the last block's outputs read its keys");
    }

    @Test
    void scalesLayoutListsEachScaleInOrder() {
        int[] b = TokenLayout.SCALES.blocks(2);
        assertEquals(21, b.length);
        assertEquals(0, b[0]);
        assertEquals(1, b[1]);
        assertEquals(1, b[4]);
        assertEquals(2, b[5]);
        assertEquals(Math.log(21), TokenLayout.SCALES.lnTokens(2), 1e-12);
        assertEquals(Math.log(16), TokenLayout.SEQUENCE.lnTokens(4), 1e-12);
    }

    private double[] vector(int d, double bound) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) x[i] = bound * (2 * random.nextDouble() - 1);
        return x;
    }

    private static long binomial(int a, int b) {
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= b; i++) r = r.multiply(BigInteger.valueOf(a - b + i)).divide(BigInteger.valueOf(i));
        return r.longValueExact();
    }
}
