package tc0.compiler.gadgets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tc0.circuits.Literal;
import tc0.compiler.numerics.FixedFormat;

/**
 * n-ary addition: the word {@code round(S / 2^shift)} of a linear form {@code S = c + sum_i w_i x_i} over
 * bits (so of any number of words with constant integer coefficients), rounded once (nearest, ties up) and
 * saturated or wrapped to a two's complement width. One constant-depth block, not a tree:
 * <ol>
 *   <li>negative weights become positive weights on inverted literals (free) plus a constant; each
 *       weight's binary digits place its literal in bit columns; the constant and the rounding half-unit
 *       stay out of the columns and enter the final thresholds;</li>
 *   <li>{@code rounds} compression rounds (depth 2 each): every column of height {@code h >= 2} is cut into
 *       groups of about {@code h^(1/R)} bits ({@code R} = rounds left, so the last round takes the whole
 *       column); a group's count is made of gates {@code [count >= t]}, shared by all its bits, and one gate
 *       per bit of the count ({@code sum_t ±[count >= t] >= 1}); bit {@code l} of a group in column
 *       {@code j} goes to column {@code j + l};</li>
 *   <li>the final stage (depth 2): output bit {@code j} is bit {@code j} of {@code V_j + K_j}, where
 *       {@code V_j} is the weighted sum of everything left in columns {@code <= j} (weights {@code 2^i}) and
 *       {@code K_j} the constant's low bits: gates {@code [V_j >= m 2^j - K_j]}, each one threshold gate over
 *       all lower bits (the carry look-ahead), combined by one gate with weights {@code ±1};</li>
 *   <li>saturation: two gates {@code [S >= hi]}, {@code [S < lo]} straight over the inputs (depth 1) join
 *       each output bit's combining gate with weight ±2, so saturating costs no depth.</li>
 * </ol>
 * Depth {@code 2 * rounds + 2} whatever the number of terms (when some column has two or more bits).
 * Weights of the final stage are {@code 2^i} for {@code i < shift + width}: keep that below about 56.
 */
public final class WeightedSum {
    /** Default number of compression rounds. */
    public static final int DEFAULT_ROUNDS = 2;

    /**
     * Test-only, 0 in tc0: added to the top threshold {@code [count >= s]} of every compression group's count, so
     * that a group whose bits are all 1 is counted one short: a planted fault the lemma checker's FUNC must catch
     * (proofs-check's PlantedCountFaultTest sets it to 1, in this package; nothing else reaches it).
     */
    static int plantedCountFault = 0;

    private WeightedSum() {}

