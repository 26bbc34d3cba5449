package tc0.proofs.num;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Taylor degree from its definition, ln(m!) against BigInteger factorials, T_g against Math.exp. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExpTaylorTest {
    @Test
    void lnFactorialAgreesWithTheFactorialItself() {
        BigInteger f = BigInteger.ONE;
        for (int m = 1; m <= 3000; m++) {
            f = f.multiply(BigInteger.valueOf(m));
            assertEquals(ln(f), LnFactorial.of(m), 1e-12 * Math.max(1, ln(f)), "ln " + m + "!");
        }
    }

    @Test
    void lnBinomialAgreesWithPascal() {
        BigInteger[] row = {BigInteger.ONE};
        for (int a = 1; a <= 400; a++) {
            BigInteger[] next = new BigInteger[a + 1];
            for (int b = 0; b <= a; b++) next[b] = (b == 0 || b == a) ? BigInteger.ONE : row[b - 1].add(row[b]);
            row = next;
            for (int b = 0; b <= a; b += 7) assertEquals(ln(row[b]), LnFactorial.binomial(a, b), 1e-11 * Math.max(1, ln(row[b])), "C(" + a + ", " + b + ")");
        }
    }

    /** The least g whose bound R^(g+1) / (g+1)! e^(2R) is at most eps, the bound computed term by term (no ln Gamma). */
    @Test
    void degreeIsTheLeastMeetingTheBound() {
        for (double r : new double[] {0.01, 0.5, 1, 2, 4, 9.5, 30, 100}) {
            for (double eps : new double[] {0.5, 1e-2, 1e-6, 1e-12}) {
                long least = 0;
                double term = r * Math.exp(2 * r); // R^(g+1) / (g+1)! e^(2R) at g = 0
                while (term > eps) {
                    least++;
                    term *= r / (least + 1);
                }
                assertEquals(least, ExpTaylor.degree(r, -Math.log(eps)), "R = " + r + ", eps = " + eps);
            }
        }
    }

    @Test
    void degreeMeetsTheRelativeErrorItPromisesOnTheWholeRange() {
        for (double r : new double[] {0.5, 1, 3, 6}) {
            double eps = 1e-6;
            int g = (int) ExpTaylor.degree(r, -Math.log(eps));
            double worst = 0;
            for (int i = 0; i <= 2000; i++) {
                double x = -r + 2 * r * i / 2000;
                worst = Math.max(worst, Math.abs(ExpTaylor.value(x, g) / Math.exp(x) - 1));
            }
            assertTrue(worst <= eps, "R = " + r + ": " + worst);
        }
    }

    @Test
    void taylorValueApproachesExp() {
        // at x < 0 the terms cancel: about e^|x| units of rounding are lost
        for (double x = -5; x <= 5; x += 0.25) assertEquals(Math.exp(x), ExpTaylor.value(x, 60), 1e-15 * Math.exp(Math.abs(x)) * 20, "x = " + x);
        assertEquals(1 + 2 + 2 + 4.0 / 3, ExpTaylor.value(2, 3), 1e-15);
    }

    private static double ln(BigInteger x) {
        int drop = Math.max(0, x.bitLength() - 60);
        return Math.log(x.shiftRight(drop).doubleValue()) + drop * Math.log(2);
    }
}
