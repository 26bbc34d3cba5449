package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts past 2^63 - 1 end to end: the sweep's table, CSV and JSON print them whole, the size guard compares
 * them exactly, and a gadget whose numbers overflow a long is counted for --count-only (marked) and refused to build in one line.
 */
class BigCountCliTest {
    /** exp over n^3 elements: at n = 2^20 that is 2^60 elements, every one the same instance. */
    static final String BIG = "model big(n = 4) {\n    precision fixed(int: 4, frac: 3);\n    input X: [n, n, n];\n    output Y = exp(X);\n}\n";
    /** A product of two 40-bit words: its weights reach 2^78. */
    static final String WIDE = "model wide(n = 2) {\n    precision fixed(int: 30, frac: 10);\n    input A: [1, n];\n    input B: [n, 1];\n    output C = A @ B;\n}\n";

    @TempDir
    Path dir;

    Path spec(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aCountedSweepPrintsFiguresPastALongWholeInTheTableCsvAndJson() throws Exception {
        Path big = spec("big.tc0", BIG), csv = dir.resolve("big.csv");
        Cli r = Cli.run("sweep", big.toString(), "--n", "4,1048576", "--count-only", "--json", "--csv", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode p = new ObjectMapper().readTree(r.out()).get("points");
        BigInteger[] small = {p.get(0).get("gates").bigIntegerValue(), p.get(0).get("wires").bigIntegerValue(), p.get(0).get("width").bigIntegerValue()};
        BigInteger factor = BigInteger.ONE.shiftLeft(60 - 6);   // 2^60 elements against 64
        BigInteger gates = small[0].multiply(factor), wires = small[1].multiply(factor), width = small[2].multiply(factor);
        assertTrue(gates.bitLength() > 63, "past a long: " + gates);
        assertEquals(gates, p.get(1).get("gates").bigIntegerValue());
        assertEquals(wires, p.get(1).get("wires").bigIntegerValue());
        assertEquals(width, p.get(1).get("width").bigIntegerValue());
        assertEquals(3.0, new ObjectMapper().readTree(r.out()).get("gatesDegree").asDouble(), 1e-9, "n^3 elements");
        List<String> rows = Files.readAllLines(csv);
        assertEquals("1048576," + p.get(1).get("depth").asLong() + "," + gates + "," + wires + "," + width, rows.get(2));
        assertTrue(r.err().lines().anyMatch(l -> l.matches(String.format("\\s+1048576\\s+\\d+\\s+%,d\\s+%,d\\s+%,d\\s+[0-9.]+", gates, wires, width))),
                "the table row: " + r.err());
    }

    @Test
    void theGuardComparesACountPastALongExactly() throws Exception {
        Path big = spec("big.tc0", BIG);
        Cli r = Cli.run("compile", big.toString(), "--set", "n=1048576", "--max-gates", Long.toString(Long.MAX_VALUE), "-o", dir.resolve("b.tc0c").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError(), r.err());
        assertTrue(r.err().matches("(?s).*counted \\d{1,3}(,\\d{3}){6,} gates.*"), "more than 2^63 - 1, printed whole: " + r.err());
        assertTrue(r.err().contains(String.format("more than --max-gates %,d", Long.MAX_VALUE)), r.err());
        assertFalse(Files.exists(dir.resolve("b.tc0c")));
    }

    @Test
    void aGadgetPastALongIsCountedMarkedAndRefusedToBuildInOneLine() throws Exception {
        Path wide = spec("wide.tc0", WIDE);
        // 40-bit words: partial products to 2^78, counted over exact integers, marked not buildable.
        Cli sweep = Cli.run("sweep", wide.toString(), "--n", "1,2", "--count-only");
        assertEquals(0, sweep.exitCode(), sweep.err());
        assertTrue(sweep.out().contains("* weights past 63 bits: counted, not buildable here"), sweep.out());
        Cli compile = Cli.run("compile", wide.toString(), "-o", dir.resolve("w.tc0c").toString());
        assertEquals(2, compile.exitCode(), compile.err());
        assertTrue(compile.saysOneLineError(), "the guard refuses it before the build overflows: " + compile.err());
        assertTrue(compile.err().contains("exceeds what a long holds (first at node 2 (matmul"), compile.err());
    }

    /** A dot product of 30-bit words: partial products up to 2^58, so 16 pairs sum past 2^63 (2 pairs do not). */
    static final String WIDE30 = "model wide30(n = 2) {\n    precision fixed(int: 20, frac: 10);\n    input A: [1, n];\n    input B: [n, 1];\n"
            + "    output C = A @ B;\n}\n";

    @Test
    void aSumPastALongIsCountedAndMarkedNotBuildable() throws Exception {
        Path wide = spec("wide30.tc0", WIDE30);
        Cli sweep = Cli.run("sweep", wide.toString(), "--n", "2,16", "--count-only");
        assertEquals(0, sweep.exitCode(), sweep.err());
        List<String> lines = sweep.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+16\\s+\\d+\\s+[0-9,]+\\s+[0-9,]+\\s+[0-9,]+\\s+[0-9.]+ \\*")), "n = 16 marked: " + sweep.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+2\\s+\\d+\\s+[0-9,]+\\s+[0-9,]+\\s+[0-9,]+\\s+[0-9.]+")), "n = 2 not marked: " + sweep.out());
        assertTrue(sweep.out().contains("* weights past 63 bits: counted, not buildable here"), sweep.out());

        Cli json = Cli.run("sweep", wide.toString(), "--n", "2,16", "--count-only", "--json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals(List.of(16L), List.of(j.get("weightsPast63BitsAtN").get(0).asLong()));
        assertEquals(1, j.get("weightsPast63BitsAtN").size());

        Cli compile = Cli.run("compile", wide.toString(), "--set", "n=16", "-o", dir.resolve("w30.tc0c").toString());
        assertEquals(2, compile.exitCode(), compile.err());
        assertTrue(compile.saysOneLineError(), compile.err());
        assertTrue(compile.err().contains("cannot be built at these parameters"), compile.err());
        assertFalse(Files.exists(dir.resolve("w30.tc0c")));
        Cli small = Cli.run("compile", wide.toString(), "--set", "n=2", "-o", dir.resolve("w2.tc0c").toString());
        assertEquals(0, small.exitCode(), "2 pairs build: " + small.err());
    }
}
