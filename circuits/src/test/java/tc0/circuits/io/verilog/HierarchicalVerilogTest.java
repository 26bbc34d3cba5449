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
import tc0.circuits.testkit.RandomCircuits;
import tc0.circuits.testkit.SampleCircuits;

/** The module-per-region Verilog: repeated regions share a module, and Icarus simulates it to the direct evaluation. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HierarchicalVerilogTest {
    @TempDir
    Path dir;

    private static String text(Circuit c) throws Exception {
        var out = new ByteArrayOutputStream();
        new HierarchicalVerilogWriter("adder").write(c, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void repeatedRegionsAreWrittenOnceAndInstantiated() throws Exception {
        // adder4: bits 1..3 are the same gadget (carry = majority of a, b and the carry in, sum = [a + b + c - 2 carry >= 1]
        // on three wires entering); bit 0's carry in is the constant, so it is another; the adder holds them: 3 modules.
        String v = text(SampleCircuits.adder4());
        List<String> regionModules = v.lines().filter(l -> l.startsWith("module adder_r")).toList();
        assertEquals(3, regionModules.size(), v);
        assertTrue(v.contains("// region adder/bit[1] and 2 more of the same structure"), v);
        assertEquals(4, v.lines().filter(l -> l.contains("_r") && l.contains(" c") && l.contains("// bit[")).count(), "four bit instances:\n" + v);
    }

    @Test
    void handMadeAndRandomCircuitsSimulateToTheDirectEvaluation() throws Exception {
        Icarus.assumeInstalled();
        List<Testbench.Dut> duts = duts();
        Icarus.assertSimulationMatches(dir, duts, Icarus.export(dir, duts, HierarchicalVerilogWriter::new), "hierarchical");
    }

    @Test
    void theNetlistStyleSimulatesToTheDirectEvaluation() throws Exception {
        Icarus.assumeInstalled();
        List<Testbench.Dut> duts = duts();
        Icarus.assertSimulationMatches(dir, duts,
                Icarus.export(dir, duts, m -> new HierarchicalVerilogWriter(m, HierarchicalVerilogWriter.Style.NETLIST)), "netlist");
    }

    private static List<Testbench.Dut> duts() {
        List<Testbench.Dut> duts = new ArrayList<>();
        for (var s : SampleCircuits.all()) {
            duts.add(new Testbench.Dut(s.name(), s.circuit(), Testbench.vectors(s.circuit(), 10, 100, 1)));
        }
        for (int seed = 0; seed < 20; seed++) {
            Circuit c = RandomCircuits.built(100 + seed, 3 + seed % 20, 10 + 3 * seed);
            duts.add(new Testbench.Dut("built" + seed, c, Testbench.vectors(c, 8, 64, seed)));
        }
        for (int seed = 0; seed < 10; seed++) {
            Circuit c = RandomCircuits.raw(seed, seed % 14, 5 + seed);
            duts.add(new Testbench.Dut("raw" + seed, c, Testbench.vectors(c, 8, 64, seed)));
        }
        return duts;
    }
}
