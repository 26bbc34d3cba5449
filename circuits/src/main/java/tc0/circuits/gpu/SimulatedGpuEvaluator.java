package tc0.circuits.gpu;

import tc0.circuits.Circuit;
import tc0.circuits.eval.Evaluator;

/**
 * The GPU evaluator with the device replaced by {@link KernelSimulator}: the same arrays, batches and
 * launches, the kernels run in Java. Slow (one simulated thread after another); it exists so that the
 * layout and the algorithm the GPU runs are tested bit for bit on machines without one.
 */
public final class SimulatedGpuEvaluator implements Evaluator {
    private final long memoryBytes;
    private final LaunchPlan plan;

    /** The GPU's launch plan, 64 MiB of simulated device memory. */
    public SimulatedGpuEvaluator() {
        this(64L << 20, LaunchPlan.DEFAULT);
    }

    /** A simulated device with {@code memoryBytes} for the value and output buffers, and launch plan {@code plan}. */
    public SimulatedGpuEvaluator(long memoryBytes, LaunchPlan plan) {
        if (memoryBytes < 1) throw new IllegalArgumentException("memory must be positive, not " + memoryBytes);
        this.memoryBytes = memoryBytes;
        this.plan = plan;
    }

    @Override
    public String name() {
        return "gpu-simulated";
    }

    @Override
    public BatchedProgram compile(Circuit c) {
        return new BatchedProgram(c, KernelArraysCompiler.compile(c), new KernelSimulator(memoryBytes), plan);
    }
}
