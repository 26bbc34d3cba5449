package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.gadgets.LayerNorm;
import tc0.compiler.numerics.FixedFormat;

/**
 * Layer norm with its wide sums counted on column shapes ({@link LayerNormWide}) against {@code LayerNorm.build}
 * on a Tape, at widths the builder holds: the same gates per level, wires, outputs and slots read. Rows whose
 * classes the shapes do not model (a node twice with both signs or past a long, a dead comparator) are refused,
 * never miscounted (most random rows with repeated and constant bits); rows of distinct bits count (m >= 2).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LayerNormWideTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void rowsCountAsBuilt(int m) {
        FixedFormat[][] formats = {
            {FixedFormat.of(3, 3), FixedFormat.of(3, 3), FixedFormat.of(3, 3)},
            {FixedFormat.of(4, 5), FixedFormat.of(4, 5), FixedFormat.of(4, 5)},
            {FixedFormat.of(4, 6), FixedFormat.of(3, 8), FixedFormat.of(5, 4)},
        };
        Random r = new Random(m);
        int modelled = 0, tried = 0;
        for (FixedFormat[] f : formats) {
            FixedFormat fx = f[0], fr = f[1], out = f[2], feps = fx;
            for (int t = 0; t < 10; t++) {
                ElemClass[] line = new ElemClass[m];
                for (int i = 0; i < m; i++) line[i] = t == 0 ? ElemClass.fresh(fx.width(), 2 + i) : ClassSamples.random(r, fx.width());
                long eps = t % 3;
                String what = "m = " + m + ", " + fx + " rho " + fr + " out " + out + ", eps " + eps + ", " + java.util.Arrays.toString(line);
                Instance.Result run = Instance.run((net, xs) -> LayerNorm.build(net, xs, fx, eps, feps, fr, out, 2), line, Instance.distinct(m));
                Profile side = new Profile();
                Instance.Result counted;
                tried++;
                try {
                    counted = Instance.run(LayerNormWide.gadget(fx, eps, feps, fr, out, 2, side), line, Instance.distinct(m));
                } catch (SumForm.Unmodelled u) {
                    assertTrue(t != 0 || m == 1, "a fresh row is modelled: " + what + ": " + u.getMessage());
                    continue;
                }
                modelled++;
                counted.profile().add(side, 1);
                ClassSamples.assertSameProfile(run.profile(), counted.profile(), what);
                assertArrayEquals(run.out(), counted.out(), what);
                assertArrayEquals(run.usedSlots(), counted.usedSlots(), what);
            }
        }
        assertTrue(m == 1 || modelled >= formats.length, modelled + " of " + tried + " rows modelled");
    }

    /** A layer norm of 32- and 34-bit words (n = 2^20's) counts, where the Tape overflowed, at the depth of narrower words; not buildable. */
    @org.junit.jupiter.api.Test
    void rowsOfAMillionsWordsCount() {
        CountedCost small = TensorIrToCost.countWide(forCounting(8, 16), 2);
        for (int[] f : new int[][] {{8, 24}, {6, 28}}) {
            CountedCost big = TensorIrToCost.countWide(forCounting(f[0], f[1]), 2);
            String what = java.util.Arrays.toString(f) + ": " + big + " vs " + small;
            org.junit.jupiter.api.Assertions.assertEquals(small.depth(), big.depth(), what);
            assertTrue(big.gates().compareTo(small.gates()) > 0 && big.wide(), what);
        }
    }

    private static tc0.compiler.ir.TensorProgram forCounting(int intBits, int fracBits) {
        String src = "model m() { precision fixed(int: " + intBits + ", frac: " + fracBits + "); input X: [2, 4]; output Y = layernorm(X); }";
        return tc0.compiler.elaborate.Elaborator.elaborate(tc0.dsl.Dsl.check(src, "t.tc0").orElseThrow(), java.util.Map.of(), true);
    }
}
