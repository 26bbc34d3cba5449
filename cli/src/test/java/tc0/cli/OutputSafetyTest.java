package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.binary.Tc0cReader;

/** An output never replaces an input or a device, never says one format and holds another, and a failed write is not a success. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutputSafetyTest {
    static final Path ADDER = Path.of("../examples/circuits/full_adder.aag");
    static final Path TREE_SUM = Path.of("../examples/contrast/tree_sum.tc0");

    @TempDir
    Path dir;

    @Test
    void compileRefusesToWriteOverItsSpecByAnyName() throws IOException {
        Path spec = Files.copy(TREE_SUM, dir.resolve("tree.tc0"));
        Path link = Files.createSymbolicLink(dir.resolve("link.tc0"), spec);
        byte[] before = Files.readAllBytes(spec);
        for (String out : new String[] {spec.toString(), dir.resolve("./tree.tc0").toString(), link.toString()}) {
            Cli r = Cli.run("compile", spec.toString(), "--set", "n=2", "-o", out);
            assertEquals(2, r.exitCode(), out + ": " + r.err());
            assertTrue(r.saysOneLineError(), r.err());
            assertTrue(r.err().contains("is the input") && r.err().contains("give another output file"), r.err());
            assertArrayEquals(before, Files.readAllBytes(spec), "the spec is untouched");
            assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        }
    }

    @Test
    void exportAndSweepRefuseToWriteOverTheirInput() throws IOException {
        Path circuit = Files.copy(ADDER, dir.resolve("adder.aag"));
        Cli export = Cli.run("export", circuit.toString(), "-o", circuit.toString());
        assertEquals(2, export.exitCode(), export.err());
        assertTrue(export.saysOneLineError() && export.err().contains("-o " + circuit + " is the input"), export.err());

        Path spec = Files.copy(TREE_SUM, dir.resolve("tree.tc0"));
        byte[] before = Files.readAllBytes(spec);
        Cli sweep = Cli.run("sweep", spec.toString(), "--n", "2,4", "--count-only", "--csv", spec.toString());
        assertEquals(2, sweep.exitCode(), sweep.err());
        assertTrue(sweep.saysOneLineError() && sweep.err().contains("--csv " + spec + " is the input"), sweep.err());
        assertEquals("", sweep.out(), "refused before any work");
        assertArrayEquals(before, Files.readAllBytes(spec));
    }

    @Test
    void aNamedPipeIsWrittenThroughThenDevNullIs() throws Exception {
        // the pipe first: were devices renamed over, this fails here, before /dev/null (shared by the machine) is touched
        Path fifo = dir.resolve("pipe.aag");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "skipped: mkfifo not available");
        var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Cli r = Cli.run("export", ADDER.toString(), "-o", fifo.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class).isOther(), "still a named pipe");
        Path aag = dir.resolve("adder.aag");
        assertEquals(0, Cli.run("export", ADDER.toString(), "-o", aag.toString()).exitCode());
        assertEquals(Files.readString(aag), read.get(10, TimeUnit.SECONDS), "the reader got the circuit");

        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull), "skipped: no /dev/null");
        Cli export = Cli.run("export", ADDER.toString(), "--format", "aag", "-o", devNull.toString());
        assertEquals(0, export.exitCode(), export.err());
        Cli sweep = Cli.run("sweep", TREE_SUM.toString(), "--n", "2,4", "--count-only", "--csv", devNull.toString());
        assertEquals(0, sweep.exitCode(), sweep.err());
        BasicFileAttributes a = Files.readAttributes(devNull, BasicFileAttributes.class);
        assertTrue(a.isOther() && !a.isRegularFile(), "/dev/null is still a device");
        assertEquals(0, Files.size(devNull), "and still empty");
    }

    @Test
    void aFormatThatContradictsTheExtensionIsRefused() {
        Path out = dir.resolve("c.tc0c");
        Cli r = Cli.run("export", ADDER.toString(), "--format", "verilog", "-o", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains("names a tc0c file, but --format is verilog; end the file name in .v"), r.err());
        assertFalse(Files.exists(out), "nothing written");
        // an extension that names no format, or the same one, is fine
        assertEquals(0, Cli.run("export", ADDER.toString(), "--format", "verilog", "-o", dir.resolve("c.txt").toString()).exitCode());
        assertEquals(0, Cli.run("export", ADDER.toString(), "--format", "TC0C", "-o", out.toString()).exitCode());
    }

    @Test
    void dashIsStandardOutputForExportAndCompile() throws Exception {
        Cli export = Cli.run("export", ADDER.toString(), "--format", "aag", "-o", "-");
        assertEquals(0, export.exitCode(), export.err());
        Path aag = dir.resolve("adder.aag");
        assertEquals(0, Cli.run("export", ADDER.toString(), "-o", aag.toString()).exitCode());
        assertEquals(Files.readString(aag), export.out(), "standard output holds what the file would");

        Cli compile = Cli.run("compile", TREE_SUM.toString(), "--set", "n=2", "-o", "-");
        assertEquals(0, compile.exitCode(), compile.err());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
        assertTrue(compile.err().contains("-> standard output (tc0c)"), "the figures go to standard error: " + compile.err());
        // the test's writer carries each byte as the char of the same value
        byte[] bytes = compile.out().getBytes(StandardCharsets.ISO_8859_1);
        Circuit fromStdout = new Tc0cReader().read(new ByteArrayInputStream(bytes), "<stdout>");
        Path file = dir.resolve("tree.tc0c");
        assertEquals(0, Cli.run("compile", TREE_SUM.toString(), "--set", "n=2", "-o", file.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(file), bytes, "the same bytes as the file");
        assertEquals(CircuitFiles.read(file).gateCount(), fromStdout.gateCount());
    }

    @Test
    void sweepRefusesDashForItsFiles() {
        Cli r = Cli.run("sweep", TREE_SUM.toString(), "--n", "2,4", "--count-only", "--csv", "-");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError() && r.err().contains("give --csv a file name"), r.err());
    }

    @Test
    void aFailedWriteToStandardOutputIsNotASuccess() {
        for (String[] args : new String[][] {
                {"stats", ADDER.toString()},
                {"run", ADDER.toString(), "--random", "4"},
                {"export", ADDER.toString(), "--format", "aig", "-o", "-"},
                {"compile", TREE_SUM.toString(), "--set", "n=2", "-o", "-"}}) {
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine(args);
            cl.setOut(new PrintWriter(new Writer() { // a full disk: every write fails
                @Override public void write(char[] c, int off, int len) throws IOException { throw new IOException("No space left on device"); }
                @Override public void flush() throws IOException { throw new IOException("No space left on device"); }
                @Override public void close() {}
            }));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            assertEquals(2, code, String.join(" ", args) + ": " + err);
            assertTrue(err.toString().startsWith("tc0: cannot write standard output"), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
        }
    }

    @Test
    void standardOutputToAFullDiskExitsTwoInARealProcess() throws Exception {
        java.io.File full = new java.io.File("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(full.exists(), "skipped: no /dev/full on this system");
        String java = ProcessHandle.current().info().command().orElseThrow();
        for (List<String> args : List.of(List.of("stats", ADDER.toString()), List.of("export", ADDER.toString(), "--format", "aig", "-o", "-"))) {
            List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "tc0.cli.Main"));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectOutput(full).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), err);
            assertEquals("tc0: cannot write standard output: no space left on device (a full disk, a closed output or a pipe"
                    + " whose reader stopped); nothing more was written", err.strip(), String.join(" ", args));
        }
    }
}
