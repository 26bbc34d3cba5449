package tc0.circuits.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.testkit.DirectEval;
import tc0.circuits.testkit.SampleCircuits;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RegionCutTest {
    // bigWeights: inputs x[0..2] (nodes 1..3); gates n4..n7 in "big", n8 in "big/negative", n9 in the root
    // reading n4..n8; outputs y = n4, n5, n6, ~n7, n8, ~n9.
    private final Circuit c = SampleCircuits.bigWeights();

    private static List<String> names(List<Bus> buses) {
        return buses.stream().map(Bus::name).toList();
    }

    @Test
    void aRegionKeepsItsSubtreesGatesWithTheWiresEnteringAsInputsAndTheGatesReadOutsideAsOutputs() {
        Circuit big = RegionCut.of(c, RegionLookup.find(c.regions(), "big"));
        assertEquals(5, big.gateCount());
        assertEquals(List.of("x[0]", "x[1]", "x[2]"), names(big.inputBuses()));
        assertEquals(List.of("g4", "g5", "g6", "g7", "g8"), names(big.outputBuses()));
        assertEquals("big/negative", big.regions().path(big.region(4)));

        Circuit root = RegionCut.of(c, 0);
        assertEquals(c.gateCount(), root.gateCount());
        assertEquals(List.of("g4", "g5", "g6", "g7", "g8", "g9"), names(root.outputBuses()));

        Circuit negative = RegionCut.of(c, RegionLookup.find(c.regions(), "/big/negative/"));
        assertEquals(1, negative.gateCount());
        assertEquals(List.of("g8"), names(negative.outputBuses()));
    }

    @Test
    void theCutComputesWhatItsGatesComputeInTheWholeCircuit() {
        Circuit big = RegionCut.of(c, RegionLookup.find(c.regions(), "big"));
        for (long a = 0; a < 8; a++) {
            boolean[] in = DirectEval.assignment(a, 3);
            boolean[] whole = DirectEval.nodes(c, in);
            boolean[] expected = {whole[4], whole[5], whole[6], whole[7], whole[8]};
            assertArrayEquals(expected, DirectEval.outputs(big, in), "inputs " + a);
        }
    }

    @Test
    void aWrongPathFindsNothingAndTheNearestPathsComeFirst() {
        assertEquals(-1, RegionLookup.find(c.regions(), "bigg"));
        assertEquals(List.of("big", "big/negative"), RegionLookup.nearest(c.regions(), "bigg", 3));
        assertEquals(List.of("big/negative"), RegionLookup.nearest(c.regions(), "big/negatve", 1));
    }
}
