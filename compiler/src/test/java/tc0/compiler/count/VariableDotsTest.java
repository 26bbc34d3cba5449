package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@link VariableDots}' dots, counted by groups of the inner axis with reused scratch, against each row's dot
 * written out position by position from the maps' own elements ({@link ClassMap#element}) and built by
 * {@code Multiply.dot} over its nonzero terms: gates per level, output class, and per slot the OR of the slots its
 * terms read. Random groupings of the inner axis (so random slot sets, zero classes among them), plain and split by
 * a diagonal (every row's cut, one {@link VariableDots} asked row after row as {@link TriangleProduct} does, with
 * and without {@link VariableDots#once}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VariableDotsTest {
    private static final FixedFormat FX = FixedFormat.of(2, 3), OUT = FixedFormat.of(4, 3);
    private static final int W = FX.width();

    private static Engine engine() {
        return new Engine(new TensorProgram("t", Map.of(), FX, List.of(), List.of(), List.of()), 2);
    }

    /** Classes to draw from: variables at a few levels (some shared between A and B), a constant 0 and a constant 1. */
    private static final ElemClass[] POOL = {ElemClass.fresh(W, 0), ElemClass.fresh(W, 1), ElemClass.fresh(W, 3),
            ElemClass.of(new int[] {0, 2, ElemClass.FALSE, 4, 6}, new int[] {1, 2, 1, 2}), ElemClass.constant(0, W), ElemClass.constant(1 << 3, W)};

    private static int[] groups(Random r, int length, int groups) {
        int[] ids = new int[length];
        for (int t = 0; t < length; t++) ids[t] = t < groups ? t : r.nextInt(groups); // every group used
        for (int t = length - 1; t > 0; t--) { int s = r.nextInt(t + 1), x = ids[t]; ids[t] = ids[s]; ids[s] = x; }
        return ids;
    }

    private static int[] table(Random r, int entries, double zeros) {
        int[] t = new int[entries];
        for (int q = 0; q < entries; q++) t[q] = r.nextDouble() < zeros ? POOL[4].id : POOL[r.nextInt(POOL.length)].id;
        return t;
    }

    /** The dot of row i of A and column j of B written out: its nonzero terms in position order, built; null where there is none. */
    private static Instance.Result direct(ClassMap a, ClassMap b, int i, int j, long inner, int[] termAt) {
        ElemClass[] xs = new ElemClass[(int) inner], ys = new ElemClass[(int) inner];
        int d = 0;
        for (int t = 0; t < inner; t++) {
            ElemClass x = a.element(new long[] {i, t}), y = b.element(new long[] {t, j});
            termAt[t] = -1;
            if (zero(x) || zero(y)) continue;
            xs[d] = x;
            ys[d] = y;
            termAt[t] = d++;
        }
        if (d == 0) return null;
        int n = d;
        ElemClass[] both = new ElemClass[2 * n];
        System.arraycopy(xs, 0, both, 0, n);
        System.arraycopy(ys, 0, both, n, n);
        return Instance.run((net, in) -> new int[][] {Multiply.dot(net, Arrays.copyOfRange(in, 0, n), FX, Arrays.copyOfRange(in, n, 2 * n), FX, OUT, 2)},
                both, Instance.distinct(2 * n));
    }

    private static boolean zero(ElemClass c) { return c.isConstant() && c.code() == 0; }

    /** Checks a dot against the row written out; {@code cut < 0}: A plain, else position t is on A's side t < cut ? 0 : 1. */
    private static int check(VariableDots dots, VariableDots.Dot got, ClassMap a, ClassMap b, int i, int j, long inner, int cut, String what) {
        int[] termAt = new int[(int) inner];
        Instance.Result want = direct(a, b, i, j, inner, termAt);
        if (want == null) { assertNull(got, what + ": every term 0"); return 0; }
        assertNotNull(got, what);
        Instance.Result res = got.result();
        ClassSamples.assertSameProfile(want.profile(), res.profile(), what);
        for (int l = 0; l <= want.profile().depth(); l++) assertEquals(want.profile().exactAt(l), res.profile().exactAt(l), what + " level " + l);
        assertEquals(want.out()[0], res.out()[0], what + ": output class");
        int sides = cut < 0 ? 1 : 2, d = want.usedSlots().length / 2;
        long[] readA = new long[dots.groups() * sides], readB = new long[dots.groups() * sides];
        for (int t = 0; t < inner; t++) {
            if (termAt[t] < 0) continue;
            int slot = dots.groupOf(t) * sides + (cut < 0 || t < cut ? 0 : 1);
            readA[slot] |= want.usedSlots()[termAt[t]];
            readB[slot] |= want.usedSlots()[d + termAt[t]];
        }
        assertTrue(Arrays.equals(readA, got.readA()), what + ": A's slots read " + Arrays.toString(readA) + " against " + Arrays.toString(got.readA()));
        assertTrue(Arrays.equals(readB, got.readB()), what + ": B's slots read " + Arrays.toString(readB) + " against " + Arrays.toString(got.readB()));
        return 1;
    }

    @Test
    void plainDotsAreTheRowsWrittenOut() {
        Random r = new Random(16);
        int checked = 0;
        long inBulk = 0, counted = 0;
        for (int trial = 0; trial < 40; trial++) {
            int rows = 1 + r.nextInt(4), cols = 1 + r.nextInt(3), inner = 1 + r.nextInt(9);
            int ga = 1 + r.nextInt(inner), gb = 1 + r.nextInt(inner), ra = 1 + r.nextInt(rows), cb = 1 + r.nextInt(cols);
            int[] rowIds = groups(r, rows, ra), colA = groups(r, inner, ga), rowB = groups(r, inner, gb), colIds = groups(r, cols, cb);
            ClassMap a = ClassMap.of(new long[] {rows, inner}, new int[][] {rowIds, colA}, new int[] {ra, ga}, table(r, ra * ga, 0.2));
            ClassMap b = ClassMap.of(new long[] {inner, cols}, new int[][] {rowB, colIds}, new int[] {gb, cb}, table(r, gb * cb, 0.2));
            VariableDots dots = new VariableDots(engine(), a, b, FX, FX, OUT);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    VariableDots.Dot got = dots.dot(a.group(0, i), b.group(1, j));
                    checked += check(dots, got, a, b, i, j, inner, -1, "trial " + trial + " row " + i + " column " + j);
                }
            }
            inBulk += dots.dotsInBulk;
            counted += dots.dotsCounted;
        }
        assertTrue(checked > 100, "dots checked: " + checked);
        assertTrue(inBulk > 0 && inBulk < counted, "dots in bulk and in order: " + inBulk + " of " + counted);
    }

    @Test
    void causalRowsAreTheRowsWrittenOut() {
        Random r = new Random(1616);
        int checked = 0;
        long inBulk = 0, counted = 0, byFamily = 0;
        for (int trial = 0; trial < 30; trial++) {
            int rows = 2 + r.nextInt(10), inner = rows, cols = 1 + r.nextInt(2), offset = r.nextInt(3) - 1;
            int ga = 1 + r.nextInt(3), gb = 1 + r.nextInt(3), ra = 1 + r.nextInt(2), cb = 1 + r.nextInt(cols);
            int[] rowIds = groups(r, rows, ra), colA = groups(r, inner, ga), rowB = groups(r, inner, gb), colIds = groups(r, cols, cb);
            // A's lower side mostly variable, its upper side mostly 0 (a causal softmax's P)
            int[] t = new int[ra * ga * 2];
            for (int q = 0; q < t.length; q++) {
                boolean upper = q % 2 == 1;
                t[q] = r.nextDouble() < (upper ? 0.7 : 0.15) ? POOL[4].id : POOL[r.nextInt(4)].id;
            }
            ClassMap a = ClassMap.triangle(new long[] {rows, inner}, offset, new int[][] {rowIds, colA}, new int[] {ra, ga}, t);
            ClassMap b = ClassMap.of(new long[] {inner, cols}, new int[][] {rowB, colIds}, new int[] {gb, cb}, table(r, gb * cb, 0.1));
            if (!a.split()) continue; // one side only: a plain map
            for (boolean once : new boolean[] {false, true}) {
                VariableDots dots = new VariableDots(engine(), a, b, FX, FX, OUT);
                dots.once = once;
                for (int i = 0; i < rows; i++) {
                    int cut = (int) Math.clamp(i + offset + 1, 0, inner);
                    for (int j = 0; j < cols; j++) {
                        VariableDots.Dot got = dots.dot(a.group(0, i), b.group(1, j), cut);
                        checked += check(dots, got, a, b, i, j, inner, cut, "trial " + trial + (once ? " once" : "") + " row " + i + " column " + j);
                    }
                }
                inBulk += dots.dotsInBulk;
                counted += dots.dotsCounted;
                byFamily += dots.dotsByFamily;
            }
        }
        assertTrue(checked > 200, "dots checked: " + checked);
        assertTrue(inBulk > 0 && inBulk < counted && byFamily > 0, "dots in bulk, in order, by family: " + inBulk + ", " + (counted - inBulk) + ", " + byFamily);
    }

    /**
     * The scratch table's stamp wrapping past 0 (after 2^32 dots) leaves no stale entry current: the dots stay the
     * rows written out. Row 0's dot is all 0 (the scratch made, nothing entered); the next dot's stamp is the wrap's.
     */
    @Test
    void dotsAcrossTheStampsWrapAreTheRowsWrittenOut() {
        Random r = new Random(7);
        int rows = 6, inner = 9, ga = 4, gb = 3;
        int[] rowIds = {0, 1, 1, 1, 1, 1}, colA = groups(r, inner, ga), rowB = groups(r, inner, gb);
        int[] t = new int[2 * ga];
        for (int g = 0; g < ga; g++) { t[g] = POOL[4].id; t[ga + g] = POOL[g].id; } // row group 0 all 0, row group 1 four kinds
        ClassMap a = ClassMap.of(new long[] {rows, inner}, new int[][] {rowIds, colA}, new int[] {2, ga}, t);
        ClassMap b = ClassMap.of(new long[] {inner, 1}, new int[][] {rowB, new int[] {0}}, new int[] {gb, 1}, new int[] {POOL[0].id, POOL[1].id, POOL[2].id});
        VariableDots dots = new VariableDots(engine(), a, b, FX, FX, OUT);
        assertNull(dots.dot(a.group(0, 0), 0), "row 0: every term 0");
        dots.stamp = -1; // the next dot's stamp wraps
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 1; i < rows; i++) check(dots, dots.dot(a.group(0, i), 0), a, b, i, 0, inner, -1, "row " + i + " across the wrap");
        });
    }
}
