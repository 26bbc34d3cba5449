package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;
import tc0.compiler.testing.RandomColumns;

/**
 * A wide sum whose first round's outputs are held by count and level ({@link UnlistedRound}, on a {@link CountingNet})
 * counts what it counts with those outputs listed ({@link WideRuns#listAlways}) and what it counts gate by gate: depth,
 * gates, wires, gates per level and the levels of its bits. Random columns of runs (fresh one-level literals, inputs,
 * constants, negations, repeats), single entries and a constant, at two rounds, unlisted against listed and gate by
 * gate (trial 28 counted 612 gates against 579 until the carries' twin met two members of one node:
 * {@link RunColumnsBuiltTest}, which also builds these sums); then the primitives whose Chinese-remainder
 * reconstruction is the case it is for, at p = 4 .. 16 all three ways (log to 8) and p = 32 unlisted and listed.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class UnlistedRoundTest {
    private static final int ROUNDS = WeightedSum.DEFAULT_ROUNDS;

    @Test
    void randomRunColumnsCountAsListedAndGateByGate() {
        Random r = new Random(41);
        long before = UnlistedRound.made;
        for (int trial = 0; trial < 200; trial++) {
            long seed = r.nextLong();
            int width = 8 + r.nextInt(trial % 10 == 0 ? 300 : 80), from = r.nextInt(3) == 0 ? 0 : r.nextInt(width);
            int inputs = 40 + r.nextInt(200);
            assertSame(inputs, seed, (net, x) -> WideSum.top(net, columns(net, x, seed, width), ROUNDS, from), "trial " + trial + " (width " + width + ", from " + from + ")", true);
        }
        assertTrue(UnlistedRound.made - before > 150, "only " + (UnlistedRound.made - before) + " sums went unlisted");
    }

    @Test
    void primitivesCountAsListed() {
        long before = UnlistedRound.made;
        for (Primitive prim : new Primitive[] {Primitive.PRODUCT, Primitive.DIVIDE, Primitive.FLOAT_PRODUCT, Primitive.FLOAT_DIVIDE, Primitive.FLOAT_SQRT, Primitive.FLOAT_EXP, Primitive.FLOAT_LOG}) {
            for (int p : new int[] {4, 8, 13, 16, 32}) {
                boolean byGate = p <= 16 && !(prim == Primitive.FLOAT_LOG && p > 8); // log at 16 is 78 M wires gate by gate
                int operands = prim.operands(3), width = prim.width(p);
                assertSame(operands * width, p, (net, x) -> {
                    int[][] xs = new int[operands][];
                    for (int i = 0; i < operands; i++) xs[i] = Arrays.copyOfRange(x, i * width, (i + 1) * width);
                    return prim.build(net, xs, ROUNDS);
                }, prim + " p " + p, byGate);
            }
        }
        assertTrue(UnlistedRound.made - before >= 30, "only " + (UnlistedRound.made - before) + " sums went unlisted");
    }

    /**
     * A gate that is two bits of one count is one literal, made, as {@link CountBitsTwin#countBits} makes it: two
     * variables and two TRUE count 2 .. 4, bits 1 and 2 are {@code NOT [count >= 4]} and {@code [count >= 4]}; the
     * other bits unmade with the levels of the literals made.
     */
    @Test
    void aGateThatIsTwoBitsIsMade() {
        CountingNet a = new CountingNet(), b = new CountingNet();
        int[] x = {a.inputAt(2), a.inputAt(3), Literal.TRUE, Literal.TRUE}, y = {b.inputAt(2), b.inputAt(3), Literal.TRUE, Literal.TRUE};
        int[] made = CountBitsTwin.countBits(a, x, 8);
        CountBitsTwin.Unmade unmade = CountBitsTwin.countUnmade(b, y, 0, 0, 8, null);
        assertEquals(Literal.not(made[2]), made[1]);
        assertEquals(Literal.not(unmade.lits()[2]), unmade.lits()[1]);
        assertTrue(unmade.lits()[2] != CountBitsTwin.Unmade.UNMADE && !Literal.isConstant(unmade.lits()[2]));
        assertEquals(a.level(made[2]), b.level(unmade.lits()[2]));
        assertEquals(CountBitsTwin.Unmade.UNMADE, unmade.lits()[0]);
        assertEquals(a.level(made[0]), unmade.levels()[0]);
        assertEquals(a.cost(), b.cost());
    }

    /** Unlisted, listed and (where asked) gate by gate count alike; the outputs' levels too. */
    private static void assertSame(int inputs, long seed, BiFunction<Net, int[], int[]> gadget, String what, boolean byGate) {
        CountingNet unlisted = new CountingNet(), listed = new CountingNet(), plain = new CountingNet();
        int[] xu = RandomColumns.inputs(unlisted, inputs, seed), xl = RandomColumns.inputs(listed, inputs, seed), xp = RandomColumns.inputs(plain, inputs, seed);
        int[] ou = gadget.apply(unlisted, xu), ol;
        WideRuns.listAlways = true;
        try {
            ol = gadget.apply(listed, xl);
        } finally {
            WideRuns.listAlways = false;
        }
        same(listed, ol, unlisted, ou, what + " listed / unlisted");
        if (byGate) same(plain, gadget.apply(PrimitiveTwinCountTest.gateByGate(plain), xp), unlisted, ou, what + " gate by gate / unlisted");
    }

    private static void same(CountingNet a, int[] oa, CountingNet b, int[] ob, String what) {
        assertEquals(a.cost(), b.cost(), what);
        long[] x = a.gatesPerLevel(), y = b.gatesPerLevel();
        int n = Math.max(x.length, y.length);
        assertArrayEquals(Arrays.copyOf(x, n), Arrays.copyOf(y, n), what);
        assertEquals(oa.length, ob.length, what);
        for (int i = 0; i < oa.length; i++) {
            assertEquals(Literal.isConstant(oa[i]), Literal.isConstant(ob[i]), what + ", bit " + i);
            if (Literal.isConstant(oa[i])) assertEquals(oa[i], ob[i], what + ", bit " + i);
            else assertEquals(a.level(oa[i]), b.level(ob[i]), what + ", bit " + i);
        }
    }


    /** Random runs, entries and a constant, at most 10 literals a run ({@link RandomColumns}). */
    private static WideColumns columns(Net net, int[] x, long seed, int width) {
        return RandomColumns.of(net, x, seed, width, 10);
    }
}
