package tc0.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.compiler.count.CountedCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;

/**
 * {@code tc0 bench-builder}: how fast the hashing builder takes gates and how much memory a built circuit
 * holds per wire, on a generated circuit of random threshold gates.
 */
@Command(name = "bench-builder",
        header = "Time the hashing circuit builder and measure its memory per wire.",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the hashing circuit builder on a generated circuit: GATES random threshold gates with",
            "FANIN inputs each (sources drawn from the last WINDOW nodes, weights in [-8, 8]); prints",
            "gates per second through CircuitBuilder.gate (normalise, fold, hash), the build (dead-gate",
            "removal) time, and bytes per wire: retained by the built circuit and the heap's peak.",
            "Run it in a fresh JVM for a clean peak figure; give the JVM enough heap (TC0_JAVA_OPTS=-Xmx20g).",
            "",
            "With --lower, the same builder on a real workload: a spec lowered several times in one JVM. With",
            "--touch, how fast the machine hands out fresh memory, which a large compile's wall time depends on.",
            "",
            "Examples:  tc0 bench-builder --gates 10000000 --fanin 10        (a 100-million-wire circuit)",
            "           tc0 bench-builder --lower examples/gin.tc0 --set n=64 --repeat 5",
            "           tc0 bench-builder --touch 1024"})
