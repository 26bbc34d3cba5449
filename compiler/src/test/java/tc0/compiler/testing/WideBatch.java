package tc0.compiler.testing;

import java.math.BigInteger;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;

/**
 * {@link WideEval} for many assignments at once: every assignment is one pattern of a single bit-parallel pass
 * (64 to a word), where WideEval walks every node once per assignment. The float gadgets' circuits at p = 16 have
 * hundreds of thousands of gates, so their tests spent most of their time in WideEval's per-assignment walk.
 * The bit-parallel evaluator is held to the gate definition by circuits' EvaluatorContract and
 * BitParallelEvaluatorTest; {@code WideBatchTest} holds this class to WideEval.
 */
public final class WideBatch {
    private final Circuit c;
    private final BitParallelEvaluator.Program program;

    public WideBatch(Circuit c) {
        this.c = c;
        this.program = new BitParallelEvaluator(1).compile(c);
    }

    public Circuit circuit() {
        return c;
    }

    /**
     * Output bus {@code name} as an unsigned number for each assignment; assignment {@code p} gives input bus
     * {@code i} the low {@code width} bits of {@code inputs.get(p)[i]}.
     */
    public BigInteger[] run(String name, List<BigInteger[]> inputs) {
        Bus out = c.outputBus(name);
        if (out == null) throw new IllegalArgumentException("no output bus " + name);
        List<Bus> buses = c.inputBuses();
        BitMatrix in = new BitMatrix(c.inputCount(), inputs.size());
        for (int p = 0; p < inputs.size(); p++) {
            BigInteger[] words = inputs.get(p);
            if (words.length != buses.size()) throw new IllegalArgumentException(words.length + " words for " + buses.size() + " buses");
            for (int b = 0; b < words.length; b++) {
                Bus bus = buses.get(b);
                for (int i = 0; i < bus.width(); i++) if (words[b].testBit(i)) in.set(bus.offset() + i, p, true);
            }
        }
        BitMatrix got = program.evaluate(in);
        BigInteger[] result = new BigInteger[inputs.size()];
        for (int p = 0; p < result.length; p++) {
            BigInteger u = BigInteger.ZERO;
            for (int i = 0; i < out.width(); i++) if (got.get(out.offset() + i, p)) u = u.setBit(i);
            result[p] = u;
        }
        return result;
    }
}
