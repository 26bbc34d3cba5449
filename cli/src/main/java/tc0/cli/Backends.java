package tc0.cli;

import java.io.PrintWriter;
import tc0.circuits.eval.Evaluator;
import tc0.circuits.gpu.Backend;
import tc0.circuits.gpu.GpuUnavailableException;

/** {@code --backend} of run, verify and bench: cpu, gpu or auto, and what each says when there is no GPU. */
final class Backends {
    static final String DESCRIPTION = "cpu (bit-parallel, all cores; default), gpu (CUDA) or auto (the GPU when there is"
            + " one, else the CPU, saying why on standard error)";

    private Backends() {}

    /**
     * The evaluator with {@code threads} CPU threads. {@code auto} without a GPU prints one line on
     * {@code err} and uses the CPU; {@code gpu} without one is a one-line error (exit 2).
     */
    static Evaluator evaluator(Backend backend, int threads, PrintWriter err) {
        try {
            return backend.evaluator(threads, why -> {
                err.println("tc0: --backend auto: " + why + "; evaluating on the CPU");
                err.flush();
            });
        } catch (GpuUnavailableException e) {
            throw new UserError("--backend gpu: " + e.getMessage() + "; use --backend cpu, or auto to fall back to it");
        }
    }
}
