package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FloatRowOps;
import tc0.compiler.testing.WideBatch;

/**
 * The float row gadgets bit-exact against {@link FloatRowOps}: max and min, softmax, layer norm, a RoPE pair and a
 * scan step; every pair of floats at a tiny format (3 significand bits, 3 exponent bits; random triples where all of
 * them are too many), edge and random floats at p = 16.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FloatRowGadgetsTest {
    private static final ChiangFloat.Format TINY = new ChiangFloat.Format(3, 3), WIDE = new ChiangFloat.Format(16, 6);

    @Test
    void maxAndMinAreExactAndPickTheFirstOfEquals() {
        allPairs(2, (net, xs) -> concat(FloatMax.max(net, xs), FloatMax.min(net, xs)), xs -> List.of(FloatRowOps.max(xs), FloatRowOps.min(xs)));
        randomRows(3, 300, 200, (net, xs) -> concat(FloatMax.max(net, xs), FloatMax.min(net, xs)), xs -> List.of(FloatRowOps.max(xs), FloatRowOps.min(xs)));
    }

    @Test
    void softmaxIsTheReference() {
        allPairs(2, (net, xs) -> concat(FloatSoftmax.build(net, xs, 2)), xs -> List.of(FloatRowOps.softmax(xs, kept(xs.size()))));
        randomRows(3, 200, 25, (net, xs) -> concat(FloatSoftmax.build(net, xs, 2)), xs -> List.of(FloatRowOps.softmax(xs, kept(xs.size()))));
    }

    @Test
    void layerNormIsTheReference() {
        allPairs(2, (net, xs) -> concat(FloatLayerNorm.build(net, xs, 2)), xs -> List.of(FloatRowOps.layerNorm(xs)));
        randomRows(4, 200, 25, (net, xs) -> concat(FloatLayerNorm.build(net, xs, 2)), xs -> List.of(FloatRowOps.layerNorm(xs)));
    }

    @Test
    void ropePairIsTheReference() {
        for (double angle : new double[] {0, 1, 2.5, 0.01}) {
            BiFunction<Net, FloatWord[], int[]> gadget = (net, xs) -> concat(FloatRope.pair(net, xs[0], xs[1], angle, 2));
            Function<List<ChiangFloat>, List<ChiangFloat>> ref = xs -> {
                ChiangFloat[] cs = FloatRowOps.ropeCoefficients(xs.getFirst().format(), angle);
                return List.of(FloatRowOps.rope(xs.get(0), xs.get(1), cs[0], cs[1]));
            };
            allPairs(2, gadget, ref);
            randomRows(2, 0, 40, gadget, ref);
        }
    }

    @Test
    void scanStepIsTheReference() {
        for (int t = 1; t <= 2; t++) {
            int steps = t + 1;
            BiFunction<Net, FloatWord[], int[]> gadget = (net, xs) -> FloatScan.step(net, Arrays.copyOf(xs, steps), Arrays.copyOfRange(xs, steps, 2 * steps), 2).word();
            Function<List<ChiangFloat>, List<ChiangFloat>> ref = xs -> List.of(FloatRowOps.scan(xs.subList(0, steps), xs.subList(steps, 2 * steps))[steps - 1]);
            randomRows(2 * steps, 400, 20, gadget, ref);
        }
    }

    private static boolean[] kept(int n) {
        boolean[] k = new boolean[n];
        Arrays.fill(k, true);
        return k;
    }

    private static int[] concat(FloatWord... ws) {
        int w = ws[0].word().length;
        int[] out = new int[ws.length * w];
        for (int k = 0; k < ws.length; k++) System.arraycopy(ws[k].word(), 0, out, k * w, w);
        return out;
    }

    /** Every pair of floats of the tiny format (zeros of every sign and exponent among them). */
    private static void allPairs(int n, BiFunction<Net, FloatWord[], int[]> gadget, Function<List<ChiangFloat>, List<ChiangFloat>> reference) {
        List<ChiangFloat> all = FloatCircuits.allWithZeros(TINY);
        List<List<ChiangFloat>> rows = new ArrayList<>();
        for (ChiangFloat a : all) for (ChiangFloat b : all) rows.add(List.of(a, b));
        check(FloatCircuits.batch(TINY, n, gadget), TINY, rows, reference);
    }

    /** {@code tiny} random rows at the tiny format, {@code wide} rows of edge and random floats at p = 16. */
    private static void randomRows(int n, int tiny, int wide, BiFunction<Net, FloatWord[], int[]> gadget, Function<List<ChiangFloat>, List<ChiangFloat>> reference) {
        Random r = new Random(23);
        if (tiny > 0) {
            List<ChiangFloat> all = FloatCircuits.allWithZeros(TINY);
            List<List<ChiangFloat>> rows = new ArrayList<>();
            for (int i = 0; i < tiny; i++) {
                List<ChiangFloat> xs = new ArrayList<>();
                for (int k = 0; k < n; k++) xs.add(all.get(r.nextInt(all.size())));
                rows.add(xs);
            }
            check(FloatCircuits.batch(TINY, n, gadget), TINY, rows, reference);
        }
        List<ChiangFloat> pool = FloatCircuits.samples(WIDE, r, 4 * wide);
        List<List<ChiangFloat>> rows = new ArrayList<>();
        for (int i = 0; i < wide; i++) {
            List<ChiangFloat> xs = new ArrayList<>();
            for (int k = 0; k < n; k++) xs.add(pool.get(r.nextInt(pool.size())));
            if (i % 5 == 0) xs.set(n - 1, xs.getFirst()); // ties
            rows.add(xs);
        }
        check(FloatCircuits.batch(WIDE, n, gadget), WIDE, rows, reference);
    }

    /** Every row through the circuit in one bit-parallel pass, each row's outputs against the reference's. */
    private static void check(WideBatch ev, ChiangFloat.Format f, List<List<ChiangFloat>> rows, Function<List<ChiangFloat>, List<ChiangFloat>> reference) {
        BigInteger[] outs = FloatCircuits.results(ev, rows);
        for (int row = 0; row < rows.size(); row++) check(f, rows.get(row), outs[row], reference);
    }

    private static void check(ChiangFloat.Format f, List<ChiangFloat> xs, BigInteger out, Function<List<ChiangFloat>, List<ChiangFloat>> reference) {
        List<ChiangFloat> canonical = xs.stream().map(ChiangFloat::canonical).toList(), want = reference.apply(canonical);
        int w = f.p() + f.q() + 1;
        for (int k = 0; k < want.size(); k++) {
            ChiangFloat got = FloatCircuits.fromWord(f, out.shiftRight(k * w).and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE)));
            assertEquals(want.get(k).canonical(), got.canonical(), f + ": output " + k + " of " + xs);
            assertEquals(want.get(k).canonical(), got, f + ": output " + k + " of " + xs + " is a canonical float");
        }
    }
}
