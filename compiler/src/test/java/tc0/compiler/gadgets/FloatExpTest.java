package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatExpReference;
import tc0.compiler.numerics.ExactValues;
import tc0.compiler.testing.WideEval;

/**
 * Float exp ({@code d_exp}): the circuit bit-exact against {@link tc0.compiler.numerics.FloatExpReference} (its constants derived there, not read from the gadget) (every float at small formats, edge
 * and random floats at p = 8 and 16), the model's relative error against BigDecimal at most
 * {@code 2^-p (1 + 2^-3)} at p = 4 .. 64 with saturation and flush where the exact value leaves the range,
 * and the depth the same for every p.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FloatExpTest {
    static WideEval exp(ChiangFloat.Format f) { return FloatCircuits.circuit(f, 1, (net, xs) -> FloatExp.exp(net, xs[0], 2).word()); }

    @Test
    void everyFloatsExpIsTheModels() {
        for (ChiangFloat.Format f : new ChiangFloat.Format[] {new ChiangFloat.Format(3, 2), new ChiangFloat.Format(4, 3), new ChiangFloat.Format(5, 3)}) {
            WideEval ev = exp(f);
            for (ChiangFloat x : FloatCircuits.allWithZeros(f)) assertEquals(FloatExpReference.exp(x.canonical()), FloatCircuits.result(ev, f, List.of(x)), f + ": exp " + x);
        }
    }

    @Test
    void edgeAndRandomFloatsGiveTheModelsExp() {
        Random r = new Random(37);
        for (ChiangFloat.Format f : new ChiangFloat.Format[] {new ChiangFloat.Format(8, 5), new ChiangFloat.Format(16, 6)}) {
            WideEval ev = exp(f);
            for (ChiangFloat x : FloatCircuits.samples(f, r, 40)) assertEquals(FloatExpReference.exp(x.canonical()), FloatCircuits.result(ev, f, List.of(x)), f + ": exp " + x);
        }
    }

    @Test
    void relativeErrorIsWithinTheBoundAtEveryP() {
        Random r = new Random(41);
        for (int p : new int[] {4, 8, 16, 32, 64}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 34 - Integer.numberOfLeadingZeros(p)); // bias 4p: |x| from 2^-3p
            BigDecimal ulpHalf = BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(p)));
            BigDecimal bound = ulpHalf.multiply(new BigDecimal("1.125")), worst = BigDecimal.ZERO;
            for (ChiangFloat x : inputs(f, r)) {
                ChiangFloat y = FloatExpReference.exp(x);
                BigDecimal exact = ExactValues.exp(ExactValues.value(x), p / 3 + 30);
                if (exact.compareTo(ExactValues.value(f.largest(false))) > 0) { assertEquals(f.largest(false), y, "exp " + x); continue; }
                if (exact.compareTo(ExactValues.value(new ChiangFloat(f, false, BigInteger.ONE.shiftLeft(p - 1), 0))) < 0) { assertEquals(f.zero(), y, "exp " + x); continue; }
                BigDecimal err = ExactValues.relativeError(ExactValues.value(y), exact);
                worst = worst.max(err);
                assertTrue(err.compareTo(bound) <= 0, "p = " + p + ": exp " + x + " = " + y + ", relative error " + err);
            }
            System.out.println("exp at p = " + p + ": worst relative error " + worst.divide(ulpHalf, java.math.MathContext.DECIMAL64) + " 2^-p");
        }
    }

    /** Random floats whose exp is in range or near its ends, and small ones around 1. */
    private static List<ChiangFloat> inputs(ChiangFloat.Format f, Random r) {
        List<ChiangFloat> xs = new ArrayList<>();
        int bias = f.bias(), p = f.p();
        for (int i = 0; i < 400; i++) {
            int e = -2 * p - 5 + r.nextInt(p + 13); // |x| = m 2^e from about 2^-(p+6) to 2^7
            int biased = Math.max(0, Math.min((1 << f.q()) - 1, e + bias));
            xs.add(new ChiangFloat(f, r.nextBoolean(), new BigInteger(p - 1, r).setBit(p - 1), biased));
        }
        return xs;
    }

    @Test
    void depthIsTheSameForEveryP() {
        int d = depth(4);
        // Alignment (2), signs (3), k's sum (14), r's residues, the series, the reconstruction, FloatRound, the ends.
        assertEquals(55, d);
        for (int p : new int[] {8, 12, 16, 24}) assertEquals(d, depth(p), "p = " + p);
    }

    static int depth(int p) {
        // q grows with p (bias 4p): at q = 4 every float of 16 bits is past exp's range, and the circuit folds to constants.
        return FloatCircuits.depth(new ChiangFloat.Format(p, 34 - Integer.numberOfLeadingZeros(p)), 1, (net, xs) -> FloatExp.exp(net, xs[0], 2).word());
    }
}