final class BenchBuilderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--gates", defaultValue = "2000000", description = "gates to request (default ${DEFAULT-VALUE})")
    int gates;

    @Option(names = "--fanin", defaultValue = "10", description = "fan-in of every gate (default ${DEFAULT-VALUE})")
    int fanin;

    @Option(names = "--inputs", defaultValue = "1024", description = "primary inputs (default ${DEFAULT-VALUE})")
    int inputs;

    @Option(names = "--window", defaultValue = "4096", description = "sources come from this many latest nodes (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "instead of random gates, rebuild this circuit's gates through a fresh builder (best of 15 runs)")
    Path replay;

    @Option(names = "--no-hashing", description = "turn structural hashing off (the baseline the hashing cost is measured against)")
    boolean noHashing;

    @Option(names = "--lower", paramLabel = "SPEC",
            description = {"instead: lower this spec (with --set) --repeat times in one JVM through the hashing builder, as",
                "compile does, and print each lowering's seconds, gates per second and megabytes allocated: the",
                "builder's speed on a real workload, without the process's one-time costs (JVM start, JIT, first",
                "touch of memory) that a single compile's wall time includes"})
    Path lower;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a parameter of the --lower spec (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--repeat", defaultValue = "5", description = "lowerings for --lower (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--touch", paramLabel = "MB",
            description = {"instead: touch MB of memory this process never had, then the same amount again after freeing it,",
                "and print MB/s of each: how fast this machine hands out fresh memory (a large compile touches",
                "gigabytes; on a VM that backs guest memory lazily the first touch is many times slower)"})
    Integer touchMb;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        if (touchMb != null) return touch(touchMb);
        if (lower != null) return lowerRepeatedly(lower);
        if (replay != null) return replay(CircuitLoader.load(replay));
        if (gates < 1 || fanin < 2 || inputs < fanin || window < fanin) {
            throw new UserError("need --gates >= 1, --fanin >= 2, --inputs and --window >= fanin");
        }
        warmUp();
        long heapBefore = usedHeapAfterGc();
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] lits = new int[fanin];
        long[] w = new long[fanin];
        CircuitBuilder b = new CircuitBuilder(!noHashing);
        int[] in = b.inputBus("x", inputs);
        int[] recent = new int[window];
        for (int i = 0; i < window; i++) recent[i] = in[i % inputs];
        long genSeconds = generate(new SplittableRandom(seed), null, new int[window], lits, w);
        long t0 = System.nanoTime();
        generate(rnd, b, recent, lits, w);
        long t1 = System.nanoTime();
        int[] outs = new int[Math.min(window, gates)];
        for (int i = 0; i < outs.length; i++) outs[i] = recent[i];
        b.outputBus("y", outs);
        CircuitBuilder.Stats st = b.stats();
        Circuit c = b.build();
        long t2 = System.nanoTime();
        long retained = usedHeapAfterGc() - heapBefore;
        long peak = peakHeap() - heapBefore;
        double addSeconds = (t1 - t0) / 1e9;
        double builderSeconds = Math.max(1e-9, addSeconds - genSeconds / 1e9);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requested", st.requested());
        m.put("gatesBuilt", st.gates());
        m.put("reused", st.reused());
        m.put("folded", st.folded());
        m.put("wiresBuilt", st.wires());
        m.put("gatesKept", (long) c.gateCount());
        m.put("wiresKept", c.wireCount());
        m.put("addSeconds", addSeconds);
        m.put("generatorSeconds", genSeconds / 1e9);
        m.put("gatesPerSecond", st.requested() / addSeconds);
        m.put("builderGatesPerSecond", st.requested() / builderSeconds);
        m.put("buildSeconds", (t2 - t1) / 1e9);
        m.put("retainedBytesPerWire", (double) retained / Math.max(1, c.wireCount()));
        m.put("peakBytesPerWire", (double) peak / Math.max(1, st.wires()));
        m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        if (c.gateCount() == 0) throw new UserError("the generated circuit folded to constants; try another --seed or a larger --fanin");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(m));
        } else {
            m.forEach((k, v) -> out.println(v instanceof Double d ? String.format("%-22s %,.2f", k, d) : String.format("%-22s %,d", k, (Long) v)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Times a real circuit's gates going through a fresh builder: the builder on a realistic workload. */
    private int replay(Circuit source) {
        long best = Long.MAX_VALUE;
        int maxFanin = 1;
        for (int g = 0; g < source.gateCount(); g++) maxFanin = Math.max(maxFanin, source.fanin(g));
        int[] lits = new int[maxFanin];
        long[] w = new long[maxFanin];
        CircuitBuilder b = null;
        for (int run = 0; run < 15; run++) {
            long t0 = System.nanoTime();
            b = new CircuitBuilder(!noHashing);
            int[] map = new int[source.nodeCount()];
            int[] in = b.inputBus("x", source.inputCount());
            System.arraycopy(in, 0, map, 1, in.length);
            for (int g = 0; g < source.gateCount(); g++) {
                int n = 0;
                for (int e = source.faninStart(g); e < source.faninEnd(g); e++) {
                    lits[n] = map[source.faninNode(e)];
                    w[n++] = source.weight(e);
                }
                map[source.firstGate() + g] = b.gate(lits, w, n, source.threshold(g));
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", replay.toString());
        m.put("gates", (long) source.gateCount());
        m.put("gatesBuilt", b.stats().gates());
        m.put("bestSeconds", best / 1e9);
        m.put("builderGatesPerSecond", source.gateCount() / (best / 1e9));
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Json.write(m));
        else m.forEach((k, v) -> out.println(v instanceof Double d ? String.format("%-22s %,.4f", k, d) : String.format("%-22s %s", k, v)));
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code --lower}: the spec lowered {@link #repeat} times in this JVM, each lowering timed. */
    private int lowerRepeatedly(Path file) {
        if (repeat < 1) throw new UserError("--repeat needs at least 1, got " + repeat);
        TensorProgram p = SpecCompiler.elaborate(file, ParseCommand.values(sets));
        int rounds = WeightedSum.DEFAULT_ROUNDS;
        // Counted first, as compile does: the guard, and the size the builder reserves.
        Optional<CountedCost> counted = SizeGuard.of(null, SizeGuard.BUILD_HINT).check(SpecCompiler.describe(file, p), p, rounds);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean(); // per-thread allocation
        List<Double> seconds = new ArrayList<>();
        List<Long> allocatedMB = new ArrayList<>();
        long gatesBuilt = 0;
        for (int run = 0; run < repeat; run++) {
            long a0 = threads.getCurrentThreadAllocatedBytes(), t0 = System.nanoTime();
            Circuit c = SpecCompiler.lowerSized(file, p, rounds, counted, g -> { }).circuit();
            seconds.add((System.nanoTime() - t0) / 1e9);
            allocatedMB.add((threads.getCurrentThreadAllocatedBytes() - a0) >> 20);
            gatesBuilt = c.gateCount();
        }
        double best = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", SpecCompiler.describe(file, p));
        m.put("gates", gatesBuilt);
        m.put("seconds", seconds);
        m.put("allocatedMB", allocatedMB);
        m.put("firstGatesPerSecond", gatesBuilt / seconds.getFirst());
        m.put("bestGatesPerSecond", gatesBuilt / best);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(m));
        } else {
            out.printf("%s: %,d gates%n", m.get("spec"), gatesBuilt);
            for (int run = 0; run < repeat; run++) {
                out.printf("  lowering %d  %7.3f s  %6.2f M gates/s  %,6d MB allocated%n", run + 1, seconds.get(run),
                        gatesBuilt / seconds.get(run) / 1e6, allocatedMB.get(run));
            }
            out.printf("  best %.2f M gates/s, first %.2f M gates/s%n", gatesBuilt / best / 1e6, gatesBuilt / seconds.getFirst() / 1e6);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int touch(int mb) {
        if (mb < 64) throw new UserError("--touch needs at least 64 MB, got " + mb);
        double first = touchOnce(mb);
        System.gc(); // frees the first blocks, so the second touch gets memory the process has had before
        double again = touchOnce(mb);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("touchedMB", (long) mb);
        m.put("firstTouchMBps", first);
        m.put("touchedAgainMBps", again);
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Json.write(m));
        else m.forEach((k, v) -> out.println(v instanceof Double d ? String.format("%-22s %,.0f", k, d) : String.format("%-22s %,d", k, (Long) v)));
        out.flush();
        return ExitCodes.OK;
    }

    /** MB/s of allocating {@code mb} MB in 64 MB arrays and writing one long on every 4 KB page of them. */
    private static double touchOnce(int mb) {
        long t0 = System.nanoTime();
        long[][] blocks = new long[mb / 64][];
        long sink = 0;
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = new long[8 << 20];
            for (int j = 0; j < blocks[i].length; j += 512) blocks[i][j] = j;
            sink += blocks[i][i];
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (sink == 42) System.out.print("");
        return blocks.length * 64 / seconds;
    }

    /** Runs the same loop on throwaway builders so the timed run measures compiled code, not the JIT. */
    private void warmUp() {
        int saved = gates;
        gates = Math.min(gates, 300_000);
        for (int round = 0; round < 5; round++) {
            CircuitBuilder b = new CircuitBuilder(!noHashing);
            int[] in = b.inputBus("x", inputs);
            int[] recent = new int[window];
            for (int i = 0; i < window; i++) recent[i] = in[i % inputs];
            generate(new SplittableRandom(seed + 1 + round), b, recent, new int[fanin], new long[fanin]);
            generate(new SplittableRandom(seed), null, new int[window], new int[fanin], new long[fanin]);
        }
        gates = saved;
    }

    /**
     * Makes the random gates; with {@code b == null} it only draws them (the generator's own cost, timed
     * as the baseline). Thresholds lie strictly inside the reachable range, so no gate is a constant.
     * Returns the nanoseconds it took.
     */
    private long generate(SplittableRandom rnd, CircuitBuilder b, int[] recent, int[] lits, long[] w) {
        int mask = Integer.highestOneBit(window) - 1;
        long sink = 0;
        long t0 = System.nanoTime();
        for (int g = 0; g < gates; g++) {
            long pos = 0, neg = 0;
            for (int i = 0; i < fanin; i++) {
                long r = rnd.nextLong();
                lits[i] = recent[(int) r & mask] ^ (int) ((r >>> 32) & 1);
                long mag = 1 + ((r >>> 33) & 7);
                w[i] = ((r >>> 36) & 3) == 0 ? -mag : mag;
                if (w[i] > 0) pos += mag; else neg -= mag;
            }
            long t = neg + 1 + Math.floorMod(rnd.nextLong(), pos - neg);
            int lit = b == null ? (int) (t ^ lits[0]) : b.gate(lits, w, fanin, t);
            sink += lit;
            // A gate that folded to a constant does not become a source: constants would spread.
            if (b != null && !Literal.isConstant(lit)) recent[g & mask] = lit;
        }
        long elapsed = System.nanoTime() - t0;
        if (sink == 42) System.out.print("");
        return elapsed;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) used += p.getUsage().getUsed();
        }
        return used;
    }

    /** Sum of the heap pools' peaks since the JVM started: an upper bound on the true peak. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        return peak;
    }
}
