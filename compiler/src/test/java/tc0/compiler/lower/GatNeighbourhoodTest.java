package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;

/**
 * On the circuit of examples/gat.tc0's layer (one layer, its per-node output): a node's output does not change
 * when a node that is not its neighbour (adjacency bit 0) changes its features, and does change, on some random
 * instance, when a neighbour's do. The example's own functions, its readout replaced by the layer's output.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatNeighbourhoodTest {
    private static final int N = 6, D = 4, COLS = 4; // heads * f output columns

    private static TensorProgram layer() throws IOException {
        String spec = Files.readString(Specs.examples().resolve("gat.tc0"));
        String model = spec.replace("model gat(n = 8, d = 4, heads = 2, f = 2, layers = 2)", "model gat(n = " + N + ", d = " + D + ", heads = 2, f = 2, layers = 1)")
                .replace("output Y = readout_mlp(mean(H, axis: 0, mask: V), 2);", "output Y = H; output Vs = mean(H, axis: 0, mask: V);");
        assertNotEquals(spec, model, "the example's model line or readout changed: update this test");
        return Specs.elaborate(model);
    }

    @Test
    void aNodeSeesItsNeighboursAndOnlyThem() throws IOException {
        TensorProgram p = layer();
        Lowered l = TensorIrToCircuit.lower(p);
        SplittableRandom r = new SplittableRandom(29);
        long lo = p.precision().minCode(), hi = p.precision().maxCode();
        List<Map<String, long[]>> sets = new ArrayList<>();
        List<int[]> changes = new ArrayList<>(); // node i, the node j changed, whether j is i's neighbour
        for (int t = 0; t < 60; t++) {
            long[] a = new long[N * N], v = new long[N], x = new long[N * D];
            for (int k = 0; k < a.length; k++) a[k] = r.nextInt(2);
            java.util.Arrays.fill(v, 1);
            for (int k = 0; k < x.length; k++) x[k] = r.nextLong(lo, hi + 1) / 4; // away from saturation
            int i = r.nextInt(N), j = r.nextInt(N - 1);
            if (j >= i) j++; // another node
            long[] y = x.clone();
            for (int k = 0; k < D; k++) y[j * D + k] = r.nextLong(lo, hi + 1) / 4;
            sets.add(Map.of("A", a, "V", v, "X", x));
            sets.add(Map.of("A", a, "V", v, "X", y));
            changes.add(new int[] {i, j, (int) a[i * N + j]});
        }
        BitMatrix out = new BitParallelEvaluator(1).evaluate(l.circuit(), l.encode(sets));
        int neighbours = 0, seen = 0, others = 0;
        for (int t = 0; t < changes.size(); t++) {
            long[] before = l.decode(out, 2 * t).get("Y"), after = l.decode(out, 2 * t + 1).get("Y");
            int i = changes.get(t)[0], j = changes.get(t)[1];
            boolean differs = false;
            for (int k = 0; k < COLS; k++) differs |= before[i * COLS + k] != after[i * COLS + k];
            if (changes.get(t)[2] == 0) {
                others++;
                assertTrue(!differs, "node " + i + "'s output changed when node " + j + ", not its neighbour, changed");
            } else {
                neighbours++;
                if (differs) seen++;
            }
        }
        assertTrue(others > 0 && neighbours > 0, others + " non-neighbour and " + neighbours + " neighbour changes");
        assertNotEquals(0, seen, "no neighbour's change reached the node: the test could not see a leak either");
        assertEquals(N * COLS, l.decode(out, 0).get("Y").length);
    }
}