    /**
     * The {@code width}-bit two's complement word of {@code floor(S / 2^shift + 1/2)} ({@code S} itself when
     * {@code shift == 0}), saturated to the width's range if {@code saturate}, else taken modulo
     * {@code 2^width}.
     */
    public static int[] build(Net net, LinearForm form, int shift, int width, boolean saturate, int rounds) {
        if (shift < 0 || width < 1 || rounds < 0) throw new IllegalArgumentException("shift " + shift + ", width " + width + ", rounds " + rounds);
        int top = shift + width;
        if (top > 61) throw new IllegalArgumentException("shift + width = " + top + " exceeds 61 bits");
        // Nonnegative form: U = sum a_i y_i with a_i > 0, S = U + c.
        int n = form.size();
        int[] y = new int[n];
        long[] a = new long[n];
        long c = form.constant();
        for (int i = 0; i < n; i++) {
            long w = form.weight(i);
            if (w < 0) { c = Math.addExact(c, w); y[i] = Literal.not(form.lit(i)); a[i] = Math.negateExact(w); }
            else { y[i] = form.lit(i); a[i] = w; }
        }
        if (LevelLiteral.mayHold(net)) LevelLiteral.makeUnlessOneColumn(net, y, a, n, saturate);
        long half = shift > 0 ? 1L << (shift - 1) : 0;
        long constant = Math.floorMod(Math.addExact(c, half), 1L << top);
        int hi = Literal.FALSE, lo = Literal.FALSE;
        if (saturate) {
            long bound = 1L << (width - 1 + shift);
            hi = net.gate(y, a, n, Math.subtractExact(Math.subtractExact(bound, c), half));
            lo = Literal.not(net.gate(y, a, n, Math.subtractExact(Math.subtractExact(-bound, c), half)));
        }
        List<IntList> cols = new ArrayList<>();
        for (int j = 0; j < top; j++) cols.add(new IntList());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < top; j++) if ((a[i] >>> j & 1) != 0) cols.get(j).add(y[i]);
        }
        for (int r = 0; r < rounds; r++) cols = compress(net, cols, rounds - r);
        return finalStage(net, cols, shift, width, constant, hi, lo);
    }

    /**
     * The code in {@code out} of the value {@code form / 2^frac}: rounded once (nearest, ties up) and
     * saturated, exactly as {@link tc0.compiler.numerics.Rounding#toFormat(long, int, FixedFormat)}.
     */
    public static int[] toFormat(Net net, LinearForm form, int frac, FixedFormat out, int rounds) {
        int shift = frac - out.fracBits();
        if (shift < 0) return build(net, form.scaled(1L << -shift), 0, out.width(), true, rounds);
        return build(net, form, shift, out.width(), true, rounds);
    }

    /** The exact value of the form as a word just wide enough for its range (no rounding, no saturation). */
    public static int[] exact(Net net, LinearForm form, int rounds) {
        return build(net, form, 0, exactWidth(form.min(), form.max()), false, rounds);
    }

    /** Bits of the narrowest two's complement word holding every value in {@code [min, max]}. */
    public static int exactWidth(long min, long max) {
        int w = 1;
        while (w < 63 && (min < -(1L << (w - 1)) || max > (1L << (w - 1)) - 1)) w++;
        return w;
    }

    /** The cost of {@link #build} for a form with these weights over distinct inputs. */
    public static Cost cost(long[] weights, long constant, int shift, int width, boolean saturate, int rounds) {
        CountingNet net = new CountingNet();
        int[] x = net.input(weights.length);
        LinearForm f = new LinearForm();
        for (int i = 0; i < weights.length; i++) f.add(x[i], weights[i]);
        f.addConstant(constant);
        build(net, f, shift, width, saturate, rounds);
        return net.cost();
    }

    /** The cost of the exact sum of {@code m} signed words of {@code w} bits (coefficients 1). */
    public static Cost costOfWordSum(int m, int w, int rounds) {
        CountingNet net = new CountingNet();
        LinearForm f = new LinearForm();
        for (int i = 0; i < m; i++) f.addWord(net.input(w), 1);
        exact(net, f, rounds);
        return net.cost();
    }

    /**
     * The exact cost of {@link #build} for a form of this shape, computed over column heights (no gate is
     * made): equal to what a {@link CountingNet} counts, in time independent of the number of terms when the
     * weights are powers of two (see {@link SumShape}).
     */
    public static Cost closedCost(SumShape shape, int shift, int width, boolean saturate, int rounds) {
        SumCount c = SumCount.of(shape, shift, width, saturate, rounds);
        // A sum the builder cannot build has no cost here (gadgets choose routes by these costs, as they build).
        if (c.wide) throw new ArithmeticException("a weighted sum's constant, weights' sum or saturation threshold exceeds what a long holds");
        return c.cost();
    }

    /**
     * {@link #closedCost(SumShape, int, int, boolean, int)} with gates per level and what each output bit is
     * (for counting whole programs: see {@link ClosedSum}). Unlike it, a form whose constant, weights' sum or
     * saturation thresholds pass a long is counted too, exactly, as a builder with unbounded weights would
     * build it, and marked {@link ClosedSum#wide}.
     */
    public static ClosedSum closedSum(SumShape shape, int shift, int width, boolean saturate, int rounds) {
        SumCount c = SumCount.of(shape, shift, width, saturate, rounds);
        if (c.bitKind == null) return new ClosedSum(c.perLevel, c.wires, new ClosedSum.Kind[width], c.bitLevel, new boolean[width], false, c.wide, false, c.wiresPast);
        return new ClosedSum(c.perLevel.clone(), c.wires, c.bitKind.clone(), c.bitLevel.clone(), c.bitNegated.clone(), c.modelled, c.wide, c.countExact,
                c.wiresPast);
    }

    /** {@link #cost(long[], long, int, int, boolean, int)} in closed form (time linear in the number of weights). */
    public static Cost closedCost(long[] weights, long constant, int shift, int width, boolean saturate, int rounds) {
        SumShape s = new SumShape();
        for (long w : weights) s.add(1, w, 0);
        return closedCost(s.addConstant(constant), shift, width, saturate, rounds);
    }

    /** {@link #costOfWordSum} in closed form: time O(rounds w^2), whatever m. */
    public static Cost closedCostOfWordSum(long m, int w, int rounds) {
        long lo = Math.multiplyExact(m, -(1L << (w - 1))), hi = Math.multiplyExact(m, (1L << (w - 1)) - 1);
        return closedCost(new SumShape().addWords(m, w, 1, 0), 0, exactWidth(lo, hi), false, rounds);
    }

    /** The shift and scale {@link #toFormat} uses: {@code {shift, factor}} (the form is multiplied by factor). */
    static long[] toFormatShift(int frac, FixedFormat out) {
        int shift = frac - out.fracBits();
        return shift < 0 ? new long[] {0, 1L << -shift} : new long[] {shift, 1};
    }

    /** One compression round over the columns (package-private: {@link WideSum} reuses it). */
    static List<IntList> compress(Net net, List<IntList> cols, int roundsLeft) {
        int top = cols.size();
        List<IntList> next = new ArrayList<>();
        for (int j = 0; j < top; j++) next.add(new IntList());
        for (int j = 0; j < top; j++) {
            IntList col = cols.get(j);
            int h = col.size();
            if (h <= 1) { next.get(j).addAll(col); continue; }
            int groups = (int) ColumnCut.groups(h, roundsLeft), base = (int) ColumnCut.base(h, groups), extra = (int) ColumnCut.extra(h, groups), at = 0;
            for (int q = 0; q < groups; q++) {
                int size = (int) ColumnCut.size(q, base, extra);
                int[] bits = col.slice(at, at + size);
                at += size;
                int[] count = countBits(net, bits, top - j);
                for (int l = 0; l < count.length; l++) if (j + l < top) next.get(j + l).add(count[l]);
            }
        }
        return next;
    }

    /**
     * The low {@code keep} bits of the binary count of the bits (all of them if fewer), least significant
     * first: gates [count >= t] then one gate per bit. Bits beyond {@code keep} would fall off the word and
     * are not built.
     */
    static int[] countBits(Net net, int[] bits, int keep) {
        int s = bits.length;
        if (s == 1) return new int[] {bits[0]};
        boolean levelOnly = LevelLiteral.mayHold(net) && LevelLiteral.any(bits, s); // series term bits, no node each
        if (plantedCountFault == 0 && net instanceof TwinNet t && t.twins()) { // counted in closed form where it models the group
            int[] counted = levelOnly ? LevelLiteral.countBits(t, bits, keep) : CountBitsTwin.countBits(t, bits, keep);
            if (counted != null) return counted;
        }
        if (levelOnly) bits = LevelLiteral.made(net, bits); // gate by gate: each a node now
        int[] ge = new int[s]; // ge[t - 1] = [count >= t], t = 1..s: one bank over one form, built in order of t
        long[] thresholds = Ones.upTo(s);
        if (plantedCountFault != 0) {
            thresholds = Arrays.copyOf(thresholds, s);
            thresholds[s - 1] += plantedCountFault;
        }
        net.gates(bits, Ones.atLeast(s), s, thresholds, s, ge);
        int nb = Math.min(keep, 64 - Long.numberOfLeadingZeros(s));
        int[] out = new int[nb];
        int[] lits = new int[s]; // scratch for every bit's gate: a net reads its arrays during the call only
        long[] w = new long[s];
        for (int l = 0; l < nb; l++) out[l] = stepBit(net, ge, s, l, lits, w);
        return out;
    }

    /** Bit l of a count c in [0, s] from the gates ge[t - 1] = [c >= t] (lits and w: scratch of s entries). */
    private static int stepBit(Net net, int[] ge, int s, int l, int[] lits, long[] w) {
        int k = 0;
        for (int t = 1; t <= s; t++) {
            long d = ((t >> l) & 1) - (((t - 1) >> l) & 1);
            if (d != 0) { lits[k] = ge[t - 1]; w[k] = d; k++; }
        }
        return net.gate(lits, w, k, 1);
    }

    private static int[] finalStage(Net net, List<IntList> cols, int shift, int width, long constant, int hi, int lo) {
        int[] out = new int[width];
        if (LevelLiteral.mayHold(net)) for (IntList col : cols) col.make(net); // a column's only bit read by the final gates
        IntList bits = new IntList();
        List<Long> weights = new ArrayList<>();
        long vmax = 0;
        for (int j = 0; j < shift + width; j++) {
            IntList col = cols.get(j);
            for (int i = 0; i < col.size(); i++) { bits.add(col.get(i)); weights.add(1L << j); }
            vmax = Math.addExact(vmax, Math.multiplyExact((long) col.size(), 1L << j));
            if (j < shift) continue;
            int[] lits = bits.toArray();
            long[] w = new long[lits.length];
            for (int i = 0; i < w.length; i++) w[i] = weights.get(i);
            long k = constant & ((j == 62 ? -1L : (1L << (j + 1)) - 1));
            long unit = 1L << j;
            long m = Math.addExact(vmax, k) / unit;
            int[] comb = new int[(int) m + 2];
            long[] cw = new long[(int) m + 2];
            long[] ts = new long[(int) m];
            for (int t = 1; t <= m; t++) {
                ts[t - 1] = Math.subtractExact(Math.multiplyExact(t, unit), k);
                cw[t - 1] = (t % 2 == 1) ? 1 : -1;
            }
            net.gates(lits, w, lits.length, ts, (int) m, comb); // [sum >= t unit - k], t = 1..m, in order
            boolean signBit = j - shift == width - 1;
            comb[(int) m] = hi;
            cw[(int) m] = signBit ? -2 : 2;
            comb[(int) m + 1] = lo;
            cw[(int) m + 1] = signBit ? 2 : -2;
            out[j - shift] = net.gate(comb, cw, comb.length, 1);
        }
        return out;
    }

    /** A growable int list (kept local: gadgets need only add, get, slice). */
    static final class IntList {
        private int[] a = new int[8];
        private int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        void addAll(IntList o) { for (int i = 0; i < o.n; i++) add(o.a[i]); }

        int get(int i) { return a[i]; }

        /** Every level literal made a node ({@link LevelLiteral#made}). */
        void make(Net net) { for (int i = 0; i < n; i++) if (LevelLiteral.is(a[i])) a[i] = LevelLiteral.made((TwinNet) net, a[i]); }

        int size() { return n; }

        int[] slice(int from, int to) { return Arrays.copyOfRange(a, from, to); }

        int[] toArray() { return Arrays.copyOf(a, n); }
    }
}
