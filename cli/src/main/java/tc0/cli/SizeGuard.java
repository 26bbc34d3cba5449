package tc0.cli;

import java.util.Optional;
import tc0.compiler.count.CountOverflow;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.ir.TensorProgram;

/**
 * The size guard: before a spec is built its cost is counted (without building) and compared with
 * {@code --max-gates}, or without one with what the JVM's heap holds, so a circuit too large for memory is
 * refused at once instead of failing after minutes. The count is of the build without structural hashing,
 * so the circuit built is never larger.
 *
 * @param maxGates the most gates a build may have (given), else {@code Long.MAX_VALUE}
 * @param given    whether the user gave the limit (else the heap's estimate, {@link #peakBytes}, decides)
 * @param hint     the advice a refusal ends with
 */
record SizeGuard(long maxGates, boolean given, String hint) {
    /**
     * Heap a built gate and a built wire need at the peak of compiling and writing, measured (2026-12-01, wires
     * of 8 bytes, the launcher's collector flags): gin n = 64 (2,893,030 gates, 35,277,790 wires) compiles and
     * writes its .tc0c in a 425 MB heap and not in 400 MB; mamba n = 8 (1,397,945 gates, 33,847,618 wires)
     * in 400 MB and not 350 MB; mamba n = 4 (391,702 gates, 5,340,352 wires) in 80 MB and not 70 MB; gin
     * n = 32 (931,042 gates, 10,085,158 wires) in 140 MB. 48 bytes a gate and 13 a wire, over the counted
     * gates and wires (a little above the built ones), estimate 575, 487, 86 and 168 MB for those: never
     * below what they needed. A limit by gates alone (it was 500 bytes a gate) refused narrow circuits that
     * fit and let wide ones run out.
     */
    static final long PEAK_BYTES_PER_GATE = 48, PEAK_BYTES_PER_WIRE = 13;

    /** The advice for the commands that build one circuit. */
    static final String BUILD_HINT = "try a smaller n, a larger heap (e.g. TC0_JAVA_OPTS=-Xmx20g) or --max-gates N (your own limit "
            + "instead of the heap's estimate); 'tc0 sweep SPEC --n ... --count-only' shows how the size grows without building";

    /** The guard for an optional {@code --max-gates} value: without one, what the heap holds by the estimate above. */
    static SizeGuard of(Long maxGates, String hint) {
        if (maxGates != null && maxGates < 1) throw new UserError("--max-gates must be at least 1, not " + maxGates);
        return maxGates == null ? new SizeGuard(Long.MAX_VALUE, false, hint) : new SizeGuard(maxGates, true, hint);
    }

    /** Bytes of heap building and writing a circuit of this count takes, by {@link #PEAK_BYTES_PER_GATE} and {@link #PEAK_BYTES_PER_WIRE}. */
    static double peakBytes(CountedCost c) {
        return PEAK_BYTES_PER_GATE * c.gates().doubleValue() + PEAK_BYTES_PER_WIRE * c.wires().doubleValue();
    }

    /**
     * Counts {@code p} and refuses it (a {@link UserError}) when it has more than {@link #maxGates} gates
     * (compared exactly: a count past 2^63 - 1 is refused, never wrapped) or, without a given limit, when
     * {@link #peakBytes} passes the heap; or when a number overflows while counting (a gadget's weights or
     * value range past a long: the build would overflow the same way). Empty when the program cannot be
     * counted otherwise: counting mode does not cover it (yet), and the build itself then either works or
     * names what is missing.
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
        if (given && c.gatesAbove(maxGates)) {
            throw new UserError(String.format("%s: counted %,d gates (%,d wires, depth %d), more than --max-gates %,d; %s",
                    what, c.gates(), c.wires(), c.depth(), maxGates, hint));
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (!given && peakBytes(c) > heap) {
            throw new UserError(String.format("%s: counted %,d gates (%,d wires, depth %d): about %,d MB to build, more than this JVM's heap of %,d MB; %s",
                    what, c.gates(), c.wires(), c.depth(), (long) (peakBytes(c) / (1 << 20)), heap >> 20, hint));
        }
        return Optional.of(c);
    }
}
