package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;
import tc0.compiler.testing.RandomColumns;
import tc0.compiler.gadgets.WideColumns;
import tc0.compiler.gadgets.WideSum;

/**
 * Wide sums whose columns hold runs (a word's bits, each at a weight of many bits: the Chinese-remainder
 * reconstruction's shape) count on a {@link LiveNet} with their first round by heights ({@code WideRuns}) what they
 * count gate by gate: gates, wires, gates per level and the levels of the bits read. Runs of fresh literals on one or
 * two levels, runs that repeat a literal of another run or of a single entry, constant literals, single entries
 * before, between and after the runs, a constant; every bit, the top bits or a random few read (so that low
 * groups die, and literals held only by dead groups must not be read).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideRunsTest {
    @Test
    void runsCountAsTheirEntriesGateByGate() {
        Random r = new Random(23);
        long before = WideSum.firstRoundsByRuns();
        for (int trial = 0; trial < 150; trial++) {
            long seed = r.nextLong();
            int width = 8 + r.nextInt(trial % 10 == 0 ? 400 : 90), rounds = 1 + r.nextInt(3), from = r.nextInt(3) == 0 ? 0 : r.nextInt(width);
            int inputs = 40 + r.nextInt(200);
            int[] levels = new int[inputs];
            int lv = r.nextInt(4);
            for (int i = 0; i < inputs; i++) levels[i] = i < inputs / 2 ? lv : r.nextInt(3) == 0 ? lv + 1 : r.nextInt(6);
            double keep = new double[] {1, 0.3, 0.05}[trial % 3];
            boolean[] mask = new boolean[width];
            for (int i = 0; i < width; i++) mask[i] = r.nextDouble() < keep;
            LiveNet runs = new LiveNet(levels), plain = new LiveNet(levels);
            plain.withoutTwins();
            int[] outRuns = live(runs, seed, width, rounds, from, mask), outPlain = live(plain, seed, width, rounds, from, mask);
            String how = "trial " + trial + " (width " + width + ", rounds " + rounds + ", from " + from + ", read " + keep + ")";
            assertTrue(runs.twinsLive(), how + ": a twin's fresh literal unread");
            assertEquals(plain.gates(), runs.gates(), how);
            assertEquals(plain.wires(), runs.wires(), how);
            int n = Math.max(plain.perLevel().length, runs.perLevel().length);
            assertArrayEquals(Arrays.copyOf(plain.perLevel(), n), Arrays.copyOf(runs.perLevel(), n), how);
            for (int i = 0; i < outPlain.length; i++) {
                if (!mask[from + i] || Literal.isConstant(outPlain[i])) continue;
                assertEquals(plain.level(outPlain[i]), runs.level(outRuns[i]), how + ", bit " + (from + i));
            }
        }
        assertTrue(WideSum.firstRoundsByRuns() - before > 100, "runs' heights counted only " + (WideSum.firstRoundsByRuns() - before) + " first rounds");
    }

    /** The sum's bits from {@code from}, run until no gate dies, reading the bits the mask marks. */
    private static int[] live(LiveNet net, long seed, int width, int rounds, int from, boolean[] mask) {
        return live(net, n -> columns(n, n.inputs(), seed, width), rounds, from, mask);
    }

    /** The sum of the columns {@code columns} makes on the net (the same each run), run until no gate dies. */
    static int[] live(LiveNet net, java.util.function.Function<LiveNet, WideColumns> columns, int rounds, int from, boolean[] mask) {
        int[] out;
        do {
            net.reset();
            out = WideSum.top(net, columns.apply(net), rounds, from);
        } while (net.settle(read(out, mask, from)));
        return out;
    }

    /** Random runs, entries and a constant, at most 8 literals a run ({@link RandomColumns}). */
    private static WideColumns columns(LiveNet net, int[] x, long seed, int width) {
        return RandomColumns.of(net, x, seed, width, 8);
    }

    private static int[] read(int[] out, boolean[] mask, int from) {
        int[] r = new int[out.length];
        for (int i = 0; i < out.length; i++) r[i] = mask[from + i] ? out[i] : Literal.FALSE;
        return r;
    }
}
