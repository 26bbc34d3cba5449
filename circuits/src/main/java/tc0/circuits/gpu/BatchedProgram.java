package tc0.circuits.gpu;

import java.util.List;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.Evaluator;

/**
 * A circuit loaded into a {@link KernelRunner} once, evaluated batch after batch: each batch uploads its
 * input words, runs the planned launches of the levels kernel, gathers the outputs and copies them back.
 * A batch is as many pattern words as the runner's memory holds for every slot and output (all of them when
 * they fit). Not for use from two threads at once.
 */
public final class BatchedProgram implements Evaluator.Compiled, AutoCloseable {
    private final Circuit circuit;
    private final KernelArrays arrays;
    private final KernelRunner runner;
    private final LaunchPlan plan;
    private long kernelNanos;

    BatchedProgram(Circuit circuit, KernelArrays arrays, KernelRunner runner, LaunchPlan plan) {
        this.circuit = circuit;
        this.arrays = arrays;
        this.runner = runner;
        this.plan = plan;
        runner.load(arrays);
    }

    @Override
    public Circuit circuit() {
        return circuit;
    }

    /** The arrays the kernel reads. */
    public KernelArrays arrays() {
        return arrays;
    }

    /** Where the kernels run: "gpu" or "gpu-simulated". */
    public String runner() {
        return runner.name();
    }

    /** Time spent in the levels kernel by the last {@link #evaluate}, transfers and gathering not counted. */
    public double lastKernelSeconds() {
        return kernelNanos / 1e9;
    }

    /** The least bytes the levels kernel moves to evaluate {@code patterns} patterns (8 per word read or written). */
    public long bytesMoved(int patterns) {
        return 8L * arrays.wordsMovedPerPatternWord() * ((patterns + 63L) >>> 6);
    }

    /** Pattern words per batch for {@code words} words in all: what the runner's memory holds, at most all. */
    int batchWords(int words) {
        long perWord = 8L * (arrays.slots() + arrays.outputs().length);
        long fit = Math.max(1, runner.freeBytes() / perWord);
        long cap = (Integer.MAX_VALUE - 16L) / Math.max(1 + arrays.inputs(), Math.max(arrays.slots(), arrays.outputs().length));
        return (int) Math.min(words, Math.min(fit, cap));
    }

    @Override
    public BitMatrix evaluate(BitMatrix inputs) {
        Evaluator.checkInputs(circuit, inputs);
        int outputs = arrays.outputs().length;
        BitMatrix out = new BitMatrix(outputs, inputs.patterns());
        int words = inputs.wordsPerRow();
        kernelNanos = 0;
        if (words == 0) return out;
        int stride = batchWords(words);
        runner.reserve(stride);
        long[] staging = new long[(1 + arrays.inputs()) * stride]; // slot 0 stays zero
        long[] gathered = new long[outputs * stride];
        List<LaunchPlan.Launch> full = plan.launches(arrays, stride);
        for (int w0 = 0; w0 < words; w0 += stride) {
            int n = Math.min(stride, words - w0);
            for (int i = 0; i < arrays.inputs(); i++) {
                int base = (1 + i) * stride;
                for (int w = 0; w < n; w++) staging[base + w] = inputs.word(i, w0 + w);
            }
            runner.writeValues(staging, staging.length);
            runner.sync();
            long t0 = System.nanoTime();
            for (LaunchPlan.Launch l : n == stride ? full : plan.launches(arrays, n)) runner.levels(l, stride, n);
            runner.sync();
            kernelNanos += System.nanoTime() - t0;
            runner.gather(stride, n, gathered);
            for (int o = 0; o < outputs; o++) {
                for (int w = 0; w < n; w++) out.setWord(o, w0 + w, gathered[o * n + w]);
            }
        }
        return out;
    }

    /** Frees the runner's memory (the device's, for a GPU). */
    @Override
    public void close() {
        runner.close();
    }
}
