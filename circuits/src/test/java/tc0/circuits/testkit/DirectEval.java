package tc0.circuits.testkit;

import java.math.BigInteger;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * The plainest evaluation there is, straight from the circuit's arrays, exact for any long weights (it
 * switches to BigInteger when a sum would overflow). The reference the exports are checked against until
 * the project's own evaluators land.
 */
public final class DirectEval {
    private DirectEval() {}

    /** The value of every node under the assignment {@code in} (one entry per input). */
    public static boolean[] nodes(Circuit c, boolean[] in) {
        boolean[] v = new boolean[c.nodeCount()];
        for (int i = 0; i < c.inputCount(); i++) v[1 + i] = in[i];
        for (int g = 0; g < c.gateCount(); g++) v[c.firstGate() + g] = gate(c, g, v);
        return v;
    }

    /** The outputs under the assignment {@code in}. */
    public static boolean[] outputs(Circuit c, boolean[] in) {
        boolean[] v = nodes(c, in);
        boolean[] out = new boolean[c.outputCount()];
        for (int i = 0; i < out.length; i++) out[i] = v[Literal.node(c.output(i))] ^ Literal.isNegated(c.output(i));
        return out;
    }

    private static boolean gate(Circuit c, int g, boolean[] v) {
        long s = 0;
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
            if (!v[c.faninNode(e)]) continue;
            try {
                s = Math.addExact(s, c.weight(e));
            } catch (ArithmeticException overflow) {
                return exact(c, g, v);
            }
        }
        return s >= c.threshold(g);
    }

    private static boolean exact(Circuit c, int g, boolean[] v) {
        BigInteger s = BigInteger.ZERO;
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
            if (v[c.faninNode(e)]) s = s.add(BigInteger.valueOf(c.weight(e)));
        }
        return s.compareTo(BigInteger.valueOf(c.threshold(g))) >= 0;
    }

    /** Assignment number {@code bits} over {@code inputs} inputs, input 0 in bit 0. */
    public static boolean[] assignment(long bits, int inputs) {
        boolean[] in = new boolean[inputs];
        for (int i = 0; i < inputs; i++) in[i] = ((bits >>> i) & 1) != 0;
        return in;
    }
}
