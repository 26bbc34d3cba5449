package tc0.circuits.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.circuits.io.fixtures.EpflData;
import tc0.circuits.io.fixtures.TestCircuits;

/** Bad files through {@link CircuitFiles#read}: each gives a CircuitFormatException with one clear line. */
class FormatBadInputTest {
    @TempDir
    Path dir;

    private String message(Path file) {
        var e = assertThrows(CircuitFormatException.class, () -> CircuitFiles.read(file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static byte[] written(Circuit c, Format f) throws IOException {
        var out = new ByteArrayOutputStream();
        f.writer().write(c, out);
        return out.toByteArray();
    }

    @Test
    void anEmptyFileOfEachFormatSaysItIsEmpty() throws IOException {
        for (String ext : new String[] {"aag", "aig", "tc0c"}) {
            Path f = Files.write(dir.resolve("empty." + ext), new byte[0]);
            String format = ext.equals("tc0c") ? ".tc0c" : "AIGER";
            assertEquals(f + ": empty file, not " + (ext.equals("tc0c") ? "a " : "an ") + format + " circuit", message(f));
        }
    }

    @Test
    void aDirectoryIsNotACircuitFile() throws IOException {
        Path d = Files.createDirectory(dir.resolve("folder.aig"));
        assertEquals(d + ": is a directory, not a circuit file", message(d));
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("missing.tc0c");
        assertEquals(f + ": no such file", message(f));
    }

    @Test
    void anUnknownExtensionListsTheKnownOnes() throws IOException {
        Path f = Files.writeString(dir.resolve("circuit.txt"), "aag 0 0 0 0 0\n");
        assertEquals(f + ": unknown circuit file type; expected one of .aag, .aig, .tc0c", message(f));
    }

    @Test
    void aTruncatedBinaryAigerSaysWhereItEnds() throws IOException {
        byte[] ctrl = Files.readAllBytes(EpflData.file("ctrl"));
        Path f = Files.write(dir.resolve("ctrl.aig"), Arrays.copyOf(ctrl, 300));
        assertTrue(message(f).matches("\\Q" + f + "\\E: byte 300: truncated: the file ends inside AND \\d+ of 174"), message(f));
    }

    @Test
    void aTruncatedAsciiAigerSaysWhatWasExpected() throws IOException {
        String text = new String(written(TestCircuits.weighted(), Format.AAG), StandardCharsets.US_ASCII);
        String[] lines = text.split("\n");
        String cut = String.join("\n", Arrays.copyOf(lines, 9)) + "\n"; // header, 5 inputs, 2 outputs, 1 AND
        Path f = Files.writeString(dir.resolve("cut.aag"), cut);
        assertEquals(f + ": line 10: truncated: the file ends where AND 1 was expected", message(f));
    }

    @Test
    void aTruncatedTc0cFileSaysItIsTruncated() throws IOException {
        byte[] full = written(TestCircuits.adder(4), Format.TC0C);
        Path f = Files.write(dir.resolve("cut.tc0c"), Arrays.copyOf(full, full.length / 2));
        assertTrue(message(f).startsWith(f + ": byte " + full.length / 2 + ": truncated: the header announces"), message(f));
    }

    @Test
    void contentOfTheOtherFormatIsRecognisedAsWrong() throws IOException {
        Path aigAsTc0c = Files.write(dir.resolve("really-aiger.tc0c"), written(TestCircuits.weighted(), Format.AIG));
        assertEquals(aigAsTc0c + ": byte 0: not a .tc0c file (wrong magic bytes)", message(aigAsTc0c));
        Path tc0cAsAig = Files.write(dir.resolve("really-tc0c.aig"), written(TestCircuits.weighted(), Format.TC0C));
        assertTrue(message(tc0cAsAig).startsWith(tc0cAsAig + ": line 1: not an AIGER file"), message(tc0cAsAig));
    }

    @Test
    void eitherAigerExtensionReadsEitherAigerEncoding() throws Exception {
        Path asciiNamedAig = Files.write(dir.resolve("ascii.aig"), written(TestCircuits.majority7(), Format.AAG));
        Path binaryNamedAag = Files.write(dir.resolve("binary.aag"), written(TestCircuits.majority7(), Format.AIG));
        assertTrue(CircuitFiles.read(asciiNamedAig).sameAs(CircuitFiles.read(binaryNamedAag)));
    }
}
