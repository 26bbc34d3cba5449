package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.gadgets.WeightedSum;

/**
 * The size guard's estimate ({@link SizeGuard#peakBytes}) is a lower bound on what a wire-heavy spec needs
 * to build: a product with a 64-deep constant matrix in fixed(16, 16), 33 wires a gate, some weights past an
 * int. Neither the bytes its circuit's arrays hold nor the heap that compiling and writing it takes may
 * pass the estimate.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SizeGuardWireHeavyTest {
    static final String SPEC = "model wide(n = 64) {\n    precision fixed(int: 16, frac: 16);\n    input X: [4, n];\n"
            + "    weight W: [n, 4] = random(seed: 1);\n    output Y = X @ W;\n}\n";

    @TempDir
    Path dir;

    /**
     * The arrays of the built circuit: 20 bytes a gate (fan-in start and end, threshold, region), 8 a stored
     * wire (source, weight), 12 more for a weight past an int (its wire index and long value).
     */
    static long arrayBytes(Circuit c) {
        long stored = 0, wide = 0;
        for (int g = 0; g < c.gateCount(); g++) {
            if (c.sharesPreviousFanin(g)) continue;
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
                stored++;
                if (c.weight(e) != (int) c.weight(e)) wide++;
            }
        }
        assertTrue(wide > 1000, wide + " wide weights");
        return 20L * c.gateCount() + 8 * stored + 12 * wide;
    }

    @Test
    void theEstimateIsNotBelowTheBuiltCircuitsArrays() throws Exception {
        Path spec = Files.writeString(dir.resolve("wide.tc0"), SPEC);
        CountedCost count = TensorIrToCost.count(SpecCompiler.elaborate(spec, Map.of()), WeightedSum.DEFAULT_ROUNDS);
        Circuit c = SpecCompiler.compile(spec, Map.of(), SizeGuard.of(null, "")).circuit();
        assertTrue(c.wireCount() > 30L * c.gateCount(), c.wireCount() + " wires, " + c.gateCount() + " gates: wire-heavy");
        long held = arrayBytes(c);
        assertTrue(SizeGuard.peakBytes(count) >= held, "estimate " + SizeGuard.peakBytes(count) + " bytes, arrays " + held);
    }

    /** Compiling and writing it in a JVM whose heap is the estimate works (the launcher's collector flags). */
    @Test
    void itCompilesInAHeapOfTheEstimate() throws Exception {
        Path spec = Files.writeString(dir.resolve("wide.tc0"), SPEC), out = dir.resolve("wide.tc0c");
        CountedCost count = TensorIrToCost.count(SpecCompiler.elaborate(spec, Map.of()), WeightedSum.DEFAULT_ROUNDS);
        long mb = (long) Math.ceil(SizeGuard.peakBytes(count) / (1 << 20)) + 8; // +8: the JVM's own share of a small heap
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process run = new ProcessBuilder(List.of(java, "-Xmx" + mb + "m", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=1m",
                "-XX:NewRatio=8", "-cp", System.getProperty("java.class.path"), "tc0.cli.Main", "compile", spec.toString(),
                "-o", out.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(100, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), "in " + mb + " MB: " + err);
        assertTrue(Files.size(out) > 0);
    }
}
