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
 * The product routes taken past the builder's longs ({@link PerElement#wideFolding} for a row-Kronecker product's
 * entries, {@link PerElement#wideDot} for a variable matrix product's dots, {@link ScaleCount#onTape} for a scaled
 * word the shape does not model) against the builder's gadgets ({@code Multiply.folding}, {@code Multiply.dot},
 * {@code WeightedSum.toFormat}) on a Tape at widths the builder holds: the same live gates per level, wires, slots
 * read and output classes, for random classes and constants of either sign (zero and powers of two included).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WideProductsTest {
    private static final FixedFormat[][] FORMATS = {
        {FixedFormat.of(3, 3), FixedFormat.of(3, 3), FixedFormat.of(3, 3)},
        {FixedFormat.of(4, 6), FixedFormat.of(3, 8), FixedFormat.of(5, 4)},
        {FixedFormat.of(2, 9), FixedFormat.of(6, 2), FixedFormat.of(4, 12)},
    };

    private static void assertSame(Instance.Result want, Instance.Result got, String what) {
        ClassSamples.assertSameProfile(want.profile(), got.profile(), what);
        assertArrayEquals(want.usedSlots(), got.usedSlots(), what);
        assertArrayEquals(want.out(), got.out(), what);
    }

    private static ElemClass operand(Random r, FixedFormat f, int t) {
        return switch (t % 5) {
            case 0 -> ElemClass.constant(f.minCode() + (long) (r.nextDouble() * f.size()), f.width());
            case 1 -> ElemClass.constant(r.nextInt(3) == 0 ? 0 : 1L << r.nextInt(f.width() - 1), f.width());
            case 2 -> ElemClass.fresh(f.width(), 1 + r.nextInt(3));
            default -> ClassSamples.random(r, f.width());
        };
    }

    @Test
    void kroneckerEntriesCountAsFolded() {
        Random r = new Random(52);
        int sums = 0;
        for (FixedFormat[] f : FORMATS) {
            for (int t = 0; t < 80; t++) {
                ElemClass[] in = {operand(r, f[0], t), operand(r, f[1], t / 5)};
                Instance.Result want = Instance.run((net, w) -> new int[][] {Multiply.folding(net, w[0], f[0], w[1], f[1], f[2], 2)}, in, new int[] {0, 1});
                assertSame(want, PerElement.wideFolding(in, f[0], f[1], f[2], 2), in[0] + " * " + in[1] + " -> " + f[2]);
                if (want.profile().gates() > 0) sums++;
            }
        }
        assertTrue(sums > 150, sums + " of 240 products made a sum");
    }

    @Test
    void dotsCountAsBuilt() {
        Random r = new Random(77);
        for (FixedFormat[] f : FORMATS) {
            for (int t = 0; t < 30; t++) {
                int d = 1 + r.nextInt(4);
                ElemClass[] in = new ElemClass[2 * d];
                for (int k = 0; k < d; k++) { in[k] = operand(r, f[0], 2 + r.nextInt(3)); in[d + k] = operand(r, f[1], r.nextInt(5)); }
                Instance.Result want = Instance.run((net, w) -> new int[][] {Multiply.dot(net, java.util.Arrays.copyOfRange(w, 0, d), f[0],
                        java.util.Arrays.copyOfRange(w, d, 2 * d), f[1], f[2], 2)}, in, Instance.distinct(2 * d));
                assertSame(want, PerElement.wideDot(in, f[0], f[1], f[2], 2), "a dot of " + d + " pairs " + java.util.Arrays.toString(in));
            }
        }
    }

    @Test
    void aClosedDotMovedPastALongCountsAsBuilt() {
        // SumForm.addDot with every partial product's weight times 2^s (past a long: placed by addShifted) and the shift s more
        // counts as the dot itself, built: the columns and the rounding move up s together.
        Random r = new Random(63);
        FixedFormat fx = FixedFormat.of(4, 12), fy = FixedFormat.of(4, 12), out = FixedFormat.of(4, 12);
        int shift = fx.fracBits() + fy.fracBits() - out.fracBits();
        for (int t = 0; t < 30; t++) {
            int d = 1 + r.nextInt(3), s = 40 + r.nextInt(20);
            ElemClass[] in = new ElemClass[2 * d];
            // (a bit passed on by a constant 1 is an identified literal, whose weights are longs: refused, the Tape's route)
            for (int k = 0; k < 2 * d; k++) in[k] = k % d == 0 || r.nextInt(5) > 0 ? ElemClass.fresh(16, 1 + r.nextInt(2)) : ElemClass.constant(0, 16);
            Instance.Result want = Instance.run((net, w) -> new int[][] {Multiply.dot(net, java.util.Arrays.copyOfRange(w, 0, d), fx,
                    java.util.Arrays.copyOfRange(w, d, 2 * d), fy, out, 2)}, in, Instance.distinct(2 * d));
            long[] ux = new long[d], uy = new long[d];
            Instance.Result got = new SumForm().addDot(java.util.Arrays.copyOfRange(in, 0, d), java.util.Arrays.copyOfRange(in, d, 2 * d), 1L << s, ux, uy)
                    .close(shift + s, out.width(), true, 2, new long[2 * d]);
            String what = "a dot of " + d + " pairs moved up by " + s + ": " + java.util.Arrays.toString(in);
            for (int l = 1; l <= want.profile().depth(); l++) assertEquals(want.profile().at(l), got.profile().at(l), what + " level " + l);
            assertEquals(want.profile().cost().wires(), got.profile().cost().wires(), what);
            assertArrayEquals(want.out(), got.out(), what);
            assertTrue(got.profile().wide(), what + ": marked past the builder");
        }
    }

    @Test
    void scaledWordsCountAsBuilt() {
        Random r = new Random(42);
        for (FixedFormat[] f : FORMATS) {
            for (int t = 0; t < 60; t++) {
                ElemClass x = ClassSamples.random(r, f[0].width());
                long c = (r.nextBoolean() ? -1 : 1) * (1 + r.nextLong(1L << 12));
                int frac = f[0].fracBits() + 6;
                Instance.Result want = Instance.run((net, w) -> new int[][] {tc0.compiler.gadgets.WeightedSum.toFormat(net,
                        new tc0.compiler.gadgets.LinearForm().addWord(w[0], c), frac, f[2], 2)}, new ElemClass[] {x}, new int[] {0});
                assertSame(want, ScaleCount.onTape(x, c, frac, f[2], 2), x + " * " + c);
            }
        }
    }
}
