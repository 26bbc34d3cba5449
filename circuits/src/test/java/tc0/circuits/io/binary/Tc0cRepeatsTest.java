package tc0.circuits.io.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Regions;
import tc0.circuits.io.CircuitFormatException;

/**
 * Version 3: a gate whose terms are the previous gate's is written as a repeat (head 0) instead of listing
 * them again, and read back sharing them. Whether the circuit shares its stored wires does not change the
 * bytes; a circuit with no repeat is still written as version 1.
 */
class Tc0cRepeatsTest {

    /** x >= k for k = 1 .. 15 over a 4-bit x: one bank, every gate after the first repeats its predecessor's terms. */
    private static Circuit bank() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputBus("x", 4);
        int[] ge = new int[15];
        long[] t = new long[15];
        for (int k = 0; k < 15; k++) t[k] = k + 1;
        b.gates(x, new long[] {1, 2, 4, 8}, 4, t, 15, ge);
        b.outputBus("ge", ge);
        return b.build();
    }

    /** The same circuit from plain CSR arrays: one stored range per gate, nothing shared. */
    private static Circuit bankUnshared() {
        int gates = 15;
        int[] start = new int[gates + 1], node = new int[4 * gates], region = new int[gates], outs = new int[gates];
        long[] weight = new long[4 * gates], threshold = new long[gates];
        for (int g = 0; g < gates; g++) {
            start[g + 1] = 4 * (g + 1);
            for (int i = 0; i < 4; i++) {
                node[4 * g + i] = 1 + i;
                weight[4 * g + i] = 1L << i;
            }
            threshold[g] = g + 1;
            outs[g] = 2 * (5 + g);
        }
        return Circuit.of(4, start, node, weight, threshold, region, outs, List.of(new Bus("x", 0, 4)),
                List.of(new Bus("ge", 0, gates)), Regions.rootOnly());
    }

    private static long version(byte[] file) {
        return file[Tc0cLayout.VERSION_OFFSET] & 0xFF;
    }

    @Test
    void aBankIsWrittenAsRepeatsAndReadBackShared() throws Exception {
        Circuit c = bank();
        byte[] file = Tc0cTest.write(c);
        assertEquals(Tc0cLayout.REPEAT_VERSION, version(file));
        int gates = Tc0cTest.indexOf(file, Tc0cLayout.GATES);
        int gatesLength = file[gates + 1];
        // gate 0: head 5 (4 terms), threshold, region, 4 x (distance, weight); gates 1..14: head 0, threshold, region
        assertEquals(3 + 4 * 2 + 14 * 3, gatesLength);
        Circuit back = Tc0cTest.read(file);
        assertTrue(c.sameAs(back));
        assertEquals(60, back.wireCount());
        for (int g = 1; g < 15; g++) assertTrue(back.sharesPreviousFanin(g), "gate " + g + " shares after reading");
    }

    @Test
    void theBytesDependOnTheCircuitNotOnItsStorage() throws Exception {
        Circuit unshared = bankUnshared();
        assertFalse(unshared.sharesPreviousFanin(1));
        assertTrue(unshared.sameAs(bank()));
        assertArrayEquals(Tc0cTest.write(bank()), Tc0cTest.write(unshared));
    }

    @Test
    void theSampleCircuitsOfTheFormatTestsCoverBothEncodings() throws Exception {
        // Tc0cTest, Tc0cStreamingTest and Tc0cChunksTest run over these: both versions must be among them.
        var versions = new java.util.TreeMap<Long, List<String>>();
        for (var a : Tc0cTest.circuits().toList()) {
            versions.computeIfAbsent(version(Tc0cTest.write((Circuit) a.get()[1])), v -> new java.util.ArrayList<>()).add((String) a.get()[0]);
        }
        assertEquals(java.util.Set.of(1L, 3L), versions.keySet(), versions.toString());
    }

    /** More wires than an int counts, fewer stored (mamba n = 32 has 4.9 G): written and read back whole. */
    @Test
    void aCircuitOfMoreThan2To31WiresRoundTrips() throws Exception {
        int inputs = 2000, gates = 1_100_000;
        int[] node = new int[inputs], start = new int[gates], end = new int[gates], region = new int[gates];
        long[] weight = new long[inputs], threshold = new long[gates];
        for (int i = 0; i < inputs; i++) { node[i] = 1 + i; weight[i] = 1; }
        for (int g = 0; g < gates; g++) { end[g] = inputs; threshold[g] = 1 + g % inputs; }
        Circuit c = Circuit.ofRanges(inputs, start, end, node, weight, inputs, threshold, region, new int[] {2 * (inputs + gates)},
                List.of(new Bus("x", 0, inputs)), List.of(new Bus("y", 0, 1)), Regions.rootOnly());
        assertTrue(c.wireCount() > Integer.MAX_VALUE, "wires: " + c.wireCount());
        byte[] file = Tc0cTest.write(c);
        assertEquals(Tc0cLayout.REPEAT_VERSION, version(file));
        Circuit back = Tc0cTest.read(file);
        assertEquals(2_200_000_000L, back.wireCount());
        assertTrue(c.sameAs(back));
    }

    @Test
    void aCircuitWithoutRepeatsIsStillVersion1() throws Exception {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputBus("x", 3);
        b.outputBus("y", b.and(x[0], x[1]), b.or(x[1], x[2]));
        assertEquals(Tc0cLayout.VERSION, version(Tc0cTest.write(b.build())));
    }

    @Test
    void aRepeatWithNothingBeforeItIsRefused() throws Exception {
        byte[] file = Tc0cTest.write(bank());
        int gates = Tc0cTest.indexOf(file, Tc0cLayout.GATES);
        int gate1 = gates + 2 + 3 + 4 * 2; // section id, length, then gate 0's 11 bytes
        assertEquals(0, file[gate1], "gate 1 is a repeat");
        // Gate 0 becomes a repeat too: its 8 wire bytes go, so the gates' wires no longer add up either;
        // the first fault found is the repeat with nothing before it.
        byte[] bad = new byte[file.length - 8];
        System.arraycopy(file, 0, bad, 0, gates + 2);
        bad[gates + 1] = (byte) (file[gates + 1] - 8);
        bad[gates + 2] = 0;
        System.arraycopy(file, gates + 3, bad, gates + 3, 2); // threshold and region of gate 0
        System.arraycopy(file, gate1, bad, gates + 5, file.length - gate1);
        var e = assertThrows(CircuitFormatException.class, () -> Tc0cTest.read(Tc0cTest.reseal(bad)));
        assertEquals("t.tc0c: byte " + (gates + 2) + ": gate 0 repeats the terms of the gate before it, and there is none", e.getMessage());
    }

    @Test
    void repeatsMustAddUpToTheCountedWires() throws Exception {
        byte[] file = Tc0cTest.write(bank());
        // counts: inputs 4, gates 15, wires 60 -> 56: the last repeat brings the gates to 60
        byte[] bad = Tc0cTest.replaceSection(file, Tc0cLayout.COUNTS, 4, 15, 56, 15, 1, 1, 1);
        var e = assertThrows(CircuitFormatException.class, () -> Tc0cTest.read(Tc0cTest.reseal(bad)));
        assertTrue(e.getMessage().contains("the gates have more wires than the counts say (56)"), e.getMessage());
    }
}
