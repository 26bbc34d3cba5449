package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.analysis.CircuitStats;
import tc0.circuits.io.CircuitFiles;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.ir.TensorProgram;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompileVerifyCommandTest {
    static final String SMALL = """
            model small(n = 3, d = 2) {
                precision fixed(int: 4, frac: 3);
                input X: [n, d];
                weight W: [d, d] = random(seed: 5);
                output Y = relu(X @ W) + X;
            }
            """;

    @TempDir
    Path dir;

    Path spec(String text) throws Exception {
        return Files.writeString(dir.resolve("m.tc0"), text);
    }

    /** Two specs with the same ports: Y = X / 2 and Y = X / 4 on fixed(4, 2). */
    static String halving(String factor) {
        return "model h(n = 2) {\n    precision fixed(int: 4, frac: 2);\n    input X: [n, 1];\n    output Y = X * " + factor + ";\n}\n";
    }

    /** The circuit of Y = X / 4 checked against Y = X / 2's reference: exit 1, the first mismatch and its input. */
    @Test
    void verifyOfAnotherCircuitFileNamesTheFirstMismatchAndExitsOne() throws Exception {
        Path half = Files.writeString(dir.resolve("half.tc0"), halving("0.5"));
        Path quarter = Files.writeString(dir.resolve("quarter.tc0"), halving("0.25"));
        Path halfC = dir.resolve("half.tc0c"), quarterC = dir.resolve("quarter.tc0c");
        assertEquals(0, Cli.run("compile", half.toString(), "-o", halfC.toString()).exitCode());
        assertEquals(0, Cli.run("compile", quarter.toString(), "-o", quarterC.toString()).exitCode());

        Cli same = Cli.run("verify", half.toString(), "--circuit", halfC.toString(), "--samples", "10");
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.out().contains("every output equals the reference bit for bit"), same.out());

        // Edge input 0 is all zeros (both give 0); input 1 is the largest code, 31 (7.75): 3.875 rounds to
        // code 16 (4.0, ties up) for X / 2 and 1.9375 to code 8 (2.0) for X / 4.
        Cli other = Cli.run("verify", half.toString(), "--circuit", quarterC.toString(), "--samples", "10");
        assertEquals(1, other.exitCode(), other.out() + other.err());
        assertTrue(other.out().startsWith("MISMATCH on input 1 (max): output Y element 0: reference 16, circuit 8"), other.out());
        assertTrue(other.out().contains("input X = [31, 31]"), other.out());
    }

    @Test
    void aCircuitFileWithoutTheSpecsPortsIsOneLine() throws Exception {
        Path half = Files.writeString(dir.resolve("half.tc0"), halving("0.5"));
        Cli r = Cli.run("verify", half.toString(), "--circuit", Path.of("../examples/circuits/full_adder.aag").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError(), r.err());
        // X is [2, 1] of fixed(4, 2): 2 elements of 6 bits
        assertTrue(r.err().contains("full_adder.aag: has no input 'X' (12 bits), which the spec has"), r.err());
    }

    @Test
    void verifyFindsEveryOutputEqualToTheReference() throws Exception {
        Cli r = Cli.run("verify", spec(SMALL).toString(), "--samples", "60", "--seed", "3");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("64 inputs (4 edge, 60 random): every output equals the reference bit for bit"), r.out());
        assertTrue(r.out().contains("error against float64, output Y: worst |error| "), r.out());
        assertTrue(r.out().contains(" over 384 finite values on 64 inputs; on the 30 inputs in [-1, 1): worst "), "Y is [3, 2]: " + r.out());
        assertFalse(r.out().contains("warning"), r.out());
    }

    /** fixed(4, 1): codes -16..15, values -8..7.5 in halves. */
    static final String RECIP = """
            model r(n = 2) {
                precision fixed(int: 4, frac: 1);
                input X: [1, n];
                output Y = X * 0.5;
                output R = recip(X);
                output Z = X - X;
            }
            """;

    /**
     * The edge inputs alone, X = (0, 0), (7.5, 7.5), (-8, -8), (7.5, -8). Y = X / 2 in halves is a quarter off
     * for 7.5 (3.75), exact for 0 and -8: worst 0.25 (half a unit in the last place), mean 3 * 0.25 / 8 = 0.09375,
     * relative 0.25 / 4. R = 1 / X: float64 gives infinity for both zeros of the first input, counted apart; its
     * six finite values are reported as such. Z = X - X never moves: a warning, not a failure.
     */
    @Test
    void verifyReportsFiniteAndNonFiniteOutputsApartAndWarnsOfAConstantOne() throws Exception {
        Cli r = Cli.run("verify", spec(RECIP).toString(), "--samples", "0");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("4 inputs (4 edge, 0 random): every output equals the reference bit for bit"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.equals("  error against float64, output Y: worst |error| 0.250 (0.50 units in the last place),"
                + " mean 0.0938, relative 0.0625, over 8 finite values on 4 inputs")), r.out());
        assertTrue(r.out().contains("  error against float64, output R: worst |error| 0.133 "), "1 / 7.5, rounded to 0: " + r.out());
        assertTrue(r.out().contains(" over 6 finite values on 4 inputs"), r.out());
        assertTrue(r.out().contains("  not finite in float64, output R: 2 of 8 values, on 1 of 4 inputs"), r.out());
        assertTrue(r.out().contains("  warning: output Z is the same on all 4 inputs: a constant output verifies vacuously"), r.out());
        assertFalse(r.out().contains("warning: output Y") || r.out().contains("warning: output R"), r.out());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
        assertEquals("", r.err());
    }

    /**
     * With random inputs R's non-finite values are counted over all of them: as many as the zeros among the inputs
     * verify says it ran (edge inputs, then seeds 5, 6, ... alternating full-range and [-1, 1) codes), counted here
     * from the inputs themselves.
     */
    @Test
    void nonFiniteValuesAreCountedOverEveryInput() throws Exception {
        Path s = spec(RECIP);
        Cli r = Cli.run("verify", s.toString(), "--samples", "100", "--seed", "5");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        TensorProgram p = SpecCompiler.elaborate(s, Map.of());
        int zeros = 2, inputsWithZero = 1; // the all-zeros edge input
        for (int i = 0; i < 100; i++) {
            long[] x = InputGenerator.generate(p, i % 2 == 0 ? InputGenerator.Kind.RANDOM : InputGenerator.Kind.RANDOM_UNIT, 5 + i).get("X");
            long z = Arrays.stream(x).filter(c -> c == 0).count();
            zeros += (int) z;
            if (z > 0) inputsWithZero++;
        }
        assertTrue(zeros > 2, "the random inputs hold zeros too");
        assertTrue(r.out().contains(String.format("  not finite in float64, output R: %d of 208 values, on %d of 104 inputs", zeros, inputsWithZero)), r.out());
        assertTrue(r.out().contains(String.format(" over %d finite values on 104 inputs", 208 - zeros)), r.out());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
    }

    @Test
    void compileWritesTheCircuitItReportsAndTheSameSpecGivesTheSameBytes() throws Exception {
        Path s = spec(SMALL);
        Path a = dir.resolve("a.tc0c"), b = dir.resolve("b.tc0c");
        Cli r = Cli.run("compile", s.toString(), "--set", "n=4", "-o", a.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0, Cli.run("compile", s.toString(), "--set", "n=4", "-o", b.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        CircuitStats st = CircuitStats.of(CircuitFiles.read(a));
        assertTrue(r.out().contains(String.format("%,d gates", st.gates())), r.out());
        assertEquals(4 * 2 * 7, st.inputs());   // X: [4, 2] of 7-bit words
    }

    @Test
    void compileReportsTheWrittenCircuitsFiguresAndWithTimingsEveryStage() throws Exception {
        Path out = dir.resolve("t.tc0c");
        Cli r = Cli.run("compile", spec(SMALL).toString(), "--set", "n=5", "-o", out.toString(), "--timings");
        assertEquals(0, r.exitCode(), r.err());
        CircuitStats st = CircuitStats.of(CircuitFiles.read(out));
        assertTrue(r.out().contains(String.format("%,d gates, %,d wires, depth %d, width %,d -> ", st.gates(), st.wires(), st.depth(), st.width())), r.out());
        for (String stage : new String[] {"check", "elaborate", "count", "lower", "write", "stats", "total"}) {
            assertTrue(r.err().lines().anyMatch(l -> l.matches("  " + stage + " +[0-9.]+ s +[0-9.]+ s +[0-9.]+ M")), stage + " in\n" + r.err());
        }
        Cli quiet = Cli.run("compile", spec(SMALL).toString(), "--set", "n=5", "-o", out.toString());
        assertEquals("", quiet.err(), "no timings unless asked");
    }

    @Test
    void specErrorsArePositionedAndExitTwo() throws Exception {
        Cli r = Cli.run("verify", spec(SMALL.replace("X @ W", "X @ Q")).toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("m.tc0:5:"), r.err());
        assertTrue(r.err().contains("unknown name 'Q'"), r.err());
    }

    @Test
    void anUnknownParameterIsNamed() throws Exception {
        Cli r = Cli.run("compile", spec(SMALL).toString(), "--set", "k=3", "-o", dir.resolve("y.tc0c").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("has no parameter 'k'"), r.err());
    }
}
