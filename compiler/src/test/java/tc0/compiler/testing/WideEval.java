package tc0.compiler.testing;

import java.math.BigInteger;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;

/**
 * {@link DirectEval} for words of any width: inputs and outputs as unsigned {@link BigInteger}s (bus
 * {@code i} takes the low {@code width} bits of {@code inputs[i]}). Evaluates every node once per run.
 */
public final class WideEval {
    private final Circuit c;
    private final DirectEval eval;

    public WideEval(Circuit c) {
        this.c = c;
        this.eval = new DirectEval(c);
    }

    public WideEval run(BigInteger... inputs) {
        eval.run(inputs.length, (b, i) -> inputs[b].testBit(i));
        return this;
    }

    /** Output bus {@code name} as an unsigned number. */
    public BigInteger unsigned(String name) {
        Bus bus = c.outputBus(name);
        if (bus == null) throw new IllegalArgumentException("no output bus " + name);
        BigInteger u = BigInteger.ZERO;
        for (int i = 0; i < bus.width(); i++) if (eval.literal(c.output(bus.offset() + i))) u = u.setBit(i);
        return u;
    }
}
