package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.compiler.gadgets.DivideByConstant.Route;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Rounding;
import tc0.compiler.testing.DirectEval;
import tc0.compiler.testing.GadgetAsserts;

/**
 * {@link DivideByConstant} against {@code saturate(divRound(V 2^a, D))} bit for bit, every route: exhaustive
 * over all inputs at small widths, random plus edge inputs beyond; stated costs against the builder.
 */
class DivideByConstantTest {

    /** {@code V = constant + sum coefs[k] * word_k}, words of {@code widths[k]} bits; y in {@code out}. */
    record Case(int[] widths, long[] coefs, long constant, int a, long d, FixedFormat out) {
        LinearForm form(int[][] words) {
            LinearForm f = new LinearForm().addConstant(constant);
            for (int k = 0; k < words.length; k++) f.addWord(words[k], coefs[k]);
            return f;
        }

        long[] weights() {
            CountingNet n = new CountingNet();
            int[][] words = new int[widths.length][];
            for (int k = 0; k < widths.length; k++) words[k] = n.input(widths[k]);
            LinearForm f = form(words);
            long[] w = new long[f.size()];
            for (int i = 0; i < w.length; i++) w[i] = f.weight(i);
            return w;
        }

        long expected(long[] codes) {
            long v = constant;
            for (int k = 0; k < codes.length; k++) v += coefs[k] * codes[k];
            return out.saturate(Rounding.divRound(BigInteger.valueOf(v).shiftLeft(a), BigInteger.valueOf(d)));
        }

        int bits() {
            int s = 0;
            for (int w : widths) s += w;
            return s;
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(widths) + " x " + java.util.Arrays.toString(coefs) + " + " + constant + ", 2^" + a + " / " + d + " -> " + out;
        }
    }

    /** The routes whose stated cost is at most {@code maxWires}; each checked against the builder and evaluated. */
    private static int check(Case c, int rounds, long maxWires, int randomPatterns, long seed) {
        long[] w = c.weights();
        int checked = 0;
        for (Route r : Route.values()) {
            Cost closed = DivideByConstant.closedCost(w, c.constant(), c.a(), c.d(), c.out(), rounds, r);
            if (closed == null || closed.wires() > maxWires) continue;
            assertEquals(DivideByConstant.cost(w, c.constant(), c.a(), c.d(), c.out(), rounds, r), closed, c + " " + r);
            Circuit circ = GadgetAsserts.assertCost(closed, b -> {
                int[][] words = new int[c.widths().length][];
                for (int k = 0; k < words.length; k++) words[k] = b.inputBus("x" + k, c.widths()[k]);
                b.outputBus("y", DivideByConstant.build(Net.of(b), c.form(words), c.a(), c.d(), c.out(), rounds, r));
            });
            DirectEval ev = new DirectEval(circ);
            if (c.bits() <= 12) {
                GadgetAsserts.forAllWords(1, c.bits(), all -> {
                    long[] codes = split(all[0], c.widths());
                    assertEquals(c.expected(codes), ev.run(codes).signed("y"), () -> c + " " + r + " at " + java.util.Arrays.toString(codes));
                });
            } else {
                for (long[] codes : patterns(c.widths(), randomPatterns, seed)) {
                    assertEquals(c.expected(codes), ev.run(codes).signed("y"), () -> c + " " + r + " at " + java.util.Arrays.toString(codes));
                }
            }
            checked++;
        }
        return checked;
    }

    private static long[] split(long all, int[] widths) {
        long[] codes = new long[widths.length];
        int at = 0;
        for (int k = 0; k < widths.length; k++) { codes[k] = DirectEval.signExtend(all >>> at, widths[k]); at += widths[k]; }
        return codes;
    }

