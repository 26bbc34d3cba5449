package tc0.circuits.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.circuits.testkit.RandomCircuits;

/** The critical path and each region's level span and share of it, on a circuit small enough to do by hand. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public class RegionHierarchyTest {
    /** Inputs a, b, c. A: g1 = [a + b >= 2] (level 1), g2 = [g1 + c >= 1] (level 2); B: g3 = [a + c >= 1]
     *  (level 1); root: g4 = [g2 + g3 >= 2] (level 3). The one longest path: g1, g2, g4. */
    public record Hand(Circuit c, int g1, int g2, int g3, int g4) {
        public static Hand build() {
            CircuitBuilder b = new CircuitBuilder(false);
            int a = b.inputBus("a", 1)[0], bb = b.inputBus("b", 1)[0], cc = b.inputBus("c", 1)[0];
            int g1, g2, g3;
            try (var s = b.region("A")) {
                g1 = b.gate(new int[] {a, bb}, new long[] {1, 1}, 2);
                g2 = b.gate(new int[] {g1, cc}, new long[] {1, 1}, 1);
            }
            try (var s = b.region("B")) {
                g3 = b.gate(new int[] {a, cc}, new long[] {1, 1}, 1);
            }
            int g4 = b.gate(new int[] {g2, g3}, new long[] {1, 1}, 2);
            b.outputBus("y", g4);
            return new Hand(b.build(), Literal.node(g1), Literal.node(g2), Literal.node(g3), Literal.node(g4));
        }
    }

    @Test
    void theCriticalPathRunsThroughTheDeepestChain() {
        Hand h = Hand.build();
        assertArrayEquals(new int[] {h.g1(), h.g2(), h.g4()}, CriticalPath.of(h.c(), Levels.of(h.c())).nodes());
    }

    @Test
    void eachRegionKnowsItsLevelsAndItsShareOfThePath() {
        Hand h = Hand.build();
        RegionHierarchy rh = RegionHierarchy.of(h.c());
        int a = region(h.c(), h.g1()), b = region(h.c(), h.g3());
        assertEquals(1, rh.firstLevel(a));
        assertEquals(2, rh.lastLevel(a));
        assertEquals(2, rh.criticalGates(a));
        assertEquals(1, rh.firstLevel(b));
        assertEquals(1, rh.lastLevel(b));
        assertEquals(0, rh.criticalGates(b));
        assertEquals(1, rh.firstLevel(0));
        assertEquals(3, rh.lastLevel(0));
        assertEquals(3, rh.criticalGates(0));
    }

    @Test
    void onRandomCircuitsThePathIsAChainOfWiresOneLevelApart() {
        for (long seed = 1; seed <= 20; seed++) {
            Circuit c = RandomCircuits.built(seed, 6, 300);
            Levels levels = Levels.of(c);
            int[] path = CriticalPath.of(c, levels).nodes();
            assertEquals(levels.depth(), path.length, "seed " + seed);
            for (int k = 0; k < path.length; k++) {
                assertEquals(k + 1, levels.level(path[k]));
                if (k > 0) assertTrue(feeds(c, path[k - 1], path[k]), "seed " + seed + ": g" + path[k - 1] + " feeds g" + path[k]);
            }
        }
    }

    private static int region(Circuit c, int node) {
        return c.region(node - c.firstGate());
    }

    private static boolean feeds(Circuit c, int source, int node) {
        int g = node - c.firstGate();
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) if (c.faninNode(e) == source) return true;
        return false;
    }
}
