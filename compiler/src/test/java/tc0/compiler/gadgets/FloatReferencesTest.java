package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatExpReference;
import tc0.compiler.numerics.FloatFunctions;
import tc0.compiler.numerics.FloatLogReference;
import tc0.compiler.testing.WideBatch;

/**
 * The one-operand float gadgets bit-exact against the numerics references the float interpreter states: exp and log
 * (FloatExpReference, FloatLogReference: the construction's approximation, its constants derived independently of
 * the gadgets), sigmoid, SiLU, softplus and GELU (FloatFunctions); every float at a tiny format, edge and random
 * floats at p = 16.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FloatReferencesTest {
    private static final ChiangFloat.Format TINY = new ChiangFloat.Format(4, 3), WIDE = new ChiangFloat.Format(16, 6);

    @Test
    void expAndLogAreTheReferences() {
        agrees(FloatExpReference::exp, (net, x) -> FloatExp.exp(net, x, 2));
        agrees(FloatLogReference::log, (net, x) -> FloatLog.log(net, x, 2));
    }

    @Test
    void activationsAreTheReferences() {
        agrees(FloatFunctions::sigmoid, (net, x) -> FloatActivations.sigmoid(net, x, 2));
        agrees(FloatFunctions::silu, (net, x) -> FloatActivations.silu(net, x, 2));
        agrees(FloatFunctions::softplus, (net, x) -> FloatActivations.softplus(net, x, 2));
    }

    @Test
    void geluIsTheReference() {
        agrees(FloatFunctions::gelu, (net, x) -> FloatGelu.gelu(net, x, 2));
    }

    private static void agrees(UnaryOperator<ChiangFloat> reference, BiFunction<Net, FloatWord, FloatWord> gadget) {
        for (ChiangFloat.Format f : new ChiangFloat.Format[] {TINY, WIDE}) {
            WideBatch ev = FloatCircuits.batch(f, 1, (net, xs) -> gadget.apply(net, xs[0]).word());
            List<ChiangFloat> xs = f == TINY ? FloatCircuits.allWithZeros(f) : FloatCircuits.samples(f, new Random(11), 60);
            BigInteger[] got = FloatCircuits.results(ev, xs.stream().map(List::of).toList());
            for (int i = 0; i < xs.size(); i++) {
                assertEquals(reference.apply(xs.get(i).canonical()), FloatCircuits.fromWord(f, got[i]), f + ": " + xs.get(i));
            }
        }
    }
}