    /** All minimum, all maximum, all zero, alternating extremes, then random codes. */
    private static List<long[]> patterns(int[] widths, int random, long seed) {
        List<long[]> ps = new ArrayList<>();
        int m = widths.length;
        long[] lo = new long[m], hi = new long[m], zero = new long[m], alt = new long[m], alt2 = new long[m], minus1 = new long[m];
        for (int k = 0; k < m; k++) {
            lo[k] = -(1L << (widths[k] - 1));
            hi[k] = (1L << (widths[k] - 1)) - 1;
            alt[k] = k % 2 == 0 ? lo[k] : hi[k];
            alt2[k] = k % 2 == 0 ? hi[k] : lo[k];
            minus1[k] = -1;
        }
        ps.addAll(List.of(lo, hi, zero, alt, alt2, minus1));
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int p = 0; p < random; p++) {
            long[] x = new long[m];
            // half the patterns biased to one end so sums reach the saturating ranges
            int bias = p % 4;
            for (int k = 0; k < m; k++) {
                long l = -(1L << (widths[k] - 1)), h = (1L << (widths[k] - 1)) - 1;
                x[k] = bias == 0 ? rnd.nextLong(l, h + 1) : bias == 1 ? rnd.nextLong(l / 2, h + 1) : bias == 2 ? rnd.nextLong(l, h / 2 + 1)
                        : rnd.nextLong(l, h + 1) / 4;
            }
            ps.add(x);
        }
        return ps;
    }

    @Test
    void oneWordEveryRouteEveryInputManyDivisors() {
        int cases = 0;
        for (int a = 0; a <= 3; a++) {
            for (long d = 1; d <= 13; d++) {
                for (FixedFormat out : new FixedFormat[] {FixedFormat.of(3, 0), FixedFormat.of(2, 2), FixedFormat.of(5, 1)}) {
                    cases += check(new Case(new int[] {5}, new long[] {1}, 0, a, d, out), 2, Long.MAX_VALUE, 0, 0);
                }
            }
        }
        assertTrue(cases > 400, "cases " + cases);
    }

    @Test
    void twoWordsWithSignedCoefficientsAndConstantsSaturatingAtBothEnds() {
        long[][] coefs = {{1, 1}, {3, -2}, {-5, 1}, {7, 9}, {2, 4}};
        int cases = 0;
        for (long[] co : coefs) {
            for (long k : new long[] {0, 5, -11}) {
                for (long d : new long[] {1, 3, 6, 10, 16, 24}) {
                    for (int rounds = 0; rounds <= 2; rounds += 2) {
                        cases += check(new Case(new int[] {4, 3}, co, k, 1, d, FixedFormat.of(3, 1)), rounds, Long.MAX_VALUE, 0, 0);
                    }
                }
            }
        }
        assertTrue(cases > 200, "cases " + cases);
    }

    @Test
    void meansOfSmallLinesLikeTheReduction() {
        // mean of m codes of fixed(2, 1) into fixed(2, 1): V = sum, a = 1, D = m 2^1
        for (int m = 1; m <= 4; m++) {
            int[] widths = new int[m];
            long[] coefs = new long[m];
            java.util.Arrays.fill(widths, 3);
            java.util.Arrays.fill(coefs, 1);
            for (FixedFormat out : new FixedFormat[] {FixedFormat.of(2, 1), FixedFormat.of(1, 3), FixedFormat.of(3, 2)}) {
                check(new Case(widths, coefs, 0, out.fracBits(), (long) m << 1, out), 2, Long.MAX_VALUE, 0, 0);
            }
        }
    }

    @Test
    void aMeanOverFortyTermsEveryRouteRandomAndEdgeInputs() {
        int[] widths = new int[40];
        long[] coefs = new long[40];
        java.util.Arrays.fill(widths, 8);
        java.util.Arrays.fill(coefs, 1);
        FixedFormat fx = FixedFormat.of(4, 4);
        for (FixedFormat out : new FixedFormat[] {fx, FixedFormat.of(2, 3)}) {
            Case c = new Case(widths, coefs, 0, out.fracBits(), 40L << fx.fracBits(), out);
            assertEquals(5, check(c, 2, 400_000, 120, 40));
        }
    }

    @Test
    void bilinearLikeStencilsWideWordsAndSixteenBitOutputs() {
        // four taps, weights (den - f)(den - f), ... over den^2, as a 2-D bilinear stencil
        long den = 6;
        for (long f = 1; f <= den / 2; f++) { // the others mirror these
            long[] co = {(den - f) * (den - f), (den - f) * f, f * (den - f), f * f};
            FixedFormat fx = FixedFormat.of(6, 6);
            Case c = new Case(new int[] {12, 12, 12, 12}, co, 0, fx.fracBits(), den * den << fx.fracBits(), fx);
            assertTrue(check(c, 2, 100_000, 150, f) >= 2);
            FixedFormat wide = FixedFormat.of(8, 8);
            Case w = new Case(new int[] {16, 16, 16, 16}, co, 0, wide.fracBits(), den * den << wide.fracBits(), wide);
            assertTrue(check(w, 2, 300_000, 150, f) >= 1, "the multiply route stays small at 16 bits");
        }
    }

    @Test
    void chooseTakesTheFewestWires() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int t = 0; t < 60; t++) {
            int m = rnd.nextInt(1, 30), width = rnd.nextInt(2, 10);
            int[] widths = new int[m];
            long[] coefs = new long[m];
            for (int k = 0; k < m; k++) { widths[k] = width; coefs[k] = t % 2 == 0 ? 1 : rnd.nextLong(1, 20); }
            FixedFormat out = FixedFormat.of(rnd.nextInt(1, 6), rnd.nextInt(0, 5));
            Case c = new Case(widths, coefs, 0, out.fracBits(), rnd.nextLong(1, 200), out);
            long[] w = c.weights();
            Route chosen = DivideByConstant.choose(w, 0, c.a(), c.d(), out, 2);
            Cost best = DivideByConstant.closedCost(w, 0, c.a(), c.d(), out, 2, chosen);
            assertNotNull(best);
            for (Route r : new Route[] {Route.STEP, Route.WORD, Route.MULTIPLY, Route.WORD_MULTIPLY}) { // the fallbacks: below
                if (r == Route.STEP && m * width * (out.size()) > 3_000_000L) continue; // counting it would take long
                Cost other = DivideByConstant.closedCost(w, 0, c.a(), c.d(), out, 2, r);
                if (other == null) continue;
                // nothing has 1/8 fewer wires; nothing as cheap (within 1/8 of the fewest) is shallower
                assertTrue(best.wires() <= other.wires() + other.wires() / 8, c + ": " + chosen + " " + best + " vs " + r + " " + other);
                assertTrue(other.depth() >= best.depth() || other.wires() > best.wires() + best.wires() / 8 || other.wires() * 9 / 8 < best.wires(),
                        c + ": " + chosen + " " + best + " vs " + r + " " + other);
            }
        }
    }

    @Test
    void depthDoesNotGrowWithTheNumberOfTerms() {
        FixedFormat fx = FixedFormat.of(4, 4);
        for (Route r : Route.values()) {
            int[] depths = new int[2];
            int i = 0;
            for (int m : new int[] {8, 64}) {
                long[] w = new Case(filled(m, 8), ones(m), 0, 4, 7L * m, fx).weights();
                depths[i++] = DivideByConstant.closedCost(w, 0, 4, 7L * m, fx, 2, r).depth();
            }
            assertEquals(depths[0], depths[1], r.toString());
            int bound = switch (r) { case STEP -> 2; case MULTIPLY -> 6; case WORD -> 8; case WORD_MULTIPLY -> 12; case SPLIT -> 7; }; // k = 2
            assertTrue(depths[0] <= bound, r + " depth " + depths[0]);
        }
    }

    @Test
    void stepBuildsOneComparatorPerReachableCodeAtMost() {
        // V in [-128, 127] over 8 output codes: at most 7 comparators plus 3 bit gates
        FixedFormat out = FixedFormat.of(3, 0);
        Cost c = DivideByConstant.closedCost(new Case(new int[] {8}, new long[] {1}, 0, 0, 5, out).weights(), 0, 0, 5, out, 2, Route.STEP);
        assertTrue(c.gates() <= 7 + 3, c.toString());
        assertEquals(2, c.depth());
    }

    @Test
    void aPowerOfTwoDivisorIsTheRoundedShift() {
        // mean of 8 words: 2^a / (8 2^a) reduces to 1 / 8, a rounded shift by 3
        FixedFormat fx = FixedFormat.of(4, 4);
        long[] w = new Case(filled(8, 8), ones(8), 0, 4, 8L << 4, fx).weights();
        assertEquals(WeightedSum.closedCost(w, 0, 3, 8, true, 2),
                DivideByConstant.closedCost(w, 0, 4, 8L << 4, fx, 2, Route.MULTIPLY));
    }

    private static int[] filled(int m, int v) {
        int[] a = new int[m];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static long[] ones(int m) {
        long[] a = new long[m];
        java.util.Arrays.fill(a, 1);
        return a;
    }
}
