package tc0.circuits.io.aiger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.circuits.analysis.CircuitStats;
import tc0.circuits.io.CircuitFormatException;
import tc0.circuits.io.fixtures.Evaluation;

class AigerReaderTest {

    static Circuit read(byte[] bytes) throws Exception {
        return new AigerReader().read(new ByteArrayInputStream(bytes), "t.aag");
    }

    static Circuit read(String text) throws Exception {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(String text, int... bytes) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        for (int b : bytes) out.write(b);
        return out.toByteArray();
    }

    static boolean out(Circuit c, int output, int assignment) {
        return Evaluation.outputs(c, Evaluation.assignment(assignment, c.inputCount()))[output];
    }

    @Test
    void anAndWithInvertedInputsAndOutputIsOneOrGateOfDepthOne() throws Exception {
        Circuit c = read("aag 3 2 0 1 1\n2\n4\n7\n6 3 5\n"); // not(not a and not b) = a or b
        var s = CircuitStats.of(c);
        assertEquals(1, s.gates());
        assertEquals(1, s.depth());
        for (int a = 0; a < 4; a++) assertEquals(a != 0, out(c, 0, a));
    }

    @Test
    void asciiAndsInAnyOrderAreSortedTopologically() throws Exception {
        // y = (a and b) and c, the outer AND listed first
        Circuit c = read("aag 5 3 0 1 2\n2\n4\n6\n10\n10 8 6\n8 2 4\n");
        assertEquals(2, c.gateCount());
        for (int a = 0; a < 8; a++) assertEquals(a == 7, out(c, 0, a));
    }

    @Test
    void asciiInputsMayUseAnyVariablesBelowM() throws Exception {
        Circuit c = read("aag 10 2 0 1 1\n20\n4\n6\n6 21 4\n"); // inputs are variables 10 and 2: y = not x0 and x1
        for (int a = 0; a < 4; a++) assertEquals(a == 2, out(c, 0, a));
    }

    @Test
    void constantOutputsNeedNoGate() throws Exception {
        Circuit c = read("aag 0 0 0 2 0\n0\n1\n");
        assertEquals(0, c.gateCount());
        assertArrayEquals(new int[] {Literal.FALSE, Literal.TRUE}, c.outputs());
    }

    @Test
    void theSameAndTwiceIsBuiltOnce() throws Exception {
        Circuit c = read("aag 4 2 0 2 2\n2\n4\n6\n8\n6 2 4\n8 4 2\n");
        assertEquals(1, c.gateCount());
        assertEquals(c.output(0), c.output(1));
    }

    @Test
    void binaryAndAsciiOfTheSameAigGiveTheSameCircuit() throws Exception {
        // y0 = a and b, y1 = not(y0) and not c
        Circuit ascii = read("aag 5 3 0 2 2\n2\n4\n6\n8\n10\n8 4 2\n10 9 7\n");
        Circuit binary = read(concat("aig 5 3 0 2 2\n8\n10\n", 4, 2, 1, 2));
        assertTrue(ascii.sameAs(binary));
        for (int a = 0; a < 8; a++) assertEquals(!((a & 3) == 3) && (a & 4) == 0, out(binary, 1, a));
    }

    @Test
    void indexedSymbolsBecomeBusesAndPlainOnesOneBitBuses() throws Exception {
        Circuit c = read("aag 4 3 0 2 1\n2\n4\n6\n8\n9\n8 2 4\ni0 a[0]\ni1 a[1]\ni2 en\no0 y[0]\no1 y[1]\nc\nanything\n");
        assertEquals(List.of(new Bus("a", 0, 2), new Bus("en", 2, 1)), c.inputBuses());
        assertEquals(List.of(new Bus("y", 0, 2)), c.outputBuses());
    }

