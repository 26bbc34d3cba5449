package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Every input that could be read without end, or past what one run holds, is one line and exit 2 within a
 * second or two (and were one read without end, the timeout fails the test rather than waiting on it): patterns files (a folder, not UTF-8, past the limit, /dev/zero, /dev/urandom), --random past
 * its limit, circuit files that are devices or pipes, a .npy weight that is /dev/zero.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a read blocked in the kernel ignores interrupts
class BoundedReadsTest {
    static final String ADDER = "../examples/circuits/full_adder.aag"; // 3 inputs

    @TempDir
    Path dir;

    /** Runs {@code args}, asserting exit 2, one line containing {@code says}, within {@code seconds}. */
    private static void refused(double seconds, String says, String... args) {
        long start = System.nanoTime();
        Cli r = Cli.run(args);
        double took = (System.nanoTime() - start) / 1e9;
        assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
        assertTrue(r.saysOneLineError(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(says), r.err());
        assertTrue(took < seconds, String.join(" ", args) + " took " + took + " s");
    }

    private static void assumeDevices() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")) && Files.exists(Path.of("/dev/urandom")), "skipped: no /dev/zero");
    }

    @Test
    void patternsFilesThatAreNotPatternsAreOneLine() throws IOException {
        refused(2, "tc0: " + dir + ": is a directory, not a patterns file", "run", ADDER, "--inputs", dir.toString());
        Path latin1 = Files.write(dir.resolve("p.txt"), new byte[] {'0', '1', '1', '\n', '1', (byte) 0xff, '\n'});
        refused(2, "tc0: " + latin1 + ": not UTF-8 text (a binary file?)", "run", ADDER, "--inputs", latin1.toString());
        Path nul = Files.write(dir.resolve("n.txt"), new byte[] {'0', 0, '1'});
        refused(2, latin1.getParent().resolve("n.txt") + ":1: U+0000 is not a bit", "run", ADDER, "--inputs", nul.toString());
    }

    @Test
    void endlessDevicesAsPatternsAreRefusedAtOnce() {
        assumeDevices();
        refused(2, "/dev/zero:1: U+0000 is not a bit", "run", ADDER, "--inputs", "/dev/zero");
        refused(2, "tc0: /dev/urandom: not UTF-8 text (a binary file?)", "run", ADDER, "--inputs", "/dev/urandom");
    }

    @Test
    void aPatternsFilePastTheLimitIsRefusedBySizeOrAsRead() throws Exception {
        Path big = Files.writeString(dir.resolve("big.txt"), "011\n".repeat(1000)); // 4,000 bytes
        String old = System.getProperty("tc0.maxInputsBytes");
        try {
            System.setProperty("tc0.maxInputsBytes", "1k");
            refused(2, "it holds 4,000 bytes, past the limit of 1,024 bytes for a patterns file; raise it with"
                    + " TC0_JAVA_OPTS=-Dtc0.maxInputsBytes=BYTES", "run", ADDER, "--inputs", big.toString());
            // a device has no size: counted as read. Spaces are not an error, so only the limit stops them
            Path fifo = dir.resolve("spaces.txt");
            Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "skipped: no mkfifo");
            Thread writer = Thread.ofVirtual().start(() -> {
                try (var out = Files.newOutputStream(fifo)) {
                    byte[] spaces = " ".repeat(1 << 12).getBytes();
                    while (true) out.write(spaces);
                } catch (IOException e) {
                    // the reader closed the pipe
                }
            });
            refused(2, "it holds more than the limit of 1,024 bytes for a patterns file", "run", ADDER, "--inputs", fifo.toString());
            writer.join(5000);
            System.setProperty("tc0.maxInputsBytes", "8k");
            assertEquals(1000, Cli.run("run", ADDER, "--inputs", big.toString()).out().lines().count(), "raised, it is read");
        } finally {
            if (old == null) System.clearProperty("tc0.maxInputsBytes"); else System.setProperty("tc0.maxInputsBytes", old);
        }
    }

    @Test
    void randomPastItsLimitSaysTheLimitAndWhy() {
        refused(2, "--random 1,000,000,000: at most 16,777,216 patterns a run, as every pattern's inputs and outputs are held in"
                + " memory at once; run several with different --seed", "run", ADDER, "--random", "1000000000");
        refused(2, "--random must be at least 1, not 0", "run", ADDER, "--random", "0");
    }

    @Test
    void circuitFilesThatAreDevicesArePromptlyRefused() throws IOException {
        assumeDevices();
        for (String ext : new String[] {"aag", "aig", "tc0c"}) {
            Path zero = Files.createSymbolicLink(dir.resolve("zero." + ext), Path.of("/dev/zero"));
            Path random = Files.createSymbolicLink(dir.resolve("random." + ext), Path.of("/dev/urandom"));
            for (Path f : new Path[] {zero, random}) {
                for (String command : new String[] {"stats", "run", "export"}) {
                    String[] args = command.equals("export") ? new String[] {command, f.toString(), "-o", dir.resolve("o.aag").toString()}
                            : new String[] {command, f.toString()};
                    refused(2, "tc0: " + f + ": ", args);
                }
            }
        }
        refused(2, "tc0: /dev/zero: unknown circuit file type", "stats", "/dev/zero");
    }

    @Test
    void aWeightFileThatIsADeviceIsOneLine() throws IOException {
        assumeDevices();
        Files.createSymbolicLink(dir.resolve("w.npy"), Path.of("/dev/zero"));
        Path spec = Files.writeString(dir.resolve("m.tc0"), "model m(n = 2) {\n    precision fixed(int: 4, frac: 2);\n"
                + "    input X: [1, n];\n    weight W: [n, n] = load(\"w.npy\");\n    output Y = X @ W;\n}\n");
        long start = System.nanoTime();
        Cli r = Cli.run("stats", spec.toString());
        assertEquals(2, r.exitCode(), r.err());
        // a spec's error quotes the source line under its one line of message
        assertEquals("tc0: " + spec + ":4:24: cannot load 'w.npy': not a .npy file (no \\x93NUMPY magic)", r.err().lines().findFirst().orElseThrow());
        assertTrue((System.nanoTime() - start) / 1e9 < 5, "at once");
    }
}
