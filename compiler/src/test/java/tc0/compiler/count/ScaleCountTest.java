package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.FixedFormat;

/** A constant factor's sum counted in closed form ({@link ScaleCount}) against the gadget run on a Tape, and past 61 bits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScaleCountTest {
    private static Instance.Result run(ElemClass x, long coeff, int frac, FixedFormat out, int rounds) {
        return Instance.run((net, in) -> new int[][] {WeightedSum.toFormat(net, new LinearForm().addWord(in[0], coeff), frac, out, rounds)},
                new ElemClass[] {x}, Instance.distinct(1));
    }

    /** Same gates per level, wires, width, output class and slots read (the wide mark apart). */
    private static void assertSame(Instance.Result want, Instance.Result got, String what) {
        CountedCost a = want.profile().cost(), b = got.profile().cost();
        assertEquals(List.of(a.depth(), a.gates(), a.wires(), a.width()), List.of(b.depth(), b.gates(), b.wires(), b.width()), what);
        for (int l = 1; l <= a.depth(); l++) assertEquals(want.profile().at(l), got.profile().at(l), what + " level " + l);
        assertEquals(want.out()[0], got.out()[0], what);
        assertArrayEquals(want.usedSlots(), got.usedSlots(), what);
    }

    @Test
    void equalsTheGadgetAtWidthsTheBuilderBuilds() {
        Random r = new Random(7);
        int closed = 0, total = 400;
        for (int t = 0; t < total; t++) {
            int w = 2 + r.nextInt(10), rounds = 1 + r.nextInt(3);
            ElemClass x = ClassSamples.random(r, w);
            long coeff = (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(1 << (1 + r.nextInt(14))));
            FixedFormat out = FixedFormat.of(2 + r.nextInt(5), r.nextInt(6));
            int frac = r.nextInt(12);
            Instance.Result c;
            try {
                c = ScaleCount.closed(x, coeff, frac, out, rounds);
            } catch (SumForm.Unmodelled u) {
                continue; // a slot twice in the word, or a sum the closed form does not claim
            }
            closed++;
            assertSame(run(x, coeff, frac, out, rounds), c, "scale " + t + ": " + coeff + " x " + x + " to " + out);
        }
        assertTrue(closed > total / 3, "closed form applied to only " + closed + " of " + total);
    }

    /**
     * A 32-bit word at 24 fraction bits times a coefficient at 32 fraction bits (n = 2^20's constant factors): a
     * 64-bit sum, past the builder. With the coefficient {@code c 2^8} it is the sum of {@code c x} at 8 fraction
     * bits fewer moved up 8 columns, a 56-bit sum the builder builds: the counts agree, the wide one is marked.
     */
    @Test
    void aSixtyFourBitScaleCountsAsItsNarrowTwin() {
        Random r = new Random(20);
        FixedFormat fx = FixedFormat.of(8, 24);
        int[] bits = new int[32], levels = new int[32];
        for (int k = 0; k < 32; k++) { bits[k] = k << 1; levels[k] = r.nextInt(3); }
        ElemClass x = ElemClass.of(bits, levels);
        for (long c : new long[] {1, 3, -5, 0x2d5a_1b3fL, -0x7fff_ffffL}) {
            int frac = fx.fracBits() + 32;
            assertTrue(ScaleCount.beyondBuilder(32, c << 8, frac, fx));
            assertFalse(ScaleCount.beyondBuilder(32, c, frac - 8, fx));
            Instance.Result wide = ScaleCount.closed(x, c << 8, frac, fx, 2);
            Instance.Result narrow = run(x, c, frac - 8, fx, 2);
            assertSame(narrow, wide, "coefficient " + c);
            assertTrue(wide.profile().wide());
            assertFalse(narrow.profile().wide());
        }
    }
}
