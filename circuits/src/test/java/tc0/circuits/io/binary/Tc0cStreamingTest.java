package tc0.circuits.io.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.circuits.io.fixtures.TestCircuits;

/**
 * The writer streams (gates section measured first, bytes passed on through one buffer); the file must be
 * byte for byte what encoding the whole file in memory gives, docs/FORMATS.md followed literally below.
 */
class Tc0cStreamingTest {

    /** The whole file in memory, as the format says: header, six framed sections, CRC32C. */
    static byte[] reference(Circuit c) throws IOException {
        ByteSink counts = new ByteSink();
        for (long v : new long[] {c.inputCount(), c.gateCount(), c.wireCount(), c.outputCount(), c.regions().size(),
                c.inputBuses().size(), c.outputBuses().size()}) counts.writeVarint(v);
        ByteSink regions = new ByteSink();
        for (int r = 1; r < c.regions().size(); r++) { regions.writeVarint(c.regions().parent(r)); regions.writeString(c.regions().name(r)); }
        ByteSink in = new ByteSink(), out = new ByteSink();
        for (Bus b : c.inputBuses()) { in.writeString(b.name()); in.writeVarint(b.width()); }
        for (Bus b : c.outputBuses()) { out.writeString(b.name()); out.writeVarint(b.width()); }
        // Version 3 where some gate's terms are its predecessor's: that gate is head 0, every other fan-in + 1.
        boolean[] repeat = new boolean[c.gateCount()];
        boolean anyRepeat = false;
        for (int g = 1; g < c.gateCount(); g++) {
            boolean same = c.fanin(g) == c.fanin(g - 1);
            for (int i = 0; same && i < c.fanin(g); i++) {
                same = c.faninNode(c.faninStart(g) + i) == c.faninNode(c.faninStart(g - 1) + i)
                        && c.weight(c.faninStart(g) + i) == c.weight(c.faninStart(g - 1) + i);
            }
            anyRepeat |= repeat[g] = same;
        }
        ByteSink gates = new ByteSink();
        for (int g = 0; g < c.gateCount(); g++) {
            gates.writeVarint(!anyRepeat ? c.fanin(g) : repeat[g] ? 0 : c.fanin(g) + 1);
            gates.writeSignedVarint(c.threshold(g));
            gates.writeVarint(c.region(g));
            if (repeat[g]) continue;
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
                gates.writeVarint(c.firstGate() + g - c.faninNode(e));
                gates.writeSignedVarint(c.weight(e));
            }
        }
        ByteSink outputs = new ByteSink();
        for (int i = 0; i < c.outputCount(); i++) outputs.writeVarint(c.output(i));
        ByteSink body = new ByteSink();
        ByteSink[] sections = {counts, regions, in, out, gates, outputs};
        for (int id = 0; id < sections.length; id++) {
            body.write(id + 1);
            body.writeVarint(sections[id].size());
            body.write(sections[id].array(), 0, sections[id].size());
        }
        ByteSink file = new ByteSink();
        file.write(Tc0cLayout.MAGIC, 0, 8);
        file.writeLittleEndian(anyRepeat ? Tc0cLayout.REPEAT_VERSION : Tc0cLayout.VERSION, 4);
        file.writeLittleEndian(body.size(), 8);
        file.write(body.array(), 0, body.size());
        CRC32C crc = new CRC32C();
        crc.update(file.array(), 0, file.size());
        file.writeLittleEndian(crc.getValue(), 4);
        return java.util.Arrays.copyOf(file.array(), file.size());
    }

    static byte[] streamed(Circuit c) throws IOException {
        var bytes = new ByteArrayOutputStream();
        new Tc0cWriter().write(c, bytes);
        return bytes.toByteArray();
    }

    /**
     * About 3 MB of gates: several buffers' worth, so varints and gates straddle every buffer boundary;
     * weights and thresholds from 0 to near 2^62 either sign (1- to 10-byte varints), long-range fan-in;
     * with {@code repeats}, about a third of the gates take the terms of the gate before (version 3).
     */
    static Circuit large() {
        return large(false);
    }

    static Circuit large(boolean repeats) {
        SplittableRandom rnd = new SplittableRandom(5);
        CircuitBuilder b = new CircuitBuilder(false);
        int[] x = b.inputBus("x", 300);
        int nodes = 301;
        int[] last = new int[30_000];
        int[] lits = {};
        long[] w = {};
        for (int g = 0; g < last.length; g++) {
            if (repeats && g > 0 && rnd.nextInt(3) == 0) { // the previous terms again, another threshold
                last[g] = b.gate(lits, w, rnd.nextLong(-(1L << 40), 1L << 40));
                if (!Literal.isConstant(last[g]) && Literal.node(last[g]) == nodes) nodes++;
                continue;
            }
            int fanin = 2 + rnd.nextInt(40);
            lits = new int[fanin];
            w = new long[fanin];
            for (int i = 0; i < fanin; i++) {
                lits[i] = Literal.of(1 + rnd.nextInt(nodes - 1), false);
                int bits = rnd.nextInt(1, 62);
                w[i] = (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextLong(1L << bits) / fanin);
            }
            w[0] = 1; // gcd 1: weights kept as drawn
            long t = rnd.nextInt(3) == 0 ? 1 : rnd.nextLong(-(1L << 40), 1L << 40);
            try (var r = b.region("r" + (g % 7))) {
                last[g] = b.gate(lits, w, t);
            }
            if (!Literal.isConstant(last[g]) && Literal.node(last[g]) == nodes) nodes++;
        }
        b.outputBus("y", java.util.Arrays.stream(last).filter(l -> !Literal.isConstant(l)).toArray());
        return b.build();
    }

    @ParameterizedTest(name = "repeats {0}")
    @ValueSource(booleans = {false, true})
    void aLargeCircuitStreamsToExactlyTheBytesOfTheWholeFileEncodedInMemory(boolean repeats) throws Exception {
        Circuit c = large(repeats);
        byte[] s = streamed(c);
        assertTrue(s.length > (repeats ? 2 : 3) << 20, "more than a few buffers: " + s.length + " bytes");
        assertEquals(repeats ? Tc0cLayout.REPEAT_VERSION : Tc0cLayout.VERSION, s[Tc0cLayout.VERSION_OFFSET]);
        assertArrayEquals(reference(c), s);
        assertTrue(c.sameAs(Tc0cTest.read(s)));
    }

    /** Pieces of any size, encoded in parallel or streamed, give the one section the reference encodes. */
    @ParameterizedTest(name = "repeats {0}")
    @ValueSource(booleans = {false, true})
    void gatesInPiecesOfAnySizeAreTheSameSection(boolean repeats) throws Exception {
        Circuit c = large(repeats);
        byte[] whole = null;
        for (int gates : new int[] {1, 7, 4096, 29_999, 1 << 15}) {
            for (long most : new long[] {0, 1000, 1L << 26}) {
                GatePieces pieces = GatePieces.of(c, gates, most);
                var bytes = new ByteArrayOutputStream();
                ChecksummedOut out = new ChecksummedOut(bytes);
                pieces.writeTo(out);
                out.drain();
                byte[] b = bytes.toByteArray();
                assertEquals(pieces.total(), b.length, gates + " gates a piece, streamed past " + most + " bytes");
                if (whole == null) whole = b;
                else assertArrayEquals(whole, b, gates + " gates a piece, streamed past " + most + " bytes");
            }
        }
        byte[] file = reference(c);
        assertTrue(java.util.Arrays.equals(whole, 0, whole.length, file, file.length - 4 - whole.length - outputsFramed(c), file.length - 4 - outputsFramed(c)),
                "the section sits in the reference file before the outputs section and the checksum");
    }

    private static int outputsFramed(Circuit c) throws IOException {
        ByteSink outputs = new ByteSink();
        for (int i = 0; i < c.outputCount(); i++) outputs.writeVarint(c.output(i));
        return 1 + ChecksummedOut.varintLength(outputs.size()) + outputs.size();
    }

    @Test
    void smallCircuitsStreamToTheSameBytesToo() throws Exception {
        for (Circuit c : new Circuit[] {Tc0cTest.empty(), TestCircuits.weighted(), TestCircuits.adder(8), TestCircuits.raw(),
                TestCircuits.random(5, 12, 200)}) {
            assertArrayEquals(reference(c), streamed(c), c.toString());
        }
    }

    @Test
    void varintLengthsAreTheEncodedLengths() throws IOException {
        long[] samples = {0, 1, 127, 128, 16383, 16384, (1L << 35) - 1, 1L << 35, Long.MAX_VALUE, -1, Long.MIN_VALUE, -64, -65, 63, 64};
        for (long v : samples) {
            ByteSink u = new ByteSink(), z = new ByteSink();
            u.writeVarint(v);
            z.writeSignedVarint(v);
            assertEquals(u.size(), ChecksummedOut.varintLength(v), "varint " + v);
            assertEquals(z.size(), ChecksummedOut.signedVarintLength(v), "signed varint " + v);
        }
    }
}
