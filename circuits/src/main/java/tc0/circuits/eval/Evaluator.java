package tc0.circuits.eval;

import tc0.circuits.Circuit;

/**
 * Evaluates a circuit on many input patterns at once. Every implementation computes the same function, bit
 * for bit: gate g is 1 iff the exact integer sum of its weights over the fan-ins that are 1 is at least its
 * threshold. Compiling is separate from evaluating so repeated runs (and benchmarks) pay for it once.
 */
public interface Evaluator {

    /** A short name for reports: "scalar", "bit-parallel". */
    String name();

    /** Prepares {@code c} for evaluation; the result may be used many times and from one thread at a time. */
    Compiled compile(Circuit c);

    /** Compiles and evaluates once. */
    default BitMatrix evaluate(Circuit c, BitMatrix inputs) {
        return compile(c).evaluate(inputs);
    }

    /** A circuit prepared by one evaluator. */
    interface Compiled {
        Circuit circuit();

        /**
         * The outputs on every pattern: one row per output (output 0 first), as many patterns as
         * {@code inputs} has.
         *
         * @param inputs one row per circuit input
         * @throws IllegalArgumentException if {@code inputs} has not {@code circuit().inputCount()} rows
         */
        BitMatrix evaluate(BitMatrix inputs);
    }

    /** The check every implementation makes first. */
    static void checkInputs(Circuit c, BitMatrix inputs) {
        if (inputs.rows() != c.inputCount()) {
            throw new IllegalArgumentException("the circuit has " + c.inputCount() + " inputs, the patterns have " + inputs.rows() + " rows");
        }
    }
}
