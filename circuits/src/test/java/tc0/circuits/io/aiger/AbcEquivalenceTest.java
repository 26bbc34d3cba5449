package tc0.circuits.io.aiger;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.fixtures.Abc;
import tc0.circuits.io.fixtures.Blif;
import tc0.circuits.io.fixtures.EpflData;
import tc0.circuits.io.fixtures.TestCircuits;

/**
 * Berkeley ABC proves what the AIGER writer produces equivalent to an independent original: the EPFL file
 * itself, or, for threshold circuits with no AIGER original, a truth table. ABC reads binary AIGER only, so
 * the ASCII output reaches it through a line-by-line BLIF translation. Skipped, and reported so, where
 * berkeley-abc is not installed.
 */
class AbcEquivalenceTest {
    @TempDir
    Path dir;

    // Per test, not @BeforeAll: surefire reports a class-level assumption as zero tests run, not as skipped.
    @BeforeEach
    void abcIsInstalled() {
        assumeTrue(Abc.available(), Abc.SKIP_REASON);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ctrl", "int2float", "router", "cavlc", "dec", "i2c", "priority", "adder", "bar", "max", "sin", "multiplier"})
    void epflCircuitsWrittenBackAsBinaryAigerAreEquivalentToTheOriginalWithTheSameNames(String name) throws Exception {
        Path original = EpflData.file(name);
        Circuit c = CircuitFiles.read(original);
        Path written = dir.resolve(name + ".aig");
        Files.write(written, bytes(c, true));
        Abc.assertEquivalent(original, written, true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ctrl", "int2float", "router", "cavlc", "dec", "multiplier"})
    void epflCircuitsWrittenBackAsAsciiAigerAreEquivalentToTheOriginal(String name) throws Exception {
        Path original = EpflData.file(name);
        Circuit c = CircuitFiles.read(original);
        Path blif = dir.resolve(name + ".blif");
        Files.writeString(blif, Blif.fromAag(new String(bytes(c, false), StandardCharsets.UTF_8)));
        Abc.assertEquivalent(original, blif, false);
    }

    static Stream<Arguments> thresholdCircuits() {
        return Stream.of(
                Arguments.of("weights 5 -3 7 (-2 6), threshold 4", TestCircuits.weighted()),
                Arguments.of("majority of 7", TestCircuits.majority7()),
                Arguments.of("4-bit threshold adder", TestCircuits.adder(4)),
                Arguments.of("extreme weights via Circuit.of", TestCircuits.raw()),
                Arguments.of("random 1", TestCircuits.random(1, 8, 25)),
                Arguments.of("random 2", TestCircuits.random(2, 10, 40)),
                Arguments.of("random 3", TestCircuits.random(3, 6, 60)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thresholdCircuits")
    void thresholdCircuitsWrittenAsAigerAreEquivalentToTheirTruthTables(String name, Circuit c) throws Exception {
        Path reference = dir.resolve("reference.blif");
        Files.writeString(reference, Blif.truthTable(c));
        Path aig = dir.resolve("written.aig");
        Files.write(aig, bytes(c, true));
        Abc.assertEquivalent(aig, reference, false);
        Path aagAsBlif = dir.resolve("written-aag.blif");
        Files.writeString(aagAsBlif, Blif.fromAag(new String(bytes(c, false), StandardCharsets.UTF_8)));
        Abc.assertEquivalent(aagAsBlif, reference, false);
    }

    @Test
    void abcRefutesAWrongCircuitSoTheCheckCanFail() throws Exception {
        Path reference = dir.resolve("reference.blif");
        Files.writeString(reference, Blif.truthTable(TestCircuits.majority7()));
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 7);
        b.outputBus("maj", b.atLeast(3, x)); // at least 3 of 7, not 4
        Path wrong = dir.resolve("wrong.aig");
        Files.write(wrong, bytes(b.build(), true));
        assertThrows(AssertionError.class, () -> Abc.assertEquivalent(wrong, reference, false));
    }

    private static byte[] bytes(Circuit c, boolean binary) throws IOException {
        var out = new ByteArrayOutputStream();
        new AigerWriter(binary).write(c, out);
        return out.toByteArray();
    }
}
