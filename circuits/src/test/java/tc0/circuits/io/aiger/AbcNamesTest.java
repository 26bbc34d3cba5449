package tc0.circuits.io.aiger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.fixtures.AagToAig;
import tc0.circuits.io.fixtures.Abc;
import tc0.circuits.io.fixtures.EpflData;
import tc0.circuits.io.fixtures.NamedAigs;

/**
 * ABC's {@code cec}, which matches inputs and outputs by name (its default; {@code -n} matches by position),
 * proves tc0's AIGER output equivalent to originals whose names tc0 must neither invent nor change: a file
 * ABC wrote without symbols (ABC then names the bits pi0, po00, ... on both sides) and hand-made files with
 * interleaved, lone, out-of-order and missing names. The ASCII output reaches ABC, which reads binary AIGER
 * only, through {@link AagToAig}. Skipped, and reported so, where berkeley-abc is not installed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AbcNamesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void abcIsInstalled() {
        assumeTrue(Abc.available(), Abc.SKIP_REASON);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ctrl", "int2float", "router", "dec", "cavlc"})
    void aFileAbcWroteWithoutSymbolsComesBackWithoutSymbols(String name) throws Exception {
        Path original = dir.resolve(name + "-nosym.aig");
        Abc.run(dir, "read " + EpflData.file(name).toAbsolutePath() + "; strash; write_aiger " + original); // no -s: no symbols
        Circuit c = CircuitFiles.read(original);
        assertEquals(List.of(new Bus("?in", 0, c.inputCount())), c.inputBuses());
        assertEquals(List.of(new Bus("?out", 0, c.outputCount())), c.outputBuses());
        assertWrittenBackEquivalentByName(original, c);
    }

    @Test
    void interleavedLoneAndOutOfOrderNamesAreProvedByName() throws Exception {
        Path original = aig("interleaved", NamedAigs.AIG + NamedAigs.INTERLEAVED);
        assertWrittenBackEquivalentByName(original, CircuitFiles.read(original));
    }

    @Test
    void someNamedSomeNot() throws Exception {
        // ABC names an unnamed bit after its object id (n2, n9): the same on both sides only if the positions are
        Path original = aig("partly", NamedAigs.AIG + "i0 a\ni2 c[1]\ni3 c[0]\ni6 z\no0 y\no3 w[0]\n");
        assertWrittenBackEquivalentByName(original, CircuitFiles.read(original));
    }

    @Test
    void abcMatchesByNameSoAnotherNameOrPositionFails() throws Exception {
        Path original = aig("interleaved", NamedAigs.AIG + NamedAigs.INTERLEAVED);
        Path swapped = aig("swapped", NamedAigs.AIG + NamedAigs.INTERLEAVED.replace("i0 a[0]\ni1 b[0]", "i0 b[0]\ni1 a[0]"));
        assertThrows(AssertionError.class, () -> Abc.assertEquivalent(original, swapped, true));
        Path renamed = aig("renamed", NamedAigs.AIG + NamedAigs.INTERLEAVED.replace("i4 c[0]", "i4 c"));
        assertThrows(AssertionError.class, () -> Abc.assertEquivalent(original, renamed, true));
        Path unnamed = aig("unnamed", NamedAigs.AIG);
        assertThrows(AssertionError.class, () -> Abc.assertEquivalent(original, unnamed, true));
        Abc.assertEquivalent(original, unnamed, false); // by position they are the same AIG
    }

    private void assertWrittenBackEquivalentByName(Path original, Circuit c) throws Exception {
        Path binary = dir.resolve("written.aig");
        Files.write(binary, write(c, true));
        Abc.assertEquivalent(original, binary, true);
        Path ascii = dir.resolve("written-aag.aig");
        Files.write(ascii, AagToAig.convert(new String(write(c, false), StandardCharsets.UTF_8)));
        Abc.assertEquivalent(original, ascii, true);
    }

    private Path aig(String name, String aag) throws IOException {
        Path p = dir.resolve(name + ".aig");
        Files.write(p, AagToAig.convert(aag));
        return p;
    }

    private static byte[] write(Circuit c, boolean binary) throws IOException {
        var out = new ByteArrayOutputStream();
        new AigerWriter(binary).write(c, out);
        return out.toByteArray();
    }
}
