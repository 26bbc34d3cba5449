package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc0 stats --plot F.svg}: the per-level width profile as an SVG bar chart. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatsPlotTest {
    @TempDir
    Path dir;

    @Test
    void oneBarPerLevelWithItsGates() throws Exception {
        // Three ANDs: x = a & b and y = a & c on level 1, z = x & y on level 2.
        Path aag = dir.resolve("two.aag");
        Files.writeString(aag, "aag 6 3 0 1 3\n2\n4\n6\n12\n8 2 4\n10 2 6\n12 8 10\n");
        Path svg = dir.resolve("profile.svg");
        Cli r = Cli.run("stats", aag.toString(), "--plot", svg.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), text);
        List<String> bars = Pattern.compile("<title>(level \\d+: \\d+ gates)</title>").matcher(text).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("level 1: 2 gates", "level 2: 1 gates"), bars);
        assertEquals(2, bars.size());
    }

    @Test
    void countOnlyHasNothingToPlot() {
        Cli r = Cli.run("stats", SpecFileCommandTest.GCN, "--count-only", "--plot", dir.resolve("p.svg").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.saysOneLineError() && r.err().contains("--count-only has no levels to plot"), r.err());
    }
}
