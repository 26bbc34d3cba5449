package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc0.compiler.gadgets.Scan;
import tc0.compiler.numerics.FixedFormat;

/** The closed count of one scan line equals the gadget run on a Tape: per-level profile, output classes, slots read. */
class ScanLineTest {
    @ParameterizedTest(name = "fz {0}.{1} fb {2}.{3} fe {4}.{5} out {6}.{7}")
    @CsvSource({"3, 2, 3, 2, 3, 2, 4, 3", "2, 2, 3, 1, 4, 3, 3, 2", "4, 1, 2, 3, 3, 3, 5, 4", "1, 3, 3, 2, 2, 1, 4, 2"})
    void randomLines(int iz, int frz, int ib, int frb, int ie, int fre, int io, int fro) {
        FixedFormat fz = FixedFormat.of(iz, frz), fb = FixedFormat.of(ib, frb), fe = FixedFormat.of(ie, fre), out = FixedFormat.of(io, fro);
        Random r = new Random(iz * 1000 + frz * 100 + fre);
        int modelled = 0, tried = 0;
        for (int n : new int[] {1, 2, 3, 5, 8}) {
            for (int trial = 0; trial < 24; trial++) {
                ElemClass[] z = new ElemClass[n], b = new ElemClass[n];
                // 0-3: every row of one class; 4-6: row 0 of its own (as in a second mamba layer); then anything
                boolean uniform = trial < 7;
                ElemClass z0 = trial == 0 ? ElemClass.fresh(fz.width(), 0) : ClassSamples.random(r, fz.width());
                ElemClass b0 = trial == 0 ? ElemClass.fresh(fb.width(), 1) : ClassSamples.random(r, fb.width());
                for (int i = 0; i < n; i++) {
                    boolean own = !uniform || trial >= 4 && i == 0;
                    z[i] = own ? ClassSamples.random(r, fz.width()) : z0;
                    b[i] = own ? ClassSamples.random(r, fb.width()) : b0;
                }
                tried++;
                if (check(z, b, fz, fb, fe, out)) modelled++;
            }
        }
        assertEquals(tried, modelled, "lines counted without the whole gadget");
    }

    /** Whether the closed count applies; where it does, it must agree with the gadget. */
    static boolean check(ElemClass[] z, ElemClass[] b, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out) {
        int n = z.length;
        ElemClass[] in = new ElemClass[2 * n];
        System.arraycopy(z, 0, in, 0, n);
        System.arraycopy(b, 0, in, n, n);
        Instance.Result run = Instance.run((net, w) -> Scan.build(net, Arrays.copyOfRange(w, 0, n), fz, Arrays.copyOfRange(w, n, 2 * n), fb, fe, out, 2),
                in, Instance.distinct(2 * n));
        Instance.Result closed;
        try {
            closed = ScanLine.count(z, b, fz, fb, fe, out, 2);
        } catch (SumForm.Unmodelled u) {
            return false;
        }
        String what = "z " + Arrays.toString(z) + " b " + Arrays.toString(b);
        ClassSamples.assertSameProfile(run.profile(), closed.profile(), what);
        assertArrayEquals(run.out(), closed.out(), what);
        assertArrayEquals(run.usedSlots(), closed.usedSlots(), what);
        return true;
    }
}
