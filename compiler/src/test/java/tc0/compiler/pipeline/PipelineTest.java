package tc0.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;

/** The spec pipeline as a library: the stages in order, and each refusal one line naming the file. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineTest {
    private static final Path HADAMARD = Specs.examples().resolve("blocks/hadamard.tc0");

    @Test
    void aSpecIsCheckedElaboratedCountedAndLoweredForItsValues() {
        TensorProgram p = Pipeline.elaborate(HADAMARD, Map.of("n", 4L));
        assertEquals(4L, p.parameters().get("n"));
        assertEquals(4L, p.parameters().get("d")); // the default
        CountedCost c = Pipeline.count(HADAMARD, p, 2);
        Lowered l = Pipeline.lower(HADAMARD, p, 2, Long.MAX_VALUE);
        CircuitStats s = CircuitStats.of(l.circuit());
        assertEquals(s.depth(), c.depth(), "the count's depth is the built circuit's");
        assertTrue(c.gates().longValueExact() >= s.gates(), "a count is never below the build");
        assertTrue(Pipeline.describe(HADAMARD, p).endsWith("(n=4, d=4)"), Pipeline.describe(HADAMARD, p));
    }

    @Test
    void aLimitRefusesBeforeBuilding() {
        TensorProgram p = Pipeline.elaborate(HADAMARD, Map.of("n", 4L));
        PipelineException e = assertThrows(PipelineException.class, () -> Pipeline.lower(HADAMARD, p, 2, 10));
        assertTrue(e.getMessage().contains("more than the limit of 10"), e.getMessage());
    }

    @Test
    void anUnknownParameterIsNamedWithTheModelsParameters() {
        PipelineException e = assertThrows(PipelineException.class, () -> Pipeline.check(HADAMARD, Map.of("m", 2L)));
        assertTrue(e.getMessage().contains("no parameter 'm'") && e.getMessage().contains("n"), e.getMessage());
    }

    @Test
    void aMissingFileAndAnErrorInTheSpecAreOneLineDiagnostics(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none.tc0");
        assertEquals(missing + ": no such file", assertThrows(PipelineException.class, () -> Pipeline.check(missing, Map.of())).getMessage());
        Path bad = dir.resolve("bad.tc0");
        Files.writeString(bad, "model bad(n = 4) {\n    precision fixed(int: 8, frac: 4);\n    input X: [n, 1];\n    output Y = X + Q;\n}\n");
        String m = assertThrows(PipelineException.class, () -> Pipeline.elaborate(bad, Map.of())).getMessage();
        assertTrue(m.startsWith(bad + ":4:"), m); // then the line quoted with a caret, as the CLI prints it
        assertFalse(m.contains("Exception"), m);
    }
}
