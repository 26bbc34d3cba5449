package tc0.circuits.eval;

import java.math.BigInteger;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * The reference: one pattern at a time, every gate by its definition (sum the weights of the fan-ins that
 * are 1, compare with the threshold). Sums are exact: a sum that overflows a long is redone with
 * BigInteger. Slow and obviously right; the other evaluators are tested against it.
 */
public final class ScalarEvaluator implements Evaluator {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public Compiled compile(Circuit c) {
        return new Compiled() {
            @Override
            public Circuit circuit() {
                return c;
            }

            @Override
            public BitMatrix evaluate(BitMatrix inputs) {
                return run(c, inputs);
            }
        };
    }

    private static BitMatrix run(Circuit c, BitMatrix inputs) {
        Evaluator.checkInputs(c, inputs);
        BitMatrix out = new BitMatrix(c.outputCount(), inputs.patterns());
        boolean[] value = new boolean[c.nodeCount()];
        for (int p = 0; p < inputs.patterns(); p++) {
            for (int i = 0; i < c.inputCount(); i++) value[1 + i] = inputs.get(i, p);
            for (int g = 0; g < c.gateCount(); g++) value[c.firstGate() + g] = gate(c, g, value);
            for (int o = 0; o < c.outputCount(); o++) {
                int lit = c.output(o);
                if (value[Literal.node(lit)] ^ Literal.isNegated(lit)) out.set(o, p, true);
            }
        }
        return out;
    }

    /** The value of gate {@code g} given the values of all earlier nodes. */
    static boolean gate(Circuit c, int g, boolean[] value) {
        long sum = 0;
        try {
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
                if (value[c.faninNode(e)]) sum = Math.addExact(sum, c.weight(e));
            }
        } catch (ArithmeticException overflow) {
            return exactGate(c, g, value);
        }
        return sum >= c.threshold(g);
    }

    private static boolean exactGate(Circuit c, int g, boolean[] value) {
        BigInteger sum = BigInteger.ZERO;
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
            if (value[c.faninNode(e)]) sum = sum.add(BigInteger.valueOf(c.weight(e)));
        }
        return sum.compareTo(BigInteger.valueOf(c.threshold(g))) >= 0;
    }
}
