package tc0.compiler.testing;

import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * Evaluates a built {@link Circuit} straight from its arrays, every node once per assignment: the plainest
 * reference (the project's evaluators live elsewhere). Words travel as longs: input bus {@code i} takes the
 * low {@code width} bits of {@code inputs[i]}; each output bus comes back sign-extended (two's complement).
 */
public final class DirectEval {
    private final Circuit c;
    private final boolean[] v;

    public DirectEval(Circuit c) {
        this.c = c;
        this.v = new boolean[c.nodeCount()];
    }

    /** Bit i of input bus b. */
    public interface InputBits {
        boolean bit(int bus, int i);
    }

    /** Sets the inputs bus by bus and evaluates every node. */
    public DirectEval run(long... inputs) {
        return run(inputs.length, (b, i) -> ((inputs[b] >>> i) & 1) != 0);
    }

    /** Sets the inputs of {@code words} buses from {@code bits} and evaluates every node. */
    public DirectEval run(int words, InputBits bits) {
        if (words != c.inputBuses().size()) throw new IllegalArgumentException(words + " words for " + c.inputBuses().size() + " buses");
        for (int b = 0; b < words; b++) {
            Bus bus = c.inputBuses().get(b);
            for (int i = 0; i < bus.width(); i++) v[1 + bus.offset() + i] = bits.bit(b, i);
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

    public boolean literal(int lit) {
        return v[Literal.node(lit)] ^ Literal.isNegated(lit);
    }

    /** Output bus {@code name} as a signed (two's complement) number. */
    public long signed(String name) {
        long u = unsigned(name);
        int w = c.outputBus(name).width();
        return w >= 64 ? u : (u << (64 - w)) >> (64 - w);
    }

    /** Output bus {@code name} as an unsigned number. */
    public long unsigned(String name) {
        Bus bus = c.outputBus(name);
        if (bus == null) throw new IllegalArgumentException("no output bus " + name);
        long u = 0;
        for (int i = 0; i < bus.width(); i++) if (literal(c.output(bus.offset() + i))) u |= 1L << i;
        return u;
    }

    /** The low {@code w} bits of {@code x} as a signed number. */
    public static long signExtend(long x, int w) {
        return (x << (64 - w)) >> (64 - w);
    }
}
