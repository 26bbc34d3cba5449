package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.FixedFormat;

/**
 * Lines summed by shape ({@link SoftmaxRows}) against the per-line closed count ({@link SoftmaxCount#count(ElemClass[],
 * long[], long[], long[], FixedFormat, FixedFormat, FixedFormat)}) summed line by line: the same gates on every level,
 * wires, depth and wide mark, and each line's output classes; for causal pair lines of every length up to a few
 * thousand rows and random lines of counts up to 2^40 (sums of exps past a long).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SoftmaxRowsTest {
    /** One line: its kinds' classes, counts, first and last positions. */
    private record Line(ElemClass[] kinds, long[] mult, long[] first, long[] last) {}

    /** Sums {@code lines} both ways and compares; returns how many the summing took (the others it refused). */
    private static int compare(List<Line> lines, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        SoftmaxRows rows = new SoftmaxRows(fx, fe, out);
        Profile want = new Profile();
        int taken = 0;
        for (Line l : lines) {
            int k = l.kinds.length;
            int[] classes = new int[k], outs = new int[k];
            for (int c = 0; c < k; c++) classes[c] = l.kinds[c].id;
            if (!rows.add(classes, k, l.mult, l.first, l.last, outs)) continue;
            taken++;
            SoftmaxCount.ByKind one = SoftmaxCount.count(l.kinds, l.mult, l.first, l.last, fx, fe, out);
            want.add(one.profile(), 1);
            int[] ids = new int[k];
            for (int c = 0; c < k; c++) ids[c] = one.out()[c].id;
            assertArrayEquals(ids, outs, "output classes of a line of counts " + java.util.Arrays.toString(l.mult));
        }
        Profile got = new Profile();
        rows.addTo(got);
        assertEquals(want.cost(), got.cost(), taken + " lines");
        for (int lv = 1; lv <= want.depth(); lv++) assertEquals(want.exactAt(lv), got.exactAt(lv), "level " + lv);
        assertEquals(taken, rows.lines);
        return taken;
    }

    /**
     * Tensor attention's causal pair lines: row i keeps (i + 1)^2 pairs, the first its own class, the rest of one
     * class but for three of a third from row 300 on (as the example's rows at n = 1024 are).
     */
    private static List<Line> causal(int rows, ElemClass a, ElemClass b, ElemClass c) {
        List<Line> lines = new ArrayList<>();
        for (long i = 1; i < rows; i++) {
            long kept = (i + 1) * (i + 1);
            if (i < 300) lines.add(new Line(new ElemClass[] {a, b}, new long[] {1, kept - 1}, new long[] {0, 1}, new long[] {0, i * (rows + 1)}));
            else lines.add(new Line(new ElemClass[] {a, b, c}, new long[] {1, kept - 4, 3}, new long[] {0, 1, 355}, new long[] {0, i * (rows + 1), 363_875}));
        }
        return lines;
    }

    @Test
    void causalPairLinesSumAsCountedLineByLine() {
        ElemClass a = ElemClass.fresh(7, 2), b = ElemClass.of(new int[] {0, 2, 4, 6, 8, 10, 12}, new int[] {3, 1, 3, 2, 4, 3, 3}), c = ElemClass.fresh(7, 5);
        for (FixedFormat out : new FixedFormat[] {FixedFormat.of(2, 4), FixedFormat.of(3, 12)}) {
            int taken = compare(causal(3000, a, b, c), FixedFormat.of(4, 3), FixedFormat.of(2, 10), out);
            assertEquals(2999, taken, "every line summed, out " + out);
        }
    }

    /** Stage 3's last step by division and settling against {@link SoftmaxCount#stage3StepsExact}'s bisection, others' sums to 2^100. */
    @Test
    void stage3StepsAsTheBisection() {
        Random r = new Random(3);
        for (int trial = 0; trial < 20_000; trial++) {
            long top = 1 + r.nextLong(1L << (1 + r.nextInt(30))), a0 = 2 * top + r.nextLong(1L << (1 + r.nextInt(32)));
            long x = trial % 7 == 0 ? 0 : r.nextLong(1L << (1 + r.nextInt(40)));
            java.math.BigInteger o = trial % 11 == 0 ? java.math.BigInteger.ZERO : new java.math.BigInteger(1 + r.nextInt(100), r);
            long[] want = SoftmaxCount.stage3StepsExact(a0, top, new long[] {x, x}, o, o, new Profile());
            long got = SoftmaxRows.lastHolding(a0, top, x, o.shiftRight(64).longValue(), o.longValue());
            assertEquals(want[0], got, "a0 " + a0 + " top " + top + " r " + x + " others " + o);
        }
    }

    @Test
    void randomLinesUpTo2To40() {
        Random r = new Random(18);
        FixedFormat fx = FixedFormat.of(3, 3), fe = FixedFormat.of(2, 24), out = FixedFormat.of(2, 20); // exps to 2^26: sums past a long
        ElemClass[] pool = {ElemClass.fresh(fx.width(), 1), ElemClass.fresh(fx.width(), 3), ElemClass.of(new int[] {0, 2, 4, 6, 8, 10}, new int[] {3, 1, 3, 2, 4, 3})};
        List<Line> lines = new ArrayList<>();
        for (int t = 0; t < 400; t++) {
            int k = 2 + r.nextInt(2);
            ElemClass[] kinds = java.util.Arrays.copyOf(pool, k);
            long[] mult = new long[k], first = new long[k], last = new long[k];
            for (int c = 0; c < k; c++) {
                mult[c] = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : r.nextLong(1L << (1 + r.nextInt(40))));
                first[c] = r.nextLong(1L << 41);
                last[c] = mult[c] == 1 ? first[c] : first[c] + 1 + r.nextLong(1L << 41);
            }
            lines.add(new Line(kinds, mult, first, last));
        }
        assertTrue(compare(lines, fx, fe, out) > 300);
        SoftmaxRows wide = new SoftmaxRows(fx, fe, out);
        Line big = lines.stream().filter(l -> l.mult[0] > 1L << 39).findFirst().orElseThrow();
        int[] classes = {big.kinds[0].id, big.kinds[1].id}, outs = new int[2];
        assertTrue(wide.add(classes, 2, big.mult, big.first, big.last, outs));
        Profile p = new Profile();
        wide.addTo(p);
        assertTrue(p.wide() && SoftmaxCount.count(java.util.Arrays.copyOf(big.kinds, 2), java.util.Arrays.copyOf(big.mult, 2), big.first, big.last, fx, fe, out).profile().wide(),
                "a line of 2^39 entries: its products past a long, marked wide both ways");
    }

    /**
     * rope_tensor_attention's causal pair softmax (over n^2 key pairs) counted by {@link TriangleSoftmax} with its lines
     * summed by shape and line by line: the same figures for the whole model, every row but the first summed.
     */
    @Test
    void causalPairSoftmaxCountsAsLineByLine() {

        long saved = MaskedSoftmaxCount.lineByLineLimit;
        MaskedSoftmaxCount.lineByLineLimit = 0;
        try {
            for (long n : new long[] {256, 1024}) {
                java.util.Map<String, Long> params = java.util.Map.of("n", n);
                java.nio.file.Path file = tc0.compiler.elaborate.Specs.examples().resolve("rope_tensor_attention.tc0");
                tc0.compiler.ir.TensorProgram p = tc0.compiler.elaborate.Elaborator.elaborate(tc0.compiler.elaborate.Specs.check(file, params), params);
                TriangleSoftmax.linesSummed = 0;
                CountedCost summed = TensorIrToCost.summaryOnly(p, 2);
                assertEquals(n - 1, TriangleSoftmax.linesSummed, "rows 1 .. n - 1 summed by shape");
                TriangleSoftmax.sumLines = false;
                CountedCost perLine;
                try {
                    perLine = TensorIrToCost.summaryOnly(p, 2);
                } finally {
                    TriangleSoftmax.sumLines = true;
                }
                assertEquals(perLine, summed, "n = " + n);
            }
        } finally {
            MaskedSoftmaxCount.lineByLineLimit = saved;
        }
    }

    @Test
    void randomClassesSumWhereModelled() {
        Random r = new Random(5);
        FixedFormat fx = FixedFormat.of(2, 2), fe = FixedFormat.of(2, 5), out = FixedFormat.of(2, 6);
        List<Line> lines = new ArrayList<>();
        ElemClass[] pool = new ElemClass[6];
        for (int i = 0; i < pool.length; i++) pool[i] = ClassSamples.random(r, fx.width());
        for (int t = 0; t < 600; t++) {
            int k = 2 + r.nextInt(3);
            ElemClass[] kinds = new ElemClass[k];
            java.util.Set<ElemClass> used = new java.util.HashSet<>();
            for (int c = 0; c < k; c++) do kinds[c] = pool[r.nextInt(pool.length)]; while (!used.add(kinds[c]));
            long[] mult = new long[k], first = new long[k], last = new long[k];
            for (int c = 0; c < k; c++) {
                mult[c] = 1 + r.nextInt(r.nextBoolean() ? 3 : 5000);
                first[c] = r.nextInt(10_000);
                last[c] = mult[c] == 1 ? first[c] : first[c] + 1 + r.nextInt(10_000);
            }
            lines.add(new Line(kinds, mult, first, last));
        }
        int taken = compare(lines, fx, fe, out);
        assertTrue(taken > 50, taken + " of 600 summed");
    }
}
