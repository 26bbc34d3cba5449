package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code tc0 primitives} counts every primitive at every p and finds one depth per primitive, the depth each gadget's
 * class derives from its stages (k = 2 compression rounds; docs/GADGETS.md): to p = 64 here, further in the heavy set.
 * The square root is 55 deep at p = 8 and 56 from 16: at 8 exponent bits a p = 8 root can neither saturate nor
 * flush, and FloatRound's last level folds away (FloatSqrt's comment).
 */
class PrimitivesDepthTest {
    /** The depth per primitive from each class's derivation: 2k + 7, 2k + 8, 6k + 19 and the float stages on top. */
    static final Map<String, Integer> DEPTH = new LinkedHashMap<>();
    static {
        DEPTH.put("d_std (add)", 11);
        DEPTH.put("d_std (compare)", 11);
        DEPTH.put("d_std (multiply)", 12);
        DEPTH.put("d_sum (sum)", 11);
        DEPTH.put("d_prod (product)", 31);
        DEPTH.put("d_div (divide)", 56);
        DEPTH.put("d_std (float_compare)", 6);
        DEPTH.put("d_std (float_add)", 24);
        DEPTH.put("d_std (float_multiply)", 21);
        DEPTH.put("d_sum (float_sum)", 24);
        DEPTH.put("d_prod (float_product)", 40);
        DEPTH.put("d_div (float_divide)", 65);
        DEPTH.put("d_sqrt (float_sqrt)", 56);
        DEPTH.put("d_exp (float_exp)", 55);
        DEPTH.put("d_log (float_log)", 55);
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void everyPrimitiveHasOneDepthFromEightToSixtyFourBits() {
        assertOneDepth("8,16,32,64", "8 .. 64");
    }

    /**
     * Past 64 (with -Dtc0.heavy and a 4 GB heap; about 10 min CPU): the sums, products and comparisons to p = 1024, the
     * Chinese-remainder functions as far as their counts go today (divide, float divide, sqrt and exp to 256, log to 128 here
     * and 256 below; docs/GADGETS.md).
     */
    @Test
    @Tag("heavy")
    @Timeout(value = 120, unit = TimeUnit.MINUTES)
    void everyPrimitiveHasOneDepthAsFarAsItCounts() {
        assertOneDepth("16,128,256,512,1024", "16 .. 1024", "add,compare,multiply,sum,product,float_compare,float_add,float_multiply,float_sum,float_product");
        assertOneDepth("16,128,160,256", "16 .. 256", "divide"); // 57 from 160 until its sign was read through its ladder (WideDivide)
        assertOneDepth("16,128,256", "16 .. 256", "float_divide,float_sqrt,float_exp");
        assertOneDepth("16,65,128", "16 .. 128", "float_log"); // 65: the first p with 9 exponent bits (Primitive.logExponentBits)
    }

    /**
     * Log at p = 256, 10 exponent bits ({@link tc0.compiler.gadgets.Primitive#logExponentBits}): 55 deep, as at p <= 128.
     * At 8 exponent bits it was 53, every result flushed to zero (the least positive float {@code 2^(p-1) 2^-128 = 2^127}
     * above every {@code |log x| <= 266}), FloatRound's range tests folded. With -Dtc0.heavy; about 3 GB of heap and
     * 5 min CPU (docs/GADGETS.md).
     */
    @Test
    @Tag("heavy")
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void logAtTwoHundredFiftySixHasTheSmallerWidthsDepth() {
        Cli r = Cli.run("primitives", "--set", "p=256", "--only", "float_log", "--max-count", "9000000000000000000", "--max-build", "0");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.equals("d_log (float_log): depth 55 for every p counted (p = 256)")), r.out());
    }

    /**
     * The division at p = 512, 56 deep as at every p below (prime1024: the per-prime passes in closed form). With
     * -Dtc0.heavy and a 6 GB heap; about 3 min CPU, 5.2 GB resident (docs/GADGETS.md, "Per-prime passes in closed form").
     */
    @Test
    @Tag("heavy")
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void divideAtFiveHundredTwelveHasOneDepth() {
        assertOneDepth("512", "p = 512", "divide");
    }

    /**
     * The square root at p = 512, 56 deep as at p = 16 .. 256 (prime512: the members of the two series' choice counted by
     * ranges, one walk of each prime's group for its coset counts). With -Dtc0.heavy and a 6 GB heap; about 3.5 min
     * CPU, 6.2 GB resident (docs/GADGETS.md, "Sqrt at p = 512").
     */
    @Test
    @Tag("heavy")
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void sqrtAtFiveHundredTwelveHasOneDepth() {
        assertOneDepth("512", "p = 512", "float_sqrt");
    }

    private static void assertOneDepth(String ps, String range) {
        assertOneDepth(ps, range, String.join(",", DEPTH.keySet().stream().map(k -> k.substring(k.indexOf('(') + 1, k.indexOf(')'))).toList()));
    }

    /** The primitives {@code only} (comma-separated) counted at {@code ps}: each one depth, the class's. */
    private static void assertOneDepth(String ps, String range, String only) {
        Cli r = Cli.run("primitives", "--set", "p=" + ps, "--only", only, "--max-count", "9000000000000000000", "--max-build", "0");
        assertEquals(0, r.exitCode(), r.err());
        for (Map.Entry<String, Integer> e : DEPTH.entrySet()) {
            if (!("," + only + ",").contains("," + e.getKey().substring(e.getKey().indexOf('(') + 1, e.getKey().indexOf(')')) + ",")) continue;
            String line = r.out().lines().filter(l -> l.startsWith(e.getKey() + ": ")).findFirst().orElseThrow(() -> new AssertionError(e.getKey() + " missing: " + r.out()));
            String expected = e.getKey().equals("d_sqrt (float_sqrt)") && ps.startsWith("8,")
                    ? "depth 55 (p = 8) 56 (p = 16) 56 (p = 32) 56 (p = 64)"
                    : "depth " + e.getValue() + " for every p counted (" + range + ")";
            assertEquals(e.getKey() + ": " + expected, line, r.out());
        }
    }
}
