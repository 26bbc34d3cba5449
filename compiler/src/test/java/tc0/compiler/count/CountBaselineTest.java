package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;

/**
 * Counting made faster counts what it counted before: softmax_transformer and the contrast specs (the examples
 * whose sources have not changed since) at n = 4 ... 256
 * against figures recorded from the counting code as it was before the speed-ups (count-baseline.txt says
 * from which commit and how). The light rows run in every build; the rest (flowar and var past n = 8,
 * every row past n = 16) with -Dtc0.heavy.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CountBaselineTest {
    /** One recorded count: the spec (under examples/), n, and the four figures of {@code tc0 stats --count-only}. */
    record Row(String spec, long n, int depth, BigInteger gates, BigInteger wires, BigInteger width) {
        boolean light() {
            boolean resampling = spec.equals("flowar.tc0") || spec.equals("var.tc0");
            return n <= (resampling ? 8 : 16);
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = CountBaselineTest.class.getResourceAsStream("count-baseline.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split("\\s+");
                out.add(new Row(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2]), new BigInteger(f[3]), new BigInteger(f[4]), new BigInteger(f[5])));
            }
        }
        return out;
    }

    static Stream<Arguments> light() throws IOException {
        return rows().stream().filter(Row::light).map(r -> Arguments.of(r.spec(), r.n(), r));
    }

    static Stream<Arguments> heavy() throws IOException {
        return rows().stream().filter(r -> !r.light()).map(r -> Arguments.of(r.spec(), r.n(), r));
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("light")
    void countsAsBefore(String spec, long n, Row expected) {
        assertCountsAsBefore(expected);
    }

    @Tag("heavy")
    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("heavy")
    void countsAsBeforeHeavy(String spec, long n, Row expected) {
        assertCountsAsBefore(expected);
    }

    private static void assertCountsAsBefore(Row r) {
        Path file = Specs.examples().resolve(r.spec());
        Map<String, Long> params = Map.of("n", r.n());
        TensorProgram p = Elaborator.elaborate(Specs.check(file, params), params);
        CountedCost c = TensorIrToCost.countWide(p, WeightedSum.DEFAULT_ROUNDS, CountFallback.SILENT);
        assertEquals(List.of(BigInteger.valueOf(r.depth()), r.gates(), r.wires(), r.width()),
                List.of(BigInteger.valueOf(c.depth()), c.gates(), c.wires(), c.width()), r.spec() + " at n = " + r.n() + ": depth, gates, wires, width");
    }
}
