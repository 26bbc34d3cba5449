package tc0.circuits.io.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.CircuitFormatException;
import tc0.circuits.io.fixtures.EpflData;
import tc0.circuits.io.fixtures.TestCircuits;
import tc0.circuits.testkit.SampleCircuits;

/**
 * The reader holds a body in chunks (2^30 bytes each; one array cannot hold a body past 2 GiB). With
 * chunks of a few bytes every read, varint, name and section crosses chunk boundaries: the circuits read
 * back the same, and a damaged file gives the same message, byte offset included, as with one chunk.
 */
class Tc0cChunksTest {
    static final int[] CHUNK_BITS = {1, 2, 3, 5, 8, 13};

    static Circuit read(byte[] bytes, int chunkBits) throws Exception {
        return new Tc0cReader(chunkBits).read(new ByteArrayInputStream(bytes), "t.tc0c");
    }

    @Test
    void everyCircuitReadsBackTheSameWhateverTheChunks() throws Exception {
        List<Circuit> circuits = List.of(Tc0cTest.empty(), TestCircuits.weighted(), SampleCircuits.bigWeights(), SampleCircuits.extremes(),
                SampleCircuits.constantsAndNames(), CircuitFiles.read(EpflData.file("ctrl")));
        for (Circuit c : circuits) {
            byte[] f = Tc0cTest.write(c);
            for (int bits : CHUNK_BITS) assertTrue(read(f, bits).sameAs(c), c + " in chunks of 2^" + bits);
        }
    }

    @Test
    void aDamagedFileSaysTheSameWhateverTheChunks() throws Exception {
        byte[] good = Tc0cTest.write(SampleCircuits.constantsAndNames());
        for (int cut = 0; cut < good.length; cut++) {
            byte[] f = Arrays.copyOf(good, cut);
            String one = message(f, Tc0cReader.CHUNK_BITS);
            for (int bits : CHUNK_BITS) assertEquals(one, message(f, bits), "cut at " + cut + ", chunks of 2^" + bits);
        }
        for (int at = 0; at < good.length; at++) { // resealed after a byte changes: the content checks speak
            byte[] f = good.clone();
            f[at] ^= 0x5a;
            f = at < Tc0cLayout.HEADER_BYTES ? f : Tc0cTest.reseal(f);
            String one = message(f, Tc0cReader.CHUNK_BITS);
            for (int bits : CHUNK_BITS) assertEquals(one, message(f, bits), "byte " + at + " changed, chunks of 2^" + bits);
        }
    }

    /** The reader's message for a file it must refuse, or "read" where it reads one (a change it cannot see). */
    private static String message(byte[] f, int chunkBits) {
        try {
            read(f, chunkBits);
            return "read";
        } catch (CircuitFormatException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError("not a format error: " + e, e);
        }
    }

    @Test
    void chunksMustBeBetweenTwoBytesAndAGibibyte() {
        assertThrows(IllegalArgumentException.class, () -> new Tc0cReader(0));
        assertThrows(IllegalArgumentException.class, () -> new Tc0cReader(31));
    }
}
