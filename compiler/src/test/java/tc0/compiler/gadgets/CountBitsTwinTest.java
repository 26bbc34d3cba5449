package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;

/**
 * Compression groups counted by their twin ({@link CountBitsTwin}) count what the same sums count gate by gate:
 * gates, wires and gates per level of weighted and wide sums over literals at random levels, some constant,
 * negated or repeated, and of the float functions whose Chinese-remainder reconstruction they dominate.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CountBitsTwinTest {
    private static final int ROUNDS = WeightedSum.DEFAULT_ROUNDS;

    @Test
    void weightedSumsCountAsGateByGate() {
        Random r = new Random(5);
        int used = 0;
        for (int trial = 0; trial < 300; trial++) {
            long seed = r.nextLong();
            int terms = 1 + r.nextInt(trial % 3 == 0 ? 200 : 30), rounds = 1 + r.nextInt(3);
            boolean saturate = r.nextBoolean();
            int shift = r.nextInt(3), width = 2 + r.nextInt(12);
            if (assertSame(terms, (net, x) -> {
                Random k = new Random(seed);
                LinearForm f = new LinearForm();
                for (int i = 0; i < terms; i++) f.add(pick(k, x), k.nextInt(4) == 0 ? -(1 + k.nextInt(40)) : 1 + k.nextInt(40));
                f.addConstant(k.nextInt(50) - 25);
                return WeightedSum.build(net, f, shift, width, saturate, rounds);
            }, "trial " + trial)) used++;
        }
        assertTrue(used > 100, used + " of 300 sums met the twin");
    }

    @Test
    void wideSumsCountAsGateByGate() {
        Random r = new Random(9);
        int used = 0;
        for (int trial = 0; trial < 200; trial++) {
            long seed = r.nextLong();
            int terms = 1 + r.nextInt(120), width = 4 + r.nextInt(90), from = r.nextInt(width);
            if (assertSame(terms, (net, x) -> {
                Random k = new Random(seed);
                WideColumns c = new WideColumns(width);
                for (int i = 0; i < terms; i++) {
                    BigInteger w = new BigInteger(1 + k.nextInt(width), k);
                    c.add(pick(k, x), k.nextInt(3) == 0 ? w.negate() : w);
                }
                c.addConstant(new BigInteger(width, k));
                return WideSum.top(net, c, ROUNDS, from);
            }, "trial " + trial)) used++;
        }
        assertTrue(used > 100, used + " of 200 sums met the twin");
    }

    /** The float functions at p = 4 .. 20, where the reconstruction's compression is most of the gates. */
    @Test
    void floatFunctionsCountAsGateByGate() {
        for (int p = 4; p <= 20; p += 4) {
            int q = 5, w = p + q + 1, pp = p;
            assertTrue(assertSame(2 * w, (net, x) -> FloatDivide.divide(net, FloatWord.of(Arrays.copyOf(x, w), pp, q), FloatWord.of(Arrays.copyOfRange(x, w, 2 * w), pp, q), ROUNDS).word(), "divide p " + p), "divide p " + p + " met no twin");
            assertSame(w, (net, x) -> FloatSqrt.sqrt(net, FloatWord.of(x, pp, q), ROUNDS).word(), "sqrt p " + p);
            assertSame(w, (net, x) -> FloatExp.exp(net, FloatWord.of(x, pp, q), ROUNDS).word(), "exp p " + p);
            if (p <= 12) assertSame(w, (net, x) -> FloatLog.log(net, FloatWord.of(x, pp, q), ROUNDS).word(), "log p " + p);
        }
    }

    /** An input, its negation, a repeat of an earlier pick or a constant. */
    private static int pick(Random k, int[] x) {
        return switch (k.nextInt(10)) {
            case 0 -> Literal.TRUE;
            case 1 -> Literal.FALSE;
            case 2 -> Literal.not(x[k.nextInt(x.length)]);
            default -> x[k.nextInt(x.length)];
        };
    }

    /** Twin-counted equals gate by gate: depth, gates, wires, gates per level. Returns whether a twin counted some group. */
    private static boolean assertSame(int inputs, BiFunction<Net, int[], int[]> gadget, String what) {
        Random levels = new Random(inputs);
        CountingNet twin = new CountingNet(), plain = new CountingNet();
        int[] xt = new int[inputs], xp = new int[inputs];
        for (int i = 0; i < inputs; i++) {
            int lv = levels.nextInt(4);
            xt[i] = twin.inputAt(lv);
            xp[i] = plain.inputAt(lv);
        }
        long before = CountBitsTwin.modelled;
        gadget.apply(twin, xt);
        boolean used = CountBitsTwin.modelled > before;
        gadget.apply(gateByGate(plain), xp);
        assertEquals(plain.cost(), twin.cost(), what);
        long[] a = twin.gatesPerLevel(), b = plain.gatesPerLevel();
        int n = Math.max(a.length, b.length);
        assertArrayEquals(Arrays.copyOf(b, n), Arrays.copyOf(a, n), what);
        return used;
    }

    /** The counting net seen as a plain {@link Net}: no twin applies. */
    private static Net gateByGate(CountingNet c) {
        return new Net() {
            @Override public int gate(int[] lits, long[] weights, int count, long threshold) { return c.gate(lits, weights, count, threshold); }
            @Override public CircuitBuilder.Scope region(String name) { return () -> {}; }
        };
    }
}
