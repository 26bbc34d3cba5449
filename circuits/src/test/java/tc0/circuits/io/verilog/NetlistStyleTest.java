package tc0.circuits.io.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.circuits.testkit.RawCircuit;

/**
 * The netlist style: each gate the narrowest expression of it ({@link NarrowGate}), and a region's repeated
 * gadget calls as parts written once ({@link GadgetParts}). Gates chosen for the corners of the rewriting
 * (negative weights turned around, a common divisor with a threshold it does not divide, OR and AND forms with
 * negated terms, Long.MIN_VALUE/MAX_VALUE, constants either way) simulate in Icarus, on every input, to the
 * direct evaluation.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetlistStyleTest {
    @TempDir
    Path dir;

    private static String text(Circuit c) throws Exception {
        var out = new ByteArrayOutputStream();
        new HierarchicalVerilogWriter("n", HierarchicalVerilogWriter.Style.NETLIST).write(c, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** One gate per case over the inputs a, b, c, d, each an output bit. */
    private static Circuit corners() {
        var r = new RawCircuit();
        int[] x = r.input("x", 4);
        long[][] weights = {
            {4, 6, -2, 0}, {4, 6, -2, 0}, {1, 1, 1, 1}, {-1, -1, 1, 1}, {3, 3, -3, 3}, {-5, 2, 2, 2},
            {Long.MIN_VALUE, Long.MAX_VALUE, 1, -1}, {Long.MIN_VALUE, Long.MIN_VALUE, 2, 2}, {1, -1, 1, -1}, {7, 0, 0, 0},
            {2, 2, 2, 2}, {-3, -3, -3, -3}, {5, 3, 2, 1}};
        long[] thresholds = {3, 4, 1, 2, 3, 2, -1, Long.MIN_VALUE, 0, 8, 4, -9, 6};
        int[] gates = new int[weights.length + 2];
        for (int i = 0; i < weights.length; i++) gates[i] = r.gate("g", x, weights[i], thresholds[i]);
        gates[weights.length] = r.gate("g", x, new long[] {1, 1, 1, 1}, 5);              // no input reaches it
        gates[weights.length + 1] = r.gate("g", x, new long[] {-1, -1, -1, -1}, -4);    // every input reaches it
        int[] out = new int[gates.length];
        for (int i = 0; i < gates.length; i++) out[i] = RawCircuit.lit(gates[i]);
        r.output("y", out);
        return r.build();
    }

    @Test
    void everyCornerSimulatesToTheDirectEvaluationOnEveryInput() throws Exception {
        Icarus.assumeInstalled();
        Circuit c = corners();
        List<Testbench.Dut> duts = new ArrayList<>(List.of(new Testbench.Dut("corners", c, Testbench.vectors(c, 10, 16, 1))));
        Icarus.assertSimulationMatches(dir, duts,
                Icarus.export(dir, duts, m -> new HierarchicalVerilogWriter(m, HierarchicalVerilogWriter.Style.NETLIST)), "corners");
    }

    @Test
    void gatesAreWrittenAsAndOrAndShortUnsignedSums() throws Exception {
        String v = text(corners());
        assertTrue(v.contains("= (!in[0] & !in[1] & in[2] & in[3]);"), "[-a - b + c + d >= 0]: an AND of turned-around terms\n" + v);
        assertTrue(v.contains("= (in[0] | in[1] | in[2] | in[3]);"), "[a + b + c + d >= 1]: an OR\n" + v);
        // [4a + 6b - 2c >= 3] is [4a + 6b + 2!c >= 5], halved: [2a + 3b + !c >= 3], three bits wide
        assertTrue(v.contains("= ((in[0] ? 3'd2 : 3'd0) + (in[1] ? 3'd3 : 3'd0) + !in[2]) >= 3'd3;"), v);
        assertTrue(v.contains("= 1'b0;") && v.contains("= 1'b1;"), "constant gates\n" + v);
    }

    /** Three full adders of the same shape on their own inputs, and one with a constant carry: two part modules. */
    @Test
    void repeatedGadgetCallsInOneRegionShareOneModule() throws Exception {
        var r = new RawCircuit();
        int[] a = r.input("a", 4), b = r.input("b", 4), cin = r.input("c", 4);
        int[] sum = new int[4];
        for (int i = 0; i < 4; i++) {
            long[] w = i < 3 ? new long[] {1, 1, 1} : new long[] {1, 1, 2};
            int carry = r.gate("add", new int[] {a[i], b[i], cin[i]}, w, 2);
            int half = r.gate("add", new int[] {a[i], b[i], cin[i], carry}, new long[] {1, 1, w[2], -2}, 1);
            int twice = r.gate("add", new int[] {half, carry}, new long[] {1, 1}, 2);
            sum[i] = r.gate("add", new int[] {half, twice, carry}, new long[] {2, -1, 1}, 1);
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) out[i] = RawCircuit.lit(sum[i]);
        r.output("s", out);
        Circuit c = r.build();
        String v = text(c);
        assertEquals(3, v.lines().filter(l -> l.startsWith("module n_r")).count(), "two parts and the region:\n" + v);
        assertTrue(v.contains("// region add/part[0] and 2 more of the same structure"), v);
        Icarus.assumeInstalled();
        List<Testbench.Dut> duts = new ArrayList<>(List.of(new Testbench.Dut("adders", c, Testbench.vectors(c, 12, 16, 1))));
        Icarus.assertSimulationMatches(dir, duts,
                Icarus.export(dir, duts, m -> new HierarchicalVerilogWriter(m, HierarchicalVerilogWriter.Style.NETLIST)), "parts");
    }
}
