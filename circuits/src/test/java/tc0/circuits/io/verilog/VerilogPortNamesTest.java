package tc0.circuits.io.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.circuits.io.aiger.AigerReader;
import tc0.circuits.io.fixtures.AagToAig;
import tc0.circuits.io.fixtures.Abc;
import tc0.circuits.io.fixtures.NamedAigs;
import tc0.circuits.testkit.ExternalTool;

/**
 * Ports keep the names of bits that form no bus ({@code b[0]} is the escaped identifier {@code \b[0] }), so
 * Yosys, reading the module and writing AIGER with symbols, gives back the names of the AIGER original: ABC
 * proves the two equivalent matching inputs and outputs by name.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VerilogPortNamesTest {
    @TempDir
    Path dir;

    private static Circuit read(String aag) throws Exception {
        return new AigerReader().read(new ByteArrayInputStream(aag.getBytes(StandardCharsets.UTF_8)), "t.aag");
    }

    private static String verilog(Circuit c) throws Exception {
        var out = new ByteArrayOutputStream();
        new VerilogWriter().write(c, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void namesThatFormNoBusAreEscapedIdentifiersOfExactlyThatName() throws Exception {
        String v = verilog(read(NamedAigs.AIG + NamedAigs.INTERLEAVED));
        assertTrue(v.contains("module tc0_circuit (\n  input  wire [0:0] \\a[0] ,\n  input  wire [0:0] \\b[0] ,\n"
                + "  input  wire [0:0] \\a[1] ,\n"), v);
        assertTrue(v.contains("  input  wire [0:0] \\x[0] ,\n  output wire [0:0] \\s[1] ,\n"), v);
        assertTrue(v.contains("  output wire [0:0] t,\n"), v);
        assertTrue(v.contains("  assign \\s[1] [0] = g8;\n"), v);
        assertTrue(!v.contains("// input bus"), "no port is renamed:\n" + v);
    }

    @Test
    void unnamedBitsArePortsInAndOut() throws Exception {
        Circuit c = read(NamedAigs.AIG);
        assertEquals(List.of("in"), VerilogNames.of(c, "m").inputs());
        assertEquals(List.of("out"), VerilogNames.of(c, "m").outputs());
        assertTrue(verilog(c).contains("// input bus \"?in\" is port in\n"));
    }

    @Test
    void yosysReadsTheExportAndWritesTheOriginalNamesBackAsAbcProves() throws Exception {
        assumeTrue(ExternalTool.onPath("yosys"), "skipped: yosys not installed (Debian package yosys)");
        assumeTrue(Abc.available(), Abc.SKIP_REASON);
        Path original = dir.resolve("original.aig");
        Files.write(original, AagToAig.convert(NamedAigs.AIG + NamedAigs.INTERLEAVED));
        Path v = dir.resolve("export.v");
        Files.writeString(v, verilog(read(NamedAigs.AIG + NamedAigs.INTERLEAVED)));
        Path back = dir.resolve("yosys.aig");
        var run = ExternalTool.run(dir, "yosys", "-q", "-p",
                "read_verilog " + v + "; synth -top tc0_circuit; aigmap; write_aiger -symbols " + back);
        assertEquals(0, run.exitCode(), "yosys failed:\n" + run.output());
        Abc.assertEquivalent(original, back, true);
    }
}
