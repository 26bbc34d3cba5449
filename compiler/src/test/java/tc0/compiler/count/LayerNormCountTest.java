package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.compiler.gadgets.LayerNorm;
import tc0.compiler.numerics.FixedFormat;

/** Layer norm with its scale counted in closed form against {@code LayerNorm.build} on a Tape. */
class LayerNormCountTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void rowsOfFreshAndRandomClasses(int m) {
        FixedFormat fx = FixedFormat.of(3, 3), feps = FixedFormat.of(3, 3), fr = FixedFormat.of(3, 3), out = FixedFormat.of(3, 3);
        Random r = new Random(m);
        for (int t = 0; t < 12; t++) {
            ElemClass[] line = new ElemClass[m];
            for (int i = 0; i < m; i++) line[i] = t == 0 ? ElemClass.fresh(fx.width(), 2) : ClassSamples.random(r, fx.width());
            long eps = t % 3;
            Instance.Result run = Instance.run((net, xs) -> LayerNorm.build(net, xs, fx, eps, feps, fr, out, 2), line, Instance.distinct(m));
            Profile side = new Profile();
            Instance.Result counted = Instance.run(LayerNormCount.gadget(fx, eps, feps, fr, out, 2, side), line, Instance.distinct(m));
            counted.profile().add(side, 1);
            String what = "m = " + m + ", eps " + eps + ", " + java.util.Arrays.toString(line);
            ClassSamples.assertSameProfile(run.profile(), counted.profile(), what);
            assertArrayEquals(run.out(), counted.out(), what);
            assertArrayEquals(run.usedSlots(), counted.usedSlots(), what);
        }
    }

    /** The scale's steps as first defined: every t from the top value down, a step where rho first drops below t. */
    private static long[][] stepsByEveryT(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        java.math.BigInteger maxQ = tc0.compiler.numerics.Fixed.layerNormMaxQ(m, fx);
        long top = tc0.compiler.numerics.Fixed.layerNormScale(java.math.BigInteger.ZERO, m, fx, eps, feps, fr);
        long bottom = tc0.compiler.numerics.Fixed.layerNormScale(maxQ, m, fx, eps, feps, fr);
        java.util.List<Long> b = new java.util.ArrayList<>(java.util.List.of(0L)), v = new java.util.ArrayList<>(java.util.List.of(top));
        for (long t = top; t > bottom; t--) {
            long a = tc0.compiler.numerics.Fixed.layerNormScaleLimit(t, m, fx, eps, feps, fr).add(java.math.BigInteger.ONE).longValueExact();
            if (a > b.get(b.size() - 1)) { b.add(a); v.add(tc0.compiler.numerics.Fixed.layerNormScale(java.math.BigInteger.valueOf(a), m, fx, eps, feps, fr)); }
        }
        return new long[][] {b.stream().mapToLong(Long::longValue).toArray(), v.stream().mapToLong(Long::longValue).toArray()};
    }

    @org.junit.jupiter.api.Test
    void theScaleStepsJumpStraightToTheNextValue() {
        FixedFormat[] fs = {FixedFormat.of(3, 3), FixedFormat.of(4, 6), FixedFormat.of(8, 6)};
        for (FixedFormat f : fs) {
            for (int m = 1; m <= 5; m++) {
                for (long eps : new long[] {0, 1, 5}) {
                    long[][] want = stepsByEveryT(m, f, eps, f, f), got = LayerNorm.scaleSteps(m, f, eps, f, f);
                    assertArrayEquals(want[0], got[0], f + " m=" + m + " eps=" + eps);
                    assertArrayEquals(want[1], got[1], f + " m=" + m + " eps=" + eps);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void scaleStepsWithAFallingTailAreTheGadgetsSteps() {
        Random r = new Random(4);
        FixedFormat[] fs = {FixedFormat.of(3, 3), FixedFormat.of(4, 6), FixedFormat.of(8, 6), FixedFormat.of(8, 9)};
        long tails = 0;
        for (FixedFormat f : fs) {
            for (int m = 1; m <= 5; m++) {
                for (long eps : new long[] {0, 1, 5}) {
                    ScaleSteps sc = ScaleSteps.of(m, f, eps, f, f);
                    tails += sc.tail;
                    long[][] want = LayerNorm.scaleSteps(m, f, eps, f, f), got = sc.explicit();
                    String what = f + " m=" + m + " eps=" + eps;
                    assertArrayEquals(want[0], got[0], what);
                    assertArrayEquals(want[1], got[1], what);
                    org.junit.jupiter.api.Assertions.assertTrue(TableStats.of(want[1], f.width() - 1).sameAs(sc.stats(f.width() - 1)), what);
                    long maxQ = want[0][want[0].length - 1] * 2 + 3;
                    for (int k = 0; k < 200; k++) {
                        long q = k < 20 ? k - 2 : (long) (r.nextDouble() * maxQ);
                        int idx = 0;
                        for (int i = 1; i < want[0].length; i++) if (want[0][i] <= q) idx = i;
                        org.junit.jupiter.api.Assertions.assertEquals(idx, sc.indexOf(q), what + " q=" + q);
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(tails > 1000, "falling tails " + tails);
    }
}
