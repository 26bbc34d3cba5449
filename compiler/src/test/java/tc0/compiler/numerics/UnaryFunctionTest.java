package tc0.compiler.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class UnaryFunctionTest {
    static final FixedFormat IN = FixedFormat.of(5, 5);      // -16 .. 15.97, 1024 codes
    static final FixedFormat FINE = FixedFormat.of(4, 9);
    static final FixedFormat COARSE = FixedFormat.of(6, 2);  // fewer fraction bits than the input: ties occur

    /** The rounding of a 60-digit evaluation: the definition, computed the slow way. */
    static long slow(UnaryFunction f, long c, FixedFormat in, FixedFormat out) {
        BigDecimal v = f.precise(in.exact(c), 60).multiply(BigDecimal.valueOf(2).pow(out.fracBits()));
        return out.saturate(Rounding.roundHalfUp(v));
    }

    @Test
    void transcendentalTableEntriesEqualTheSlowHighPrecisionRounding() {
        checkAgainstSlow(7);
    }

    @Tag("heavy")
    @Test
    void everyTranscendentalTableEntryEqualsTheSlowHighPrecisionRounding() {
        checkAgainstSlow(1);
    }

    private static void checkAgainstSlow(int stride) {
        for (UnaryFunction f : UnaryFunction.values()) {
            if (f.isExact()) continue;
            for (FixedFormat out : new FixedFormat[] {FINE, COARSE}) {
                for (long c = IN.minCode(); c <= IN.maxCode(); c += stride) {
                    assertEquals(slow(f, c, IN, out), f.apply(c, IN, out), f + "(" + IN.toDouble(c) + ") to " + out);
                }
            }
        }
    }

    /** Far from 0 in a wider format (limits reached, some exactly 0): the same rounding as the slow evaluation. */
    @Test
    void widerInputsFarFromZeroEqualTheSlowRounding() {
        FixedFormat in = FixedFormat.of(6, 12), out = FixedFormat.of(8, 12);
        java.util.Random r = new java.util.Random(3);
        for (UnaryFunction f : UnaryFunction.values()) {
            if (f.isExact() || f == UnaryFunction.SIN || f == UnaryFunction.COS) continue;
            double lo = f == UnaryFunction.GELU ? 8 : 10, hi = f == UnaryFunction.GELU ? 12 : 31; // GELU's slow erf is slow beyond
            for (int k = 0; k < 12; k++) {
                double x = (k % 2 == 0 ? -1 : 1) * (lo + r.nextDouble() * (hi - lo));
                long c = (long) Math.scalb(x, in.fracBits());
                assertEquals(slow(f, c, in, out), f.apply(c, in, out), f + "(" + in.toDouble(c) + ") to " + out);
            }
        }
    }

    /**
     * Inputs whose value overflows a double (exp(1536) ~ 10^667) or lies far past the output's range
     * saturate: the rounding of a value beyond every code needs no digit of its own (exp on fixed(12, 10)
     * failed with "rounding undecided at 640 digits").
     */
    @Test
    void valuesFarPastTheRangeSaturate() {
        FixedFormat wide = FixedFormat.of(12, 10);
        assertEquals(wide.maxCode(), UnaryFunction.EXP.apply(wide.maxCode(), wide, wide));
        assertEquals(wide.maxCode(), UnaryFunction.EXP.apply(wide.maxCode() / 2, wide, wide)); // exp(1024): past a double too
        assertEquals(wide.maxCode(), UnaryFunction.EXP.apply(wide.maxCode() / 4, wide, wide)); // exp(512): a double, far past the range
        assertEquals(0, UnaryFunction.EXP.apply(wide.minCode(), wide, wide));
        assertEquals(FixedFormat.of(4, 10).maxCode(), UnaryFunction.SOFTPLUS.apply(wide.maxCode(), wide, FixedFormat.of(4, 10)));
    }

    @Test
    void tablesPastTwentyInputBitsAreRefusedWithWhatToDo() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> Table.of(UnaryFunction.EXP, FixedFormat.of(12, 10), FixedFormat.of(12, 10)));
        assertEquals("exp on fixed(12, 10) needs a table of 2^22 entries, past the 2^20 that tc0 tabulates"
                + " (a smaller n or precision keeps values narrower)", e.getMessage());
    }

    @Test
    void limitsApproachedFromOneSideRoundAwayFromTheTie() {
        FixedFormat in = FixedFormat.of(8, 4), out = FixedFormat.of(8, 2);
        long c = (long) (20.125 * 16); // 20.125 * 4 = 80.5: a rounding boundary of the output
        assertEquals(81, UnaryFunction.RELU.apply(c, in, out));      // exactly the tie: up
        assertEquals(80, UnaryFunction.GELU.apply(c, in, out));      // just below the tie: down
        assertEquals(80, UnaryFunction.SILU.apply(c, in, out));
        assertEquals(81, UnaryFunction.SOFTPLUS.apply(c, in, out));  // just above: up
    }

    @Test
    void exactFunctionsMeetTheirDefiningInequalities() {
        FixedFormat in = FixedFormat.of(6, 4), out = FixedFormat.of(6, 5);
        BigDecimal scale = BigDecimal.valueOf(2).pow(out.fracBits());
        for (long c = in.minCode(); c <= in.maxCode(); c++) {
            BigDecimal x = in.exact(c);
            long sq = UnaryFunction.SQRT.apply(c, in, out);
            BigDecimal sqrtV = c <= 0 ? BigDecimal.ZERO : x.sqrt(BigMath.mc(60)).multiply(scale);
            assertEquals(out.saturate(Rounding.roundHalfUp(sqrtV)), sq, "sqrt " + x);
            long rs = UnaryFunction.RSQRT.apply(c, in, out);
            if (c <= 0) assertEquals(out.maxCode(), rs);
            else assertEquals(out.saturate(Rounding.roundHalfUp(BigDecimal.ONE.divide(x.sqrt(BigMath.mc(60)), BigMath.mc(60)).multiply(scale))), rs, "rsqrt " + x);
            long rc = UnaryFunction.RECIPROCAL.apply(c, in, out);
            if (c == 0) assertEquals(out.maxCode(), rc);
            else assertEquals(out.saturate(Rounding.roundHalfUp(BigDecimal.ONE.divide(x, BigMath.mc(60)).multiply(scale))), rc, "1/" + x);
            assertEquals(out.saturate(Rounding.shiftRound(Math.max(c, 0), in.fracBits() - out.fracBits())), UnaryFunction.RELU.apply(c, in, out));
        }
        // perfect squares: sqrt(2.25) = 1.5 exactly
        assertEquals(48, UnaryFunction.SQRT.apply(36, in, out));
    }

    /** The exact functions' long arithmetic equals their BigInteger definitions, at widths where both apply and beyond. */
    @Test
    void exactFunctionsInLongsEqualTheirBigIntegerSteps() {
        java.util.Random r = new java.util.Random(8);
        FixedFormat[][] fs = {{FixedFormat.of(8, 16), FixedFormat.of(8, 16)}, {FixedFormat.of(12, 20), FixedFormat.of(4, 24)},
            {FixedFormat.of(3, 30), FixedFormat.of(20, 2)}, {FixedFormat.of(6, 4), FixedFormat.of(10, 28)}, {FixedFormat.of(2, 1), FixedFormat.of(30, 30)}};
        for (FixedFormat[] io : fs) {
            FixedFormat in = io[0], out = io[1];
            for (int k = 0; k < 4000; k++) {
                long c = k < 40 ? in.minCode() + k : k < 80 ? in.maxCode() - (k - 40) : in.minCode() + (long) (r.nextDouble() * in.size());
                c = Math.max(in.minCode(), Math.min(in.maxCode(), c));
                BigInteger bc = BigInteger.valueOf(c);
                long sq = c <= 0 ? out.saturate(0) : out.saturate(shiftBig(bc, 2 * out.fracBits() + 2 - in.fracBits()).sqrt().add(BigInteger.ONE).shiftRight(1));
                long rs = c <= 0 ? out.maxCode()
                        : out.saturate(BigInteger.ONE.shiftLeft(2 * out.fracBits() + 2 + in.fracBits()).divide(bc).sqrt().add(BigInteger.ONE).shiftRight(1));
                long rc = c == 0 ? out.maxCode() : out.saturate(Rounding.divRound(BigInteger.ONE.shiftLeft(in.fracBits() + out.fracBits()), bc));
                String what = in + " -> " + out + " code " + c;
                assertEquals(sq, UnaryFunction.SQRT.apply(c, in, out), "sqrt " + what);
                assertEquals(rs, UnaryFunction.RSQRT.apply(c, in, out), "rsqrt " + what);
                assertEquals(rc, UnaryFunction.RECIPROCAL.apply(c, in, out), "reciprocal " + what);
            }
        }
    }

    private static BigInteger shiftBig(BigInteger v, int left) {
        return left >= 0 ? v.shiftLeft(left) : v.shiftRight(-left);
    }

    @Test
    void tablesAreCachedAndIndexedFromTheSmallestCode() {
        Table t = Table.of(UnaryFunction.EXP, FixedFormat.of(3, 3), FixedFormat.of(6, 4));
        assertTrue(t == Table.of(UnaryFunction.EXP, FixedFormat.of(3, 3), FixedFormat.of(6, 4)));
        assertEquals(16, t.at(0)); // exp(0) = 1
        assertEquals(t.codes()[0], t.at(-32));
        assertEquals(FixedFormat.of(6, 4).fromDouble(Math.exp(-4)), t.at(-32));
    }

    @Test
    void highPrecisionHelpersMatchDoubleOnOrdinaryArguments() {
        for (double x : new double[] {-3.7, -0.5, 0.25, 1, 2.5, 10, 100.125}) {
            BigDecimal bx = new BigDecimal(x);
            assertEquals(Math.exp(x), BigMath.exp(bx, 30).doubleValue(), Math.ulp(Math.exp(x)) * 2);
            assertEquals(Math.sin(x), BigMath.sin(bx, 30).doubleValue(), 1e-15);
            assertEquals(Math.cos(x), BigMath.cos(bx, 30).doubleValue(), 1e-15);
        }
        assertEquals(Math.PI, BigMath.pi(30).doubleValue());
        assertEquals(Math.log1p(0.3), BigMath.log1p(new BigDecimal("0.3"), 30).doubleValue(), 1e-16);
        assertEquals(0.8427007929497149, BigMath.erf(BigDecimal.ONE, 30).doubleValue(), 1e-16);
        assertEquals(BigInteger.ZERO, Rounding.roundHalfUp(BigMath.erf(BigDecimal.ONE, 30).subtract(new BigDecimal("0.8427007929497148693412206350826"))));
    }

    @Test
    void theDoubleNormalCdfIsAccurateEnoughForItsStatedBound() {
        for (double x = -12; x <= 12; x += 0.0173) {
            BigDecimal z = new BigDecimal(x).divide(BigMath.sqrt(BigDecimal.valueOf(2), 50), BigMath.mc(50));
            double exact = BigDecimal.ONE.add(BigMath.erf(z, 50)).divide(BigDecimal.valueOf(2), BigMath.mc(50)).doubleValue();
            double got = UnaryFunction.phi(x);
            assertTrue(Math.abs(got - exact) <= Math.abs(exact) * 0x1p-40, "Phi(" + x + ") = " + got + " vs " + exact);
        }
    }
}
