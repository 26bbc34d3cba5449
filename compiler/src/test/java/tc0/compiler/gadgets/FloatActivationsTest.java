package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.ExactValues;
import tc0.compiler.testing.WideEval;

/**
 * sigmoid, SiLU, softplus at p = 8 against BigDecimal: within 4 units of {@code 2^-p} relative (three
 * roundings) on random floats of moderate size (softplus at {@code x >= -1} only: see the test); depth at most the sum of the parts', moving by one level at most over p = 8, 12, 16.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FloatActivationsTest {
    static final ChiangFloat.Format F = new ChiangFloat.Format(8, 6); // down to 2^-25: sigmoid(-16) is not flushed
    static final MathContext MC = new MathContext(40);

    @Test
    void sigmoidSiluAndSoftplusAreWithinFourUnits() {
        Random r = new Random(53);
        List<ChiangFloat> xs = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) xs.add(new ChiangFloat(F, r.nextBoolean(), new BigInteger(7, r).setBit(7), F.bias() - 7 - 6 + r.nextInt(10))); // |x| in [2^-6, 2^4)
        check(FloatCircuits.circuit(F, 1, (net, v) -> FloatActivations.sigmoid(net, v[0], 2).word()), xs, x -> BigDecimal.ONE.divide(BigDecimal.ONE.add(ExactValues.exp(x.negate(), 40)), MC));
        check(FloatCircuits.circuit(F, 1, (net, v) -> FloatActivations.silu(net, v[0], 2).word()), xs, x -> x.divide(BigDecimal.ONE.add(ExactValues.exp(x.negate(), 40)), MC));
        // softplus rounds 1 + exp(x) before the log: below x = -1 that loses the bits of exp(x) (at x = -4 the error
        // is 18%), so it is checked where the composition is well conditioned.
        List<ChiangFloat> notVeryNegative = xs.stream().filter(x -> !x.negative() || ExactValues.value(x).compareTo(BigDecimal.ONE.negate()) >= 0).toList();
        assertTrue(notVeryNegative.size() > 30);
        check(FloatCircuits.circuit(F, 1, (net, v) -> FloatActivations.softplus(net, v[0], 2).word()), notVeryNegative, x -> ExactValues.ln(BigDecimal.ONE.add(ExactValues.exp(x, 40)), 40));
    }

    private static void check(WideEval ev, List<ChiangFloat> xs, UnaryOperator<BigDecimal> exact) {
        BigDecimal bound = BigDecimal.valueOf(4).divide(new BigDecimal(BigInteger.ONE.shiftLeft(F.p())), MC);
        for (ChiangFloat x : xs) {
            BigDecimal want = exact.apply(ExactValues.value(x));
            BigDecimal err = ExactValues.relativeError(ExactValues.value(FloatCircuits.result(ev, F, List.of(x))), want);
            assertTrue(err.compareTo(bound) <= 0, "at " + ExactValues.value(x) + ": relative error " + err);
        }
    }

    @Test
    void depthIsAtMostTheSumOfThePartsAndMovesByOneLevelAtMost() {
        java.util.Set<Integer> sigmoids = new java.util.TreeSet<>(), softpluses = new java.util.TreeSet<>();
        for (int p : new int[] {8, 12, 16}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 6);
            int exp = FloatCircuits.depth(f, 1, (net, v) -> FloatExp.exp(net, v[0], 2).word());
            int add = FloatCircuits.depth(f, 2, (net, v) -> FloatSum.build(net, v, 2).word());
            int div = FloatCircuits.depth(f, 1, (net, v) -> FloatDivide.reciprocal(net, v[0], 2).word());
            int log = FloatCircuits.depth(f, 1, (net, v) -> FloatLog.log(net, v[0], 2).word());
            int sigmoid = FloatCircuits.depth(f, 1, (net, v) -> FloatActivations.sigmoid(net, v[0], 2).word());
            int softplus = FloatCircuits.depth(f, 1, (net, v) -> FloatActivations.softplus(net, v[0], 2).word());
            assertTrue(sigmoid > exp && sigmoid <= exp + add + div, "p = " + p + ": sigmoid " + sigmoid);
            assertTrue(softplus > exp && softplus <= exp + add + log, "p = " + p + ": softplus " + softplus);
            sigmoids.add(sigmoid);
            softpluses.add(softplus);
        }
        // The sum with the constant 1 folds by p: 133, 133, 132 and 127, 127, 126 (counted at p = 8, 12, 16).
        assertTrue(sigmoids.size() <= 2 && softpluses.size() <= 2 && sigmoids.stream().mapToInt(i -> i).max().getAsInt() - sigmoids.iterator().next() <= 1, sigmoids + " " + softpluses);
    }
}
