package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.CountingNet;
import tc0.compiler.gadgets.CrtBasis;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WideColumns;
import tc0.compiler.gadgets.WideSum;
import tc0.compiler.testing.RandomColumns;

/**
 * Runs whose weights are not kept (the reconstruction's {@code c_i}, worked out again from the basis when their bits
 * are read: {@link CrtBasis#coefficientWords}) count as the same runs with their weights kept, the path before: the
 * first round's heights summed run by run, the entries of groups not modelled and the reads found by walking the runs.
 * Columns shaped as the reconstruction's (per prime a run of fresh literals at {@code c_i}, one at {@code -M}, single
 * literals at {@code -M}; some literals FALSE, TRUE or repeated) over the bases {@link CrtBasis#covering} gives (edges
 * 1 .. 129 bits, random to 400), and {@link RandomColumns}' runs: on a {@link CountingNet} (depth, gates, wires, gates
 * per level) and on a {@link LiveNet} reading every bit, the top bits or a few (gates, wires, gates per level), each
 * also against the sum counted gate by gate.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CrtRunsTest {
    @Test
    void reconstructionRunsCountAsWithTheirWeightsKept() {
        Random r = new Random(17);
        long before = WideSum.firstRoundsByRuns();
        int[] edges = {1, 2, 7, 62, 63, 64, 65, 128, 129};
        for (int trial = 0; trial < edges.length + 10; trial++) {
            int bits = trial < edges.length ? edges[trial] : 3 + r.nextInt(400);
            CrtBasis basis = CrtBasis.covering(bits);
            long seed = r.nextLong();
            int rounds = 1 + r.nextInt(3), from = r.nextInt(3) == 0 ? 0 : r.nextInt(bits);
            String how = "bits " + bits + " (" + basis.size() + " primes), rounds " + rounds + ", from " + from;
            same((net, derived) -> reconstruction(net, basis, bits, seed, derived), bits, rounds, from, r, how);
        }
        assertTrue(WideSum.firstRoundsByRuns() - before > 50, "first rounds by runs: " + (WideSum.firstRoundsByRuns() - before));
    }

    @Test
    void randomRunsCountAsWithTheirWeightsKept() {
        Random r = new Random(19);
        for (int trial = 0; trial < 80; trial++) {
            long seed = r.nextLong();
            int width = 8 + r.nextInt(trial % 10 == 0 ? 300 : 90), rounds = 1 + r.nextInt(3), from = r.nextInt(3) == 0 ? 0 : r.nextInt(width);
            same((net, derived) -> RandomColumns.of(net, inputs(net), seed, width, 10, derived), width, rounds, from, r, "trial " + trial + " (width " + width + ", rounds " + rounds + ", from " + from + ")");
        }
    }

    /** The columns a test makes on a net, with the positive runs' weights kept or not. */
    private interface Columns {
        WideColumns of(Net net, boolean derived);
    }

    private static int[] inputs(Net net) {
        return net instanceof LiveNet live ? live.inputs() : ((CountingNet) net).input(INPUTS);
    }

    private static final int INPUTS = 240;

    /** Kept against derived on a counting net and on live nets (a random read mask), and derived against gate by gate. */
    private static void same(Columns columns, int width, int rounds, int from, Random r, String how) {
        CountingNet kept = new CountingNet(), derived = new CountingNet();
        WideSum.top(kept, columns.of(kept, false), rounds, from);
        WideSum.top(derived, columns.of(derived, true), rounds, from);
        assertEquals(kept.cost(), derived.cost(), how);
        assertArrayEquals(kept.gatesPerLevel(), derived.gatesPerLevel(), how);
        boolean[] mask = new boolean[width];
        double read = new double[] {1, 0.3, 0.05}[r.nextInt(3)];
        for (int i = 0; i < width; i++) mask[i] = r.nextDouble() < read;
        int[] levels = new int[INPUTS];
        LiveNet keptLive = new LiveNet(levels), derivedLive = new LiveNet(levels), plain = new LiveNet(levels);
        plain.withoutTwins();
        live(keptLive, columns, false, rounds, from, mask);
        live(derivedLive, columns, true, rounds, from, mask);
        live(plain, columns, true, rounds, from, mask);
        for (LiveNet other : new LiveNet[] {keptLive, plain}) {
            String what = how + ", read " + read + (other == plain ? ", gate by gate" : "");
            assertEquals(other.gates(), derivedLive.gates(), what);
            assertEquals(other.wires(), derivedLive.wires(), what);
            int n = Math.max(other.perLevel().length, derivedLive.perLevel().length);
            assertArrayEquals(Arrays.copyOf(other.perLevel(), n), Arrays.copyOf(derivedLive.perLevel(), n), what);
        }
    }

    private static void live(LiveNet net, Columns columns, boolean derived, int rounds, int from, boolean[] mask) {
        int[] out;
        do {
            net.reset();
            out = WideSum.top(net, columns.of(net, derived), rounds, from);
        } while (net.settle(read(out, mask, from)));
    }

    private static int[] read(int[] out, boolean[] mask, int from) {
        int[] r = new int[out.length];
        for (int i = 0; i < out.length; i++) r[i] = mask[from + i] ? out[i] : Literal.FALSE;
        return r;
    }

    /**
     * The reconstruction's runs over {@code basis} at {@code bits}: per prime, {@code bitLength(q - 1)} literals at
     * {@code c_i} and {@code bitLength(q)} at {@code -M} (fresh ANDs of two inputs; now and then FALSE, TRUE or an input
     * met elsewhere), then a literal at {@code -M} per prime. {@code derived}: {@code c_i} added as the reconstruction
     * adds it, worked out again when read; else kept as a BigInteger.
     */
    private static WideColumns reconstruction(Net net, CrtBasis basis, int bits, long seed, boolean derived) {
        Random r = new Random(seed);
        int[] x = inputs(net);
        int[] fresh = {0};
        WideColumns out = new WideColumns(bits);
        BigInteger minusM = basis.modulus().negate();
        for (int i = 0; i < basis.size(); i++) {
            int q = basis.prime(i);
            int[] y = literals(net, x, fresh, r, 32 - Integer.numberOfLeadingZeros(q - 1)), f = literals(net, x, fresh, r, 32 - Integer.numberOfLeadingZeros(q));
            final int prime = i;
            if (derived) out.addRun(y, basis.coefficientLowestSetBit(i), () -> basis.coefficientWords(prime, bits));
            else out.addRun(y, basis.coefficient(i));
            out.addRun(f, minusM);
        }
        for (int i = 0; i < basis.size(); i++) out.addRun(literals(net, x, fresh, r, 1), minusM);
        return out;
    }

    /** n literals: fresh ANDs of two inputs of the first half, one in 12 FALSE, TRUE or any input (a repeat, another level). */
    private static int[] literals(Net net, int[] x, int[] fresh, Random r, int n) {
        int[] lits = new int[n];
        for (int t = 0; t < n; t++) {
            int pick = r.nextInt(36), h = x.length / 2, k = fresh[0]++, a = k % h, b = (a + 1 + k / h % (h - 1)) % h; // pairs apart for 14,000 literals
            lits[t] = pick == 0 ? Literal.FALSE : pick == 1 ? Literal.TRUE : pick == 2 ? x[r.nextInt(x.length)] : net.and(x[a], x[b]);
        }
        return lits;
    }
}
