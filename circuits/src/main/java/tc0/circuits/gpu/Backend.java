package tc0.circuits.gpu;

import java.util.function.Consumer;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.eval.Evaluator;

/** Where circuits are evaluated: {@code cpu} (bit-parallel, all cores), {@code gpu}, or {@code auto} (the GPU if there is one). */
public enum Backend {
    cpu, gpu, auto;

    /**
     * The evaluator for this backend with {@code threads} CPU threads. {@code gpu} without a usable GPU
     * throws {@link GpuUnavailableException}; {@code auto} then returns the CPU evaluator and passes the
     * reason to {@code fellBack}.
     */
    public Evaluator evaluator(int threads, Consumer<String> fellBack) {
        return switch (this) {
            case cpu -> new BitParallelEvaluator(threads);
            case gpu -> GpuEvaluator.open();
            case auto -> {
                try {
                    yield GpuEvaluator.open();
                } catch (GpuUnavailableException e) {
                    fellBack.accept(e.getMessage());
                    yield new BitParallelEvaluator(threads);
                }
            }
        };
    }
}
