package tc0.circuits.io.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.io.Format;
import tc0.circuits.testkit.RawCircuit;
import tc0.circuits.testkit.SampleCircuits;

class VerilogWriterTest {
    static String verilog(Circuit c, VerilogWriter w) throws IOException {
        var out = new ByteArrayOutputStream();
        w.write(c, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void identifiersAreLegalAndAvoidKeywordsAndGateWires() {
        assertEquals("_", VerilogNames.identifier(""));
        assertEquals("_3a", VerilogNames.identifier("3a"));
        assertEquals("layer_1__q", VerilogNames.identifier("layer[1].q"));
        assertEquals("_", VerilogNames.identifier("\u00e9"));
        assertEquals("wire_", VerilogNames.identifier("wire"));
        assertEquals("logic_", VerilogNames.identifier("logic"));
        assertEquals("g12_", VerilogNames.identifier("g12"));
        assertEquals("g12x", VerilogNames.identifier("g12x"));
    }

    @Test
    void busNamesBecomeUniquePortsAcrossInputsAndOutputs() {
        VerilogNames n = VerilogNames.of(SampleCircuits.constantsAndNames(), "my module");
        assertEquals("my_module", n.module());
        assertEquals(List.of("in_put", "module_", "g5_", "empty", "\\1x "), n.inputs());
        assertEquals(List.of("in_put_2", "\\y.out ", "nothing", "wire_"), n.outputs());
    }

    @Test
    void theModuleIsNamedTc0CircuitByDefaultAndThroughTheFormatFacade() throws IOException {
        var out = new ByteArrayOutputStream();
        Format.VERILOG.writer().write(SampleCircuits.adder4(), out);
        assertTrue(out.toString(StandardCharsets.US_ASCII).contains("\nmodule tc0_circuit (\n"));
    }

    @Test
    void eachSumIsAsWideAsItsLargestMagnitudeSumPlusASignBit() throws IOException {
        String v = verilog(SampleCircuits.bigWeights(), new VerilogWriter());
        // 2^35 + 7 + 3 needs 36 bits; one more for the sign.
        assertTrue(v.contains("(x[0] ? 37'sd34359738368 : 37'sd0) + (x[1] ? -37'sd7 : 37'sd0) + (x[2] ? 37'sd3 : 37'sd0)) >= -37'sd4;"), v);
        String e = verilog(SampleCircuits.extremes(), new VerilogWriter());
        // (2^63 - 1) * 2 + 2^63 needs 65 bits.
        assertTrue(e.contains("(x[2] ? -66'sd9223372036854775808 : 66'sd0)) >= 66'sd9223372036854775807;"), e);
    }

    @Test
    void constantFanInAndZeroWeightsAreLeftOutAndEmptySumsAreConstants() throws IOException {
        String e = verilog(SampleCircuits.extremes(), new VerilogWriter());
        assertTrue(e.contains("assign g8 = ((x[1] ? 2'sd1 : 2'sd0)) >= 2'sd1;"), e);
        assertTrue(e.contains("assign g10 = 1'b1;"), e);
        assertTrue(e.contains("assign g11 = 1'b0;"), e);
    }

    @Test
    void outputsAreLiteralsWithNegationAndConstants() throws IOException {
        String v = verilog(SampleCircuits.constantsAndNames(), new VerilogWriter());
        assertTrue(v.contains("assign in_put_2[0] = 1'b1;\n  assign in_put_2[1] = 1'b0;\n  assign in_put_2[2] = ~in_put[1];"), v);
        assertTrue(v.contains("// output bus \"nothing\" has no bits and no port"), v);
        assertTrue(v.contains("  output wire [1:0] wire_\n);"), v);
    }

    @Test
    void aCircuitWithoutPortsIsAnEmptyModule() throws IOException {
        String v = verilog(new RawCircuit().build(), new VerilogWriter("m"));
        assertTrue(v.contains("module m (\n);\nendmodule\n"), v);
    }

    @Test
    void outputIsTheSameEveryTime() throws IOException {
        for (var s : SampleCircuits.all()) {
            assertEquals(verilog(s.circuit(), new VerilogWriter()), verilog(s.circuit(), new VerilogWriter()), s.name());
        }
    }
}
