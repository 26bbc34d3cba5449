package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Lookup;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;

/** The closed lookup count against the gadget run on a Tape, for inputs of every kind of class. */
class LookupCountTest {
    private static void check(ElemClass x, long[] table, int outWidth, FixedFormat fx) {
        Instance.Result run = Instance.run((net, in) -> new int[][] {Lookup.build(net, in[0], table, outWidth)},
                new ElemClass[] {x}, new int[] {0});
        Instance.Result closed = PerElement.lookup(x, TableStats.of(table, outWidth), fx);
        String what = "input " + x;
        ClassSamples.assertSameProfile(run.profile(), closed.profile(), what);
        assertEquals(run.out()[0], closed.out()[0], what);
        assertEquals(run.passthrough(), closed.passthrough(), what);
        assertArrayEquals(run.usedSlots(), closed.usedSlots(), what);
    }

    @ParameterizedTest
    @EnumSource(value = UnaryFunction.class)
    void everyFunctionOnRandomClasses(UnaryFunction f) {
        FixedFormat fx = FixedFormat.of(3, 4), out = FixedFormat.of(3, 3);
        long[] table = Table.of(f, fx, out).codes();
        Random r = new Random(f.ordinal());
        for (int i = 0; i < 40; i++) check(ClassSamples.random(r, fx.width()), table, out.width(), fx);
        check(ElemClass.fresh(fx.width(), 2), table, out.width(), fx);
    }

    @Test
    void randomTablesIncludingStepsAndConstantBits() {
        Random r = new Random(7);
        FixedFormat fx = FixedFormat.of(2, 4);
        for (int t = 0; t < 30; t++) {
            long[] table = new long[64];
            int outWidth = 1 + r.nextInt(6);
            long v = r.nextInt(1 << outWidth) - (1 << (outWidth - 1));
            for (int i = 0; i < table.length; i++) {
                if (r.nextInt(4) == 0) v = r.nextInt(1 << outWidth) - (1 << (outWidth - 1));
                table[i] = v;
            }
            for (int i = 0; i < 10; i++) check(ClassSamples.random(r, fx.width()), table, outWidth, fx);
        }
    }

    @Test
    void aFormOverManyWordsAsTheMeanTableReadsIt() {
        // Lookup over the sum of m words: the form summary merges per element.
        Random r = new Random(3);
        FixedFormat fx = FixedFormat.of(2, 1);
        for (int t = 0; t < 20; t++) {
            int m = 1 + r.nextInt(4);
            ElemClass[] xs = new ElemClass[m];
            for (int i = 0; i < m; i++) xs[i] = ClassSamples.random(r, fx.width());
            long lo = m * fx.minCode();
            long[] table = new long[(int) (m * (fx.maxCode() - fx.minCode()) + 1)];
            for (int i = 0; i < table.length; i++) table[i] = (i * 7 / 5) % 11 - 5;
            Instance.Result run = Instance.run((net, in) -> {
                LinearForm f = new LinearForm();
                for (int[] w : in) f.addWord(w, 1);
                return new int[][] {Lookup.build(net, f, lo, table, 5)};
            }, xs, Instance.distinct(m));
            FormSummary form = new FormSummary();
            for (int i = 0; i < m; i++) form.addWord(xs[i], 1, i);
            form.done();
            Profile p = new Profile();
            ElemClass out = LookupCount.count(form, TableStats.of(table, 5), lo, p, new boolean[1]);
            ClassSamples.assertSameProfile(run.profile(), p, "m = " + m);
            assertEquals(run.out()[0], out);
        }
    }

    @Test
    void fastValuesAgreeWithTheNumerics() {
        for (FixedFormat f : new FixedFormat[] {FixedFormat.of(3, 4), FixedFormat.of(8, 6), FixedFormat.of(2, 9)}) {
            var relu = TableStats.fastValues(UnaryFunction.RELU, f, f);
            for (long c = f.minCode(); c <= f.maxCode(); c++) {
                assertEquals(UnaryFunction.RELU.apply(c, f, f), relu.applyAsLong(c), "relu " + c);
                assertEquals(tc0.compiler.numerics.Rounding.toFormat(Math.abs(c), f.fracBits(), f), TableStats.ofAbs(f, f).value(c - f.minCode()), "abs " + c);
            }
        }
    }
}
