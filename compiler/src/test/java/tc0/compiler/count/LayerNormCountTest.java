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
}
