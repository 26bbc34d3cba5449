package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * n = 2^20 with {@code frac: log2(n) + 4}: 32-bit words, whose constant factors need 64-bit sums, whose sqrt a
 * 2^32-entry table and whose products by signed weights sums past 61 bits, past what tc0's builder builds.
 * --count-only counts them (marked not buildable); building says why in one line.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CountPastBuilderTest {
    /** A constant factor and a sqrt on words of log2(n) + 4 fraction bits. */
    static final String SPEC = "model scaled(n = 4) {\n    precision fixed(int: 8, frac: log2(n) + 4);\n    input X: [2, 2];\n"
            + "    output Y = sqrt(X * 0.3);\n}\n";

    @TempDir
    Path dir;

    private JsonNode counted(Path spec, long n) throws Exception {
        Cli r = Cli.run("stats", spec.toString(), "--set", "n=" + n, "--count-only", "--json");
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void aConstantFactorAndASqrtOnThirtyTwoBitWordsCountAndAreMarkedNotBuildable() throws Exception {
        Path spec = dir.resolve("scaled.tc0");
        Files.writeString(spec, SPEC);
        JsonNode small = counted(spec, 4096), big = counted(spec, 1 << 20);
        assertEquals(false, small.get("weightsPast63Bits").asBoolean());
        assertEquals(true, big.get("weightsPast63Bits").asBoolean(), big.toString());
        // The construction's depth does not depend on the width (WeightedSum: 2 rounds + 2; the lookup's two levels).
        assertEquals(small.get("depth").asLong(), big.get("depth").asLong(), big.toString());
        assertTrue(big.get("gates").bigIntegerValue().compareTo(small.get("gates").bigIntegerValue()) > 0, big.toString());
    }

    @Test
    void buildingAtThatNSaysWhyInOneLine() throws Exception {
        Path spec = dir.resolve("scaled.tc0");
        Files.writeString(spec, SPEC);
        Cli r = Cli.run("stats", spec.toString(), "--set", "n=1048576");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains("scaled.tc0:4:23: a constant factor on fixed(8, 24) needs a weighted sum of 64 bits"), r.err());
        assertTrue(r.err().contains("past the 61 that tc0 builds; use fewer frac or int bits (--count-only counts it)"), r.err());
    }

    /** A formerly refused example (its constant factors, its softmax over 2^20 entries) counts at n = 2^20, at its depth of every n. */
    @Test
    void kernelizedHopfieldCountsAtAMillion() throws Exception {
        Path spec = Path.of("../examples/kernelized_hopfield.tc0");
        JsonNode small = counted(spec, 4096), big = counted(spec, 1 << 20);
        assertEquals(small.get("depth").asLong(), big.get("depth").asLong(), big.toString());
        assertEquals(true, big.get("weightsPast63Bits").asBoolean(), big.toString());
        assertTrue(big.get("gates").bigIntegerValue().bitLength() > 63, big.toString());
    }

    /**
     * Layer norm's {@code * g} on 32-bit words by weights of either sign (a bit and its negation in one sum, counted
     * over exact integers) no longer refuses: softmax_transformer counts at n = 2^20, at its depth of n = 4096.
     */
    @Test
    void softmaxTransformerCountsAtAMillion() throws Exception {
        Path spec = Path.of("../examples/softmax_transformer.tc0");
        JsonNode small = counted(spec, 4096), big = counted(spec, 1 << 20);
        assertEquals(small.get("depth").asLong(), big.get("depth").asLong(), big.toString());
        assertEquals(true, big.get("weightsPast63Bits").asBoolean(), big.toString());
        assertTrue(big.get("gates").bigIntegerValue().compareTo(small.get("gates").bigIntegerValue()) > 0, big.toString());
    }
}
