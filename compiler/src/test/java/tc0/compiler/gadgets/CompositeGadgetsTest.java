package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.UnaryFunction;
import tc0.compiler.testing.DirectEval;
import tc0.compiler.testing.GadgetAsserts;

class CompositeGadgetsTest {

    @Test
    void divisionMatchesFixedDivForEverySignAndZero() {
        FixedFormat fx = FixedFormat.of(3, 1), fy = FixedFormat.of(2, 2);
        for (FixedFormat out : new FixedFormat[] {FixedFormat.of(3, 2), FixedFormat.of(2, 0), FixedFormat.of(4, 3)}) {
            Circuit c = GadgetAsserts.assertCost(Divide.cost(fx, fy, out), b -> {
                int[] x = b.inputBus("x", 4), y = b.inputBus("y", 4);
                b.outputBus("q", Divide.fixed(Net.of(b), x, fx, y, fy, out));
            });
            assertEquals(2, GadgetAsserts.stats(c).depth());
            DirectEval ev = new DirectEval(c);
            GadgetAsserts.forAllWords(2, 4, v -> assertEquals(Fixed.div(v[0], fx, v[1], fy, out), ev.run(v).signed("q"), () -> v[0] + " / " + v[1] + " to " + out));
        }
    }

    @Test
    void reciprocalIsTheCorrectlyRoundedTable() {
        FixedFormat fx = FixedFormat.of(3, 3), out = FixedFormat.of(4, 4);
        Circuit c = GadgetAsserts.build(b -> b.outputBus("r", Divide.reciprocal(Net.of(b), b.inputBus("x", 6), fx, out)));
        DirectEval ev = new DirectEval(c);
        for (long x = fx.minCode(); x <= fx.maxCode(); x++) assertEquals(UnaryFunction.RECIPROCAL.apply(x, fx, out), ev.run(x).signed("r"));
    }

    @Test
    void softmaxMatchesTheNumericsOnEveryRow() {
        check(3, FixedFormat.of(2, 1), FixedFormat.of(2, 3), FixedFormat.of(2, 3));
        check(2, FixedFormat.of(3, 2), FixedFormat.of(2, 4), FixedFormat.of(2, 5));
        check(4, FixedFormat.of(2, 1), FixedFormat.of(2, 2), FixedFormat.of(2, 2));
    }

    private static void check(int m, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        Circuit c = GadgetAsserts.assertCost(Softmax.cost(m, fx, fe, out), b -> {
            int[][] xs = new int[m][];
            for (int i = 0; i < m; i++) xs[i] = b.inputBus("x" + i, fx.width());
            int[][] p = Softmax.build(Net.of(b), xs, fx, fe, out);
            for (int i = 0; i < m; i++) b.outputBus("p" + i, p[i]);
        });
        DirectEval ev = new DirectEval(c);
        GadgetAsserts.forAllWords(m, fx.width(), xs -> {
            ev.run(xs);
            long[] expected = Fixed.softmax(xs, fx, fe, out);
            long[] got = new long[m];
            for (int i = 0; i < m; i++) got[i] = ev.signed("p" + i);
            assertArrayEquals(expected, got, java.util.Arrays.toString(xs));
        });
    }

    @Test
    void softmaxDepthDoesNotGrowWithTheRowLength() {
        FixedFormat fx = FixedFormat.of(3, 2), fe = FixedFormat.of(2, 4), out = FixedFormat.of(2, 4);
        for (int m : new int[] {3, 8, 16, 32}) assertEquals(7, Softmax.cost(m, fx, fe, out).depth(), "m = " + m);
    }

    @Test
    void ropeRotatesEveryPairAsTheNumericsSay() {
        FixedFormat fx = FixedFormat.of(3, 2), fc = FixedFormat.of(2, 5), out = FixedFormat.of(3, 3);
        int d = 4;
        for (int pos : new int[] {0, 1, 7, 100}) {
            Circuit c = GadgetAsserts.assertCost(Rope.cost(d, pos, 10000, fx, fc, out, 2), b -> {
                int[][] v = new int[d][];
                for (int i = 0; i < d; i++) v[i] = b.inputBus("v" + i, fx.width());
                int[][] r = Rope.apply(Net.of(b), v, pos, 10000, fx, fc, out, 2);
                for (int i = 0; i < d; i++) b.outputBus("r" + i, r[i]);
            });
            DirectEval ev = new DirectEval(c);
            for (long x = fx.minCode(); x <= fx.maxCode(); x++) {
                for (long y = fx.minCode(); y <= fx.maxCode(); y++) {
                    ev.run(x, y, y, x);
                    for (int i = 0; i < d / 2; i++) {
                        long[] cs = Fixed.ropeCoefficients(Fixed.ropeAngle(pos, i, d, 10000), fc);
                        long a = i == 0 ? x : y, bb = i == 0 ? y : x;
                        assertArrayEquals(Fixed.rope(a, bb, fx, cs[0], cs[1], fc, out), new long[] {ev.signed("r" + 2 * i), ev.signed("r" + (2 * i + 1))});
                    }
                }
            }
        }
    }

    @Test
    void aggregationSumsExactlyTheNeighboursWhoseBitIsSet() {
        FixedFormat fx = FixedFormat.of(2, 1), out = FixedFormat.of(3, 0);
        int m = 3;
        Circuit c = GadgetAsserts.assertCost(Aggregate.cost(m, fx, out, 2), b -> {
            int[] adj = b.inputBus("adj", m);
            int[][] xs = new int[m][];
            for (int i = 0; i < m; i++) xs[i] = b.inputBus("x" + i, fx.width());
            b.outputBus("h", Aggregate.sum(Net.of(b), adj, xs, fx, out, 2));
        });
        DirectEval ev = new DirectEval(c);
        for (long a = 0; a < 8; a++) {
            boolean[] adj = {(a & 1) != 0, (a & 2) != 0, (a & 4) != 0};
            long aa = a;
            GadgetAsserts.forAllWords(m, fx.width(), xs -> {
                ev.run(aa, xs[0], xs[1], xs[2]);
                assertEquals(Fixed.aggregate(adj, xs, fx, out), ev.signed("h"));
            });
        }
        for (int n : new int[] {2, 16, 128}) assertEquals(7, Aggregate.cost(n, FixedFormat.of(4, 4), FixedFormat.of(8, 4), 2).depth(), "n = " + n);
    }
}
