package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tc0.compiler.gadgets.Lookup;
import tc0.compiler.gadgets.TailLookup;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;

/** The closed count of lookups whose tables end in the identity, against the gadget run on a Tape. */
class TailCountTest {
    private static void check(ElemClass x, long[] table, FixedFormat fx) {
        int w = fx.width();
        Instance.Result run = Instance.run((net, in) -> new int[][] {Lookup.build(net, in[0], table, w)}, new ElemClass[] {x}, new int[] {0});
        Instance.Result closed = PerElement.lookup(x, TableStats.of(table, w), fx);
        String what = "input " + x;
        ClassSamples.assertSameProfile(run.profile(), closed.profile(), what);
        assertEquals(run.out()[0], closed.out()[0], what);
        assertEquals(run.passthrough(), closed.passthrough(), what);
        assertArrayEquals(run.usedSlots(), closed.usedSlots(), what);
    }

    /** A word of distinct variable bits at random levels, some negated: the words a tail lookup is built for. */
    private static ElemClass distinct(Random r, int w) {
        int[] bits = new int[w];
        int[] levels = new int[w];
        for (int k = 0; k < w; k++) { bits[k] = k << 1 | r.nextInt(2); levels[k] = r.nextInt(4); }
        return ElemClass.of(bits, levels);
    }

    @Test
    void theTailStartFromTheChangeSetsIsTheGadgets() {
        Random r = new Random(5);
        for (int t = 0; t < 400; t++) {
            int w = 2 + r.nextInt(9);
            int size = 1 << w;
            long lo = -(size / 2);
            int h = t % 7 == 0 ? 0 : r.nextInt(size + 1);
            long[] table = new long[size];
            for (int i = 0; i < size; i++) table[i] = i >= h ? lo + i : r.nextInt(4) == 0 ? lo + i : r.nextLong(lo, -lo);
            assertEquals(TailLookup.start(table, w, w), TableStats.of(table, w).identityFrom(), "w " + w + " h " + h);
        }
        for (UnaryFunction f : UnaryFunction.values()) {
            FixedFormat fx = FixedFormat.of(4, 6);
            long[] table = Table.of(f, fx, fx).codes();
            assertEquals(TailLookup.start(table, fx.width(), fx.width()), TableStats.of(f, fx, fx).identityFrom(), f.toString());
        }
    }

    @Test
    void functionsEndingInTheIdentityOnEveryKindOfWord() {
        Random r = new Random(11);
        for (UnaryFunction f : new UnaryFunction[] {UnaryFunction.RELU, UnaryFunction.GELU, UnaryFunction.SILU, UnaryFunction.SOFTPLUS}) {
            for (FixedFormat fx : new FixedFormat[] {FixedFormat.of(4, 3), FixedFormat.of(4, 5), FixedFormat.of(5, 4)}) {
                long[] table = Table.of(f, fx, fx).codes();
                assertTrue(TailLookup.pays(table.length, TailLookup.start(table, fx.width(), fx.width())), f + " " + fx + " has a tail");
                check(ElemClass.fresh(fx.width(), 0), table, fx);
                for (int i = 0; i < 15; i++) check(distinct(r, fx.width()), table, fx);
                for (int i = 0; i < 15; i++) check(ClassSamples.random(r, fx.width()), table, fx); // constants (plain), repeats (run)
            }
        }
    }

    @Test
    void randomTablesWithTailsAnywhere() {
        Random r = new Random(13);
        for (int t = 0; t < 200; t++) {
            int w = 2 + r.nextInt(6);
            FixedFormat fx = FixedFormat.of(1, w - 1);
            int size = 1 << w;
            long lo = -(size / 2);
            int h = t % 9 == 0 ? 0 : r.nextInt(size + 1);
            boolean few = r.nextBoolean();
            long[] table = new long[size];
            for (int i = 0; i < size; i++) table[i] = i >= h ? lo + i : few ? r.nextInt(3) - 1 : r.nextLong(lo, -lo);
            try {
                check(distinct(r, w), table, fx);
            } catch (NeedsLiterals e) {
                // Only when an output bit is the input's own sign bit: the summary says so rather than guess.
                assertTrue(e.getMessage().contains("sign bit"), e.getMessage());
            }
        }
    }
}
