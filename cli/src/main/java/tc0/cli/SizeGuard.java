package tc0.cli;

import java.util.Optional;
import tc0.compiler.count.CountOverflow;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.ir.TensorProgram;

/**
 * The size guard: before a spec is built its cost is counted (without building) and compared with
 * {@code --max-gates}, so a circuit too large for memory is refused at once instead of failing after minutes.
 * The count is of the build without structural hashing, so the circuit built is never larger.
 *
 * @param maxGates the most gates a build may have
 * @param given    whether the user gave the limit (else it is {@link #defaultMaxGates()})
 * @param hint     the advice a refusal ends with
 */
record SizeGuard(long maxGates, boolean given, String hint) {
    /**
     * Heap a built gate needs at the peak of compiling and writing, measured: gin n = 8 (2.16 million gates,
     * 35.7 million wires, 16.5 wires a gate) compiles and writes its .tc0c in a 1,000 MB heap and not in
     * 950 MB, about 460 bytes a gate (28 a wire); 500 leaves a margin.
     */
    static final long PEAK_BYTES_PER_GATE = 500;

    /** The advice for the commands that build one circuit. */
    static final String BUILD_HINT = "try a smaller n or a larger --max-gates (with a larger heap, e.g. TC0_JAVA_OPTS=-Xmx20g); "
            + "'tc0 sweep SPEC --n ... --count-only' shows how the size grows without building";

    /** The guard for an optional {@code --max-gates} value. */
    static SizeGuard of(Long maxGates, String hint) {
        if (maxGates != null && maxGates < 1) throw new UserError("--max-gates must be at least 1, not " + maxGates);
        return maxGates == null ? new SizeGuard(defaultMaxGates(), false, hint) : new SizeGuard(maxGates, true, hint);
    }

    /** The default limit: as many gates as fit in this JVM's heap (-Xmx) at {@link #PEAK_BYTES_PER_GATE}. */
    static long defaultMaxGates() {
        return Runtime.getRuntime().maxMemory() / PEAK_BYTES_PER_GATE;
    }

    /**
     * Counts {@code p} and refuses it (a {@link UserError}) when it has more than {@link #maxGates} gates
     * (compared exactly: a count past 2^63 - 1 is refused, never wrapped), or when a number overflows while
     * counting (a gadget's weights or value range past a long: the build would overflow the same way).
     * Empty when the program cannot be counted otherwise: counting mode does not cover it (yet), and the
     * build itself then either works or names what is missing.
     */
    Optional<CountedCost> check(String what, TensorProgram p, int rounds) {
        CountedCost c;
        try {
            c = TensorIrToCost.count(p, rounds);
        } catch (CountOverflow e) {
            throw new UserError(what + ": " + e.getMessage());
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        if (c.gatesAbove(maxGates)) {
            throw new UserError(String.format("%s: counted %,d gates (%,d wires, depth %d), more than --max-gates %,d%s; %s",
                    what, c.gates(), c.wires(), c.depth(), maxGates,
                    given ? "" : " (the default for a heap of " + (Runtime.getRuntime().maxMemory() >> 20) + " MB)", hint));
        }
        return Optional.of(c);
    }
}
