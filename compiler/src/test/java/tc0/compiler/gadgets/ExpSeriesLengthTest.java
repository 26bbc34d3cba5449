package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.FloatExpReference;

/**
 * Exp's series length N in integers (prime1024): the least N with {@code 0.36^N / N! < 2^-(p + GUARD + 3)}, against
 * that definition in BigInteger ({@code 9^N 2^E < 25^N N!}, N - 1 not) for p = 1 .. 1100, and the same N as the
 * doubles chose it wherever their limit {@code 2^-(p + 9)} is a normal double (p <= 1013).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExpSeriesLengthTest {
    private static boolean below(int n, int e) { // 0.36^n / n! < 2^-e
        BigInteger fact = BigInteger.ONE;
        for (int i = 2; i <= n; i++) fact = fact.multiply(BigInteger.valueOf(i));
        return BigInteger.valueOf(9).pow(n).shiftLeft(e).compareTo(BigInteger.valueOf(25).pow(n).multiply(fact)) < 0;
    }

    private static int inDoubles(int p) { // the rule as it was
        int terms = 1;
        double tail = 0.36, limit = Math.pow(2, -(p + FloatExp.GUARD + 3));
        while (tail >= limit) { terms++; tail = tail * 0.36 / terms; }
        return terms;
    }

    @Test
    void seriesLengthIsTheLeastByTheDefinitionToOneThousandOneHundred() {
        int e0 = FloatExp.GUARD + 3;
        for (int p = 1; p <= 1100; p++) {
            int n = FloatExp.Plan.terms(p);
            assertTrue(below(n, p + e0), "p = " + p + ": N = " + n + " not enough");
            assertTrue(n == 1 || !below(n - 1, p + e0), "p = " + p + ": N - 1 = " + (n - 1) + " enough");
            assertEquals(n, FloatExpReference.seriesLength(p), "p = " + p + ": the reference's N");
            if (p + e0 <= 1022) assertEquals(inDoubles(p), n, "p = " + p + ": the doubles' N");
        }
        assertEquals(new FloatExp.Plan(1100, Primitive.expExponentBits(1100)).n, FloatExp.Plan.terms(1100));
    }
}
