package tc0.circuits.io.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Regions;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.CircuitFormatException;
import tc0.circuits.io.fixtures.EpflData;
import tc0.circuits.io.fixtures.TestCircuits;

class Tc0cTest {

    static byte[] write(Circuit c) throws IOException {
        var out = new ByteArrayOutputStream();
        new Tc0cWriter().write(c, out);
        return out.toByteArray();
    }

    static Circuit read(byte[] bytes) throws Exception {
        return new Tc0cReader().read(new ByteArrayInputStream(bytes), "t.tc0c");
    }

    /** Sets the header's body length and the trailing CRC32C to fit {@code file}, as a writer would. */
    static byte[] reseal(byte[] file) {
        byte[] f = file.clone();
        long body = f.length - Tc0cLayout.HEADER_BYTES - Tc0cLayout.CHECKSUM_BYTES;
        for (int i = 0; i < 8; i++) f[Tc0cLayout.LENGTH_OFFSET + i] = (byte) (body >>> (8 * i));
        CRC32C crc = new CRC32C();
        crc.update(f, 0, f.length - 4);
        long v = crc.getValue();
        for (int i = 0; i < 4; i++) f[f.length - 4 + i] = (byte) (v >>> (8 * i));
        return f;
    }

    static Circuit empty() {
        return new CircuitBuilder().build();
    }

