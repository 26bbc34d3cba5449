package tc0.circuits.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.fixtures.EpflData;

/** Every EPFL benchmark circuit, simulated GPU against the CPU evaluator, bit for bit. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SimulatedGpuEpflTest {

    static List<Path> circuits() throws Exception {
        try (Stream<Path> files = Files.list(EpflData.folder())) {
            return files.filter(f -> f.toString().endsWith(".aig")).sorted().toList();
        }
    }

    @Test
    void everyEpflCircuitGivesTheCpuOutputsBitForBit() throws Exception {
        List<Path> files = circuits();
        assertTrue(files.size() >= 20, "the EPFL suite has 20 circuits, found " + files.size());
        for (Path f : files) {
            Circuit c = CircuitFiles.read(f);
            BitMatrix in = BitMatrix.random(c.inputCount(), 200, f.getFileName().toString().hashCode());
            assertEquals(new BitParallelEvaluator(1).evaluate(c, in), new SimulatedGpuEvaluator().evaluate(c, in), f.toString());
        }
    }

    /** Batches of a few words and wide levels split over blocks, on the shallow and wide circuits and a deep one. */
    @Test
    void smallBatchesAndSplitLevelsGiveTheSameBits() throws Exception {
        for (String name : new String[] {"mem_ctrl", "voter", "multiplier", "sin"}) {
            Circuit c = CircuitFiles.read(EpflData.file(name));
            BitMatrix in = BitMatrix.random(c.inputCount(), 700, 5);
            var small = new SimulatedGpuEvaluator(8L * 3 * (c.inputCount() + c.gateCount() + c.outputCount()), new LaunchPlan(4, 64, 32));
            assertEquals(new BitParallelEvaluator(1).evaluate(c, in), small.evaluate(c, in), name);
        }
    }
}
