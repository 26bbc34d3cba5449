package tc0.proofs.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The unavoidable gates against C' n^(k-1): when a log factor or a higher power of n refutes degree k - 1 for every C'. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LowerBoundTest {
    /** gcn's adjacency products: 8 n^2 (L + 12) AND gates (two layers, 4 n entries of n products, one operand 1 bit, the other L + 12). */
    static final LowerBound ADJACENCY = new LowerBound(List.of(new LowerBound.Term(11, "matmul",
            new Poly(Map.of(new Poly.Term(2, 1, 0), BigInteger.valueOf(8), new Poly.Term(2, 0, 0), BigInteger.valueOf(96)), BigInteger.ONE), "ANDs")), List.of());

    /** 8 n^2 L + 96 n^2 > 2241 n^2 from L = 269 on ((2241 - 96) / 8 = 268.1): degree 2 fails for C' = 2241 at n = 2^269, and for any C'. */
    @Test
    void aLogFactorRefutesTheDegreeBelowForEveryConstant() {
        LowerBound.Refutation r = ADJACENCY.refutes(3, BigInteger.valueOf(2241), 4096);
        assertTrue(r.everyC());
        assertEquals(new Poly.Term(2, 1, 0), r.leading());
        assertEquals(Optional.of(269), r.atL());
        assertTrue(r.text(3).startsWith("degree 2 refuted for every C'"), r.text(3));
    }

    /**
     * The same gates say nothing against n^3: their leading n^2 L does not outgrow every C' n^3, and for C' = 2241
     * the search finds no n (8 L + 96 <= 2241 n at every n = 2^L >= 4).
     */
    @Test
    void theyDoNotRefuteTheDegreeProved() {
        LowerBound.Refutation r = ADJACENCY.refutes(4, BigInteger.valueOf(2241), 64);
        assertFalse(r.everyC());
        assertEquals(Optional.empty(), r.atL());
        assertTrue(r.text(4).startsWith("degree 3 not refuted from below"), r.text(4));
    }

    /** A leading n^2 with no log factor does not outgrow every C' n^2 (96 n^2 is within 96 n^2): degree 2 stands. */
    @Test
    void aConstantTimesTheDegreeBelowRefutesNothing() {
        LowerBound lb = new LowerBound(List.of(new LowerBound.Term(0, "matmul", new Poly(Map.of(new Poly.Term(2, 0, 0), BigInteger.valueOf(96)), BigInteger.ONE), "ANDs")), List.of());
        LowerBound.Refutation r = lb.refutes(3, BigInteger.valueOf(96), 64);
        assertFalse(r.everyC(), r.text(3));
        assertEquals(Optional.empty(), r.atL());
    }

    /** A leading term with a negative coefficient refutes nothing: n^3 / 2 - n^3 is no growth. */
    @Test
    void aNegativeLeadingTermRefutesNothing() {
        LowerBound lb = new LowerBound(List.of(new LowerBound.Term(0, "max", new Poly(Map.of(new Poly.Term(3, 0, 0), BigInteger.valueOf(-1),
                new Poly.Term(2, 0, 0), BigInteger.ONE), BigInteger.TWO), "pairs")), List.of());
        assertFalse(lb.refutes(3, BigInteger.ONE, 16).everyC());
    }

    /** At n = 2^L, M is n: n M L is n^2 L. */
    @Test
    void mIsNAtPowersOfTwo() {
        assertEquals(Map.of(new Poly.Term(2, 1, 0), BigInteger.ONE), LowerBound.atPowers(Poly.term(1, 1, 1)).numerators());
    }
}
