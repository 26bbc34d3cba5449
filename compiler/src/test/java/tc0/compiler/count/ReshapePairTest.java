package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A reshape merging two grouped axes holds them as a {@link PairAxis} (var's decoder: {@code [h, w, c] -> [h w, c]},
 * 2^40 positions at n = 2^20), and splitting that axis back into the same lengths gives the two axes again: every
 * element's class as the listed reshape gives it, and the round trip the map it started from.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReshapePairTest {
    private static final ElemClass[] CLASSES = {ElemClass.constant(0, 4), ElemClass.constant(5, 4), ElemClass.fresh(4, 1), ElemClass.fresh(4, 2)};

    @Test
    void mergedAxesArePairedAndSplitBackIntoThemselves() {
        Random rnd = new Random(99);
        long[][] shapes = {{5, 7, 3}, {9, 4, 2}, {6, 6, 1}, {3, 8}};
        for (long[] from : shapes) {
            for (int trial = 0; trial < 25; trial++) {
                ClassMap m = randomMap(rnd, from);
                long[] merged = from.length == 3 ? new long[] {from[0] * from[1], from[2]} : new long[] {from[0] * from[1]};
                ClassMap paired = m.reshape(merged, 1 << 20, 0), listed = m.reshape(merged, 1 << 20, Long.MAX_VALUE);
                boolean bothGrouped = m.groups(0) > 1 && m.groups(1) > 1;
                if (bothGrouped) assertNotNull(paired.pairAxis(0), "two grouped axes merged: a pair axis");
                else assertNull(paired.pairAxis(0));
                assertNull(listed.pairAxis(0));
                assertSameElements(listed, paired, merged);
                ClassMap back = paired.reshape(from, 1 << 20, 0);
                assertNull(back.pairAxis(0));
                assertSameElements(m, back, from);
                assertEquals(m.groups(0), back.groups(0));
                assertEquals(m.groups(1), back.groups(1));
            }
        }
    }

    /** A pair axis in a block that is not its two factors (here merged with the next axis) is listed, as before. */
    @Test
    void anyOtherReshapeOfAPairAxisListsIt() {
        Random rnd = new Random(3);
        long[] from = {4, 5, 3};
        for (int trial = 0; trial < 25; trial++) {
            ClassMap m = randomMap(rnd, from);
            ClassMap paired = m.reshape(new long[] {20, 3}, 1 << 20, 0);
            ClassMap flat = paired.reshape(new long[] {60}, 1 << 20, 0);
            assertSameElements(m.reshape(new long[] {60}, 1 << 20, Long.MAX_VALUE), flat, new long[] {60});
            ClassMap other = paired.reshape(new long[] {2, 10, 3}, 1 << 20, 0);
            assertSameElements(m.reshape(new long[] {2, 10, 3}, 1 << 20, Long.MAX_VALUE), other, new long[] {2, 10, 3});
        }
    }

    private static ClassMap randomMap(Random rnd, long[] from) {
        int[][] ids = new int[from.length][];
        int[] groups = new int[from.length];
        int combos = 1;
        for (int a = 0; a < from.length; a++) {
            groups[a] = 1 + rnd.nextInt(3);
            ids[a] = new int[(int) from[a]];
            for (int i = 0; i < from[a]; i++) ids[a][i] = rnd.nextInt(groups[a]);
            combos *= groups[a];
        }
        int[] table = new int[combos];
        for (int t = 0; t < combos; t++) table[t] = CLASSES[rnd.nextInt(CLASSES.length)].id;
        return ClassMap.of(from, ids, groups, table);
    }

    private static void assertSameElements(ClassMap expected, ClassMap actual, long[] shape) {
        long size = 1;
        for (long d : shape) size *= d;
        long[] ix = new long[shape.length];
        for (long f = 0; f < size; f++) {
            long rest = f;
            for (int a = shape.length - 1; a >= 0; a--) { ix[a] = rest % shape[a]; rest /= shape[a]; }
            assertEquals(expected.element(ix), actual.element(ix), "element " + f);
        }
        // positions per class, through the groups' counts (what the count multiplies by)
        java.util.Map<Integer, Long> e = perClass(expected), a = perClass(actual);
        assertEquals(e, a);
    }

    private static java.util.Map<Integer, Long> perClass(ClassMap m) {
        java.util.Map<Integer, Long> per = new java.util.TreeMap<>();
        for (int t = 0; t < m.combos(); t++) {
            int[] g = m.combo(t);
            long k = m.multiplicity(g);
            if (k > 0) per.merge(m.at(g).id, k, Long::sum);
        }
        return per;
    }
}
