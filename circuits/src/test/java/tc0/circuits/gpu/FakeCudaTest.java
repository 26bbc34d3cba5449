package tc0.circuits.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.eval.Evaluator;
import tc0.circuits.eval.EvaluatorContract;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.fixtures.EpflData;

/**
 * The GPU evaluator end to end through its foreign-function calls, on src/test/native/fakecuda.cpp: a stand-in
 * libcuda/libnvrtc built here with g++ whose cuLaunchKernel runs levels.cu itself as C++, a host thread per
 * CUDA thread. Tests the downcalls' signatures, the kernel arguments as packed, the copies and the CUDA
 * source's logic, bit for bit; only NVRTC's real compiler and a device stay untested (bench/gpu-check.sh).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FakeCudaTest extends EvaluatorContract {
    @TempDir
    static Path dir;
    static String library;
    static CudaDriver fake;

    @BeforeAll
    static void buildTheFakeDriver() throws Exception {
        Path root = Path.of("src").toAbsolutePath();
        Path source = root.resolve("test/native/fakecuda.cpp");
        library = dir.resolve("libfakecuda.so").toString();
        Process p;
        try {
            p = new ProcessBuilder("g++", "-std=c++17", "-O1", "-shared", "-fPIC", "-pthread",
                    "-I", root.resolve("main/resources/tc0/circuits/gpu").toString(), "-o", library, source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException noCompiler) {
            Assumptions.abort("skipped: no g++ to build the fake CUDA driver: " + noCompiler.getMessage());
            return;
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "g++ could not build the fake driver from levels.cu:\n" + log);
        fake = CudaDriver.open(library);
    }

    private static GpuEvaluator gpu() {
        return new GpuEvaluator(fake, Nvrtc.open(List.of(library)).compile(CudaRunner.SOURCE, fake.arch()));
    }

    @Override
    protected Evaluator evaluator(int threads) {
        return gpu();
    }

    /**
     * evaluator(threads) ignores threads here, so the case compares two runs of one evaluator; through the fake's
     * host thread per CUDA thread the contract's 5,000 patterns took 10-30 s of this class's 50-75.
     */
    @Override
    protected int threadCasePatterns() {
        return 500;
    }

    private static long launches() {
        var f = SymbolLookup.libraryLookup(Path.of(library), Arena.global()).find("fakeLaunches").orElseThrow();
        try {
            return (long) Linker.nativeLinker().downcallHandle(f, FunctionDescriptor.of(ValueLayout.JAVA_LONG)).invokeExact();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static void fail(String function) {
        var f = SymbolLookup.libraryLookup(Path.of(library), Arena.global()).find("fakeFail").orElseThrow();
        try (Arena a = Arena.ofConfined()) {
            Linker.nativeLinker().downcallHandle(f, FunctionDescriptor.ofVoid(ValueLayout.ADDRESS)).invokeExact(a.allocateFrom(function));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** A CUDA call failing while the GPU is opened means no usable GPU (auto falls back); at a launch, an error naming it. */
    @Test
    void failingCudaCallsAreNamed() {
        fail("cuDevicePrimaryCtxRetain");
        try {
            var e = assertThrows(GpuUnavailableException.class, () -> CudaDriver.open(library));
            assertEquals("CUDA: cuDevicePrimaryCtxRetain failed: CUDA_ERROR_FAKE (999)", e.getMessage());
        } finally {
            fail("");
        }
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        b.outputBus("y", b.and(x[0], x[1]));
        try (BatchedProgram p = gpu().compile(b.build())) {
            fail("cuLaunchKernel");
            var e = assertThrows(GpuFailureException.class, () -> p.evaluate(BitMatrix.random(2, 100, 1)));
            assertEquals("CUDA: cuLaunchKernel failed: CUDA_ERROR_FAKE (999)", e.getMessage());
        } finally {
            fail("");
        }
    }

    @Test
    void theDeviceIsDescribedAndTheKernelCompiledForItsArchitecture() {
        assertEquals("fake CUDA device (host threads) (sm_90, 2 multiprocessors)", gpu().device());
        byte[] ptx = Nvrtc.open(List.of(library)).compile(CudaRunner.SOURCE, "sm_90");
        assertEquals("// fake PTX for compute_90\n\0", new String(ptx, StandardCharsets.US_ASCII));
        var e = assertThrows(GpuFailureException.class, () -> Nvrtc.open(List.of(library)).compile("int x;", "sm_90"));
        assertTrue(e.getMessage().contains("NVRTC_ERROR_COMPILATION") && e.getMessage().contains("levels.cu(1): error: no kernel"), e.getMessage());
        assertTrue(gpu().measureBandwidth() > 0);
    }

    @Test
    void someEpflCircuitsGiveTheCpuOutputsBitForBit() throws Exception {
        for (String name : new String[] {"ctrl", "int2float", "router", "cavlc", "dec", "priority"}) {
            Circuit c = CircuitFiles.read(EpflData.file(name));
            BitMatrix in = BitMatrix.random(c.inputCount(), 5000, 3);
            try (BatchedProgram p = gpu().compile(c)) {
                assertEquals(new BitParallelEvaluator(1).evaluate(c, in), p.evaluate(in), name);
            }
        }
    }

    /** 3,000 levels of one AND each are one launch (a block's threads meet at a barrier between levels), not 3,000. */
    @Test
    void narrowLevelsAreFusedIntoFewLaunches() {
        var b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", 8);
        int prev = x[1];
        var rnd = new SplittableRandom(4);
        for (int i = 0; i < 3000; i++) prev = b.and(prev ^ (rnd.nextBoolean() ? 1 : 0), x[rnd.nextInt(8)] ^ (i & 1));
        b.outputBus("y", prev);
        Circuit c = b.build();
        BitMatrix in = BitMatrix.random(8, 640, 1);
        try (BatchedProgram p = gpu().compile(c)) {
            long before = launches();
            assertEquals(new BitParallelEvaluator(1).evaluate(c, in), p.evaluate(in));
            assertEquals(2, launches() - before, "one levels launch and one gather");
        }
    }
}
