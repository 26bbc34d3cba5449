package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectiveScanTest {

    @Test
    void expOfACodeIsTheExpTableEntryEvenWhereItSaturates() {
        // fixed(8, 4): x up to 127.9, far beyond fe's range (the saturation shortcut), and down to -128
        FixedFormat in = FixedFormat.of(8, 4);
        for (FixedFormat fe : new FixedFormat[] {FixedFormat.of(4, 4), FixedFormat.of(1, 6), FixedFormat.of(0, 5), FixedFormat.of(9, 3)}) {
            Table t = Table.of(UnaryFunction.EXP, in, fe);
            for (long c = in.minCode(); c <= in.maxCode(); c++) {
                assertEquals(t.at(c), SelectiveScan.exp(c, in.fracBits(), fe), "exp(" + c + "/16) into " + fe);
            }
        }
    }

    @Test
    void expOfSumsBeyondTheOperandFormatIsCorrectlyRounded() {
        // 60-digit check of round(e^(s/2^F) 2^Fo) for sums far outside any table's input
        FixedFormat fe = FixedFormat.of(8, 10);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            long s = r.nextLong(-(1L << 20), 1L << 14);
            BigDecimal x = new BigDecimal(s).divide(BigDecimal.valueOf(1 << 11));
            BigDecimal v = BigMath.exp(x, 60).multiply(BigDecimal.valueOf(1 << 10));
            long want = fe.saturate(Rounding.roundHalfUp(v.round(new MathContext(50))));
            assertEquals(want, SelectiveScan.exp(s, 11, fe), "s = " + s);
        }
        assertEquals(fe.maxCode(), SelectiveScan.exp(SelectiveScan.MAX_SUM, 11, fe));
        assertEquals(0, SelectiveScan.exp(-SelectiveScan.MAX_SUM, 11, fe));
        assertThrows(IllegalArgumentException.class, () -> SelectiveScan.exp(1L << 53, 11, fe));
    }

    @Test
    void aLineIsTheExactSumOfRoundedExpsTimesB() {
        // independent evaluation: E from the EXP table over a format wide enough for every range sum
        FixedFormat fz = FixedFormat.of(3, 3), fb = FixedFormat.of(3, 2), fe = FixedFormat.of(3, 4), out = FixedFormat.of(4, 3);
        Table wide = Table.of(UnaryFunction.EXP, FixedFormat.of(6, 3), fe);
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + trial % 7;
            long[] z = new long[n], b = new long[n];
            for (int i = 0; i < n; i++) { z[i] = r.nextLong(fz.minCode(), fz.maxCode() + 1); b[i] = r.nextLong(fb.minCode(), fb.maxCode() + 1); }
            long[] want = new long[n];
            for (int t = 0; t < n; t++) {
                BigInteger acc = BigInteger.ZERO;
                for (int j = 0; j <= t; j++) {
                    long s = 0;
                    for (int i = j + 1; i <= t; i++) s += z[i];
                    acc = acc.add(BigInteger.valueOf(wide.at(s) * b[j]));
                }
                want[t] = out.saturate(Rounding.shiftRound(acc, fe.fracBits() + fb.fracBits() - out.fracBits()));
            }
            assertArrayEquals(want, SelectiveScan.line(z, fz, b, fb, fe, out));
        }
    }

    @Test
    void zeroLogDecaysGiveTheRoundedPrefixSums() {
        FixedFormat f = FixedFormat.of(4, 2);
        // decay e^0 = 1 exactly: h_t = b_0 + ... + b_t, saturated at 7.75
        assertArrayEquals(new long[] {3, 8, 31, 31}, SelectiveScan.line(new long[4], f, new long[] {3, 5, 30, -2}, f, f, f));
    }
}
