package tc0.circuits.io.aiger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.circuits.analysis.CircuitStats;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.fixtures.EpflData;
import tc0.circuits.io.fixtures.Evaluation;
import tc0.circuits.io.fixtures.TestCircuits;

class AigerWriterTest {

    static byte[] write(Circuit c, boolean binary) throws IOException {
        var out = new ByteArrayOutputStream();
        new AigerWriter(binary).write(c, out);
        return out.toByteArray();
    }

    static Circuit readBack(Circuit c, boolean binary) throws Exception {
        return new AigerReader().read(new ByteArrayInputStream(write(c, binary)), "written");
    }

    static String header(Circuit c) throws IOException {
        return new String(write(c, false), StandardCharsets.US_ASCII).lines().findFirst().orElseThrow();
    }

    @Test
    void binaryOutputFollowsTheAigerSpecByteForByte() throws IOException {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        b.outputBus("y", Literal.not(b.and(x[0], Literal.not(x[1]))));
        // lhs 6 reads rhs0 = 5 (not x1) and rhs1 = 2 (x0): delta0 = 1, delta1 = 3; the output is 7 (negated)
        byte[] expected = concat("aig 3 2 0 1 1\n7\n", new byte[] {1, 3},
                "i0 x[0]\ni1 x[1]\no0 y\nc\nwritten by tc0 from a threshold circuit of 1 gates\n");
        assertArrayEquals(expected, write(b.build(), true));
    }

    @Test
    void asciiOutputListsInputsOutputsAndAnds() throws IOException {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 2);
        b.outputBus("y", b.or(x[0], x[1]));
        String text = new String(write(b.build(), false), StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("aag 3 2 0 1 1\n2\n4\n7\n6 5 3\ni0 x[0]\ni1 x[1]\no0 y\nc\n"), text);
    }

    @Test
    void twoInputAndsAndOrsBecomeOneAndNodeEach() throws IOException {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 3);
        int and = b.and(x[0], x[1]);
        int or = b.or(x[1], Literal.not(x[2]));
        int mixed = b.and(Literal.not(and), or);
        b.outputBus("y", mixed, and);
        assertEquals("aag 6 3 0 2 3", header(b.build()));
    }

    @Test
    void aWideAndIsABalancedTree() throws Exception {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 8);
        b.outputBus("y", b.and(x));
        Circuit back = readBack(b.build(), true);
        assertEquals(7, CircuitStats.of(back).gates());
        assertEquals(3, CircuitStats.of(back).depth());
    }

    static Stream<Arguments> thresholdCircuits() {
        Stream<Arguments> fixed = Stream.of(
                Arguments.of("weights 5 -3 7, threshold 4", TestCircuits.weighted()),
                Arguments.of("majority of 7", TestCircuits.majority7()),
                Arguments.of("3-bit threshold adder", TestCircuits.adder(3)),
                Arguments.of("extreme weights via Circuit.of", TestCircuits.raw()));
        Stream<Arguments> random = java.util.stream.LongStream.range(0, 40)
                .mapToObj(seed -> Arguments.of("random " + seed, TestCircuits.random(seed, 3 + (int) (seed % 8), 5 + (int) seed)));
        return Stream.concat(fixed, random);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thresholdCircuits")
    void thresholdGatesDecomposeToTheSameFunctionOnEveryAssignment(String name, Circuit c) throws Exception {
        Evaluation.assertSameFunction(c, readBack(c, true));
        Evaluation.assertSameFunction(c, readBack(c, false));
    }

    @Test
    void busNamesComeBack() throws Exception {
        Circuit c = TestCircuits.adder(3);
        Circuit back = readBack(c, true);
        assertEquals(c.inputBuses(), back.inputBuses());
        assertEquals(c.outputBuses(), back.outputBuses());
    }

    @Test
    void aOneBitBusWhoseNameLooksIndexedKeepsItsName() throws Exception {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x[3]", 1);
        int[] y = b.inputBus("y", 1);
        b.outputBus("z", b.and(x[0], y[0]));
        Circuit c = b.build();
        assertEquals(c.inputBuses(), readBack(c, false).inputBuses());
        assertTrue(new String(write(c, false), StandardCharsets.US_ASCII).contains("\ni0 x[3]\ni1 y\no0 z\n"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ctrl", "int2float", "router", "dec"})
    void anEpflCircuitWrittenAndReadBackIsTheSameCircuit(String name) throws Exception {
        Circuit c = CircuitFiles.read(EpflData.file(name));
        assertTrue(c.sameAs(readBack(c, true)), "binary");
        assertTrue(c.sameAs(readBack(c, false)), "ASCII");
    }

    @Test
    void writingIsDeterministic() throws IOException {
        assertArrayEquals(write(TestCircuits.random(9, 8, 30), true), write(TestCircuits.random(9, 8, 30), true));
    }

    private static byte[] concat(String a, byte[] b, String c) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(a.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(b);
        out.writeBytes(c.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
