package tc0.circuits.gpu;

import tc0.circuits.Circuit;
import tc0.circuits.eval.Evaluator;

/**
 * Evaluates circuits on a CUDA GPU: the circuit's {@link KernelArrays} uploaded once per compile, patterns
 * in batches as large as half the free device memory holds, levels launched as {@link LaunchPlan} says.
 * {@link #open()} fails with a {@link GpuUnavailableException} saying what is missing (driver, device,
 * NVRTC); after that every compile uses the same device and compiled kernel.
 */
public final class GpuEvaluator implements Evaluator {
    private final CudaDriver cuda;
    private final byte[] ptx;

    /** On {@code cuda} with this compiled kernel image (tests hand in a stand-in driver). */
    GpuEvaluator(CudaDriver cuda, byte[] ptx) {
        this.cuda = cuda;
        this.ptx = ptx;
    }

    /**
     * The GPU evaluator, its kernel compiled (or read from the cache); or why there is none: a missing
     * library or device, and also a CUDA call or the kernel's compile failing (the first line of its message).
     */
    public static GpuEvaluator open() {
        try {
            CudaDriver cuda = CudaDriver.get();
            return new GpuEvaluator(cuda, CudaRunner.ptx(cuda));
        } catch (IllegalStateException e) {
            throw new GpuUnavailableException(e.getMessage().lines().findFirst().orElse("CUDA failed"), e);
        }
    }

    @Override
    public String name() {
        return "gpu";
    }

    /** "NVIDIA H100 80GB HBM3 (sm_90, 132 multiprocessors)". */
    public String device() {
        return cuda.deviceName + " (" + cuda.arch() + ", " + cuda.multiprocessors + " multiprocessors)";
    }

    /** Device-to-device copy bandwidth, bytes read plus written per second, over 1 GiB (or a quarter of free memory). */
    public double measureBandwidth() {
        cuda.current();
        long bytes = Math.min(1L << 30, Math.max(1L << 20, cuda.freeMemory() / 4));
        return CudaRunner.measureBandwidth(cuda, bytes);
    }

    @Override
    public BatchedProgram compile(Circuit c) {
        return new BatchedProgram(c, KernelArraysCompiler.compile(c), new CudaRunner(cuda, ptx), LaunchPlan.DEFAULT);
    }
}
