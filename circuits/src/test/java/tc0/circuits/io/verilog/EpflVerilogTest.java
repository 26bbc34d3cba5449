package tc0.circuits.io.verilog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.fixtures.EpflData;

/** Small EPFL benchmark circuits, read from AIGER, exported and simulated by Icarus against the direct evaluation. */
class EpflVerilogTest {
    private static final List<String> SMALL = List.of("ctrl", "int2float", "router", "cavlc", "dec");

    @TempDir
    Path dir;

    @Test
    void smallEpflCircuitsSimulateToTheDirectEvaluation() throws Exception {
        Path epfl = EpflData.folder();
        Icarus.assumeInstalled();
        List<Testbench.Dut> duts = new ArrayList<>();
        for (String name : SMALL) {
            Circuit c = CircuitFiles.read(epfl.resolve(name + ".aig"));
            duts.add(new Testbench.Dut(name, c, Testbench.vectors(c, 10, 100, name.hashCode())));
        }
        Icarus.assertSimulationMatches(dir, duts, Icarus.export(dir, duts), "epfl");
    }
}
