package tc0.circuits.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.Regions;
import tc0.circuits.testkit.RandomCircuits;
import tc0.circuits.testkit.RawCircuit;
import tc0.circuits.testkit.SampleCircuits;

class RegionBreakdownTest {
    /**
     * Regions D (empty), C, A, A/B; gates (node: region, fan-in):
     * 5: A/B [x1 + x2 >= 2]; 6: A [3*g5 - 2*x3 >= 1]; 7: A/B [g6 + x4 >= 1]; 8: C [5*g7 + g5 >= 2];
     * 9: root [g8 + g6 + x1 >= 2]; 10: A/B [x1 + x2 + x3 + x4 >= 3].
     */
    static Circuit nested() {
        var r = new RawCircuit();
        int[] x = r.input("x", 4);
        r.region("D");
        r.region("C");
        int g5 = r.gate("A/B", new int[] {x[0], x[1]}, new long[] {1, 1}, 2);
        int g6 = r.gate("A", new int[] {g5, x[2]}, new long[] {3, -2}, 1);
        int g7 = r.gate("A/B", new int[] {g6, x[3]}, new long[] {1, 1}, 1);
        int g8 = r.gate("C", new int[] {g7, g5}, new long[] {5, 1}, 2);
        int g9 = r.gate("", new int[] {g8, g6, x[0]}, new long[] {1, 1, 1}, 2);
        int g10 = r.gate("A/B", new int[] {x[0], x[1], x[2], x[3]}, new long[] {1, 1, 1, 1}, 3);
        r.output("y", RawCircuit.lit(g9), RawCircuit.lit(g10));
        return r.build();
    }

    @Test
    void eachRegionCountsItsSubtreeWithDepthOnlyThroughItsOwnGates() {
        RegionBreakdown b = RegionBreakdown.of(nested());
        RegionStats root = b.root();
        assertEquals(new RegionStats(0, "", "", 6, 15, 5, 2, 4, 3, 22, root.children()), root);
        RegionStats a = b.find("A").orElseThrow();
        // In A: g5 level 1, g6 level 2, g7 level 3 (through g6), g10 level 1.
        assertEquals(new RegionStats(3, "A", "A", 4, 10, 3, 2, 4, 2, 13, a.children()), a);
        RegionStats ab = b.find("A/B").orElseThrow();
        // In A/B alone g7's fan-in g6 lies outside, so all three gates are on level 1.
        assertEquals(new RegionStats(4, "A/B", "B", 3, 8, 1, 3, 4, 1, 8, List.of()), ab);
        RegionStats cr = b.find("C").orElseThrow();
        assertEquals(new RegionStats(2, "C", "C", 1, 2, 1, 1, 2, 3, 6, List.of()), cr);
    }

    @Test
    void emptyRegionsAreLeftOutAndChildrenFollowTheirFirstGate() {
        RegionBreakdown b = RegionBreakdown.of(nested());
        // C (id 2) was made before A (id 3), but A's first gate comes first.
        assertEquals(List.of("", "A", "A/B", "C"), b.preorder().stream().map(RegionStats::path).toList());
        assertTrue(b.find("D").isEmpty());
    }

    @Test
    void theTableIsIndentedAndAligned() {
        assertEquals("""
                region     gates  wires  depth  width  max fan-in  weight bits  majority size
                (circuit)      6     15      5      2           4            3             22
                  A            4     10      3      2           4            2             13
                    B          3      8      1      3           4            1              8
                  C            1      2      1      1           2            3              6
                """, RegionBreakdown.of(nested()).table());
    }

    @Test
    void theRootEqualsTheWholeCircuitsStatistics() {
        for (int seed = 0; seed < 40; seed++) {
            Circuit c = seed % 2 == 0 ? RandomCircuits.raw(seed, 1 + seed % 9, 30 + seed) : RandomCircuits.built(seed, 3 + seed % 9, 40);
            CircuitStats s = CircuitStats.of(c);
            RegionStats root = RegionBreakdown.of(c).root();
            assertEquals(List.of(s.gates(), s.wires(), (long) s.depth(), s.width(), (long) s.maxFanin(), (long) s.maxWeightBits(), s.majoritySize()),
                    List.of(root.gates(), root.wires(), (long) root.depth(), root.width(), (long) root.maxFanin(), (long) root.maxWeightBits(), root.majoritySize()),
                    "seed " + seed);
        }
    }

    @Test
    void depthAndWidthEqualABruteForceCountPerRegion() {
        for (int seed = 0; seed < 40; seed++) {
            Circuit c = RandomCircuits.raw(1000 + seed, 4, 60);
            for (RegionStats s : RegionBreakdown.of(c).preorder()) {
                long[] expected = bruteForce(c, s.region());
                assertEquals(expected[0], s.depth(), "seed " + seed + " region " + s.path());
                assertEquals(expected[1], s.width(), "seed " + seed + " region " + s.path());
            }
        }
    }

    /** Depth and width of one region's subtree, by the definition, one region at a time. */
    private static long[] bruteForce(Circuit c, int region) {
        Regions regions = c.regions();
        int[] level = new int[c.gateCount()];
        long[] perLevel = new long[c.gateCount() + 1];
        int depth = 0;
        for (int g = 0; g < c.gateCount(); g++) {
            if (!regions.contains(region, c.region(g))) continue;
            int lv = 0;
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
                int u = c.faninNode(e) - c.firstGate();
                if (u >= 0 && regions.contains(region, c.region(u))) lv = Math.max(lv, level[u]);
            }
            level[g] = c.fanin(g) == 0 ? 0 : lv + 1;
            depth = Math.max(depth, level[g]);
            perLevel[level[g]]++;
        }
        long width = 0;
        for (int l = 1; l <= depth; l++) width = Math.max(width, perLevel[l]);
        return new long[] {depth, width};
    }

    @Test
    void extremeWeightsGiveSixtyFourBitsAndASaturatedMajoritySize() {
        RegionStats root = RegionBreakdown.of(SampleCircuits.extremes()).root();
        assertEquals(64, root.maxWeightBits());
        assertEquals(Long.MAX_VALUE, root.majoritySize());
    }

    @Test
    void theAdderHasOneRegionPerBitUnderAdder() {
        RegionBreakdown b = RegionBreakdown.of(SampleCircuits.adder4());
        RegionStats adder = b.find("adder").orElseThrow();
        assertEquals(List.of("bit[0]", "bit[1]", "bit[2]", "bit[3]"), adder.children().stream().map(RegionStats::name).toList());
        assertEquals(8, adder.gates());
        assertEquals(5, adder.depth()); // four carries, then the last sum bit
        assertEquals(2, b.find("adder/bit[2]").orElseThrow().depth());
    }
}
