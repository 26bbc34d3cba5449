package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.FixedFormat;

/**
 * Softmax lines of one kind of entry summed over ranges of length equal the lines counted one by one
 * ({@link SoftmaxCount#count}, itself checked against the built gadget in {@link SoftmaxCountTest}) at every
 * length 2 .. 2000: each line's output class, and every level's gates, the wires and whether it is wide in total.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OneKindLinesTest {
    private static final int LONGEST = 2000;

    /** Lines of the given lengths noted in order, against the same lines counted one by one; returns the lines counted by themselves. */
    private static long check(ElemClass kind, FixedFormat fx, FixedFormat fe, FixedFormat out, long[] lengths, String what) {
        OneKindLines lines = new OneKindLines("test", kind, LONGEST, fx, fe, out);
        Profile want = new Profile();
        for (long m : lengths) {
            SoftmaxCount.ByKind one = SoftmaxCount.count(new ElemClass[] {kind}, new long[] {m}, new long[] {0}, new long[] {m - 1}, fx, fe, out);
            assertSame(one.out()[0], lines.add(m), what + ": the output class of a line of " + m);
            want.add(one.profile(), 1);
        }
        long counted = lines.linesCounted; // before addTo's own lines
        Profile got = new Profile();
        lines.addTo(got);
        ClassSamples.assertSameProfile(want, got, what);
        for (int l = 0; l <= want.depth(); l++) assertEquals(want.exactAt(l), got.exactAt(l), what + " level " + l);
        assertEquals(want.wide(), got.wide(), what + ": wide");
        return counted;
    }

    private static long[] every(int from, int to, int step) {
        long[] m = new long[(to - from) / step + 1];
        for (int i = 0; i < m.length; i++) m[i] = from + (long) i * step;
        return m;
    }

    /** Each length 2 .. 2000 once (a causal softmax's lines), fresh words and words of mixed levels and constant bits. */
    @Test
    void everyLengthTo2000CountsAsItsLinesOneByOne() {
        FixedFormat fx = FixedFormat.of(3, 3), fe = FixedFormat.of(2, 4), out = FixedFormat.of(2, 4);
        ElemClass fresh = ElemClass.fresh(fx.width(), 2), mixed = ElemClass.of(new int[] {0, 2, 4, 6, 8, 10}, new int[] {3, 1, 3, 2, 4, 3});
        for (ElemClass kind : new ElemClass[] {fresh, mixed}) {
            long counted = check(kind, fx, fe, out, every(2, LONGEST, 1), "lines of " + kind);
            assertTrue(counted < 200, "the lines were summed by ranges, not one by one: " + counted + " counted by themselves");
        }
    }

    /**
     * The transformer's shapes (scores of 3 + 6 bits, exps and outputs of 2 + 10): one range from 2 to 2000. An exp's
     * class has no bit constant 1, so its least value is 0 and stage 3's range is the whole ramp at every length;
     * the bisection over ranges is there for classes where it is not.
     */
    @Test
    void theTransformersShapesAreOneRange() {
        FixedFormat fx = FixedFormat.of(3, 6), fe = FixedFormat.of(2, 10), out = FixedFormat.of(2, 10);
        long counted = check(ElemClass.fresh(fx.width(), 40), fx, fe, out, every(2, LONGEST, 1), "the transformer's shapes");
        assertTrue(counted <= 6, "one range: its first line, the longest, three for its polynomial and its last: " + counted);
    }

    /** Lengths met with gaps and out of order (runs of consecutive lengths, several per range). */
    @Test
    void lengthsWithGapsAndOutOfOrder() {
        FixedFormat fx = FixedFormat.of(3, 3), fe = FixedFormat.of(2, 4), out = FixedFormat.of(2, 4);
        ElemClass kind = ElemClass.fresh(fx.width(), 1);
        check(kind, fx, fe, out, every(3, LONGEST, 7), "every seventh length");
        check(kind, fx, fe, out, new long[] {900, 901, 902, 2, 3, 1999, 4, 5, 6, 7, 903, 2000}, "out of order");
    }

    @Test
    void prefixSumsOfAQuadratic() {
        java.math.BigInteger q0 = java.math.BigInteger.valueOf(5), d1 = java.math.BigInteger.valueOf(-3), d2 = java.math.BigInteger.valueOf(4);
        long want = 0;
        for (int i = 0; i < 40; i++) {
            assertEquals(java.math.BigInteger.valueOf(want), OneKindLines.prefix(q0, d1, d2, i), "n = " + i);
            want += 5 - 3L * i + 4L * i * (i - 1) / 2;
        }
    }
}
