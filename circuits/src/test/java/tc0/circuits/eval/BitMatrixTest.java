package tc0.circuits.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BitMatrixTest {

    @Test
    void randomBitsDependOnlyOnTheSeedAndLeaveTheTailZero() {
        BitMatrix a = BitMatrix.random(3, 100, 42), b = BitMatrix.random(3, 100, 42);
        assertEquals(a, b);
        assertNotEquals(a, BitMatrix.random(3, 100, 43));
        for (int r = 0; r < 3; r++) assertEquals(0, a.word(r, 1) >>> 36, "bits past pattern 99");
    }

    @Test
    void patternsRoundTripThroughBooleanRows() {
        boolean[][] p = {{true, false, true}, {false, false, true}, {true, true, false}};
        BitMatrix m = BitMatrix.fromPatterns(3, p);
        assertArrayEquals(p, m.toPatterns());
        assertEquals(true, m.get(2, 0));
        assertEquals(false, m.get(2, 2));
    }

    @Test
    void theHashIsPinnedSoItStaysStableAcrossReleases() {
        BitMatrix m = new BitMatrix(2, 70);
        m.set(0, 0, true);
        m.set(1, 69, true);
        assertEquals("60e18438a3736f85a4a40e68fd6ee157918eeeef23b38fa9fdd06f44f31f2035", m.sha256());
    }

    @Test
    void theHashSeesEveryBitAndTheShape() {
        BitMatrix m = BitMatrix.random(5, 200, 1);
        String h = m.sha256();
        m.set(4, 199, !m.get(4, 199));
        assertNotEquals(h, m.sha256());
        assertNotEquals(new BitMatrix(1, 64).sha256(), new BitMatrix(2, 32).sha256());
    }

    @Test
    void setWordClearsBitsPastTheLastPattern() {
        BitMatrix m = new BitMatrix(1, 65);
        m.setWord(0, 1, -1L);
        assertEquals(1L, m.word(0, 1));
        assertEquals(m, BitMatrix.fromPatterns(1, onlyLastOf65()));
    }

    private static boolean[][] onlyLastOf65() {
        boolean[][] p = new boolean[65][1];
        p[64][0] = true;
        return p;
    }

    @Test
    void firstPatternsCopiesAPrefix() {
        BitMatrix m = BitMatrix.random(2, 130, 5);
        BitMatrix head = m.firstPatterns(66);
        assertEquals(66, head.patterns());
        for (int p = 0; p < 66; p++) assertEquals(m.get(1, p), head.get(1, p));
        assertEquals(0, head.word(1, 1) >>> 2);
        assertFalse(head.equals(m));
    }

    @Test
    void bitsOutsideTheMatrixAreRejected() {
        BitMatrix m = new BitMatrix(2, 10);
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.set(0, 10, true));
        assertThrows(IllegalArgumentException.class, () -> new BitMatrix(-1, 3));
    }
}
