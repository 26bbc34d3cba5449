package tc0.proofs.smt;

import java.util.Arrays;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;

/**
 * An input on which the solver says circuit and specification differ, with what the bit-parallel evaluator
 * and the reference compute on it. It is confirmed when those two differ too: a solver's model is only
 * believed once independent code agrees with it.
 *
 * @param inputs    the input buses' codes (signed), in the circuit's order
 * @param circuit   the output buses' words as the evaluator computes them (raw bits)
 * @param reference the output buses' words as the numerics compute them (raw bits)
 */
public record Counterexample(List<String> names, long[] inputs, long[] circuit, long[] reference) {

    /** Runs the evaluator and the reference on the solver's input. */
    static Counterexample run(Circuit c, long[] inputs, GadgetCase.Reference reference) {
        List<Bus> outs = c.outputBuses();
        long[] ref = reference.outputs(inputs.clone());
        long[] mine = evaluate(c, inputs);
        long[] refBits = new long[outs.size()];
        for (int i = 0; i < outs.size(); i++) refBits[i] = ref[i] & mask(outs.get(i).width());
        return new Counterexample(c.inputBuses().stream().map(Bus::name).toList(), inputs, mine, refBits);
    }

    /** True when the evaluated circuit and the reference differ on this input. */
    public boolean confirmed() {
        return !Arrays.equals(circuit, reference);
    }

    /** The circuit's output words on one input, by the bit-parallel evaluator. */
    static long[] evaluate(Circuit c, long[] inputs) {
        BitMatrix in = new BitMatrix(c.inputCount(), 1);
        List<Bus> buses = c.inputBuses();
        for (int b = 0; b < buses.size(); b++) {
            Bus bus = buses.get(b);
            for (int i = 0; i < bus.width(); i++) in.set(bus.offset() + i, 0, (inputs[b] >>> i & 1) != 0);
        }
        BitMatrix out = new BitParallelEvaluator(1).compile(c).evaluate(in);
        List<Bus> outs = c.outputBuses();
        long[] words = new long[outs.size()];
        for (int b = 0; b < outs.size(); b++) {
            Bus bus = outs.get(b);
            for (int i = 0; i < bus.width(); i++) if (out.get(bus.offset() + i, 0)) words[b] |= 1L << i;
        }
        return words;
    }

    static long mask(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    /** "x0=-3 x1=5: circuit 12, reference 13" */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < inputs.length; i++) s.append(i > 0 ? " " : "").append(names.get(i)).append('=').append(inputs[i]);
        return s + ": circuit " + Arrays.toString(circuit) + ", reference " + Arrays.toString(reference)
                + (confirmed() ? " (confirmed)" : " (NOT confirmed: the evaluator agrees with the reference)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counterexample c && names.equals(c.names) && Arrays.equals(inputs, c.inputs)
                && Arrays.equals(circuit, c.circuit) && Arrays.equals(reference, c.reference);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(inputs);
    }
}
