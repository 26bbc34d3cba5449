package tc0.proofs.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Z3's proofs about formulas whose growth is known by hand. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Z3GrowthTest {
    static Formula of(Object... termsAndCoeffs) {
        Map<Monomial, BigInteger> m = new java.util.HashMap<>();
        for (int i = 0; i < termsAndCoeffs.length; i += 3) {
            m.put(new Monomial((int) termsAndCoeffs[i], (int) termsAndCoeffs[i + 1]), BigInteger.valueOf((long) (int) termsAndCoeffs[i + 2]));
        }
        return new Formula(m, BigInteger.ONE);
    }

    @Test
    void theLemmaOnLHasItsInductionStep() {
        assertTrue(Z3Growth.lemmaStepHolds());
    }

    /** 3 n^2 L + 5 n: n^2 log n, so n^3 is the smallest power; C = 3/2 + 5, rounded up: 7. */
    @Test
    void nSquaredLogNNeedsDegreeThree() {
        Formula f = of(2, 1, 3, 1, 0, 5);
        Z3Growth.Bound b = Z3Growth.smallestDegree(f, 4096).orElseThrow();
        assertEquals(3, b.k());
        assertEquals(BigInteger.valueOf(7), b.c());
        // 3 n^2 L + 5 n > 7 n^2 first where 3 L + 5/n > 7: L = 3 gives 9 + 5/8 > 7 (L = 2: 6 + 5/4 = 7.25 > 7 already)
        assertEquals(BigInteger.valueOf(4), b.refutedBelow().orElseThrow());
        assertTrue(Z3Growth.provesAtMost(f, BigInteger.valueOf(7), 3));
        assertFalse(Z3Growth.provesAtMost(f, BigInteger.valueOf(7), 2));
    }

    /** 7 n^2 - n: degree 2 with C = 7; C n = 7 n is exceeded where 7 n^2 - n > 7 n, i.e. n > 8/7: at n = 4. */
    @Test
    void aPolynomialWithANegativeTerm() {
        Z3Growth.Bound b = Z3Growth.smallestDegree(of(2, 0, 7, 1, 0, -1), 64).orElseThrow();
        assertEquals(2, b.k());
        assertEquals(BigInteger.valueOf(7), b.c());
        assertEquals(BigInteger.valueOf(4), b.refutedBelow().orElseThrow());
    }

    /** n^2 + 1000 n: C = 1001, and n^2 + 1000 n > 1001 n wherever n > 1, so at n = 4. */
    @Test
    void aLargeLowerTermOnlyDelaysTheRefutation() {
        Formula f = of(2, 0, 1, 1, 0, 1000);
        Z3Growth.Bound b = Z3Growth.smallestDegree(f, 64).orElseThrow();
        assertEquals(2, b.k());
        assertEquals(BigInteger.valueOf(1001), b.c());
        assertEquals(BigInteger.valueOf(4), b.refutedBelow().orElseThrow());
        // a larger constant only delays it: n^2 + 1000 n > 5000 n iff n > 4000, so the first power of two is 4096
        assertEquals(BigInteger.valueOf(4096), Z3Growth.firstExceeding(f, BigInteger.valueOf(5000), 1, 64).orElseThrow());
    }

    @Test
    void depthFormulas() {
        assertTrue(Z3Growth.provesConstant(of(0, 0, 92)));
        assertFalse(Z3Growth.provesConstant(of(0, 1, 1, 0, 0, 3)), "L + 3 has n in it");
        assertTrue(Z3Growth.provesLogarithmic(of(0, 1, 6, 0, 0, 1)), "6 L + 1 grows like log n");
        assertFalse(Z3Growth.provesLogarithmic(of(0, 0, 92)), "a constant does not grow");
        assertFalse(Z3Growth.provesLogarithmic(of(1, 0, 1)), "n grows faster than log n");
    }
}
