package tc0.proofs.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Z3 over n, L and M = 2^L: what the encoding n <= M <= 2n allows, between powers of two too. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EveryNTest {
    /** n M <= 2 n^2 for every n (M < 2n), but not n M <= n^2: at n = 5, M = 8 and 40 > 25. */
    @Test
    void mIsAtMostTwiceN() {
        Poly nm = Poly.term(1, 0, 1);
        assertTrue(Z3Growth.provesAtMostEveryN(nm, BigInteger.TWO, 2));
        assertFalse(Z3Growth.provesAtMostEveryN(nm, BigInteger.ONE, 2));
        assertEquals(BigInteger.valueOf(40), nm.ceilAt(BigInteger.valueOf(5)));
    }

    /** n^2 L <= C n^3 is proved (L <= n); n^2 L <= C n^2 for no C the search tries. */
    @Test
    void aLogFactorCostsADegree() {
        Poly p = Poly.term(2, 1, 0);
        assertTrue(SizeProof.sampledConstant(p, 2).isEmpty(), "L / 1 still grows at L = 64");
        assertTrue(Z3Growth.provesAtMostEveryN(p, SizeProof.sampledConstant(p, 3).orElseThrow(), 3));
    }
}
