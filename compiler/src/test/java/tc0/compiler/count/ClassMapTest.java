package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassMapTest {
    private static final ElemClass[] CLASSES = {ElemClass.constant(0, 4), ElemClass.constant(5, 4), ElemClass.fresh(4, 1)};

    /** Each reshape keeps every element's class in row-major order, whatever blocks it merges or splits. */
    @Test
    void reshapeKeepsEveryElementsClassInRowMajorOrder() {
        long[][][] cases = {
            {{4, 4, 2}, {16, 2}}, {{16, 2}, {4, 4, 2}}, {{2, 6}, {3, 4}}, {{2, 3, 4}, {6, 4}}, {{2, 3, 4}, {2, 12}},
            {{6, 4}, {2, 3, 2, 2}}, {{4, 1}, {4}}, {{4}, {1, 4, 1}}, {{1, 1, 3}, {3}}, {{3, 5}, {15}}, {{24}, {2, 3, 4}},
        };
        Random rnd = new Random(7);
        for (long[][] c : cases) {
            for (int trial = 0; trial < 20; trial++) {
                // Per axis a few groups, a random table: the product form the counter keeps.
                long[] from = c[0];
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
                ClassMap m = ClassMap.of(from, ids, groups, table);
                ClassMap r = m.reshape(c[1], 1 << 20);
                long size = 1;
                for (long d : from) size *= d;
                for (long f = 0; f < size; f++) {
                    assertEquals(m.element(unflat(f, from)), r.element(unflat(f, c[1])), "element " + f + " of " + java.util.Arrays.toString(from));
                }
            }
        }
    }

    @Test
    void axesWithOneGroupMergeWhateverTheirSize() {
        // A 4096 x 4096 map whose channels differ: the spatial block merges into 2^24 positions, no listing.
        int[][] ids = {null, null, {0, 1, 2, 3}};
        int[] table = {CLASSES[0].id, CLASSES[1].id, CLASSES[2].id, CLASSES[0].id};
        ClassMap m = ClassMap.of(new long[] {4096, 4096, 4}, ids, new int[] {1, 1, 4}, table);
        ClassMap r = m.reshape(new long[] {1L << 24, 4}, 1 << 10);
        assertEquals(1, r.groups(0));
        assertEquals(CLASSES[2], r.element(new long[] {12345, 2}));
        ClassMap back = r.reshape(new long[] {4096, 4096, 4}, 1 << 10);
        assertEquals(CLASSES[1], back.element(new long[] {4095, 7, 1}));
    }

    @Test
    void aSplitBlockKeepsTheGroupsOfItsNewAxes() {
        // Rows 0 and 3 one class, rows 1 and 2 another: [4, 2] as [2, 4] is 2 row groups by 2 column groups.
        int[][] ids = {{0, 1, 1, 0}, null};
        ClassMap m = ClassMap.of(new long[] {4, 2}, ids, new int[] {2, 1}, new int[] {CLASSES[0].id, CLASSES[2].id});
        ClassMap r = m.reshape(new long[] {2, 4}, 4);
        assertEquals(2, r.groups(0));
        assertEquals(2, r.groups(1));
        for (long f = 0; f < 8; f++) assertEquals(m.element(unflat(f, new long[] {4, 2})), r.element(unflat(f, new long[] {2, 4})));
    }

    @Test
    void blocksEachWithinTheLimitButTogetherPastItAreRefused() {
        // Along each axis of 64, position 8r + c is in group 1 where c = r or c = r + 1 (mod 8): split as [8, 8],
        // every row's slice differs and so does every column's, so each block is 8 x 8 = 64 group combinations.
        int[] band = new int[64];
        for (int r = 0; r < 8; r++) for (int c = 0; c < 8; c++) band[8 * r + c] = c == r || c == (r + 1) % 8 ? 1 : 0;
        ClassMap m = ClassMap.of(new long[] {64, 64}, new int[][] {band, band}, new int[] {2, 2},
                new int[] {CLASSES[0].id, CLASSES[1].id, CLASSES[2].id, CLASSES[0].id});
        ClassMap ok = m.reshape(new long[] {8, 8, 64}, 1 << 12);
        assertEquals(8, ok.groups(0));
        assertEquals(8, ok.groups(1));
        for (long f = 0; f < 64 * 64; f++) assertEquals(m.element(unflat(f, new long[] {64, 64})), ok.element(unflat(f, new long[] {8, 8, 64})));
        var e = assertThrows(UnsupportedOperationException.class, () -> m.reshape(new long[] {8, 8, 8, 8}, 100));
        assertTrue(e.getMessage().contains("4096 group combinations"), e.getMessage());
    }

    private static long[] unflat(long f, long[] shape) {
        long[] ix = new long[shape.length];
        for (int a = shape.length - 1; a >= 0; a--) { ix[a] = f % shape[a]; f /= shape[a]; }
        return ix;
    }
}
