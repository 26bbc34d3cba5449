package tc0.proofs.smt;

/**
 * What the solver said about one {@link GadgetCase}.
 *
 * @param gadget the case's name
 * @param widths the widths it was proved at
 * @param gates  the circuit's gates
 * @param millis the solver's wall time (translation and check), in milliseconds
 * @param cpuMillis its CPU time (the measure on a shared machine), in milliseconds
 * @param result proved, refuted by a counterexample, or unknown (why)
 */
public record Proof(String gadget, String widths, int gates, long millis, long cpuMillis, Result result) {

    /** The solver's answer. */
    public sealed interface Result {
        /** Unsatisfiable: circuit = specification on every input. */
        record Proved() implements Result {}

        /** Satisfiable: an input where they differ, run on the evaluator and the reference. */
        record Refuted(Counterexample counterexample) implements Result {}

        /** The solver gave up (timeout, resource limit). */
        record Unknown(String reason) implements Result {}
    }

    public boolean proved() {
        return result instanceof Result.Proved;
    }

    /** "proved", "refuted: x0=... (confirmed)", "unknown: ..." */
    public String resultLine() {
        return switch (result) {
            case Result.Proved p -> "proved";
            case Result.Refuted r -> "refuted: " + r.counterexample();
            case Result.Unknown u -> "unknown: " + u.reason();
        };
    }
}
