package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.PatternText;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.lower.Lowered;

/** stats, export and run given a spec (.tc0): compiled in memory, as compile does. */
class SpecFileCommandTest {
    static final String GCN = "../examples/gcn.tc0";

    @TempDir
    Path dir;

    @Test
    void statsOfASpecAreTheStatsOfTheCircuitItExports() throws Exception {
        Path c = dir.resolve("gcn4.tc0c");
        Cli export = Cli.run("export", GCN, "--set", "n=4", "-o", c.toString());
        assertEquals(0, export.exitCode(), export.err());
        Cli ofSpec = Cli.run("stats", GCN, "--set", "n=4", "--json");
        Cli ofFile = Cli.run("stats", c.toString(), "--json");
        assertEquals(0, ofSpec.exitCode(), ofSpec.err());
        JsonNode spec = new ObjectMapper().readTree(ofSpec.out());
        assertEquals(new ObjectMapper().readTree(ofFile.out()), spec);
        // A: [4, 4] bit, X: [4, 4] words of 8 + log2(4) + 4 = 14 bits
        assertEquals(16 + 16 * 14, spec.get("inputs").asInt());
        assertTrue(spec.get("gates").asLong() > 0);
    }

    @Test
    void statsByRegionOfASpecShowsItsLayersAndGadgets() {
        Cli r = Cli.run("stats", GCN, "--set", "n=4", "--by-region");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith(GCN + " (n=4, d=4, layers=2)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("(circuit)")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  l\\[0\\]\\s+\\d+.*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("    gcn_layer\\s+\\d+.*")), r.out());
    }

    @Test
    void runOnASpecGivesTheReferenceInterpretersOutputsBitForBit() throws Exception {
        Lowered l = SpecCompiler.compile(Path.of(GCN), Map.of("n", 4L), SizeGuard.of(null, ""));
        List<Map<String, long[]>> inputs = new ArrayList<>();
        for (InputGenerator.Kind k : InputGenerator.Kind.values()) inputs.add(InputGenerator.generate(l.program(), k, 11));
        for (long seed = 1; seed <= 8; seed++) inputs.add(InputGenerator.generate(l.program(), InputGenerator.Kind.RANDOM, seed));
        BitMatrix in = l.encode(inputs);
        StringBuilder patterns = new StringBuilder();
        for (int p = 0; p < in.patterns(); p++) patterns.append(PatternText.line(in, p)).append('\n');
        Path f = Files.writeString(dir.resolve("in.txt"), patterns);

        Cli r = Cli.run("run", GCN, "--set", "n=4", "--inputs", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        BitMatrix out = PatternText.read(new StringReader(r.out()), "run", l.circuit().outputCount());
        assertEquals(inputs.size(), out.patterns());
        for (int p = 0; p < inputs.size(); p++) {
            Map<String, long[]> want = ReferenceInterpreter.run(l.program(), inputs.get(p));
            Map<String, long[]> got = l.decode(transposed(out, p), 0);
            for (String name : want.keySet()) assertArrayEquals(want.get(name), got.get(name), "input set " + p + ", output " + name);
        }
    }

    /** Pattern p of a matrix as a one-pattern matrix. */
    private static BitMatrix transposed(BitMatrix m, int p) {
        BitMatrix one = new BitMatrix(m.rows(), 1);
        for (int r = 0; r < m.rows(); r++) one.set(r, 0, m.get(r, p));
        return one;
    }

    @Test
    void runOnASpecHashesTheSameAsRunOnItsCompiledFile() throws Exception {
        assertEquals(0, Cli.run("compile", GCN, "--set", "n=2", "-o", dir.resolve("gcn2.tc0c").toString()).exitCode());
        Cli spec = Cli.run("run", GCN, "--set", "n=2", "--random", "500", "--seed", "3", "--hash");
        Cli file = Cli.run("run", dir.resolve("gcn2.tc0c").toString(), "--random", "500", "--seed", "3", "--hash");
        assertEquals(0, spec.exitCode(), spec.err());
        assertTrue(spec.out().matches("[0-9a-f]{64}\\R"), spec.out());
        assertEquals(file.out(), spec.out());
    }

    @Test
    void exportOfASpecWritesTheFormatOfTheExtension() throws Exception {
        Path v = dir.resolve("gcn.v");
        Cli r = Cli.run("export", GCN, "--set", "n=2", "-o", v.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(v).contains("module "), "a Verilog module");
    }

    @Test
    void setOnACircuitFileIsRefused() {
        Cli r = Cli.run("stats", "../examples/circuits/full_adder.aag", "--set", "n=3");
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains("--set is for specs (.tc0)"), r.err());
    }

    @Test
    void maxGatesOnACircuitFileIsRefused() {
        Cli r = Cli.run("run", "../examples/circuits/full_adder.aag", "--max-gates", "10");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--max-gates is for specs (.tc0)"), r.err());
    }

    @Test
    void anUnknownParameterIsNamedWithTheKnownOnes() {
        Cli r = Cli.run("stats", GCN, "--set", "k=3");
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains("has no parameter 'k'; its parameters are n, d, layers"), r.err());
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeCompilingAndNothingIsWritten() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        Cli r = Cli.run("export", GCN, "--set", "n=4", "-o", notADir.resolve("gcn.v").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().contains("cannot write") && r.err().contains("is not a directory"), r.err());
        assertEquals("x", Files.readString(notADir));
    }

    @Test
    void helpOfStatsExportAndRunShowsASpecExample() {
        assertTrue(Cli.run("stats", "--help").out().contains("tc0 stats examples/gin.tc0 --set n=8 --by-region"));
        assertTrue(Cli.run("export", "--help").out().contains("tc0 export examples/gcn.tc0 --set n=4 -o gcn4.v"));
        assertTrue(Cli.run("run", "--help").out().contains("tc0 run examples/gcn.tc0 --set n=4 --random 1000 --hash"));
        assertTrue(Cli.run("compile", "--help").out().contains("--max-gates"));
    }
}
