package tc0.compiler.testing;

import java.math.BigInteger;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * {@link DirectEval} for words of any width: inputs and outputs as unsigned {@link BigInteger}s (bus
 * {@code i} takes the low {@code width} bits of {@code inputs[i]}). Evaluates every node once per run.
 */
public final class WideEval {
    private final Circuit c;
    private final boolean[] v;

    public WideEval(Circuit c) {
        this.c = c;
        this.v = new boolean[c.nodeCount()];
    }

    public WideEval run(BigInteger... inputs) {
        if (inputs.length != c.inputBuses().size()) throw new IllegalArgumentException(inputs.length + " words for " + c.inputBuses().size() + " buses");
        for (int b = 0; b < inputs.length; b++) {
            Bus bus = c.inputBuses().get(b);
            for (int i = 0; i < bus.width(); i++) v[1 + bus.offset() + i] = inputs[b].testBit(i);
        }
        v[0] = false;
        int first = c.firstGate();
        for (int g = 0; g < c.gateCount(); g++) {
            long s = 0;
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) if (v[c.faninNode(e)]) s += c.weight(e);
            v[first + g] = s >= c.threshold(g);
        }
        return this;
    }

    /** Output bus {@code name} as an unsigned number. */
    public BigInteger unsigned(String name) {
        Bus bus = c.outputBus(name);
        if (bus == null) throw new IllegalArgumentException("no output bus " + name);
        BigInteger u = BigInteger.ZERO;
        for (int i = 0; i < bus.width(); i++) {
            int lit = c.output(bus.offset() + i);
            if (v[Literal.node(lit)] ^ Literal.isNegated(lit)) u = u.setBit(i);
        }
        return u;
    }
}
