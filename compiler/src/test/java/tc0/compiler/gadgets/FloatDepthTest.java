package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The float primitives' depths (d_std, d_sum, d_prod, d_div, d_exp, d_sqrt, d_log) are one value for every p, in
 * the models' format ({@code q = log2(p) + 2}, as {@code precision float(p: n)} takes it). Not only each primitive's
 * depth over fresh inputs: the longest path from each operand's significand, exponent and sign to each output
 * field ({@link InputPaths}), since a model enters an element at its operands' levels and its depth is the longest
 * path through the elements. Expected: the depths each class states (docs/GADGETS.md), at p = 8 and at every p after.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class FloatDepthTest {
    /** A primitive over {@code operands} floats, its output as float words (or bits for compare). */
    record Primitive(String name, int operands, BiFunction<Net, FloatWord[], int[]> body) {}

    static final Primitive COMPARE = new Primitive("compare", 2, (net, x) -> FloatCompare.build(net, x[0], x[1]));
    static final Primitive ADD = new Primitive("add", 2, (net, x) -> FloatSum.build(net, x, 2).word());
    static final Primitive MULTIPLY = new Primitive("multiply", 2, (net, x) -> FloatProduct.multiply(net, x[0], x[1], 2).word());
    static final Primitive MAX = new Primitive("max of 4", 4, (net, x) -> FloatMax.max(net, x).word());
    static final Primitive PRODUCT = new Primitive("product of 3", 3, (net, x) -> FloatProduct.build(net, x, 2).word());
    static final Primitive EXP = new Primitive("exp", 1, (net, x) -> FloatExp.exp(net, x[0], 2).word());
    static final Primitive LOG = new Primitive("log", 1, (net, x) -> FloatLog.log(net, x[0], 2).word());
    static final Primitive SQRT = new Primitive("sqrt", 1, (net, x) -> FloatSqrt.sqrt(net, x[0], 2).word());
    static final Primitive DIVIDE = new Primitive("divide", 2, (net, x) -> FloatDivide.divide(net, x[0], x[1], 2).word());
    static final Primitive RECIPROCAL = new Primitive("reciprocal", 1, (net, x) -> FloatDivide.reciprocal(net, x[0], 2).word());

    /** {@code 1 + e}, e a float known positive (its sign the constant 0), as sigmoid and softplus add 1 to an exp. */
    static final Primitive ONE_PLUS_POSITIVE = new Primitive("1 + positive", 1,
            (net, x) -> FloatSum.build(net, new FloatWord[] {FloatActivations.one(x[0]), new FloatWord(x[0].significand(), x[0].exponent(), tc0.circuits.Literal.FALSE)}, 2).word());
    static final Primitive SIGMOID = new Primitive("sigmoid", 1, (net, x) -> FloatActivations.sigmoid(net, x[0], 2).word());
    static final Primitive SOFTPLUS = new Primitive("softplus", 1, (net, x) -> FloatActivations.softplus(net, x[0], 2).word());

    static Primitive sum(int m) { return new Primitive("sum of " + m, m, (net, x) -> FloatSum.build(net, x, 2).word()); }

    /** The models' exponent bits at precision p: {@code log2(p) + 2} (the language's default). */
    static int exponentBits(int p) { return 31 - Integer.numberOfLeadingZeros(p) + 2; }

    /**
     * Per operand and field (significand, exponent, sign), the longest path to each output field (significand,
     * exponent, sign; or each output bit for compare), -1 where there is none; and the longest path overall.
     */
    static String paths(Primitive g, int p) {
        int q = exponentBits(p), n = g.operands();
        InputPaths net = new InputPaths(3 * n);
        FloatWord[] xs = new FloatWord[n];
        for (int i = 0; i < n; i++) xs[i] = new FloatWord(net.input(p, 3 * i), net.input(q, 3 * i + 1), net.input(1, 3 * i + 2)[0]);
        int[] out = g.body().apply(net, xs);
        int[][] fields = out.length == p + q + 1
                ? new int[][] {java.util.Arrays.copyOfRange(out, 0, p), java.util.Arrays.copyOfRange(out, p, p + q), {out[p + q]}}
                : java.util.Arrays.stream(out).mapToObj(o -> new int[] {o}).toArray(int[][]::new);
        StringBuilder sb = new StringBuilder();
        int deepest = -1;
        for (int group = 0; group < 3 * n; group++) {
            sb.append(group % 3 == 0 ? " x" + group / 3 + ":" : "").append(' ').append("mes".charAt(group % 3)).append("->");
            for (int[] f : fields) {
                int d = net.path(f, group);
                deepest = Math.max(deepest, d);
                sb.append(d).append(f == fields[fields.length - 1] ? "" : "/");
            }
        }
        return "depth " + deepest + ";" + sb;
    }

    /** {@code g}'s paths are the same at every p of {@code ps} as at p = 8, and its depth is {@code depth}. */
    static void assertOneDepth(Primitive g, int depth, int... ps) {
        String at8 = paths(g, 8);
        assertEquals("depth " + depth, at8.substring(0, at8.indexOf(';')), g.name() + " at p = 8: " + at8);
        for (int p : ps) assertEquals(at8, paths(g, p), g.name() + ", p = " + p + " against p = 8");
    }

    @Test
    void sumsProductsAndComparisonsHaveOneDepthFromEightToOneHundredTwentyEightBits() {
        int[] ps = {16, 32, 64, 128};
        assertOneDepth(COMPARE, 6, ps);
        assertOneDepth(ADD, 24, ps);
        assertOneDepth(MULTIPLY, 21, ps);
        assertOneDepth(MAX, 10, ps);
        assertOneDepth(sum(4), 24, ps);
        assertOneDepth(sum(17), 24, 16, 32);
        assertOneDepth(PRODUCT, 40, 16, 32);
    }

    /**
     * A constant operand folds gates, and where its bits land among the sum's blocks depends on p and q: {@code 1 + e}
     * was 17 deep at p = 8 .. 32 and 18 at 64 and 128 (the float RoPE transformer and Mamba 2 and 4 levels deeper at
     * n = 64 than at 32, one level per sigmoid or softplus on the longest path). With the constant added in the
     * blocks' ladders it is one depth at every p.
     */
    @Test
    void onePlusAPositiveFloatHasOneDepthFromEightToTwoHundredFiftySixBits() {
        assertOneDepth(ONE_PLUS_POSITIVE, 16, 16, 32, 64, 128, 256);
    }

    /** Composed: at most the parts' depths added (sigmoid exp, 1 + e, reciprocal; softplus exp, 1 + e, log), one value for every p. */
    @Test
    void activationsHaveOneDepthAtEightAndSixteenBits() {
        assertOneDepthAtMost(SIGMOID, 55 + 16 + 61, 16);
        assertOneDepthAtMost(SOFTPLUS, 55 + 16 + 55, 16);
    }

    /** As {@link #assertOneDepth}, the depth at p = 8 at most {@code bound} (and within 2 of it). */
    static void assertOneDepthAtMost(Primitive g, int bound, int... ps) {
        String at8 = paths(g, 8);
        int depth = Integer.parseInt(at8.substring("depth ".length(), at8.indexOf(';')));
        org.junit.jupiter.api.Assertions.assertTrue(depth <= bound && depth >= bound - 2, g.name() + " at p = 8: " + at8 + ", not within 2 below " + bound);
        for (int p : ps) assertEquals(at8, paths(g, p), g.name() + ", p = " + p + " against p = 8");
    }

    @Test
    void functionsHaveOneDepthAtEightAndSixteenBits() {
        assertOneDepth(EXP, 55, 16, 32);
        assertOneDepth(LOG, 55, 16);
        assertOneDepth(SQRT, 56, 16);
        assertOneDepth(DIVIDE, 65, 16);
        assertOneDepth(RECIPROCAL, 61, 16);
    }

    /** Gate by gate: log at p = 64 several minutes of CPU, divide, sqrt and the sigmoid 2-5 each, exp at 256 about 2. */
    @Test
    @Tag("heavy")
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void functionsHaveOneDepthToSixtyFourBits() {
        int[] wide = {256};
        assertOneDepth(COMPARE, 6, wide);
        assertOneDepth(ADD, 24, wide);
        assertOneDepth(MULTIPLY, 21, wide);
        assertOneDepth(MAX, 10, wide);
        assertOneDepth(sum(4), 24, wide);
        assertOneDepth(sum(17), 24, 64, 128);
        assertOneDepth(PRODUCT, 40, 64);
        assertOneDepthAtMost(SIGMOID, 55 + 16 + 61, 32, 64);
        assertOneDepth(EXP, 55, 64, 128, 256);
        assertOneDepth(LOG, 55, 32, 64);
        assertOneDepth(SQRT, 56, 32, 64);
        assertOneDepth(DIVIDE, 65, 32, 64);
        assertOneDepth(RECIPROCAL, 61, 32, 64);
    }
}
