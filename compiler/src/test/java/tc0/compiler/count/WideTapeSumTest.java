package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.numerics.FixedFormat;

/**
 * A product's sum counted on its column shape ({@link WideTapeSum}, the route of products past 61 bits) against
 * {@code Multiply.fixed} on a Tape at widths the builder holds, over pairs of fresh words, random classes (repeated
 * and constant bits) and constants: every pair it models counts as built (a positive constant's set bits pass x's
 * bits on several times, one sign each); pairs with a node of both signs in the sum (a negative constant) are
 * refused, and the caller runs the Tape.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideTapeSumTest {
    @Test
    void productsCountAsBuilt() {
        FixedFormat[][] formats = {
            {FixedFormat.of(3, 3), FixedFormat.of(3, 3), FixedFormat.of(3, 3)},
            {FixedFormat.of(4, 5), FixedFormat.of(4, 5), FixedFormat.of(4, 5)},
            {FixedFormat.of(4, 6), FixedFormat.of(3, 8), FixedFormat.of(5, 4)},
            {FixedFormat.of(2, 9), FixedFormat.of(6, 2), FixedFormat.of(4, 12)},
        };
        Random r = new Random(18);
        int modelled = 0, fresh = 0, positive = 0, tried = 0;
        for (FixedFormat[] f : formats) {
            FixedFormat fx = f[0], fy = f[1], out = f[2];
            for (int t = 0; t < 60; t++) {
                ElemClass x = t % 3 == 0 ? ElemClass.fresh(fx.width(), 2) : ClassSamples.random(r, fx.width());
                ElemClass y = t % 2 == 0 ? ElemClass.constant(fy.minCode() + (long) (r.nextDouble() * fy.size()), fy.width())
                        : t % 3 == 0 ? ElemClass.fresh(fy.width(), 3) : ClassSamples.random(r, fy.width());
                ElemClass[] in = {x, y};
                int[] identity = {0, 1};
                String what = fx + " x " + fy + " -> " + out + ": " + x + " * " + y;
                Instance.Result run = Instance.run((net, xs) -> new int[][] {Multiply.fixed(net, xs[0], fx, xs[1], fy, out, 2)}, in, identity);
                Profile side = new Profile();
                Instance.Result counted;
                tried++;
                try {
                    counted = Instance.run((net, xs) -> new int[][] {new WideTapeSum().addProduct((Tape) net, xs[0], xs[1])
                            .toFormat((Tape) net, fx.fracBits() + fy.fracBits(), out, 2, side)}, in, identity);
                } catch (SumForm.Unmodelled u) {
                    continue;
                }
                modelled++;
                if (t % 6 == 3) fresh++;
                if (y.isConstant() && y.code() > 0) positive++;
                counted.profile().add(side, 1);
                ClassSamples.assertSameProfile(run.profile(), counted.profile(), what);
                assertArrayEquals(run.usedSlots(), counted.usedSlots(), what);
            }
        }
        assertTrue(fresh == 10 * formats.length && positive > 30, modelled + " of " + tried + " products modelled, " + fresh + " of two fresh words, "
                + positive + " by positive constants");
    }
}
