package tc0.circuits.io.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.circuits.testkit.ExternalTool;
import tc0.circuits.testkit.RandomCircuits;
import tc0.circuits.testkit.SampleCircuits;

/**
 * Yosys reads and synthesises the exported modules, and its gate-level result, simulated by Icarus, still
 * equals the direct evaluation: so Yosys reads the signed arithmetic the way Icarus does.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class VerilogYosysTest {
    @TempDir
    Path dir;

    @Test
    void yosysSynthesisesEveryModuleAndItsNetlistSimulatesToTheDirectEvaluation() throws Exception {
        check(VerilogWriter::new, "yosys");
    }

    @Test
    void yosysSynthesisesEveryModuleHierarchyAndItsNetlistSimulatesToTheDirectEvaluation() throws Exception {
        check(HierarchicalVerilogWriter::new, "yosys_hierarchy");
    }

    @Test
    void yosysSynthesisesTheNetlistStyleAndItsNetlistSimulatesToTheDirectEvaluation() throws Exception {
        check(m -> new HierarchicalVerilogWriter(m, HierarchicalVerilogWriter.Style.NETLIST), "yosys_netlist");
    }

    private void check(java.util.function.Function<String, tc0.circuits.io.CircuitWriter> writer, String what) throws Exception {
        Assumptions.assumeTrue(ExternalTool.onPath("yosys"), "skipped: yosys not installed (Debian package yosys)");
        List<Testbench.Dut> duts = new ArrayList<>();
        for (var s : SampleCircuits.all()) {
            duts.add(new Testbench.Dut(s.name(), s.circuit(), Testbench.vectors(s.circuit(), 10, 100, 3)));
        }
        for (int seed = 1; seed < 3; seed++) { // a few seconds of synthesis each at most
            Circuit raw = RandomCircuits.raw(500 + seed, 6 + seed, 12);
            duts.add(new Testbench.Dut("raw" + seed, raw, Testbench.vectors(raw, 8, 64, seed)));
            Circuit built = RandomCircuits.built(600 + seed, 8 + seed, 15);
            duts.add(new Testbench.Dut("built" + seed, built, Testbench.vectors(built, 8, 64, seed)));
        }
        List<Path> sources = Icarus.export(dir, duts, writer);
        StringBuilder script = new StringBuilder();
        List<Path> netlists = new ArrayList<>();
        for (int i = 0; i < duts.size(); i++) {
            String m = duts.get(i).module();
            Path netlist = dir.resolve(m + "_syn.v");
            netlists.add(netlist);
            script.append("read_verilog ").append(sources.get(i)).append("; synth -top ").append(m)
                    .append("; stat; write_verilog -noattr ").append(netlist).append("; design -reset; ");
        }
        var run = ExternalTool.run(dir, "yosys", "-q", "-p", script.toString());
        assertEquals(0, run.exitCode(), "yosys failed:\n" + run.output());
        assertTrue(run.output().isBlank(), "yosys warned:\n" + run.output());
        for (Path n : netlists) assertTrue(Files.size(n) > 0, n + " was not written");

        Icarus.assumeInstalled();
        Icarus.assertSimulationMatches(dir, duts, netlists, what);
    }
}
