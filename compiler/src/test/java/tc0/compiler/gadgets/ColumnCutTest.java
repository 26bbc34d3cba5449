package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ColumnCut} against the cut written out entry by entry: as few groups of at most g as hold h entries
 * (the smallest k with k g >= h), each taking the ceiling of what is left over the groups left (so the sizes differ
 * by at most one, the larger first); every group's size and first entry, and every entry's group, read off that list.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ColumnCutTest {
    @Test
    void theCutIsTheFewestEvenGroupsLargerFirst() {
        for (int rounds = 1; rounds <= 4; rounds++) for (long h = 2; h <= 3000; h++) check(h, rounds, h);
    }

    /** Columns past a table and past an int (tensor attention's n^2-term dots): sampled groups and entries. */
    @Test
    void longColumnsCutAlike() {
        Random rnd = new Random(30);
        for (int t = 0; t < 2000; t++) {
            long h = 2 + (rnd.nextLong() >>> (1 + rnd.nextInt(40)));
            int rounds = 2 + rnd.nextInt(3);
            long groups = ColumnCut.groups(h, rounds), base = ColumnCut.base(h, groups), extra = ColumnCut.extra(h, groups);
            long g = SumCount.groupSize(h, rounds);
            assertEquals((h + g - 1) / g, groups, "h " + h);
            for (int k = 0; k < 20; k++) {
                long q = rnd.nextLong(groups), wide = Math.min(q, extra);
                long expectFirst = wide * (base + 1) + (q - wide) * base; // before group q: min(q, extra) of base + 1, the rest of base
                assertEquals(expectFirst, ColumnCut.first(q, base, extra), "h " + h + " q " + q);
                long p = expectFirst + rnd.nextLong(ColumnCut.size(q, base, extra));
                assertEquals(q, ColumnCut.groupOf(p, base, extra), "h " + h + " p " + p);
                assertEquals(ColumnCut.size(q, base, extra), ColumnCut.sizeAt(p, base, extra), "h " + h + " p " + p);
            }
            assertEquals(h, ColumnCut.first(groups - 1, base, extra) + ColumnCut.size(groups - 1, base, extra), "h " + h);
        }
    }

    private static void check(long h, int rounds, long what) {
        long g = SumCount.groupSize(h, rounds), k = 1;
        while (k * g < h) k++;
        long groups = ColumnCut.groups(h, rounds), base = ColumnCut.base(h, groups), extra = ColumnCut.extra(h, groups);
        assertEquals(k, groups, "groups of " + what);
        long left = h, at = 0;
        for (long q = 0; q < groups; q++) {
            long size = (left + groups - q - 1) / (groups - q);
            assertTrue(size >= 1 && size <= g, "group " + q + " of " + what);
            assertEquals(size, ColumnCut.size(q, base, extra), "size of group " + q + " of " + what);
            assertEquals(at, ColumnCut.first(q, base, extra), "first of group " + q + " of " + what);
            for (long p = at; p < at + size; p++) {
                assertEquals(q, ColumnCut.groupOf(p, base, extra), "entry " + p + " of " + what);
                assertEquals(size, ColumnCut.sizeAt(p, base, extra), "entry " + p + " of " + what);
            }
            at += size;
            left -= size;
        }
        assertEquals(h, at, "entries of " + what);
    }
}
