package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A reshape that splits one listed axis into several keeps the groups the new axes really have: VAR's conv
 * decoder reads a map as {@code [h w, c]} and writes it back as {@code [h, w, c]}, which at h = w = 2047 was
 * refused ("would need 8380418 group combinations": one group per position of each new axis).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlockSplitTest {
    private static final ElemClass[] CLASSES = {ElemClass.constant(0, 4), ElemClass.constant(5, 4), ElemClass.fresh(4, 1), ElemClass.fresh(4, 2)};

    @Test
    void aConvShapedRoundTripAt2047KeepsAFewGroupsPerAxis() {
        int h = 2047, c = 4;
        // Rows and columns: an edge group, an inner group, the other edge (as a padded conv tap leaves them).
        int[] edges = new int[h];
        for (int i = 0; i < h; i++) edges[i] = i == 0 ? 0 : i == h - 1 ? 2 : 1;
        int[] channels = {0, 1, 0, 1};
        Random rnd = new Random(5);
        int[] table = new int[3 * 3 * 2];
        for (int t = 0; t < table.length; t++) table[t] = CLASSES[rnd.nextInt(CLASSES.length)].id;
        long[] shape = {h, h, c};
        ClassMap m = ClassMap.of(shape, new int[][] {edges, edges, channels}, new int[] {3, 3, 2}, table);
        ClassMap flat = m.reshape(new long[] {(long) h * h, c}, Engine.EXPAND_LIMIT);
        ClassMap back = flat.reshape(shape, Engine.EXPAND_LIMIT);
        assertTrue(back.combos() <= m.combos(), back.combos() + " group combinations, the original map had " + m.combos());
        for (int trial = 0; trial < 20_000; trial++) {
            long[] ix = {rnd.nextInt(h), rnd.nextInt(h), rnd.nextInt(c)};
            if (trial < 4) { ix[0] = trial % 2 == 0 ? 0 : h - 1; ix[1] = trial < 2 ? 0 : h - 1; }
            assertEquals(m.element(ix), back.element(ix), "element " + java.util.Arrays.toString(ix));
        }
    }

    /** Groups are per new axis by equal hyperslices: positions whose slices differ anywhere are never merged. */
    @Test
    void positionsWithSlicesDifferingInOneElementStayApart() {
        // A [12] axis as [3, 4]: classes equal everywhere except at flat position 7 = (1, 3).
        int[] own = new int[12];
        for (int i = 0; i < 12; i++) own[i] = i;
        int[] table = new int[12];
        for (int i = 0; i < 12; i++) table[i] = (i == 7 ? CLASSES[1] : CLASSES[2]).id;
        ClassMap m = ClassMap.of(new long[] {12}, new int[][] {own}, new int[] {12}, table);
        ClassMap r = m.reshape(new long[] {3, 4}, 1 << 10);
        assertEquals(2, r.groups(0));
        assertEquals(2, r.groups(1));
        for (long f = 0; f < 12; f++) assertEquals(m.element(new long[] {f}), r.element(new long[] {f / 4, f % 4}), "element " + f);
    }
}
