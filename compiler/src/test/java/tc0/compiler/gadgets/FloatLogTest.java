package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatLogReference;
import tc0.compiler.numerics.ExactValues;
import tc0.compiler.testing.WideEval;

/**
 * Float log ({@code d_log}): the circuit bit-exact against {@link tc0.compiler.numerics.FloatLogReference} (its constants derived there, not read from the gadget) (every float at small formats, edge
 * and random floats at p = 8), the model's relative error against BigDecimal at most {@code 2^-p} (400 random and near-1 floats each)
 * at p = 4 .. 64 and {@code log 1 = 0} exactly, and the depth the same for every p.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FloatLogTest {
    static WideEval log(ChiangFloat.Format f) { return FloatCircuits.circuit(f, 1, (net, xs) -> FloatLog.log(net, xs[0], 2).word()); }

    @Test
    void everyFloatsLogIsTheModels() {
        for (ChiangFloat.Format f : new ChiangFloat.Format[] {new ChiangFloat.Format(3, 2), new ChiangFloat.Format(4, 3), new ChiangFloat.Format(5, 3), new ChiangFloat.Format(4, 6)}) {
            // (4, 6) reaches 2^-29: a log 1 off by the series' 2^-(2p+8) would show, not flush to zero.
            WideEval ev = log(f);
            for (ChiangFloat x : FloatCircuits.allWithZeros(f)) assertEquals(FloatLogReference.log(x.canonical()), FloatCircuits.result(ev, f, List.of(x)), f + ": log " + x);
        }
    }

    @Test
    void edgeAndRandomFloatsGiveTheModelsLog() {
        ChiangFloat.Format f = new ChiangFloat.Format(8, 6);
        WideEval ev = log(f);
        List<ChiangFloat> xs = new java.util.ArrayList<>(FloatCircuits.samples(f, new Random(43), 40));
        xs.add(new ChiangFloat(f, false, BigInteger.ONE.shiftLeft(7), f.bias() - 7)); // 1
        assertEquals(f.zero(), FloatCircuits.result(ev, f, List.of(xs.getLast())), "log 1");
        for (ChiangFloat x : xs) assertEquals(FloatLogReference.log(x.canonical()), FloatCircuits.result(ev, f, List.of(x)), "log " + x);
    }

    @Test
    void relativeErrorIsWithinTheBoundAtEveryP() {
        Random r = new Random(47);
        for (int p : new int[] {4, 8, 16, 32, 64}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 34 - Integer.numberOfLeadingZeros(p));
            BigDecimal ulpHalf = BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(p)));
            BigDecimal bound = ulpHalf, worst = BigDecimal.ZERO;
            ChiangFloat one = new ChiangFloat(f, false, BigInteger.ONE.shiftLeft(p - 1), f.bias() - p + 1);
            assertEquals(f.zero(), FloatLogReference.log(one), "log 1");
            for (int i = 0; i < 400; i++) {
                // Near 1 (either side, where log cancels) half the time; anywhere in the range otherwise.
                BigInteger m = new BigInteger(p - 1, r).setBit(p - 1);
                if (i % 2 == 0) m = r.nextBoolean() ? BigInteger.ONE.shiftLeft(p - 1).add(BigInteger.valueOf(r.nextInt(4))) : BigInteger.ONE.shiftLeft(p).subtract(BigInteger.valueOf(1 + r.nextInt(4)));
                int e = i % 2 == 0 ? one.biasedExponent() - (m.testBit(p - 2) || m.bitCount() > 3 ? 1 : 0) : r.nextInt(1 << f.q());
                ChiangFloat x = new ChiangFloat(f, false, m, e);
                if (x.equals(one)) continue;
                BigDecimal err = ExactValues.relativeError(ExactValues.value(FloatLogReference.log(x)), ExactValues.log(x, 2 * p / 3 + 30));
                worst = worst.max(err);
                assertTrue(err.compareTo(bound) <= 0, "p = " + p + ": log " + x + ", relative error " + err);
            }
            System.out.println("log at p = " + p + ": worst relative error " + worst.divide(ulpHalf, java.math.MathContext.DECIMAL64) + " 2^-p");
        }
    }

    @Test
    void depthIsTheSameForEveryP() {
        int d = depth(4);
        for (int p : new int[] {6, 8, 12}) assertEquals(d, depth(p), "p = " + p);
    }

    static int depth(int p) {
        return FloatCircuits.depth(new ChiangFloat.Format(p, 34 - Integer.numberOfLeadingZeros(p)), 1, (net, xs) -> FloatLog.log(net, xs[0], 2).word());
    }
}