    static Stream<Arguments> circuits() throws Exception {
        return Stream.of(
                Arguments.of("empty", empty()),
                Arguments.of("weights 5 -3 7", TestCircuits.weighted()),
                Arguments.of("majority of 7", TestCircuits.majority7()),
                Arguments.of("adder with regions", TestCircuits.adder(8)),
                Arguments.of("extreme weights, empty bus, nested regions", TestCircuits.raw()),
                Arguments.of("random", TestCircuits.random(5, 12, 200)),
                Arguments.of("EPFL ctrl", CircuitFiles.read(EpflData.file("ctrl"))),
                Arguments.of("EPFL multiplier", CircuitFiles.read(EpflData.file("multiplier"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("circuits")
    void readingWhatWasWrittenGivesTheSameCircuit(String name, Circuit c) throws Exception {
        assertTrue(c.sameAs(read(write(c))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("circuits")
    void theSameCircuitAlwaysGivesTheSameBytes(String name, Circuit c) throws Exception {
        byte[] first = write(c);
        assertArrayEquals(first, write(c));
        assertArrayEquals(first, write(read(first)));
    }

    @Test
    void twoSeparatelyBuiltEqualCircuitsGiveIdenticalFiles() throws IOException {
        assertArrayEquals(write(TestCircuits.adder(5)), write(TestCircuits.adder(5)));
    }

    @Test
    void theHeaderIsMagicVersionAndBodyLengthAndTheTrailerACrc32c() throws IOException {
        byte[] f = write(TestCircuits.weighted());
        assertArrayEquals(new byte[] {(byte) 0x89, 'T', 'C', '0', 'C', '\r', '\n', 0x1a}, Arrays.copyOf(f, 8));
        assertArrayEquals(new byte[] {1, 0, 0, 0}, Arrays.copyOfRange(f, 8, 12));
        long body = 0;
        for (int i = 0; i < 8; i++) body |= (f[12 + i] & 0xFFL) << (8 * i);
        assertEquals(f.length - 24, body);
        assertArrayEquals(f, reseal(f));
        assertEquals(Tc0cLayout.COUNTS, f[20]);
    }

    @Test
    void aFiftyThousandGateCircuitTakesAboutFourBytesPerWire() throws Exception {
        Circuit c = CircuitFiles.read(EpflData.file("div"));
        assertTrue(write(c).length < 4.5 * c.wireCount(), write(c).length + " bytes for " + c.wireCount() + " wires");
    }

    /** {@code f} with section {@code id}'s payload replaced by these varints (checksum not updated). */
    static byte[] replaceSection(byte[] f, int id, long... varints) throws IOException {
        int at = indexOf(f, id);
        int next = indexOf(f, id + 1);
        var payload = new ByteSink();
        for (long v : varints) payload.writeVarint(v);
        var out = new ByteArrayOutputStream();
        out.write(f, 0, at);
        out.write(id);
        out.write(payload.size()); // one byte: the tests' payloads are short
        out.write(payload.array(), 0, payload.size());
        out.write(f, next, f.length - next);
        return out.toByteArray();
    }

    static Stream<Arguments> badFiles() throws IOException {
        byte[] good = write(TestCircuits.weighted());
        byte[] flipped = good.clone();
        flipped[30] ^= 0x10;
        byte[] checksumFirst = good.clone(), checksumLast = good.clone(); // the CRC32C's own bytes damaged
        checksumFirst[good.length - 4] ^= 0x01;
        checksumLast[good.length - 1] ^= (byte) 0x80;
        byte[] version = good.clone();
        version[8] = 4;
        byte[] v1Huge = good.clone();
        v1Huge[15] = (byte) 0x80; // 2^31 bytes announced by a version 1 header
        byte[] hugeLength = good.clone();
        hugeLength[19] = 0x7f;
        byte[] longLength = good.clone();
        longLength[15] = 0x40; // 2^30 bytes announced, a few dozen present
        byte[] trailing = Arrays.copyOf(good, good.length + 3);
        byte[] extraSection = reseal(insert(good, good.length - 4, new byte[] {7, 0}));
        // Gate 0 of a circuit with one input reads node 2, itself: the section is well formed, the circuit is not.
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        b.outputBus("y", b.and(x[0], x[1]));
        Circuit and = b.build();
        byte[] andFile = write(and);
        int gates = indexOf(andFile, Tc0cLayout.GATES);
        byte[] selfLoop = andFile.clone();
        selfLoop[gates + 2 + 3] = 0; // first fan-in delta of gate 0 (after fan-in, threshold, region)
        byte[] badBus = andFile.clone();
        int inputBuses = indexOf(andFile, Tc0cLayout.INPUT_BUSES);
        badBus[inputBuses + 2 + 2] = 3; // bus 'x' (name length 1, 'x') now claims 3 of the 2 inputs
        byte[] manyGates = replaceSection(andFile, Tc0cLayout.COUNTS, 2, 500_000_000, 2, 1, 1, 1, 1);
        return Stream.of(
                Arguments.of("empty", new byte[0], "t.tc0c: empty file, not a .tc0c circuit"),
                Arguments.of("AIGER, not tc0c", "aig 0 0 0 0 0\n".getBytes(), "t.tc0c: byte 0: not a .tc0c file (wrong magic bytes)"),
                Arguments.of("truncated header", Arrays.copyOf(good, 13), "t.tc0c: byte 13: truncated header: the file ends after 13 bytes"),
                Arguments.of("unknown version", version, "t.tc0c: byte 8: .tc0c format version 4 is not supported; this tc0 reads versions 1, 2 and 3"),
                Arguments.of("version 1 with a body past 2 GiB", v1Huge, "t.tc0c: byte 12: body length 21474836"),
                Arguments.of("length past any circuit (over 1 TiB)", hugeLength, "t.tc0c: byte 12: body length"),
                Arguments.of("length beyond the file", longLength, "t.tc0c: byte " + good.length + ": truncated: the header announces 1073741"),
                Arguments.of("truncated body", Arrays.copyOf(good, good.length - 9), "t.tc0c: byte " + (good.length - 9) + ": truncated"),
                Arguments.of("one bit flipped", flipped, "t.tc0c: checksum mismatch: the file is corrupt"),
                Arguments.of("checksum's first byte flipped", checksumFirst, "t.tc0c: checksum mismatch: the file is corrupt"),
                Arguments.of("checksum's last byte flipped", checksumLast, "t.tc0c: checksum mismatch: the file is corrupt"),
                Arguments.of("bytes after the checksum", trailing, "t.tc0c: byte " + good.length + ": unexpected bytes after the checksum"),
                Arguments.of("unknown section, checksum right", extraSection, "t.tc0c: byte " + (good.length - 4) + ": 2 unexpected bytes after the last section"),
                Arguments.of("gate reads itself, checksum right", reseal(selfLoop), "t.tc0c: byte " + (gates + 5) + ": gate 0 reads node 3: not an earlier node"),
                Arguments.of("bus wider than the inputs, checksum right", reseal(badBus), "t.tc0c: byte " + (inputBuses + 4) + ": input buses 'x' width 3 out of range"),
                Arguments.of("section missing, checksum right", reseal(Arrays.copyOf(andFile, gates + 4)),
                        "t.tc0c: byte " + gates + ": truncated body: section 'gates' missing"),
                Arguments.of("counts claim 500 million gates, checksum right", reseal(manyGates),
                        "t.tc0c: byte " + (indexOf(manyGates, Tc0cLayout.GATES) + 2) + ": section 'gates' has 7 bytes, too few for 500000000 gates and 2 wires"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileGivesOneLineSayingWhereAndWhat(String name, byte[] content, String expectedStart) {
        var e = assertThrows(CircuitFormatException.class, () -> read(content));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anInvalidCircuitBehindAValidChecksumIsRejectedByCircuitOf() throws IOException {
        // Two output buses with the same name: every section decodes, Circuit.of refuses.
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 1);
        b.outputBus("p", x[0]);
        b.outputBus("q", x[0]);
        byte[] f = write(b.build());
        int at = indexOf(f, Tc0cLayout.OUTPUT_BUSES);
        f[at + 2 + 1 + 1 + 1 + 1] = 'p'; // section id, length, then bus 0: name length, 'p', width; bus 1: name length, 'q'
        var e = assertThrows(CircuitFormatException.class, () -> read(reseal(f)));
        assertEquals("t.tc0c: invalid circuit: duplicate output bus p", e.getMessage());
    }

    @Test
    void regionsAndBusesSurvive() throws Exception {
        Circuit c = read(write(TestCircuits.raw()));
        assertEquals("layer[0]/attention", c.regions().path(2));
        assertEquals(List.of(new Bus("x", 0, 3), new Bus("none", 3, 0), new Bus("z", 3, 1)), c.inputBuses());
        assertEquals(Regions.ROOT, c.region(0));
    }

    /** Offset of the section with this id in a file written by {@link Tc0cWriter} (ids are scanned in order). */
    static int indexOf(byte[] f, int id) {
        int pos = Tc0cLayout.HEADER_BYTES;
        while (f[pos] != id) {
            int length = 0, shift = 0, b;
            pos++;
            do {
                b = f[pos++] & 0xFF;
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            pos += length;
        }
        return pos;
    }

    static byte[] insert(byte[] f, int at, byte[] more) {
        byte[] r = new byte[f.length + more.length];
        System.arraycopy(f, 0, r, 0, at);
        System.arraycopy(more, 0, r, at, more.length);
        System.arraycopy(f, at, r, at + more.length, f.length - at);
        return r;
    }
}
