package tc0.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.LongConsumer;
import tc0.compiler.count.CountFallback;
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
     * Heap a built gate and a built wire need at the peak of compiling and writing. A wire is stored in 8
     * bytes (source and weight, in chunks the circuit keeps: no reserve, no copy), or in none where its gate
     * shares the terms of the gate before it, which the count does not know: 9 bytes a counted wire is what
     * a circuit with no sharing at all needs, with slack for the last chunk. 48 bytes a gate: start, end,
     * threshold, region (24), the hash table (11-21), the level array and the writer's pieces. Random gates
     * that share nothing ({@code tc0 bench-builder --gates 10000000 --fanin 10}) peak at 12.83 bytes a
     * wire, gate costs included, where this estimate says 13.8. Measured
     * (2026-12-01, the launcher's collector flags), the compiler's circuits need far less, since most of
     * their wires are shared: gin n = 64 (2,893,030 gates, 35,277,790 wires) compiles and writes its .tc0c
     * in 200 MB and not 175 MB (the estimate: about 435 MB); mamba n = 8 (1,397,945 gates, 33,847,618
     * wires) in 100 MB (355); mamba n = 4 (391,702 gates, 5,340,352 wires) in 38 MB and not 30 MB (64);
     * gin n = 32 (931,042 gates, 10,085,158 wires) in 70 MB and not 60 MB (129). With every wire stored
     * (13 bytes a wire before, when the builder also reserved and copied) these needed 425, 400, 80 and
     * 140 MB. A limit by gates alone (it was 500 bytes a gate) refused narrow circuits that fit and let wide
     * ones run out.
     */
    static final long PEAK_BYTES_PER_GATE = 48, PEAK_BYTES_PER_WIRE = 9;

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
     * Counts {@code p} by its class summary and refuses it (a {@link UserError}) when it has more than
     * {@link #maxGates} gates (compared exactly: a count past 2^63 - 1 is refused, never wrapped) or, without a
     * given limit, when {@link #peakBytes} passes the heap; or when a number overflows while counting (a gadget's
     * weights or value range past a long: the build would overflow the same way). Empty when the summary cannot
     * count the program (two views of one tensor in one op): the build is then held to {@link #uncounted}.
     */
    Optional<CountedCost> check(String what, TensorProgram p, int rounds) {
        CountedCost c;
        try {
            c = TensorIrToCost.summaryOnly(p, rounds);
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

    /** Whether {@link #check} would let a circuit of this count be built (and tc0's builder can: no number past a long). */
    boolean allowsBuilding(CountedCost c) {
        if (c.wide() || !c.fitsLong()) return false;
        return given ? !c.gatesAbove(maxGates) : peakBytes(c) <= Runtime.getRuntime().maxMemory();
    }

    /**
     * The most gates a build the guard could not count may reach: {@link #maxGates} where given, else what the
     * heap holds at {@link #PEAK_BYTES_PER_GATE} (wires not counted: a bound that refuses only what cannot fit).
     */
    long uncountedLimit() {
        return given ? maxGates : Runtime.getRuntime().maxMemory() / PEAK_BYTES_PER_GATE;
    }

    /** "--max-gates 1,000" or "the 111,848,106 gates this JVM's heap of 5,120 MB holds at 48 bytes a gate". */
    private String limitText() {
        return given ? String.format("--max-gates %,d", maxGates) : String.format("the %,d gates this JVM's heap of %,d MB holds at %d bytes a gate",
                uncountedLimit(), Runtime.getRuntime().maxMemory() >> 20, PEAK_BYTES_PER_GATE);
    }

    /**
     * Told the gates after each node of a build the guard could not count beforehand ({@link #check} empty):
     * stops it, a {@link UserError} ending in {@link #hint}, once it passes {@link #uncountedLimit}.
     */
    LongConsumer uncounted(String what) {
        return gates -> {
            if (gates > uncountedLimit()) {
                throw new UserError(String.format("%s: not counted beforehand (the summary cannot count it exactly) and the build passed %,d gates, "
                        + "more than %s; %s", what, gates, limitText(), hint));
            }
        };
    }

    /**
     * For {@code --count-only}: where the summary cannot count {@code what} exactly, the program is built to be
     * counted, announced on {@code err} (one line: the node, why, the limit) and stopped past
     * {@link #uncountedLimit}. The advice is for counting: a smaller n or a larger limit, not counting instead.
     */
    CountFallback countFallback(String what, PrintWriter err) {
        return new CountFallback() {
            @Override
            public void building(String why, long elements) {
                err.printf("tc0: %s: %s; counting it by building the circuit without hashing instead (%,d elements, stopped past %s)%n",
                        what, why.replaceFirst("^counting: ", ""), elements, limitText());
                err.flush();
            }

            @Override
            public void built(long gates) {
                if (gates > uncountedLimit()) {
                    throw new UserError(String.format("%s: counting by building passed %,d gates, more than %s; try a smaller n%s",
                            what, gates, limitText(), given ? " or a larger --max-gates" : " or a larger heap (e.g. TC0_JAVA_OPTS=-Xmx20g)"));
                }
            }
        };
    }
}
