package tc0.circuits.gpu;

/**
 * Where the kernels of {@code levels.cu} run: on a CUDA device, or simulated in Java on the same arrays with
 * the same loops. {@link BatchedProgram} drives either the same way, so the simulator tests the data layout,
 * the batching and the launch plan that the GPU gets.
 */
interface KernelRunner extends AutoCloseable {
    /** A short name for reports. */
    String name();

    /** Bytes of memory available for the value and output buffers. */
    long freeBytes();

    /** Uploads the circuit's arrays; called once, before anything else. */
    void load(KernelArrays a);

    /** Makes the value buffer {@code slots x stride} words and the output buffer {@code outputs x stride}. */
    void reserve(int stride);

    /** Copies {@code src[0 .. longs)} to the start of the value buffer (slot 0 and the inputs). */
    void writeValues(long[] src, int longs);

    /** Runs one launch of the levels kernel on the first {@code words} words of every slot. */
    void levels(LaunchPlan.Launch launch, int stride, int words);

    /** Waits until every launch so far has finished. */
    void sync();

    /** Runs the gather kernel and copies its result, {@code outputs x words} (row by row), into {@code dst}. */
    void gather(int stride, int words, long[] dst);

    @Override
    void close();
}
