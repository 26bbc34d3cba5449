package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc0.compiler.gadgets.Scan;
import tc0.compiler.numerics.FixedFormat;

/**
 * ScanSteps' arithmetic answers equal the gadget's own list of steps ({@link Scan#steps}, every step found by
 * search): steps inside a range, each bit's changes and first change, E itself, on random and boundary ranges.
 * Formats from tiny (every code evaluated) to mamba's at n = 256 (fixed(6, 16): smooth stretches of 10^4 codes and more).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScanStepsTest {
    @ParameterizedTest(name = "fz {0}.{1} fe {2}.{3} len {4}")
    @CsvSource({"3, 2, 3, 2, 4", "2, 2, 4, 3, 3", "1, 3, 2, 1, 5", "6, 10, 6, 10, 2", "6, 10, 6, 12, 3", "6, 12, 6, 10, 1",
                "4, 14, 6, 14, 2", "6, 16, 6, 16, 1", "3, 16, 5, 17, 1"})
    void arithmeticEqualsTheListedSteps(int iz, int frz, int ie, int fre, int len) {
        FixedFormat fz = FixedFormat.of(iz, frz), fe = FixedFormat.of(ie, fre);
        Scan.Steps list = Scan.steps(fz, len, fe);
        ScanSteps st = ScanSteps.of(fz, len, fe);
        long lo = len * fz.minCode(), hi = len * fz.maxCode();
        Random r = new Random(frz * 31L + fre);
        long[] interesting = interesting(list, lo, hi);
        long[] v = list.values();
        int[][] prefix = new int[fe.width()][v.length]; // prefix[k][i]: changes of bit k over steps 1..i
        for (int k = 0; k < fe.width(); k++) {
            for (int i = 1; i < v.length; i++) prefix[k][i] = prefix[k][i - 1] + (int) ((v[i] ^ v[i - 1]) >>> k & 1);
        }
        for (int trial = 0; trial < 400; trial++) {
            long a, b;
            if (trial < 100) { // ends at or next to a break
                a = interesting[r.nextInt(interesting.length)];
                b = interesting[r.nextInt(interesting.length)];
            } else {
                a = lo + Math.floorMod(r.nextLong(), hi - lo + 1);
                b = lo + Math.floorMod(r.nextLong(), hi - lo + 1);
            }
            if (trial == 0) { a = lo; b = hi; }
            if (a > b) { long x = a; a = b; b = x; }
            int from = stepOf(list, a), to = stepOf(list, b);
            String what = "(" + a + ", " + b + "]";
            assertEquals(to - from, st.steps(a, b), "steps in " + what);
            assertEquals(list.values()[from], st.e(a), "E(" + a + ")");
            assertEquals(list.values()[to], st.e(b), "E(" + b + ")");
            for (int k = 0; k < fe.width(); k++) {
                int changes = prefix[k][to] - prefix[k][from];
                assertEquals(changes, st.changes(k, a, b), "changes of bit " + k + " in " + what);
                if (changes > 0 && changes < 3) {
                    int first = from + 1;
                    while (prefix[k][first] == prefix[k][from]) first++;
                    assertEquals(list.breaks()[first], st.firstChange(k, a, b), "first change of bit " + k + " in " + what);
                }
            }
        }
    }

    /** The ends of the range and the codes at and beside some breaks. */
    private static long[] interesting(Scan.Steps list, long lo, long hi) {
        long[] br = list.breaks();
        int step = Math.max(1, br.length / 40);
        long[] x = new long[2 + 3 * ((br.length + step - 1) / step)];
        int k = 0;
        x[k++] = lo;
        x[k++] = hi;
        for (int i = 0; i < br.length; i += step) {
            x[k++] = br[i];
            x[k++] = Math.max(lo, br[i] - 1);
            x[k++] = Math.min(hi, br[i] + 1);
        }
        return Arrays.copyOf(x, k);
    }

    /** The step holding s: the last break at or below it. */
    private static int stepOf(Scan.Steps list, long s) {
        int i = Arrays.binarySearch(list.breaks(), s);
        return i >= 0 ? i : -i - 2;
    }
}
