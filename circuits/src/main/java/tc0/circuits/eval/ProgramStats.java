package tc0.circuits.eval;

/**
 * How {@link BitParallelEvaluator} compiled a circuit's gates.
 *
 * @param and      AND gates (fan-ins possibly complemented): one AND per word and fan-in
 * @param or       OR gates, computed as ANDs of complements
 * @param sliced   other threshold gates, through a bit-sliced counter
 * @param lanes    threshold gates too wide to slice, evaluated one pattern at a time
 * @param constant gates whose value does not depend on the inputs
 * @param dead     gates no output needs, skipped
 * @param slots    value slots per thread (the widest live cut, plus the constant)
 * @param recompared sliced gates that compare the counter of the gate before them again (same terms,
 *                 another threshold: a bank of comparators), counted in {@code sliced} too
 */
public record ProgramStats(long and, long or, long sliced, long lanes, long constant, long dead, int slots, long recompared) {}
