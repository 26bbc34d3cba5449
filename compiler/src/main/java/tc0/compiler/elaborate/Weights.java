package tc0.compiler.elaborate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import tc0.compiler.ir.Elem;
import tc0.compiler.numerics.FloatCodes;
import tc0.compiler.ir.Shapes;

/**
 * Weight values. {@code random(seed: s)} for the instance path {@code p} ({@code l[1]/attention/Wq}):
 * a {@link SplittableRandom} seeded with {@code (s * 0x9E3779B97F4A7C15) ^ fnv1a64(utf8(p))} draws, in
 * row-major order, {@code u = 2 * nextDouble() - 1} (uniform in [-1, 1)); the value is {@code u / sqrt(fanIn)}
 * with {@code fanIn} the product of all axes but the last (1 for a row {@code [1, k]}: gains, biases),
 * rounded to the nearest code (ties up; a float model's to p bits, ties to even). Scaling by the fan-in keeps {@code x W} of unit-range rows in
 * unit range, so softmax and exp do not saturate. A {@code bit} weight draws {@code nextInt(2)}.
 */
public final class Weights {
    private Weights() {}

    /** The codes of a {@code random(seed: s)} weight at {@code path}. */
    public static long[] random(long seed, String path, List<Long> shape, Elem elem) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ fnv1a64(path));
        int n = Math.toIntExact(Shapes.size(shape));
        long fanIn = Shapes.size(shape.subList(0, shape.size() - 1));
        double scale = 1 / Math.sqrt(fanIn);
        long[] codes = new long[n];
        for (int i = 0; i < n; i++) {
            codes[i] = switch (elem) {
                case Elem.Bit b -> r.nextInt(2);
                case Elem.Word w -> w.format().fromDouble((2 * r.nextDouble() - 1) * scale);
                case Elem.Float f -> floatCode(f, (2 * r.nextDouble() - 1) * scale);
            };
        }
        return codes;
    }

    /**
     * What makes loaded {@code values} unfit for a weight of {@code elem}, or empty: a bit weight holds 0 and 1
     * only (a file of -1, 0.5 or 2 is not read as bits; NaN the reader refuses). The place is the index in
     * {@code shape}, row-major.
     */
    public static java.util.Optional<String> unfit(double[] values, java.util.List<Long> shape, Elem elem) {
        if (!(elem instanceof Elem.Bit)) return java.util.Optional.empty();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != 0 && v != 1) {
                return java.util.Optional.of("its value at " + java.util.Arrays.toString(tc0.compiler.ir.Shapes.unflatten(i, shape))
                        + " is " + v + "; a bit weight holds 0 and 1 only");
            }
        }
        return java.util.Optional.empty();
    }

    /** Values quantised to codes (nearest, ties up, saturated; bits: nonzero is 1). */
    public static long[] quantise(double[] values, Elem elem) {
        long[] codes = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            codes[i] = switch (elem) {
                case Elem.Bit b -> v != 0 ? 1 : 0;
                case Elem.Word w -> w.format().fromDouble(v);
                case Elem.Float f -> floatCode(f, v);
            };
        }
        return codes;
    }

    /**
     * A float constant's code: the value rounded to p bits (nearest, ties to even), held as the bits of the double
     * that is exactly that float ({@link FloatCodes#toDouble}; every p-bit float rounded from a double is one), so
     * constants of any p fit a long.
     */
    public static long floatCode(Elem.Float f, double v) {
        return Double.doubleToLongBits(FloatCodes.toDouble(FloatCodes.round(f.format(), v)));
    }

    /** 64-bit FNV-1a of the UTF-8 bytes. */
    static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

}
