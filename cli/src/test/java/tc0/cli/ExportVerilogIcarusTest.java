package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFiles;

/**
 * A compiled spec with nested regions (conv1d n = 2: 2,464 gates, regions mul, i[1]/mul, i[1]/add, ...; and, tagged
 * heavy, gcn n = 4), exported as the Verilog module hierarchy and simulated by Icarus, prints what {@code tc0 run}
 * prints for the same 200 random patterns. Skipped, and reported so, where iverilog is not installed.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExportVerilogIcarusTest {
    @TempDir
    Path dir;

    @Test
    void icarusSimulatesTheHierarchyToWhatTc0RunPrints() throws Exception {
        simulate200Patterns("../examples/blocks/conv1d.tc0", 2);
    }

    /** gcn n = 4: 73,851 gates, 603,757 wires; 6 s to compile, 0.75 s a pattern in vvp (CPU; docs/EXPORTS.md). */
    @Test
    @Tag("heavy")
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void icarusSimulatesGcnAtFourTo200PatternsOfTc0Run() throws Exception {
        simulate200Patterns("../examples/gcn.tc0", 4);
    }

    private void simulate200Patterns(String spec, int n) throws Exception {
        assumeTrue(IcarusPatterns.onPath("iverilog") && IcarusPatterns.onPath("vvp"), "skipped: iverilog/vvp not installed (Debian package iverilog)");
        Path tc0c = dir.resolve("c.tc0c");
        Path v = dir.resolve("c.v");
        assertEquals(ExitCodes.OK, Cli.run("compile", spec, "--set", "n=" + n, "-o", tc0c.toString()).exitCode());
        assertEquals(ExitCodes.OK, Cli.run("export", tc0c.toString(), "-o", v.toString()).exitCode());
        Circuit c = CircuitFiles.read(tc0c);
        List<String> patterns = IcarusPatterns.random(c, 200, 5);
        assertEquals(IcarusPatterns.tc0Run(dir, tc0c, patterns), IcarusPatterns.icarus(dir, c, patterns, "c.v"));
    }
}
