package tc0.proofs.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fitting recovers a known formula from its values at powers of two, and refuses values no small formula has. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FitTest {
    /** (3 n^2 L + 5 n - 8) / 2 at n = 4 ... 4096 (an integer: n is even): written out by hand, not through Formula. */
    static SortedMap<Long, BigInteger> known() {
        SortedMap<Long, BigInteger> m = new TreeMap<>();
        for (int l = 2; l <= 12; l++) {
            long n = 1L << l;
            m.put(n, BigInteger.valueOf(3 * n * n * l + 5 * n - 8).divide(BigInteger.TWO));
        }
        return m;
    }

    @Test
    void recoversAFormulaFromPowersOfTwo() {
        Fit.Result r = Fit.search(known(), 4, 3, 2).orElseThrow();
        assertEquals("(3 n^2 L + 5 n - 8) / 2", r.formula().text());
        assertEquals(6, r.fittedOn().size(), "basis n^a L^b, a <= 2, b <= 1: six terms, six points");
        assertEquals(List.of(256L, 512L, 1024L, 2048L, 4096L), r.confirmedOn());
    }

    @Test
    void aCountOffByOneIsNotFitted() {
        SortedMap<Long, BigInteger> m = known();
        m.put(4096L, m.get(4096L).add(BigInteger.ONE));
        Fit.Result r = Fit.search(m, 2, 1, 2).orElse(null);
        assertTrue(r == null, "no formula with a <= 2, b <= 1 takes the altered value: " + (r == null ? "" : r.formula().text()));
    }

    @Test
    void evaluatesWithTheCeilingOfLog2() {
        Formula f = new Formula(Map.of(new Monomial(1, 1), BigInteger.ONE), BigInteger.ONE); // n L
        assertEquals(BigInteger.valueOf(5 * 3), f.at(5)); // ceil(log2 5) = 3
        assertEquals(BigInteger.valueOf(8 * 3), f.at(8));
        assertEquals(BigInteger.valueOf(9 * 4), f.at(9));
    }
}
