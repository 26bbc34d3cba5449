package tc0.compiler.interp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.FloatCodes;

/**
 * Input codes for testing and {@code tc0 verify}: deterministic for a kind and a seed. Bits are 0/1 in
 * every kind (all 0 for ZEROS, all 1 for MAX and MIN, random otherwise).
 */
public final class InputGenerator {
    private InputGenerator() {}

    /** What to generate. */
    public enum Kind {
        /** Every code 0. */
        ZEROS,
        /** Every code the format's largest. */
        MAX,
        /** Every code the format's smallest. */
        MIN,
        /** Largest and smallest codes alternating (saturates sums and products). */
        ALTERNATING,
        /** Uniform over all codes of the format. */
        RANDOM,
        /** Uniform values in [-1, 1): the range the weights are scaled for. */
        RANDOM_UNIT
    }

    /** Codes for every input of {@code p}. */
    public static Map<String, long[]> generate(TensorProgram p, Kind kind, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, long[]> out = new LinkedHashMap<>();
        for (TensorProgram.Port in : p.inputs()) {
            Node n = p.node(in.node());
            long[] codes = new long[Math.toIntExact(n.size())];
            for (int i = 0; i < codes.length; i++) codes[i] = code(n.elem(), kind, i, r);
            out.put(in.name(), codes);
        }
        return out;
    }

    /**
     * A p-bit float's code: zero, the largest magnitude with either sign, alternating, any float (sign, exponent and
     * significand uniform; one in eight zero), or a value uniform in [-1, 1) rounded to p bits.
     */
    private static long floatCode(ChiangFloat.Format f, Kind kind, int i, SplittableRandom r) {
        return FloatCodes.code(switch (kind) {
            case ZEROS -> f.zero();
            case MAX -> f.largest(false);
            case MIN -> f.largest(true);
            case ALTERNATING -> f.largest(i % 2 != 0);
            case RANDOM -> r.nextInt(8) == 0 ? f.zero()
                    : f.of(r.nextBoolean(), r.nextLong(1L << (f.p() - 1), 1L << f.p()), r.nextInt(1 << f.q()));
            case RANDOM_UNIT -> FloatCodes.round(f, 2 * r.nextDouble() - 1);
        });
    }

    private static long code(Elem elem, Kind kind, int i, SplittableRandom r) {
        return switch (elem) {
            case Elem.Bit b -> switch (kind) {
                case ZEROS -> 0;
                case MAX, MIN -> 1;
                case ALTERNATING, RANDOM, RANDOM_UNIT -> r.nextInt(2);
            };
            case Elem.Float fl -> floatCode(fl.format(), kind, i, r);
            case Elem.Word w -> {
                FixedFormat f = w.format();
                yield switch (kind) {
                    case ZEROS -> 0;
                    case MAX -> f.maxCode();
                    case MIN -> f.minCode();
                    case ALTERNATING -> i % 2 == 0 ? f.maxCode() : f.minCode();
                    case RANDOM -> r.nextLong(f.minCode(), f.maxCode() + 1);
                    case RANDOM_UNIT -> {
                        long one = 1L << f.fracBits();
                        yield f.saturate(r.nextLong(-one, one));
                    }
                };
            }
        };
    }

    /** Every kind, for sweeps: the name of the kind to its inputs. */
    public static Map<String, Map<String, long[]>> all(TensorProgram p, long seed) {
        Map<String, Map<String, long[]>> m = new LinkedHashMap<>();
        for (Kind k : Kind.values()) m.put(k.name().toLowerCase(), generate(p, k, seed));
        return m;
    }
}
