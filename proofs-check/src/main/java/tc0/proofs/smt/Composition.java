package tc0.proofs.smt;

import java.util.List;

/**
 * A gadget as a composition of steps, each a {@link GadgetCase} of its own: what {@link CompositionProver}
 * needs to prove the whole from proofs of its parts. Each step reads words that are the whole's input buses
 * or earlier steps' output buses; the whole's output buses are steps' output buses.
 *
 * @param steps   in an order where every step reads only earlier ones
 * @param outputs the whole's output buses, in its order
 */
public record Composition(List<Step> steps, List<Wire> outputs) {
    public Composition {
        steps = List.copyOf(steps);
        outputs = List.copyOf(outputs);
        for (int s = 0; s < steps.size(); s++) {
            for (Wire w : steps.get(s).inputs()) {
                if (w.step() >= s) throw new IllegalArgumentException("step " + s + " reads step " + w.step() + ", not an earlier one");
            }
        }
    }

    /** One use of a step: its input buses, in the step circuit's order, from these wires. */
    public record Step(GadgetCase gadget, List<Wire> inputs) {
        public Step {
            inputs = List.copyOf(inputs);
        }
    }

    /** Output bus {@code bus} of step {@code step}, or the whole's input bus {@code bus} where step is -1. */
    public record Wire(int step, int bus) {
        public static Wire input(int bus) {
            return new Wire(-1, bus);
        }

        public static Wire output(int step, int bus) {
            return new Wire(step, bus);
        }
    }
}
