package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.numerics.FixedFormat;

/**
 * A product's sum counted by {@link WideTapeSum} (the route of products past 61 bits: on its column shape where the
 * shape models it, else made gate by gate over exact integers) against {@code Multiply.fixed} on a Tape at widths the
 * builder holds, over pairs of fresh words, random classes (repeated and constant bits) and constants of either sign
 * (a negative constant puts each bit of x in the sum as itself and as its negation): every pair counts as built, and a
 * product by a constant moved up past 61 bits counts as the product itself.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideTapeSumTest {
    private static Instance.Result counted(ElemClass[] in, FixedFormat fx, FixedFormat fy, FixedFormat out) {
        Profile side = new Profile();
        Instance.Result r = Instance.run((net, xs) -> new int[][] {new WideTapeSum().addProduct((Tape) net, xs[0], xs[1])
                .toFormat((Tape) net, fx.fracBits() + fy.fracBits(), out, 2, side)}, in, new int[] {0, 1});
        r.profile().add(side, 1);
        return r;
    }

    private static Instance.Result built(ElemClass[] in, FixedFormat fx, FixedFormat fy, FixedFormat out) {
        return Instance.run((net, xs) -> new int[][] {Multiply.fixed(net, xs[0], fx, xs[1], fy, out, 2)}, in, new int[] {0, 1});
    }

    private static void assertSame(Instance.Result want, Instance.Result got, String what) {
        ClassSamples.assertSameProfile(want.profile(), got.profile(), what);
        assertArrayEquals(want.usedSlots(), got.usedSlots(), what);
        assertArrayEquals(want.out(), got.out(), what);
    }

    @Test
    void productsCountAsBuilt() {
        FixedFormat[][] formats = {
            {FixedFormat.of(3, 3), FixedFormat.of(3, 3), FixedFormat.of(3, 3)},
            {FixedFormat.of(4, 5), FixedFormat.of(4, 5), FixedFormat.of(4, 5)},
            {FixedFormat.of(4, 6), FixedFormat.of(3, 8), FixedFormat.of(5, 4)},
            {FixedFormat.of(2, 9), FixedFormat.of(6, 2), FixedFormat.of(4, 12)},
        };
        Random r = new Random(18);
        int negative = 0, positive = 0;
        for (FixedFormat[] f : formats) {
            FixedFormat fx = f[0], fy = f[1], out = f[2];
            for (int t = 0; t < 60; t++) {
                ElemClass x = t % 3 == 0 ? ElemClass.fresh(fx.width(), 2) : ClassSamples.random(r, fx.width());
                ElemClass y = t % 2 == 0 ? ElemClass.constant(fy.minCode() + (long) (r.nextDouble() * fy.size()), fy.width())
                        : t % 3 == 0 ? ElemClass.fresh(fy.width(), 3) : ClassSamples.random(r, fy.width());
                ElemClass[] in = {x, y};
                assertSame(built(in, fx, fy, out), counted(in, fx, fy, out), fx + " x " + fy + " -> " + out + ": " + x + " * " + y);
                if (y.isConstant() && y.code() < 0) negative++;
                if (y.isConstant() && y.code() > 0) positive++;
            }
        }
        assertTrue(negative > 30 && positive > 30, negative + " products by negative constants, " + positive + " by positive ones");
    }

    @Test
    void aProductByAConstantMovedPast61BitsCountsAsTheProductItself() {
        // x * c at fx, fy counts as x * (c 2^s) with s more fraction bits on y: every weight and the rounding moved up s columns.
        Random r = new Random(34);
        FixedFormat fx = FixedFormat.of(6, 14), fy = FixedFormat.of(6, 14), out = FixedFormat.of(6, 14);
        int past = 0;
        for (int t = 0; t < 40; t++) {
            ElemClass x = t % 2 == 0 ? ElemClass.fresh(fx.width(), 1) : ClassSamples.random(r, fx.width());
            long c = fy.minCode() + (long) (r.nextDouble() * fy.size());
            int s = 28 + r.nextInt(14); // shift + width = 34 + s: past 61 bits
            FixedFormat up = FixedFormat.of(6, 14 + s);
            Instance.Result want = built(new ElemClass[] {x, ElemClass.constant(c, fy.width())}, fx, fy, out);
            Instance.Result got = counted(new ElemClass[] {x, ElemClass.constant(c << s, up.width())}, fx, up, out);
            String what = x + " * " + c + " moved up by " + s;
            assertEquals(want.profile().cost().gates(), got.profile().cost().gates(), what);
            assertEquals(want.profile().cost().wires(), got.profile().cost().wires(), what);
            for (int l = 1; l <= want.profile().depth(); l++) assertEquals(want.profile().at(l), got.profile().at(l), what + " level " + l);
            assertEquals(want.profile().depth(), got.profile().depth(), what);
            assertArrayEquals(want.usedSlots(), got.usedSlots(), what);
            assertArrayEquals(want.out(), got.out(), what);
            if (got.profile().wide()) past++;
        }
        assertTrue(past == 40, past + " of 40 moved past what the builder builds");
    }
}
