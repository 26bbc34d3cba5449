package tc0.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A .npy header that claims more than its file holds, more than 2^31 elements, or more than the size limit is
 * refused from the header alone (the files here hold a header and a few bytes), and endless devices are refused
 * after at most the header: every case well inside the class's timeout.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked read ignores interrupts
class NpyHeaderTest {
    @TempDir
    Path dir;

    private Path file(String shape, int dataBytes) throws IOException {
        byte[] full = NpyReaderTest.npy(1, "<f8", shape, false, new double[0], 8);
        return Files.write(dir.resolve("w.npy"), java.util.Arrays.copyOf(full, full.length + dataBytes));
    }

    private static String reason(Path f) {
        NpyReader.NpyException e = assertThrows(NpyReader.NpyException.class, () -> NpyReader.read(f));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aShapePastWhatTheFileHoldsIsRefusedBeforeReadingData() throws IOException {
        // 1000 x 1000 float64 is 8,000,000 bytes; the file holds 16
        assertEquals("data has 16 bytes; shape [1000, 1000] of <f8 needs 8000000", reason(file("1000, 1000", 16)));
    }

    @Test
    void aShapePastTwoToTheThirtyOneElementsIsRefused() throws IOException {
        assertEquals("shape [65536, 32768] has more than 2^31 elements; tc0 reads at most 2,147,483,639", reason(file("65536, 32768", 0)));
        // a product that overflows a long: 2^40 * 2^40
        assertTrue(reason(file("1099511627776, 1099511627776", 0)).contains("more than 2^31 elements"));
        assertTrue(reason(file("3, -2", 0)).contains("negative dimension"));
        // 2^28 elements passes that check and meets the size limit instead (2 GiB of float64 > 1 GiB)
        assertTrue(reason(file("268435456,", 0)).contains("past the limit of 1 GiB for a .npy weight file"
                + "; raise it with TC0_JAVA_OPTS=-Dtc0.maxNpyBytes=BYTES"));
    }

    @Test
    void theSizeLimitIsOverridable() throws IOException {
        Path f = Files.write(dir.resolve("w.npy"), NpyReaderTest.npy(1, "<f8", "4,", false, new double[] {1, 2, 3, 4}, 8));
        String old = System.getProperty("tc0.maxNpyBytes");
        try {
            System.setProperty("tc0.maxNpyBytes", "100");
            assertTrue(reason(f).startsWith("it holds 160 bytes, past the limit of 100 bytes for a .npy weight file"), reason(f));
            System.setProperty("tc0.maxNpyBytes", "1k");
            assertArrayEquals(new double[] {1, 2, 3, 4}, assertDoesNotThrow(f));
            // with the limit raised, 2^31 - 9 float64 (16 GiB) in a file of 16 bytes: refused by the header, nothing allocated
            System.setProperty("tc0.maxNpyBytes", "100g");
            assertEquals("data has 16 bytes; shape [2147483639] of <f8 needs 17179869112", reason(file("2147483639,", 16)));
            System.setProperty("tc0.maxNpyBytes", "lots");
            assertTrue(reason(f).contains("-Dtc0.maxNpyBytes=lots is not a size"), reason(f));
        } finally {
            if (old == null) System.clearProperty("tc0.maxNpyBytes"); else System.setProperty("tc0.maxNpyBytes", old);
        }
    }

    private static double[] assertDoesNotThrow(Path f) {
        try {
            return NpyReader.read(f).values();
        } catch (NpyReader.NpyException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    @Test
    void endlessDevicesAndFoldersAreRefusedAtOnce() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")) && Files.exists(Path.of("/dev/urandom")), "skipped: no /dev/zero");
        assertEquals("not a .npy file (no \\x93NUMPY magic)", reason(Path.of("/dev/zero")));
        assertEquals("not a .npy file (no \\x93NUMPY magic)", reason(Path.of("/dev/urandom")));
        assertEquals("is a directory, not a .npy file", reason(dir));
    }

    @Test
    void aValidHeaderOverAnEndlessStreamStopsAtWhatTheShapeClaims() throws Exception {
        // a named pipe fed a valid header then zeros without end: read exactly the shape's bytes, then refused
        Path fifo = dir.resolve("pipe.npy");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "skipped: no mkfifo");
        byte[] header = NpyReaderTest.npy(1, "<f8", "2,", false, new double[0], 8);
        Thread writer = Thread.ofVirtual().start(() -> {
            try (var out = Files.newOutputStream(fifo)) {
                out.write(header);
                byte[] zeros = new byte[1 << 16];
                while (true) out.write(zeros);
            } catch (IOException e) {
                // the reader closed the pipe: done
            }
        });
        assertEquals("data has more than the 16 bytes shape [2] of <f8 needs", reason(fifo));
        writer.join(5000);
    }
}
