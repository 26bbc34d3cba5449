package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A copied shape counts as the shape built afresh with the same calls, and the copy leaves the original as it was. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SumShapeCopyTest {
    @Test
    void aCopyWithMoreAddedCountsAsTheWholeBuiltAfresh() {
        Random r = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            long seed = r.nextLong();
            int cols = 1 + r.nextInt(6), rounds = r.nextInt(4), width = 2 + r.nextInt(10), shift = r.nextInt(4);
            boolean wideCommon = trial % 4 == 0, wideMore = trial % 3 == 0;
            Consumer<SumShape> common = s -> terms(s, new Random(seed), cols, wideCommon);
            Consumer<SumShape> more = s -> terms(s, new Random(seed + 1), cols, wideMore);
            SumShape base = new SumShape();
            common.accept(base);
            SumShape copy = base.copy(), fresh = new SumShape(), original = new SumShape();
            more.accept(copy);
            common.accept(fresh);
            more.accept(fresh);
            common.accept(original);
            String what = "trial " + trial;
            same(WeightedSum.closedSum(fresh, shift, width, true, rounds), WeightedSum.closedSum(copy, shift, width, true, rounds), what);
            same(WeightedSum.closedSum(original, shift, width, true, rounds), WeightedSum.closedSum(base, shift, width, true, rounds), what + " (original)");
        }
    }

    @Test
    void aShapeWithIdentifiedLiteralsIsNotCopied() {
        SumShape s = new SumShape().add(2, 1, 1).addLiteral(7, 2, 1);
        assertThrows(UnsupportedOperationException.class, s::copy);
    }

    /** Fresh literals, repetitions, wide weights and constants in random columns. */
    private static void terms(SumShape s, Random r, int cols, boolean wide) {
        int k = 1 + r.nextInt(5);
        for (int i = 0; i < k; i++) {
            int c = r.nextInt(cols), lv = 1 + r.nextInt(4);
            long w = (r.nextBoolean() ? 1 : -1) * (1L << c);
            switch (r.nextInt(wide ? 4 : 3)) {
                case 0 -> s.add(1 + r.nextInt(40), w, lv);
                case 1 -> s.addRepeated(new long[] {w, w}, new int[] {lv, lv + 1}, new long[] {1 + r.nextInt(3), 1 + r.nextInt(3)}, 1 + r.nextInt(500));
                case 2 -> s.addConstant(r.nextInt(50) - 25);
                default -> s.addShifted(2 + r.nextInt(5), w, 60, lv);
            }
        }
    }

    private static void same(ClosedSum want, ClosedSum got, String what) {
        assertArrayEquals(trim(want.gatesPerLevel()), trim(got.gatesPerLevel()), what);
        assertEquals(want.wires(), got.wires(), what);
        assertArrayEquals(want.bitKind(), got.bitKind(), what);
        assertArrayEquals(want.bitLevel(), got.bitLevel(), what);
        assertArrayEquals(want.bitNegated(), got.bitNegated(), what);
        assertEquals(want.modelled(), got.modelled(), what);
        assertEquals(want.wide(), got.wide(), what);
    }

    private static long[] trim(long[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1] == 0) n--;
        return java.util.Arrays.copyOf(a, n);
    }
}
