package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.proofs.check.FuncCheck;
import tc0.proofs.check.Instances;
import tc0.proofs.check.Outcome;
import tc0.proofs.check.Target;
import tc0.proofs.check.Verdict;

/**
 * A planted gadget fault: every carry threshold of the weighted sum's final stage off by one (the test-only
 * {@link WeightedSum#plantedCountFault}, set here in its own package). FUNC, which holds on the sound circuit,
 * must fail on the faulty one and print the input that shows it; the reference interpreter does not use the
 * gadget, so it stays right.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlantedCountFaultTest {
    static final Path ROOT = Files.isDirectory(Path.of("..", "examples")) ? Path.of("..") : Path.of(".");

    @Test
    void funcFailsOnACountThresholdOffByOneAndPrintsTheInput() {
        Target t = new Target("2412.06148", "Lemma 3.16", "examples/blocks/matmul.tc0", List.of(2L));
        Outcome sound = FuncCheck.run(t, 2, 16, 1, new Instances(ROOT), FuncCheck.EXACT);
        assertInstanceOf(Verdict.Holds.class, sound.verdict(), sound.toString());

        Outcome planted;
        WeightedSum.plantedCountFault = 1;
        try {
            planted = FuncCheck.run(t, 2, 16, 1, new Instances(ROOT), FuncCheck.EXACT); // a fresh run: nothing built before the fault
        } finally {
            WeightedSum.plantedCountFault = 0;
        }
        Verdict.Fails f = assertInstanceOf(Verdict.Fails.class, planted.verdict(), planted.toString());
        assertTrue(f.instance().startsWith("n=2, input "), f.instance());
        // the output that differs, both codes, and the input's codes: A and B, the matrices multiplied
        assertTrue(f.figure().matches("output C element \\d+: reference -?\\d+, circuit -?\\d+; input codes A = \\[.*; B = \\[.*"), f.figure());
        assertEquals(0, WeightedSum.plantedCountFault);
    }
}
