package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.gpu.GpuEvaluator;
import tc0.circuits.gpu.GpuUnavailableException;
import tc0.circuits.gpu.SimulatedGpuEvaluator;
import tc0.circuits.io.CircuitFiles;

/**
 * {@code --backend gpu|auto} of run, verify and bench on a machine without CUDA (skipped where there is a GPU),
 * and every example family's compiled circuit through the GPU's kernels, simulated, against the CPU.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class GpuBackendTest {
    static final String CIRCUIT = "../examples/circuits/epfl/ctrl.aig";

    @TempDir
    Path dir;

    private static void needsNoGpu() {
        try {
            GpuEvaluator.open();
        } catch (GpuUnavailableException noGpu) {
            return;
        }
        Assumptions.abort("skipped: a CUDA device is here, so the no-GPU answers cannot be seen");
    }

    private static void assertOneLineNamingCuda(Cli r) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.saysOneLineError() && r.err().strip().lines().count() == 1, r.err());
        assertTrue(r.err().startsWith("tc0: --backend gpu: ") && r.err().contains("CUDA"), r.err());
    }

    private static void assertFellBackInOneLine(Cli r) {
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("tc0: --backend auto: no CUDA") && lines.get(0).endsWith("; evaluating on the CPU"), r.err());
    }

    @Test
    void runWithTheGpuBackendExits2InOneLineNamingCuda() {
        needsNoGpu();
        assertOneLineNamingCuda(Cli.run("run", CIRCUIT, "--backend", "gpu"));
    }

    @Test
    void runWithAutoGivesExactlyTheCpuOutputsAndSaysWhy() {
        needsNoGpu();
        Cli cpu = Cli.run("run", CIRCUIT, "--random", "5000", "--seed", "3", "--hash");
        Cli auto = Cli.run("run", CIRCUIT, "--random", "5000", "--seed", "3", "--hash", "--backend", "auto");
        assertFellBackInOneLine(auto);
        assertEquals(cpu.out(), auto.out());
        assertTrue(cpu.out().matches("[0-9a-f]{64}\\R"), cpu.out());
        assertEquals("", cpu.err());
    }

    @Test
    void verifyAndBenchTakeTheBackendToo() throws Exception {
        needsNoGpu();
        Path spec = Files.writeString(dir.resolve("m.tc0"), CompileVerifyCommandTest.SMALL);
        assertOneLineNamingCuda(Cli.run("verify", spec.toString(), "--backend", "gpu"));
        Cli cpu = Cli.run("verify", spec.toString(), "--samples", "20");
        Cli auto = Cli.run("verify", spec.toString(), "--samples", "20", "--backend", "auto");
        assertFellBackInOneLine(auto);
        assertEquals(cpu.out(), auto.out());

        assertOneLineNamingCuda(Cli.run("bench", CIRCUIT, "--backend", "gpu"));
        Cli bench = Cli.run("bench", CIRCUIT, "--patterns", "640", "--backend", "auto", "--json");
        assertFellBackInOneLine(bench);
        assertTrue(bench.out().contains("\"evaluator\":\"bit-parallel\"") && bench.out().contains("\"agree\":true"), bench.out());
    }

    /** tc0 lemmas' FUNC rows evaluate on the backend asked for: the same rows on auto as on cpu here. */
    @Test
    void lemmasTakeTheBackendForFunc() {
        needsNoGpu();
        String[] claim = {"lemmas", "--paper", "2412.06148", "--lemma", "Lemma B.8"};
        assertOneLineNamingCuda(Cli.run(Stream.concat(Stream.of(claim), Stream.of("--backend", "gpu")).toArray(String[]::new)));
        Cli cpu = Cli.run(claim);
        Cli auto = Cli.run(Stream.concat(Stream.of(claim), Stream.of("--backend", "auto")).toArray(String[]::new));
        assertEquals(cpu.exitCode(), auto.exitCode(), auto.err());
        assertTrue(auto.err().lines().anyMatch(l -> l.startsWith("tc0: --backend auto: no CUDA")), auto.err());
        List<String> cpuFunc = cpu.out().lines().filter(l -> l.contains("FUNC")).toList();
        assertTrue(!cpuFunc.isEmpty(), cpu.out());
        assertEquals(cpuFunc, auto.out().lines().filter(l -> l.contains("FUNC")).toList());
    }

    /** Each example at its smallest sizes, compiled, then evaluated by the GPU's kernels in Java and by the CPU. */
    @Test
    void everyExampleFamilysCircuitGivesTheCpuOutputsOnTheSimulatedGpu() throws Exception {
        List<Path> specs;
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            specs = files.filter(f -> f.toString().endsWith(".tc0")).sorted().toList();
        }
        assertTrue(specs.size() >= 10, specs.toString());
        for (Path spec : specs) {
            Path out = dir.resolve(spec.getFileName() + "c");
            // the multi-scale families at two scales: three make circuits of a million gates and more
            boolean scales = Files.readString(spec).contains("scales =");
            Cli compiled = scales
                    ? Cli.run("compile", spec.toString(), "--set", "n=4", "--set", "scales=2", "-o", out.toString())
                    : Cli.run("compile", spec.toString(), "--set", "n=4", "-o", out.toString());
            assertEquals(0, compiled.exitCode(), spec + ": " + compiled.err());
            Circuit c = CircuitFiles.read(out);
            BitMatrix in = BitMatrix.random(c.inputCount(), 130, spec.hashCode());
            assertEquals(new BitParallelEvaluator(2).evaluate(c, in), new SimulatedGpuEvaluator().evaluate(c, in), spec.toString());
        }
    }
}