    @Test
    void unnamedPositionsBecomeUnnamedBusesAndNamedOnesKeepTheirNames() throws Exception {
        Circuit partly = read("aag 3 2 0 1 1\n2\n4\n6\n6 2 4\ni1 b\n");
        assertEquals(List.of(new Bus("?in", 0, 1), new Bus("b", 1, 1)), partly.inputBuses());
        assertEquals(List.of(new Bus("?out", 0, 1)), partly.outputBuses());
        Circuit twice = read("aag 3 2 0 1 1\n2\n4\n6\n6 2 4\ni0 b\ni1 b\no0 y[1]\n");
        assertEquals(List.of(new Bus("b", 0, 1), new Bus("?in", 1, 1)), twice.inputBuses(), "a repeated name is dropped");
        assertEquals(List.of(new Bus("y[1]", 0, 1)), twice.outputBuses());
    }

    @Test
    void crLfLineEndsAndAnEmptyCircuitAreAccepted() throws Exception {
        Circuit c = read("aag 3 2 0 1 1\r\n2\r\n4\r\n6\r\n6 2 4\r\n");
        assertEquals(1, c.gateCount());
        Circuit empty = read("aig 0 0 0 0 0\n");
        assertEquals(0, empty.nodeCount() - 1);
    }

    static Stream<Arguments> badFiles() {
        String and = "aag 3 2 0 1 1\n2\n4\n6\n6 2 4\n";
        return Stream.of(
                Arguments.of("empty", new byte[0], "t.aag: empty file, not an AIGER circuit"),
                Arguments.of("not AIGER", bytes("hello world\n"), "t.aag: line 1: not an AIGER file"),
                Arguments.of("header too short", bytes("aag 3 2\n"), "t.aag: line 1: header needs five numbers"),
                Arguments.of("header not numbers", bytes("aag 3 2 0 x 1\n"), "t.aag: line 1: header field 'x' is not a non-negative number"),
                Arguments.of("header number huge", bytes("aag 99999999999 0 0 0 0\n"), "t.aag: line 1: header field '99999999999'"),
                Arguments.of("M above the limit", bytes("aig 2147483647 0 0 0 2147483647\n"), "t.aag: line 1: header numbers too large"),
                Arguments.of("inputs above the limit", bytes("aig 33554432 33554432 0 0 0\n"), "t.aag: line 1: too many inputs: 33554432"),
                Arguments.of("latches", bytes("aag 3 2 1 1 0\n"), "t.aag: line 1: sequential circuits are not supported: the header declares 1 latches"),
                Arguments.of("AIGER 1.9 properties", bytes("aag 3 2 0 1 1 1\n"), "t.aag: line 1: AIGER 1.9 properties"),
                Arguments.of("M too small", bytes("aag 2 2 0 1 1\n"), "t.aag: line 1: M = 2 is smaller than I + L + A = 3"),
                Arguments.of("binary M not I + A", bytes("aig 5 2 0 1 1\n"), "t.aag: line 1: binary AIGER needs M = I + L + A"),
                Arguments.of("truncated ASCII", bytes("aag 3 2 0 1 1\n2\n4\n"), "t.aag: line 4: truncated: the file ends where output 0 was expected"),
                Arguments.of("truncated ASCII AND", bytes("aag 3 2 0 1 1\n2\n4\n6\n"), "t.aag: line 5: truncated: the file ends where AND 0 was expected"),
                Arguments.of("output literal out of range", bytes("aag 3 2 0 1 1\n2\n4\n9\n6 2 4\n"), "t.aag: line 4: literal 9 out of range"),
                Arguments.of("odd input literal", bytes("aag 3 2 0 1 1\n3\n4\n6\n6 2 4\n"), "t.aag: line 2: input literal 3 must be even"),
                Arguments.of("AND on one line too few", bytes("aag 3 2 0 1 1\n2\n4\n6\n6 2\n"), "t.aag: line 5: expected AND line 'lhs rhs0 rhs1' of 3 numbers, found '6 2'"),
                Arguments.of("odd AND literal", bytes("aag 3 2 0 1 1\n2\n4\n6\n7 2 4\n"), "t.aag: line 5: AND literal 7 must be even"),
                Arguments.of("undefined variable", bytes("aag 4 2 0 1 1\n2\n4\n6\n6 2 8\n"), "t.aag: line 5: AND input literal 8 uses variable 4, which no input or AND defines"),
                Arguments.of("undefined output", bytes("aag 4 2 0 1 1\n2\n4\n8\n6 2 4\n"), "t.aag: line 4: output literal 8 uses variable 4, which no input or AND defines"),
                Arguments.of("cycle", bytes("aag 4 2 0 1 2\n2\n4\n6\n6 8 2\n8 6 4\n"), "t.aag: line 6: cycle: AND 8 reads AND 6, which depends on it"),
                Arguments.of("self loop", bytes("aag 3 2 0 1 1\n2\n4\n6\n6 7 2\n"), "t.aag: line 5: cycle: AND 6 reads AND 6"),
                Arguments.of("defined twice", bytes("aag 4 2 0 1 2\n2\n4\n6\n6 2 4\n6 2 5\n"), "t.aag: line 6: variable 3 is defined twice (also on line 5)"),
                Arguments.of("input defined by an AND", bytes("aag 3 2 0 1 1\n2\n4\n4\n4 2 2\n"), "t.aag: line 5: variable 2 is defined twice (also on line 3)"),
                Arguments.of("binary truncated", concat("aig 3 2 0 1 1\n6\n", 2), "t.aag: byte 17: truncated: the file ends inside AND 0 of 1"),
                Arguments.of("binary truncated varint", concat("aig 3 2 0 1 1\n6\n", 0x82), "t.aag: byte 17: truncated: the file ends inside AND 0 of 1"),
                Arguments.of("binary zero delta", concat("aig 3 2 0 1 1\n6\n", 0, 0), "t.aag: byte 16: AND 0 (literal 6): first input delta 0 must be between 1 and 6"),
                Arguments.of("binary delta past zero", concat("aig 3 2 0 1 1\n6\n", 2, 9), "t.aag: byte 16: AND 0 (literal 6): second input delta 9 exceeds the first input 4"),
                Arguments.of("binary over-long number", concat("aig 3 2 0 1 1\n6\n", 0xff, 0xff, 0xff, 0xff, 0x7f), "t.aag: byte 16: AND 0: delta does not fit in 32 bits"),
                Arguments.of("symbol of unknown kind", bytes(and + "x0 foo\n"), "t.aag: line 6: expected a symbol 'i<k> name' or 'o<k> name'"),
                Arguments.of("latch symbol", bytes(and + "l0 foo\n"), "t.aag: line 6: expected a symbol"),
                Arguments.of("symbol out of range", bytes(and + "i5 a\n"), "t.aag: line 6: symbol for input 5, but there are 2 inputs"),
                Arguments.of("symbol without position", bytes(and + "i a\n"), "t.aag: line 6: symbol 'i a' does not start with 'i' and a position"),
                Arguments.of("symbol without name", bytes(and + "o0\n"), "t.aag: line 6: symbol for output 0 has no name"),
                Arguments.of("symbol twice", bytes(and + "i0 a\ni0 b\n"), "t.aag: line 7: input 0 is named twice"),
                Arguments.of("cut inside a line", bytes("aag 3 2 0 1 1\n2\n4\n6\n6 2 4"), "t.aag: line 5: truncated: the file ends inside this line"),
                Arguments.of("cut inside a symbol", bytes(and + "i0 long_na"), "t.aag: line 6: truncated: the file ends inside this line"),
                Arguments.of("binary blob where text belongs", concat("aag 3 2 0 1 1\n", new byte[70000]), "t.aag: line 2: line longer than 65536 bytes"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String text, byte[] more) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(bytes(text));
        out.writeBytes(more);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileGivesOneLineSayingWhereAndWhat(String name, byte[] content, String expectedStart) {
        var e = assertThrows(CircuitFormatException.class, () -> read(content));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }
}
