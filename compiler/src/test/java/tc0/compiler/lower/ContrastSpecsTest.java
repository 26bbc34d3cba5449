package tc0.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tc0.circuits.analysis.Levels;
import tc0.circuits.Circuit;
import tc0.compiler.elaborate.Elaborator;
import tc0.dsl.CheckedModel;
import tc0.dsl.ast.Metric;
import tc0.dsl.ast.Stmt;
import tc0.circuits.eval.BitMatrix;
import tc0.circuits.eval.BitParallelEvaluator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.testing.BitExact;

/**
 * The CONTRAST specs (examples/contrast) answer their problems: each circuit, and the reference interpreter, on
 * inputs drawn as instances of the problem (permutations, formulas, graphs), against the answer computed here
 * directly (composing permutations as maps, evaluating the formula as a tree, breadth-first search). Bit-exactness
 * against the reference alone would not show that a spec computes the problem it names.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContrastSpecsTest {
    private static final int CASES = 40;

    /** n = 5 and 8: a padded tree (identity rows past n) and a full one. */
    @Test
    void s5WordComposesThePermutationsInOrder() {
        for (long n : new long[] {5, 8}) {
            Random rnd = new Random(n);
            List<Map<String, long[]>> sets = new ArrayList<>();
            List<long[]> want = new ArrayList<>();
            for (int c = 0; c < CASES; c++) {
                long[] bits = new long[(int) n * 25];
                int[] product = {0, 1, 2, 3, 4}; // product[i] = p_{n-1}(...p_0(i)): row i of P0 P1 ... P(n-1)
                for (int k = 0; k < n; k++) {
                    int[] p = permutation(rnd);
                    for (int i = 0; i < 5; i++) bits[k * 25 + 5 * i + p[i]] = 1;
                    for (int i = 0; i < 5; i++) product[i] = p[product[i]];
                }
                long[] out = new long[25];
                for (int i = 0; i < 5; i++) out[5 * i + product[i]] = 1;
                sets.add(Map.of("P", bits));
                want.add(out);
            }
            assertAnswers("contrast/s5_word", n, "Product", sets, want);
        }
    }

    /** n = 8 (levels AND, OR, AND) and n = 16 (AND, OR, AND, OR): the odd tail and the paired loop. */
    @Test
    void booleanFormulaEvaluatesAlternatingAndOrLevels() {
        for (long n : new long[] {8, 16}) {
            Random rnd = new Random(n);
            List<Map<String, long[]>> sets = new ArrayList<>();
            List<long[]> want = new ArrayList<>();
            for (int c = 0; c < CASES; c++) {
                long[] x = new long[(int) n];
                for (int i = 0; i < n; i++) x[i] = rnd.nextInt(4) == 0 ? 0 : 1; // mostly ones: ANDs not all 0
                if (c < 2) java.util.Arrays.fill(x, c);
                sets.add(Map.of("X", x));
                want.add(new long[] {formula(x, 0, (int) n)});
            }
            assertAnswers("contrast/boolean_formula", n, "Value", sets, want);
        }
    }

    /**
     * n = 4 (+, *) and n = 8 (+, *, +), leaves in quarters from -2 to 2: every partial value is a multiple of 1/16
     * of magnitude at most 32, which the words (frac 4, int 6: -32 to 31.9375) hold exactly except +32 itself (all
     * eight leaves 2 at n = 8, which the drawn leaves are not), so the answer is the formula's own.
     */
    @Test
    void arithmeticFormulaEvaluatesAlternatingSumAndProductLevels() {
        for (long n : new long[] {4, 8}) {
            Random rnd = new Random(n);
            List<Map<String, long[]>> sets = new ArrayList<>();
            List<long[]> want = new ArrayList<>();
            for (int c = 0; c < CASES; c++) {
                long[] quarters = new long[(int) n];
                for (int i = 0; i < n; i++) quarters[i] = rnd.nextInt(17) - 8;
                long[] codes = quarters.clone();
                for (int i = 0; i < n; i++) codes[i] *= 4; // quarters to sixteenths, the codes at frac 4
                sets.add(Map.of("X", codes));
                want.add(new long[] {arithmetic(quarters, 0, (int) n)}); // in sixteenths: the codes
            }
            assertAnswers("contrast/arithmetic_formula", n, "Value", sets, want, false);
        }
    }

    @Test
    void connectivitySaysWhetherNodeZeroReachesTheLast() {
        long n = 8;
        Random rnd = new Random(8);
        List<Map<String, long[]>> sets = new ArrayList<>();
        List<long[]> want = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            long[] a = new long[(int) (n * n)];
            if (c == 0) { // a path 0 -> 1 -> ... -> 7, the longest walk the squarings must cover
                for (int i = 0; i + 1 < n; i++) a[i * (int) n + i + 1] = 1;
            } else {
                for (int e = 0; e < n; e++) a[rnd.nextInt((int) (n * n))] = 1;
            }
            sets.add(Map.of("A", a));
            want.add(new long[] {reaches(a, (int) n) ? 1 : 0});
        }
        assertEquals(1, want.get(0)[0]);
        assertAnswers("contrast/connectivity", n, "Reaches", sets, want);
    }

    /** Two complete binary trees with labelled leaves: alike iff some swaps of children turn one into the other (AHU's canonical forms here). */
    @Test
    void treeIsomorphismSaysWhetherTheTreesAreAlike() {
        long n = 8;
        Random rnd = new Random(16);
        List<Map<String, long[]>> sets = new ArrayList<>();
        List<long[]> want = new ArrayList<>();
        int alike = 0;
        for (int c = 0; c < CASES; c++) {
            long[] t1 = new long[(int) n];
            for (int i = 0; i < n; i++) t1[i] = rnd.nextInt(2);
            long[] t2 = swapped(t1, 0, (int) n, rnd);
            if (c % 2 == 1) t2[rnd.nextInt((int) n)] ^= 1; // one leaf off: alike only where the trees happen to be
            boolean same = canonical(t1, 0, (int) n).equals(canonical(t2, 0, (int) n));
            if (same) alike++;
            sets.add(Map.of("T1", t1, "T2", t2));
            want.add(new long[] {same ? 1 : 0});
        }
        assertTrue(alike >= CASES / 2 && alike < CASES, alike + " of " + CASES + " alike");
        assertAnswers("contrast/tree_isomorphism", n, "Isomorphic", sets, want);
    }

    /** The leaves of [from, from + len) with the children swapped at random nodes. */
    private static long[] swapped(long[] leaves, int from, int len, Random rnd) {
        if (len == 1) return new long[] {leaves[from]};
        long[] a = swapped(leaves, from, len / 2, rnd), b = swapped(leaves, from + len / 2, len / 2, rnd);
        long[] out = new long[len];
        boolean swap = rnd.nextBoolean();
        System.arraycopy(swap ? b : a, 0, out, 0, len / 2);
        System.arraycopy(swap ? a : b, 0, out, len / 2, len / 2);
        return out;
    }

    /** The canonical form: a leaf's label, a node's children's forms sorted. */
    private static String canonical(long[] leaves, int from, int len) {
        if (len == 1) return Long.toString(leaves[from]);
        String a = canonical(leaves, from, len / 2), b = canonical(leaves, from + len / 2, len / 2);
        return a.compareTo(b) <= 0 ? "(" + a + "," + b + ")" : "(" + b + "," + a + ")";
    }

    /**
     * The contrast the sweep reports, on built circuits: depth grows by the same positive step each time n is
     * multiplied by {@code factor}, like log n (boolean_formula: one gate per formula level; s5_word and
     * connectivity: one Boolean product per doubling). arithmetic_formula's + and * levels differ in depth
     * (6 and 7), so its step repeats every two doublings.
     */
    @ParameterizedTest
    @CsvSource({"s5_word, 2", "boolean_formula, 2", "arithmetic_formula, 4", "connectivity, 2", "tree_isomorphism, 2"})
    void depthGrowsByAConstantStepPerDoublingAndSizeStaysWithinTheAssertedBound(String name, long factor) {
        long n0 = 4, n1 = n0 * factor, n2 = n1 * factor;
        int d0 = built(name, n0), d1 = built(name, n1), d2 = built(name, n2);
        String depths = name + ": depths " + d0 + ", " + d1 + ", " + d2 + " at n = " + n0 + ", " + n1 + ", " + n2;
        assertTrue(d1 > d0, depths);
        assertEquals(d1 - d0, d2 - d1, depths);
    }

    /**
     * On inputs that are not instances (random bits: rows that are no permutation, counts past the word in
     * connectivity's squarings; random words past the formula's range) the circuit still equals the reference
     * bit for bit: the thresholds and the saturation are the reference's, not an accident of well-formed inputs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"s5_word", "boolean_formula", "arithmetic_formula", "connectivity", "tree_isomorphism"})
    void onEdgeAndRandomInputsTheCircuitEqualsTheReference(String name) {
        for (long n : new long[] {5, 8}) {
            Lowered l = TensorIrToCircuit.lower(Specs.example("contrast/" + name, Map.of("n", n)));
            BitExact.assertBitExact(l, BitExact.edgeAndRandom(l.program(), 20));
        }
    }

    /** Builds the spec at n, checks its gates against its own {@code assert size <= ...}, and returns its depth. */
    private static int built(String name, long n) {
        Map<String, Long> at = Map.of("n", n);
        CheckedModel model = Specs.check(Specs.examples().resolve("contrast/" + name + ".tc0"), at);
        Circuit c = TensorIrToCircuit.lower(Elaborator.elaborate(model, at)).circuit();
        Stmt.Assert size = model.asserts().stream().filter(a -> a.metric() == Metric.SIZE).findFirst().orElseThrow();
        long bound = CheckedModel.eval(size.bound(), at);
        assertTrue(c.gateCount() <= bound, name + " at n = " + n + ": " + c.gateCount() + " gates, asserted <= " + bound);
        return Levels.of(c).depth();
    }

    /** The circuit's and the reference's output, as values (codes over 2^frac), equal the wanted 0/1 answers. */
    private static void assertAnswers(String spec, long n, String output, List<Map<String, long[]>> sets,
            List<long[]> want) {
        assertAnswers(spec, n, output, sets, want, true);
    }

    /** As above; the wanted answers are values 0 and 1 when {@code zeroOne}, else codes. */
    private static void assertAnswers(String spec, long n, String output, List<Map<String, long[]>> sets,
            List<long[]> want, boolean zeroOne) {
        Lowered l = TensorIrToCircuit.lower(Specs.example(spec, Map.of("n", n)));
        long one = zeroOne ? 1L << l.program().precision().fracBits() : 1;
        BitMatrix out = new BitParallelEvaluator(1).evaluate(l.circuit(), l.encode(sets));
        for (int c = 0; c < sets.size(); c++) {
            long[] expected = want.get(c).clone();
            for (int i = 0; i < expected.length; i++) expected[i] *= one;
            String where = spec + " n = " + n + ", case " + c;
            assertArrayEquals(expected, ReferenceInterpreter.run(l.program(), sets.get(c)).get(output), where + " (reference)");
            assertArrayEquals(expected, l.decode(out, c).get(output), where + " (circuit)");
        }
    }

    private static int[] permutation(Random rnd) {
        int[] p = {0, 1, 2, 3, 4};
        for (int i = 4; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }

    /** The balanced formula over x[from, from + len) (len a power of two): a node of odd height is an AND, of even an OR. */
    private static long formula(long[] x, int from, int len) {
        if (len == 1) return x[from];
        int height = Integer.numberOfTrailingZeros(len);
        long a = formula(x, from, len / 2), b = formula(x, from + len / 2, len / 2);
        return height % 2 == 1 ? a & b : a | b;
    }

    /** The balanced formula over quarters x[from, from + len), in sixteenths: odd height +, even height *. */
    private static long arithmetic(long[] x, int from, int len) {
        if (len == 1) return 4 * x[from];
        int height = Integer.numberOfTrailingZeros(len);
        long a = arithmetic(x, from, len / 2), b = arithmetic(x, from + len / 2, len / 2);
        return height % 2 == 1 ? a + b : a * b / 16; // sixteenths times sixteenths, back to sixteenths: exact here
    }

    private static boolean reaches(long[] a, int n) {
        boolean[] seen = new boolean[n];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(0));
        seen[0] = true;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int v = 0; v < n; v++) if (a[u * n + v] == 1 && !seen[v]) { seen[v] = true; queue.add(v); }
        }
        return seen[n - 1];
    }
}
