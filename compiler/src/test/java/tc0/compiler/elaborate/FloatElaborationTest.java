package tc0.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.ChiangFloat;

/** A model under {@code precision float(p: P)}: float elements, weights rounded to p bits, unsupported ops refused at their place. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FloatElaborationTest {
    private static String model(String body) {
        return "model m(n = 4) {\n    precision float(p: n + 1);\n    input X: [n, n];\n" + body + "\n}\n";
    }

    @Test
    void everyWordIsAFloatOfTheDeclaredFormat() {
        TensorProgram p = Specs.elaborate(model("    weight W: [n, n] = random(seed: 3);\n    output Y = relu(X @ W) + 1;"));
        ChiangFloat.Format f = new ChiangFloat.Format(5, 5); // p = n + 1 = 5, e = log2(5) + 2 = 5
        assertEquals(f, p.floats().orElseThrow());
        for (Node n : p.nodes()) assertInstanceOf(Elem.Float.class, n.elem(), n.toString());
    }

    /**
     * Each weight is the draw Weights documents (u uniform in [-1, 1) over sqrt(fan-in)) rounded to 5 significant
     * bits: within half a unit of its last place, and on the 5-bit grid; at least one weight moved.
     */
    @Test
    void weightsAreTheirDrawsRoundedToPBits() {
        TensorProgram p = Specs.elaborate(model("    weight W: [n, n] = random(seed: 3);\n    output Y = X @ W;"));
        Op.Constant w = p.nodes().stream().map(Node::op).filter(o -> o instanceof Op.Constant).map(o -> (Op.Constant) o).findFirst().orElseThrow();
        SplittableRandom r = new SplittableRandom(3 * 0x9E3779B97F4A7C15L ^ Weights.fnv1a64("W"));
        int moved = 0;
        for (int i = 0; i < w.length(); i++) {
            double u = (2 * r.nextDouble() - 1) / Math.sqrt(4), got = Double.longBitsToDouble(w.code(i));
            double ulp = Math.scalb(1.0, Math.getExponent(got) - 4); // 5 bits: the last place is 2^(exponent - 4)
            assertTrue(Math.abs(got - u) <= ulp / 2, "weight " + i + ": " + got + " is not " + u + " rounded to 5 bits");
            assertEquals(got, Math.rint(Math.scalb(got, 4 - Math.getExponent(got))) * Math.scalb(1.0, Math.getExponent(got) - 4), "on the 5-bit grid");
            if (got != u) moved++;
        }
        assertTrue(moved > 0, "the draws have more than 5 bits");
    }

    @Test
    void anOpTheFloatRegimeLacksIsRefusedAtItsCallNamingIt() {
        var m = Specs.checkSource(model("    output Y = cumsum(X, axis: 1);"));
        ElaborationException e = assertThrows(ElaborationException.class, () -> Elaborator.elaborate(m));
        assertEquals(4, e.diagnostic().line());
        assertEquals(16, e.diagnostic().col());
        assertEquals("'cumsum' is not supported under precision float(p: 5, e: 5) yet (a float model has @, + - * /, "
                + "sum, mean, max, min, softmax, layernorm, rope, scanexp, rowkron, colkron, relu, sqrt, recip, exp, sigmoid, silu, softplus, "
                + "gelu, where and the wiring built-ins); use precision fixed(int: I, frac: F)", e.diagnostic().message());
        for (String body : List.of("tanh(X)", "sin(X)", "leaky_relu(X, 0.5)", "elu(X)", "upsample(X, to: [8, 8], mode: nearest)")) {
            var bad = Specs.checkSource(model("    output Y = " + body + ";"));
            ElaborationException x = assertThrows(ElaborationException.class, () -> Elaborator.elaborate(bad), body);
            assertTrue(x.diagnostic().message().contains("is not supported under precision float"), x.diagnostic().message());
        }
        var masked = Specs.checkSource(model("    input B: [n, n] bit;\n    output Y = softmax(X, axis: 1, mask: B);"));
        ElaborationException x = assertThrows(ElaborationException.class, () -> Elaborator.elaborate(masked));
        assertTrue(x.diagnostic().message().startsWith("'softmax' with a mask computed from the inputs is not supported"), x.diagnostic().message());
        assertEquals(5, x.diagnostic().line());
    }

    @Test
    void functionsOfConstantsStayConstantsUnderFloat() {
        TensorProgram p = Specs.elaborate(model("    output Y = X * exp(1) + max(2, 3);"));
        assertTrue(p.nodes().stream().noneMatch(n -> n.op() instanceof Op.Unary), "exp(1) is a constant, not an op");
    }
}
