package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;

class RunCommandTest {
    @TempDir
    Path dir;

    /** Outputs: a AND b, majority(a, b, c), not c. */
    static Circuit small() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 3);
        b.outputBus("y", b.and(x[0], x[1]), b.majority(x), x[2] ^ 1);
        return b.build();
    }

    record Outcome(int code, String out, String err) {}

    static Outcome run(Object command, String... args) {
        CommandLine cl = ExitCodes.commandLine(command);
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Outcome runSmall(String... args) {
        return run(new RunCommand(f -> small()), args);
    }

    @Test
    void printsOneLineOfOutputBitsPerPatternOfTheInputsFile() throws Exception {
        Path f = Files.writeString(dir.resolve("p.txt"), "# a b c\n110\n\n0_1_1  # b, c\n000\n");
        Outcome o = runSmall("c.aag", "--inputs", f.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("111\n010\n001\n", o.out().replace("\r\n", "\n"));
    }

    @Test
    void theScalarBackendPrintsTheSameBits() throws Exception {
        Path f = Files.writeString(dir.resolve("p.txt"), "110\n011\n000\n111\n");
        assertEquals(runSmall("c.aag", "--inputs", f.toString()).out(),
                runSmall("c.aag", "--inputs", f.toString(), "--backend", "scalar").out());
    }

    @Test
    void theHashIsOneLineAndTheSameForEveryBackendAndThreadCount() {
        Outcome cpu = runSmall("c.aag", "--random", "1000", "--seed", "5", "--hash");
        Outcome one = runSmall("c.aag", "--random", "1000", "--seed", "5", "--hash", "--threads", "1");
        Outcome scalar = runSmall("c.aag", "--random", "1000", "--seed", "5", "--hash", "--backend", "scalar");
        assertTrue(cpu.out().matches("[0-9a-f]{64}\\R"), cpu.out());
        assertEquals(cpu.out(), scalar.out());
        assertEquals(cpu.out(), one.out());
        assertTrue(!cpu.out().equals(runSmall("c.aag", "--random", "1000", "--seed", "6", "--hash").out()));
    }

    @Test
    void withoutPatternOptionsOneRandomPatternIsEvaluated() {
        Outcome o = runSmall("c.aag");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().matches("[01]{3}\\R"), o.out());
    }

    @Test
    void aPatternOfTheWrongWidthIsReportedWithFileAndLineAndExits2() throws Exception {
        Path f = Files.writeString(dir.resolve("p.txt"), "110\n01\n");
        Outcome o = runSmall("c.aag", "--inputs", f.toString());
        assertEquals(2, o.code());
        assertEquals("tc0: " + f + ":2: 2 bits, but the circuit has 3 inputs", o.err().strip());
    }

    @Test
    void randomAndInputsTogetherAreRejected() {
        Outcome o = runSmall("c.aag", "--random", "3", "--inputs", "p.txt");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("not both"), o.err());
    }

    @Test
    void aFileThatIsNotACircuitGivesTheReadersMessageAndExits2() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.txt"), "hello");
        Outcome o = run(new RunCommand(), f.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("tc0: " + f + ": unknown circuit file type"), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line, no stack trace");
    }

    @Test
    void aRealAigerFileIsReadAndEvaluated() throws Exception {
        Path aag = Files.writeString(dir.resolve("and.aag"), "aag 3 2 0 2 1\n2\n4\n6\n7\n6 2 4\n");
        Path f = Files.writeString(dir.resolve("p.txt"), "00\n10\n01\n11\n");
        Outcome o = run(new RunCommand(), aag.toString(), "--inputs", f.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("01\n01\n01\n10\n", o.out().replace("\r\n", "\n"));
    }

    @Test
    void aMissingInputsFileIsNamed() {
        Outcome o = runSmall("c.aag", "--inputs", dir.resolve("none.txt").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("none.txt: no such file"), o.err());
    }

    @Test
    void helpTeachesWithAnExample() {
        Outcome o = run(new RunCommand(), "--help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("tc0 run hyp.aig --random 102400"), o.out());
        assertTrue(o.out().contains("--backend"), o.out());
    }
}
