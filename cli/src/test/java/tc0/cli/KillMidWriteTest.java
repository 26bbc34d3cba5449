package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.CircuitFormatException;
import tc0.circuits.io.Format;

/**
 * A run killed with SIGKILL in the middle of writing a large file leaves nothing at the target that reads as a
 * circuit, only a partial file named as such, which the next write to the same target removes. In a JVM of its own.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KillMidWriteTest {
    @TempDir
    Path dir;

    @Test
    void killNineMidWriteLeavesNoValidFileAndTheNextRunCleansUp() throws Exception {
        Path big = dir.resolve("big.tc0c");
        CircuitFiles.write(randomMajorities(1_000_000), big, Format.TC0C); // as AIGER: ~150 MB, seconds to write
        Path target = dir.resolve("big.aag");

        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(List.of(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"), "tc0.cli.Main",
                "export", big.toString(), "-o", target.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path partial = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && p.isAlive()) {
                Optional<Path> f = partialOf(target);
                if (f.isPresent() && sizeOrZero(f.get()) > (4 << 20)) { // mid-write: 4 MiB of it on disk
                    partial = f.get();
                    break;
                }
                Thread.sleep(2);
            }
            if (partial == null) fail("the child never got to write 4 MiB (alive: " + p.isAlive() + ", exit: " + (p.isAlive() ? "-" : p.exitValue()) + ")");
            p.destroyForcibly(); // SIGKILL on Unix: no finally block, no shutdown hook runs
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), "killed by signal 9, not finished");
        } finally {
            p.destroyForcibly();
        }

        assertFalse(Files.exists(target), "nothing at the target path");
        assertTrue(Files.exists(partial), "the partial file is left, recognisable by its name: " + partial.getFileName());
        assertTrue(Format.byFileName(partial.getFileName().toString()).isEmpty(), "no tc0 command takes it for a circuit");
        Path asCircuit = Files.copy(partial, dir.resolve("renamed.aag"));
        Cli read = Cli.run("stats", asCircuit.toString());
        assertEquals(2, read.exitCode(), "even renamed, half an AIGER file is refused: " + read.out());
        assertTrue(read.saysOneLineError(), read.err());

        Cli next = Cli.run("export", "../examples/circuits/full_adder.aag", "-o", target.toString());
        assertEquals(0, next.exitCode(), next.err());
        assertFalse(Files.exists(partial), "the next write to the target removed the killed run's partial file");
        assertEquals(Optional.empty(), partialOf(target));
        assertEquals(7, readCircuit(target), "the target holds the new circuit");
    }

    /**
     * {@code gates} majorities, each of the signal 256 before it and two earlier ones at random: every gate feeds
     * one 256 later, so all are in the cone of the last 256, the outputs.
     */
    static tc0.circuits.Circuit randomMajorities(int gates) {
        CircuitBuilder b = new CircuitBuilder(false);
        int[] lits = new int[256 + gates];
        System.arraycopy(b.inputBus("x", 256), 0, lits, 0, 256);
        SplittableRandom rnd = new SplittableRandom(14);
        for (int g = 0; g < gates; g++) {
            int n = 256 + g;
            lits[n] = b.majority(lits[n - 256], lits[rnd.nextInt(n)] ^ 1, lits[rnd.nextInt(n)]);
        }
        b.outputBus("y", java.util.Arrays.copyOfRange(lits, lits.length - 256, lits.length));
        return b.build();
    }

    private Optional<Path> partialOf(Path target) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("." + target.getFileName() + ".tc0-partial-")).findFirst();
        }
    }

    private static long sizeOrZero(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0; // renamed or removed meanwhile
        }
    }

    private static int readCircuit(Path f) throws IOException, CircuitFormatException {
        return CircuitFiles.read(f).gateCount();
    }
}
