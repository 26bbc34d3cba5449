package tc0.circuits.gpu;

/**
 * A CUDA or NVRTC call failed after the GPU was opened (a kernel fault, memory, a PTX the driver refuses). An
 * {@link IllegalStateException}, as before, so callers that catch that still do; the CLI prints its message as
 * one line instead of a stack trace.
 */
public final class GpuFailureException extends IllegalStateException {
    public GpuFailureException(String message) {
        super(message);
    }
}
