package tc0.circuits.gpu;

import java.util.Arrays;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;

/**
 * How close the levels kernel comes to the GPU's memory bandwidth on one circuit: the bytes it must move
 * (every operand word read and every output word written once; {@link KernelArrays#wordsMovedPerPatternWord})
 * over the measured device-to-device copy bandwidth is the least time it could take; that over the kernel's
 * measured time is the fraction of the bound it reaches.
 *
 * @param device             the GPU
 * @param patterns           patterns per evaluation
 * @param kernelSeconds      median time in the levels kernel per evaluation (no transfers)
 * @param bytesMoved         bytes the kernel must move per evaluation
 * @param bandwidth          measured bytes per second (read plus written)
 * @param fractionOfBound    (bytesMoved / bandwidth) / kernelSeconds
 */
public record KernelFigures(String device, int patterns, double kernelSeconds, long bytesMoved, double bandwidth,
                            double fractionOfBound) {

    /** Evaluates {@code inputs} {@code runs} times after a warm-up and takes the median kernel time. */
    public static KernelFigures measure(GpuEvaluator gpu, Circuit c, BitMatrix inputs, int runs) {
        double bandwidth = gpu.measureBandwidth();
        try (BatchedProgram p = gpu.compile(c)) {
            p.evaluate(inputs);
            double[] t = new double[Math.max(1, runs)];
            for (int i = 0; i < t.length; i++) {
                p.evaluate(inputs);
                t[i] = p.lastKernelSeconds();
            }
            Arrays.sort(t);
            double kernel = t[t.length / 2];
            long bytes = p.bytesMoved(inputs.patterns());
            return new KernelFigures(gpu.device(), inputs.patterns(), kernel, bytes, bandwidth, bytes / bandwidth / kernel);
        }
    }
}
