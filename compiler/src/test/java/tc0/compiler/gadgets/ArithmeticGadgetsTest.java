package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;
import tc0.compiler.testing.DirectEval;
import tc0.compiler.testing.GadgetAsserts;

class ArithmeticGadgetsTest {
    static final FixedFormat Q22 = FixedFormat.of(2, 2);

    @Test
    void productsMatchFixedMulOnEveryPairForSeveralOutputFormats() {
        FixedFormat fx = FixedFormat.of(3, 2), fy = FixedFormat.of(2, 3);
        for (FixedFormat out : new FixedFormat[] {FixedFormat.of(3, 2), FixedFormat.of(6, 5), FixedFormat.of(4, 7), FixedFormat.of(2, 1)}) {
            for (int k = 0; k <= 2; k++) {
                int rounds = k;
                Circuit c = GadgetAsserts.assertCost(Multiply.costFixed(fx, fy, out, rounds), b -> {
                    int[] x = b.inputBus("x", 5), y = b.inputBus("y", 5);
                    b.outputBus("p", Multiply.fixed(Net.of(b), x, fx, y, fy, out, rounds));
                });
                DirectEval ev = new DirectEval(c);
                GadgetAsserts.forAllWords(2, 5, v -> assertEquals(Fixed.mul(v[0], fx, v[1], fy, out), ev.run(v).signed("p"),
                        () -> v[0] + " * " + v[1] + " to " + out + " k " + rounds));
            }
        }
    }

    @Test
    void dotProductsAreExactBeforeOneRounding() {
        FixedFormat out = FixedFormat.of(4, 1);
        Circuit c = GadgetAsserts.assertCost(Multiply.costDot(2, FixedFormat.of(2, 1), Q22, out, 2), b -> {
            int[][] x = {b.inputBus("x0", 3), b.inputBus("x1", 3)};
            int[][] y = {b.inputBus("y0", 4), b.inputBus("y1", 4)};
            b.outputBus("d", Multiply.dot(Net.of(b), x, FixedFormat.of(2, 1), y, Q22, out, 2));
        });
        DirectEval ev = new DirectEval(c);
        for (long a = 0; a < 1 << 14; a++) {
            long x0 = DirectEval.signExtend(a, 3), x1 = DirectEval.signExtend(a >> 3, 3), y0 = DirectEval.signExtend(a >> 6, 4), y1 = DirectEval.signExtend(a >> 10, 4);
            long expected = Fixed.dot(new long[] {x0, x1}, FixedFormat.of(2, 1), new long[] {y0, y1}, Q22, out);
            assertEquals(expected, ev.run(x0, x1, y0, y1).signed("d"));
        }
    }

    @Test
    void dotProductDepthIsTheSameForLengthOneToTwoHundredFiftySix() {
        FixedFormat f = FixedFormat.of(4, 4), out = FixedFormat.of(8, 4);
        int d1 = Multiply.costDot(1, f, f, out, 2).depth();
        assertEquals(7, d1);
        for (int d : new int[] {4, 16, 64, 256}) assertEquals(d1, Multiply.costDot(d, f, f, out, 2).depth(), "d = " + d);
    }

    @Test
    void constantMatrixProductsFoldTheMatrixIntoWeights() {
        long[][] w = {{3, -2, 1}, {-4, 0, 5}};
        FixedFormat fw = FixedFormat.of(3, 1), fx = FixedFormat.of(3, 1), out = FixedFormat.of(4, 1);
        Circuit c = GadgetAsserts.assertCost(MatMul.costConstant(w, fw, fx, out, 2), b -> {
            int[][] x = {b.inputBus("x0", 4), b.inputBus("x1", 4), b.inputBus("x2", 4)};
            int[][] y = MatMul.constant(Net.of(b), w, fw, x, fx, out, 2);
            b.outputBus("y0", y[0]);
            b.outputBus("y1", y[1]);
        });
        DirectEval ev = new DirectEval(c);
        GadgetAsserts.forAllWords(3, 4, xs -> {
            ev.run(xs);
            for (int i = 0; i < 2; i++) assertEquals(Fixed.dot(w[i], fw, xs, fx, out), ev.signed("y" + i));
        });
        assertEquals(6, MatMul.costConstant(w, fw, fx, out, 2).depth());
    }

    @Test
    void variableMatrixProductsMatchTheNumericsOnEveryInput() {
        FixedFormat f = FixedFormat.of(2, 0), out = FixedFormat.of(3, 0);
        Circuit c = GadgetAsserts.assertCost(MatMul.costVariable(2, 2, 2, f, f, out, 1), b -> {
            int[][][] a = new int[2][2][], bb = new int[2][2][];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) a[i][j] = b.inputBus("a" + i + j, 2);
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) bb[i][j] = b.inputBus("b" + i + j, 2);
            int[][][] cc = MatMul.variable(Net.of(b), a, f, bb, f, out, 1);
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) b.outputBus("c" + i + j, cc[i][j]);
        });
        DirectEval ev = new DirectEval(c);
        GadgetAsserts.forAllWords(8, 2, v -> {
            ev.run(v);
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) {
                long expected = Fixed.dot(new long[] {v[2 * i], v[2 * i + 1]}, f, new long[] {v[4 + j], v[6 + j]}, f, out);
                assertEquals(expected, ev.signed("c" + i + j));
            }
        });
    }

    @Test
    void tableLookupsEqualTheCorrectlyRoundedTablesForEveryFunctionAndCode() {
        FixedFormat in = FixedFormat.of(3, 3), out = FixedFormat.of(4, 4);
        for (UnaryFunction fn : UnaryFunction.values()) {
            Circuit c = GadgetAsserts.assertCost(Lookup.cost(fn, in, out), b -> b.outputBus("y", Lookup.function(Net.of(b), b.inputBus("x", 6), fn, in, out)));
            assertEquals(true, GadgetAsserts.stats(c).depth() <= 2);
            DirectEval ev = new DirectEval(c);
            Table t = Table.of(fn, in, out);
            for (long x = in.minCode(); x <= in.maxCode(); x++) assertEquals(t.at(x), ev.run(x).signed("y"), fn + "(" + in.toDouble(x) + ")");
        }
    }

    @Test
    void randomWideProductsAreExact() {
        FixedFormat f = FixedFormat.of(8, 8), out = FixedFormat.of(10, 10);
        Circuit c = GadgetAsserts.build(b -> b.outputBus("p", Multiply.fixed(Net.of(b), b.inputBus("x", 16), f, b.inputBus("y", 16), f, out, 2)));
        DirectEval ev = new DirectEval(c);
        var rnd = new SplittableRandom(9);
        long[] edges = {f.minCode(), f.maxCode(), 0, -1, 1, f.minCode() + 1};
        for (int t = 0; t < 400; t++) {
            long x = t < 36 ? edges[t % 6] : rnd.nextLong(f.minCode(), f.maxCode() + 1);
            long y = t < 36 ? edges[t / 6] : rnd.nextLong(f.minCode(), f.maxCode() + 1);
            assertEquals(Fixed.mul(x, f, y, f, out), ev.run(x, y).signed("p"), x + " * " + y);
        }
    }
}
