package tc0.circuits.io.verilog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.circuits.testkit.RandomCircuits;
import tc0.circuits.testkit.SampleCircuits;

/** Icarus Verilog simulates the exported modules and prints, bit for bit, what the direct evaluation says. */
class VerilogSimulationTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsIcarus() {
        Icarus.assumeInstalled();
    }

    @Test
    void handMadeCircuitsSimulateToTheDirectEvaluationOnEveryOrManyInputs() throws Exception {
        List<Testbench.Dut> duts = new ArrayList<>();
        for (var s : SampleCircuits.all()) {
            duts.add(new Testbench.Dut(s.name(), s.circuit(), Testbench.vectors(s.circuit(), 10, 200, 1)));
        }
        Icarus.assertSimulationMatches(dir, duts, Icarus.export(dir, duts), "samples");
    }

    @Test
    void randomRawCircuitsSimulateToTheDirectEvaluation() throws Exception {
        List<Testbench.Dut> duts = new ArrayList<>();
        for (int seed = 0; seed < 30; seed++) {
            Circuit c = RandomCircuits.raw(seed, seed % 14, 5 + seed);
            duts.add(new Testbench.Dut("raw" + seed, c, Testbench.vectors(c, 8, 64, seed)));
        }
        Icarus.assertSimulationMatches(dir, duts, Icarus.export(dir, duts), "raw");
    }

    @Test
    void randomBuiltCircuitsSimulateToTheDirectEvaluation() throws Exception {
        List<Testbench.Dut> duts = new ArrayList<>();
        for (int seed = 0; seed < 20; seed++) {
            Circuit c = RandomCircuits.built(100 + seed, 3 + seed % 20, 10 + 3 * seed);
            duts.add(new Testbench.Dut("built" + seed, c, Testbench.vectors(c, 8, 64, seed)));
        }
        Icarus.assertSimulationMatches(dir, duts, Icarus.export(dir, duts), "built");
    }
}
