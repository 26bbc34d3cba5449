package tc0.circuits.gpu;

/** No GPU to run on: the CUDA driver, NVRTC or a device is missing, or CUDA refused a step. The message says which. */
public final class GpuUnavailableException extends RuntimeException {
    public GpuUnavailableException(String message) {
        super(message);
    }

    public GpuUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
