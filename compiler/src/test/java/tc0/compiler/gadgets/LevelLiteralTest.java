package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;

/**
 * Level literals (termbits, issue 17): a sum whose fresh single-reader bits are level literals counts the same
 * gates, wires, gates per level and output levels as the same sum with a node per bit, on a {@link CountingNet}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LevelLiteralTest {
    /** Random sequences of fresh bits (random levels), shared literals (plain or negated) and constants, random weights. */
    @Test
    void randomFormsCountAsANodePerBit() {
        Random rnd = new Random(17);
        long savedNodes = 0;
        for (int trial = 0; trial < 400; trial++) {
            String at = "trial " + trial;
            int entries = 1 + rnd.nextInt(trial % 4 == 0 ? 400 : 40), levels = 1 + rnd.nextInt(6), shared = 1 + rnd.nextInt(5);
            int rounds = 1 + rnd.nextInt(3), kind = rnd.nextInt(3), q = new int[] {2, 3, 5, 7, 11, 13, 31, 64, 97}[rnd.nextInt(9)];
            boolean powers = rnd.nextBoolean(); // a series' weights (2^t), else any
            long seed = rnd.nextLong();
            CountingNet nodes = new CountingNet(), counted = new CountingNet();
            int[] a = sum(nodes, false, seed, entries, levels, shared, powers, rounds, kind, q);
            int[] b = sum(counted, true, seed, entries, levels, shared, powers, rounds, kind, q);
            assertEquals(nodes.cost(), counted.cost(), at + ": depth, gates, wires");
            assertArrayEquals(nodes.gatesPerLevel(), counted.gatesPerLevel(), at + ": gates per level");
            assertEquals(a.length, b.length, at + ": output bits");
            for (int i = 0; i < a.length; i++) {
                assertEquals(Literal.isConstant(a[i]), Literal.isConstant(b[i]), at + ": bit " + i + " constant");
                if (!Literal.isConstant(a[i])) assertEquals(nodes.level(a[i]), counted.level(b[i]), at + ": bit " + i + "'s level");
                else assertEquals(a[i], b[i], at + ": bit " + i);
            }
            assertTrue(counted.nodes() <= nodes.nodes(), at + ": more nodes with level literals");
            savedNodes += nodes.nodes() - counted.nodes();
        }
        assertTrue(savedNodes > 2_000, "level literals made as nodes all the same: " + savedNodes + " saved");
    }

    /**
     * A series' terms summed with {@link OneHotPowers#addTo} (level literals) against {@link OneHotPowers#term} (a
     * node per bit), the sum's residue and every one-hot of it asked: the same cost, far fewer nodes.
     */
    @Test
    void seriesTermsCountAsANodePerBit() {
        for (int q : new int[] {5, 13, 31, 257, 1_009, 4_099}) {
            Cost[] cost = new Cost[2];
            long[] made = new long[2];
            long[][] perLevel = new long[2][];
            for (int way = 0; way < 2; way++) {
                CountingNet net = new CountingNet();
                Residue z = Residue.ofUnsigned(net, net.input(24), 1, q, WeightedSum.DEFAULT_ROUNDS);
                OneHotPowers terms = new OneHotPowers(net, z::is, z.bulk(), q, z.distinctOneHots());
                int bits = 32 - Integer.numberOfLeadingZeros(q - 1);
                LinearForm sum = new LinearForm().addConstant(3);
                for (int i = 1; i <= 40; i++) {
                    long c = 1 + (7L * i * i) % (q - 1);
                    if (way == 0) {
                        int[] ors = terms.term(i, c);
                        for (int t = 0; t < bits; t++) sum.add(ors[t], 1L << t);
                    } else terms.addTo(sum, i, c);
                }
                Residue r = Residue.of(net, sum, q, WeightedSum.DEFAULT_ROUNDS);
                for (int a = 0; a < q; a++) r.is(a);
                cost[way] = net.cost();
                made[way] = net.nodes();
                perLevel[way] = net.gatesPerLevel();
            }
            assertEquals(cost[0], cost[1], "q = " + q + ": depth, gates, wires");
            assertArrayEquals(perLevel[0], perLevel[1], "q = " + q + ": gates per level");
            assertTrue(made[1] < made[0], "q = " + q + ": " + made[1] + " nodes with level literals, " + made[0] + " a node per bit");
        }
    }

    @Test
    void aCountingNetRefusesToReadOneAsANode() {
        CountingNet net = new CountingNet();
        int x = net.inputAt(0);
        assertThrows(IllegalArgumentException.class, () -> net.gate(new int[] {x, LevelLiteral.of(3)}, new long[] {1, 1}, 2, 2)); // past its nodes
        assertThrows(IllegalStateException.class, () -> net.level(LevelLiteral.of(3)));
        assertEquals(5, LevelLiteral.level(Literal.not(LevelLiteral.of(5))));
        assertTrue(LevelLiteral.is(Literal.not(LevelLiteral.of(0))));
        assertTrue(!LevelLiteral.is(x) && !LevelLiteral.is(Literal.TRUE));
    }

    /**
     * One random form summed on {@code net}: exact ({@code kind} 0), saturated and rounded (1) or a residue with every
     * one-hot asked (2); fresh bits as level literals where {@code levelOnly}, else as inputs on their levels.
     */
    private static int[] sum(CountingNet net, boolean levelOnly, long seed, int entries, int levels, int shared, boolean powers, int rounds, int kind, int q) {
        Random rnd = new Random(seed);
        int[] pool = new int[shared];
        for (int i = 0; i < shared; i++) pool[i] = net.inputAt(rnd.nextInt(levels));
        LinearForm f = new LinearForm();
        for (int e = 0; e < entries; e++) {
            long w = powers ? 1L << rnd.nextInt(8) : 1 + rnd.nextInt(300);
            if (!powers && rnd.nextInt(5) == 0) w = -w;
            int pick = rnd.nextInt(10), lit;
            if (pick < 7) {
                int lv = rnd.nextInt(levels);
                lit = levelOnly ? LevelLiteral.of(lv) : net.inputAt(lv);
                if (rnd.nextInt(4) == 0) lit = Literal.not(lit);
            } else if (pick < 9) {
                lit = pool[rnd.nextInt(shared)];
                if (rnd.nextBoolean()) lit = Literal.not(lit);
            } else lit = rnd.nextBoolean() ? Literal.TRUE : Literal.FALSE;
            f.add(lit, w);
        }
        f.addConstant(rnd.nextInt(50) - 25);
        if (kind == 0) return WeightedSum.exact(net, f, rounds);
        if (kind == 1) return WeightedSum.build(net, f, rnd.nextInt(4), 4 + rnd.nextInt(10), true, rounds);
        Residue r = Residue.of(net, f, q, rounds);
        int[] out = new int[q];
        for (int a = 0; a < q; a++) out[a] = r.is(a);
        return out;
    }
}
