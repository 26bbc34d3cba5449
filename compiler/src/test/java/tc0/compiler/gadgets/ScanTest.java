package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.SelectiveScan;
import tc0.compiler.testing.DirectEval;
import tc0.compiler.testing.GadgetAsserts;

class ScanTest {

    /** Inputs z0..z(n-1), then b0..b(n-1); outputs h0..h(n-1). Cost pinned against the hash-free build. */
    private static Circuit buildChecked(int n, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out, int k) {
        return GadgetAsserts.assertCost(Scan.cost(n, fz, fb, fe, out, k), b -> {
            int[][] z = new int[n][], x = new int[n][];
            for (int i = 0; i < n; i++) z[i] = b.inputBus("z" + i, fz.width());
            for (int i = 0; i < n; i++) x[i] = b.inputBus("b" + i, fb.width());
            int[][] h = Scan.build(Net.of(b), z, fz, x, fb, fe, out, k);
            for (int i = 0; i < n; i++) b.outputBus("h" + i, h[i]);
        });
    }

    private static void check(DirectEval ev, int n, long[] zb, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out) {
        ev.run(zb);
        long[] got = new long[n];
        for (int i = 0; i < n; i++) got[i] = ev.signed("h" + i);
        long[] z = Arrays.copyOfRange(zb, 0, n), b = Arrays.copyOfRange(zb, n, 2 * n);
        assertArrayEquals(SelectiveScan.line(z, fz, b, fb, fe, out), got,
                () -> "z " + Arrays.toString(z) + " b " + Arrays.toString(b) + " " + fz + " " + fb + " " + fe + " " + out);
    }

    private static void exhaustive(int n, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out, int k) {
        if (fz.width() != fb.width()) throw new IllegalArgumentException("forAllWords takes one width");
        DirectEval ev = new DirectEval(buildChecked(n, fz, fb, fe, out, k));
        GadgetAsserts.forAllWords(2 * n, fz.width(), zb -> check(ev, n, zb, fz, fb, fe, out));
    }

    @Test
    void matchesTheNumericsOnEveryLineAtSmallWidths() {
        // 4-bit words, lines of 1 and 2; 3-bit words, lines of 3 (every input: 2^18)
        exhaustive(1, FixedFormat.of(2, 2), FixedFormat.of(2, 2), FixedFormat.of(2, 2), FixedFormat.of(3, 2), 2);
        exhaustive(2, FixedFormat.of(2, 2), FixedFormat.of(2, 2), FixedFormat.of(2, 2), FixedFormat.of(3, 2), 2);
        exhaustive(2, FixedFormat.of(3, 1), FixedFormat.of(1, 3), FixedFormat.of(1, 3), FixedFormat.of(2, 2), 1);
        exhaustive(2, FixedFormat.of(1, 3), FixedFormat.of(3, 1), FixedFormat.of(3, 2), FixedFormat.of(2, 1), 0);
        exhaustive(3, FixedFormat.of(2, 1), FixedFormat.of(2, 1), FixedFormat.of(2, 2), FixedFormat.of(3, 2), 2);
        exhaustive(3, FixedFormat.of(1, 2), FixedFormat.of(3, 0), FixedFormat.of(3, 1), FixedFormat.of(2, 1), 1);
    }

    @Test
    void randomAndEdgeLinesOfSixMatchTheNumerics() {
        FixedFormat fz = FixedFormat.of(4, 4), fb = FixedFormat.of(4, 4), fe = FixedFormat.of(3, 5), out = FixedFormat.of(5, 5);
        int n = 6;
        DirectEval ev = new DirectEval(buildChecked(n, fz, fb, fe, out, 2));
        SplittableRandom r = new SplittableRandom(11);
        long[][] edges = {
            {fz.minCode(), fb.minCode()}, {fz.maxCode(), fb.maxCode()}, {0, fb.maxCode()}, {fz.minCode(), fb.maxCode()},
            {fz.maxCode(), fb.minCode()}, {-1, 1}, {0, 0},
        };
        long[] zb = new long[2 * n];
        for (long[] e : edges) {
            Arrays.fill(zb, 0, n, e[0]);
            Arrays.fill(zb, n, 2 * n, e[1]);
            check(ev, n, zb, fz, fb, fe, out);
        }
        for (int trial = 0; trial < 400; trial++) {
            for (int i = 0; i < n; i++) {
                // a third of the lines with Mamba's small negative log-decays, where E takes many values
                zb[i] = trial % 3 == 0 ? r.nextLong(-24, 1) : r.nextLong(fz.minCode(), fz.maxCode() + 1);
                zb[n + i] = r.nextLong(fb.minCode(), fb.maxCode() + 1);
            }
            check(ev, n, zb, fz, fb, fe, out);
        }
    }

    @Test
    void depthIsTheSameForLinesOfThreeAndSix() {
        FixedFormat f = FixedFormat.of(4, 4);
        for (int k = 0; k <= 2; k++) {
            Cost c3 = Scan.cost(3, f, f, f, f, k), c6 = Scan.cost(6, f, f, f, f, k);
            assertEquals(2 * k + 5, c3.depth(), "k = " + k);
            assertEquals(c3.depth(), c6.depth(), "k = " + k);
            assertTrue(c6.gates() > c3.gates());
        }
    }

    @Test
    void theStepsAreExactlyWhereTheRoundedExpChanges() {
        FixedFormat fz = FixedFormat.of(3, 3), fe = FixedFormat.of(2, 4);
        Scan.Steps all = Scan.steps(fz, 4, fe);
        for (int len = 1; len <= 4; len++) {
            long lo = len * fz.minCode(), hi = len * fz.maxCode();
            Scan.Steps st = all.restrict(lo, hi);
            assertEquals(lo, st.breaks()[0]);
            int i = 0;
            for (long s = lo; s <= hi; s++) {
                while (i + 1 < st.breaks().length && st.breaks()[i + 1] <= s) i++;
                assertEquals(SelectiveScan.exp(s, fz.fracBits(), fe), st.values()[i], "S = " + s + ", L = " + len);
            }
            for (int j = 1; j < st.values().length; j++) {
                assertTrue(st.values()[j] > st.values()[j - 1] && st.breaks()[j] > st.breaks()[j - 1] && st.breaks()[j] <= hi);
            }
        }
        // the breakpoints stop where E saturates: their number does not grow with the line
        assertEquals(Scan.steps(fz, 4, fe).breaks().length, Scan.steps(fz, 64, fe).breaks().length);
    }

    @Test
    void comparatorsCountThePairsTimesTheirBreakpoints() {
        FixedFormat fz = FixedFormat.of(3, 3), fe = FixedFormat.of(2, 4);
        long b = Scan.steps(fz, 1, fe).breaks().length - 1;
        assertEquals(b, Scan.comparators(2, fz, fe));
        // every longer range holds the whole step function once the shorter one does
        long full = Scan.steps(fz, 9, fe).breaks().length - 1;
        assertTrue(Scan.comparators(10, fz, fe) <= 45 * full);
        assertEquals(0, Scan.comparators(1, fz, fe));
    }
}
