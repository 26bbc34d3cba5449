package tc0.compiler.count;

import java.util.Arrays;
import tc0.compiler.gadgets.ClosedSum;
import tc0.compiler.gadgets.Multiply;
import tc0.compiler.gadgets.SumShape;
import tc0.compiler.gadgets.WeightedSum;

/**
 * A weighted sum's form built from element classes instead of literals, for {@link WeightedSum#closedSum}:
 * each bit of a word lands in the {@link SumShape} as a fresh literal (a slot that occurs once in its word),
 * an identified literal (a slot that occurs several times), or a constant. Where the shape cannot model the
 * form (a slot with weights of both signs, as a sign-extended word has; one node twice in a column), or the
 * closed count is not claimed exact, {@link Unmodelled} is thrown and the caller runs the gadget instead.
 */
final class SumForm {
    /** The closed form does not apply: count by running the gadget. */
    static final class Unmodelled extends RuntimeException {
        Unmodelled(String why) { super(why, null, false, false); }
    }

    final SumShape shape;
    /** Gates made before the sum (the ANDs of a dot product). */
    final Profile extra = new Profile();

    SumForm() { this(new SumShape()); }

    private SumForm(SumShape shape) { this.shape = shape; }

    /** A copy to add more to (a form shared by many sums, each closed once); refused where the shape has identified literals. */
    SumForm copy() {
        SumForm f;
        try {
            f = new SumForm(shape.copy());
        } catch (UnsupportedOperationException e) {
            throw new Unmodelled(e.getMessage());
        }
        f.extra.add(extra, 1);
        return f;
    }

    /** Adds {@code coeff * word}, the word of class {@code c}; {@code element} names it (distinct elements: distinct nodes). */
    SumForm addWord(ElemClass c, long coeff, long element) {
        return addWords(c, coeff, element, 1);
    }

    /**
     * Adds {@code count} words of class {@code c}, each its own element, in order. Plain words (no slot twice)
     * go in bulk; others one by one from element {@code first}.
     */
    SumForm addWords(ElemClass c, long coeff, long first, long count) {
        if (count > 1 && Long.bitCount(Math.abs(coeff)) > 1) {
            // A coefficient that is not a power of two puts a bit in several columns: keep the words' order.
            for (long e = 0; e < count; e++) addWords(c, coeff, first + e, 1);
            return this;
        }
        int w = c.width();
        int[] uses = new int[c.slots()];
        for (int k = 0; k < w; k++) if (c.bit(k) >= 0) uses[c.bit(k) >> 1]++;
        for (int k = 0; k < w; k++) {
            long bit = Math.multiplyExact(coeff, 1L << k);
            long wt = k == w - 1 ? Math.negateExact(bit) : bit;
            int x = c.bit(k);
            if (x == ElemClass.FALSE) continue;
            if (x == ElemClass.TRUE) { shape.addConstant(wt, count); continue; }
            int s = x >> 1;
            if (uses[s] == 1) { shape.add(count, wt, c.slotLevel(s)); continue; }
            for (long e = 0; e < count; e++) identified(first + e, s, (x & 1) != 0, wt, c.slotLevel(s));
        }
        return this;
    }

    /**
     * Adds {@code scale * sum_t x_t y_t} as {@code Multiply.dot} builds it: per pair and bit pair the AND of the
     * two bits (a fresh gate of fan-in 2 unless a bit is constant: then nothing, the other bit itself, or a
     * constant), weight {@code ±2^(i+j)}. Fills {@code usedX[t]}, {@code usedY[t]} with the slots read.
     * Neighbouring pairs with the same classes go in bulk ({@link #addDotRuns}).
     */
    SumForm addDot(ElemClass[] xs, ElemClass[] ys, long scale, long[] usedX, long[] usedY) {
        int d = xs.length, runs = 0;
        ElemClass[] rx = new ElemClass[d], ry = new ElemClass[d];
        long[] count = new long[d];
        for (int t = 0; t < d; t++) {
            if (runs > 0 && rx[runs - 1] == xs[t] && ry[runs - 1] == ys[t]) { count[runs - 1]++; continue; }
            rx[runs] = xs[t];
            ry[runs] = ys[t];
            count[runs++] = 1;
        }
        long[] ux = new long[runs], uy = new long[runs];
        addDotRuns(Arrays.copyOf(rx, runs), Arrays.copyOf(ry, runs), Arrays.copyOf(count, runs), scale, ux, uy);
        for (int r = 0, t = 0; r < runs; r++) {
            for (long k = 0; k < count[r]; k++, t++) { usedX[t] = ux[r]; usedY[t] = uy[r]; }
        }
        return this;
    }

    /**
     * {@link #addDot} of runs: {@code counts[r]} neighbouring pairs of classes ({@code xs[r]}, {@code ys[r]}), in
     * order; {@code usedX[r]}, {@code usedY[r]} get the slots each pair of run r reads. A run whose ANDs in each
     * column share one level goes in bulk (the column's order of levels is the same), one whose levels differ
     * as a repetition ({@link SumShape#addRepeated}); a run with a bit constant 1 pair by pair (the bit passed
     * on is an identified literal, named by its pair's index). Work in the number of runs, not of pairs.
     */
    SumForm addDotRuns(ElemClass[] xs, ElemClass[] ys, long[] counts, long scale, long[] usedX, long[] usedY) {
        long t = 0;
        for (int r = 0; r < xs.length; r++) {
            ElemClass x = xs[r], y = ys[r];
            long c = counts[r];
            if (passes(x) || passes(y)) for (long e = 0; e < c; e++) pair(x, y, scale, t + e, 1, r, usedX, usedY);
            else if (pastLong(scale, x.width() + y.width() - 2) && (c == 1 || columnLevelsUniform(x, y))) {
                pair(x, y, scale, t, c, r, usedX, usedY); // a weight past a long: pair()'s wide terms (it skips terms with a bit 0)
            } else if (pastLong(scale, topBit(x) + topBit(y))) {
                repeatedWide(x, y, scale, c, r, usedX, usedY);
            } else pairs(PairPattern.of(x, y, scale), c, r, usedX, usedY); // terms with a bit 0 past a long (d > 1, levels differ): skipped, as pair() skips them
            t += c;
        }
        return this;
    }

    /**
     * Whether a dot over pairs of these classes, in any number and order, lands every column's ANDs at one level
     * with no bit passed on: then the sum is the same whatever the order of its pairs, and pairs of equal classes
     * may be added as one run ({@link #addDotRuns}) wherever they stand (a causal row's terms by kind, not by position).
     */
    static boolean orderFree(ElemClass[] xs, ElemClass[] ys, long scale) {
        if (Long.bitCount(scale) != 1) return false; // a weight in several columns: literals get ids
        int[] lv = null;
        for (int r = 0; r < xs.length; r++) {
            ElemClass x = xs[r], y = ys[r];
            if (passes(x) || passes(y)) return false;
            if (lv == null) lv = noLevels(x.width() + y.width());
            if (x.width() + y.width() != lv.length || !sameColumnLevels(x, y, lv)) return false;
        }
        return true;
    }

    /** Whether some bit is constant 1 (an AND with it passes the other bit on, as the same node). */
    private static boolean passes(ElemClass c) {
        for (int k = 0; k < c.width(); k++) if (c.bit(k) == ElemClass.TRUE) return true;
        return false;
    }

    /** The highest bit of c that is not constant 0 (-1 if none): a pair's ANDs reach column topBit(x) + topBit(y) at most. */
    private static int topBit(ElemClass c) {
        for (int k = c.width() - 1; k >= 0; k--) if (c.bit(k) != ElemClass.FALSE) return k;
        return -1;
    }

    /** Whether the ANDs landing in each column share one level (then adding pairs in bulk keeps the columns' order of levels). */
    private static boolean columnLevelsUniform(ElemClass x, ElemClass y) {
        return sameColumnLevels(x, y, noLevels(x.width() + y.width()));
    }

    private static int[] noLevels(int columns) {
        int[] lv = new int[columns];
        Arrays.fill(lv, -1);
        return lv;
    }

    /** Records in {@code lv} the level of each column's ANDs of x and y; false if a column already holds another level. */
    private static boolean sameColumnLevels(ElemClass x, ElemClass y, int[] lv) {
        for (int i = 0; i < x.width(); i++) {
            for (int j = 0; j < y.width(); j++) {
                if (x.bit(i) < 0 || y.bit(j) < 0) continue;
                int l = Math.max(x.slotLevel(x.bit(i) >> 1), y.slotLevel(y.bit(j) >> 1)) + 1;
                if (lv[i + j] >= 0 && lv[i + j] != l) return false;
                lv[i + j] = l;
            }
        }
        return true;
    }

    /**
     * {@code d} pairs of classes (x, y), no bit constant 1, from their {@link PairPattern}, column by column
     * (columns are separate lists, so only the order within a column matters; with two ANDs or more the form has
     * two literals or more, so which comes last does not matter either): one pair's entries of the column, grouped
     * where weight and level repeat, d times, in one run where they share a level. Slots read go to
     * {@code usedX[u]}, {@code usedY[u]}.
     */
    private void pairs(PairPattern pp, long d, int u, long[] usedX, long[] usedY) {
        usedX[u] |= pp.usedX();
        usedY[u] |= pp.usedY();
        long[] ands = pp.andsPerLevel();
        for (int l = 1; l < ands.length; l++) extra.gates(Math.multiplyExact(ands[l], d), 2, l);
        if (pp.weights().length < 2) { // one AND or none: in order (with one literal, the shape's last one is the sole one)
            for (int k = 0; k < pp.weights().length; k++) shape.add(d, pp.weights()[k], pp.levels()[k]);
            return;
        }
        for (PairPattern.Column g : pp.columns()) {
            if (g.oneLevel()) { // the column's entries merge into one run: add each group d times at once
                for (int k = 0; k < g.weights().length; k++) shape.add(Math.multiplyExact(g.counts()[k], d), g.weights()[k], g.levels()[k]);
                continue;
            }
            shape.addRepeated(g.weights(), g.levels(), g.counts(), d); // as d times shape.add(c[k], w[k], lv[k]) for each k
        }
    }

    /**
     * {@link #pairs} where weights pass a long ({@code d} pairs whose ANDs in a column differ in level): per column
     * the pair's ANDs in the order PairPattern lists them, repeated d times ({@link SumShape#addRepeatedShifted}),
     * or in bulk where the column has one level. No bit constant 1 (checked by the caller).
     */
    private void repeatedWide(ElemClass x, ElemClass y, long scale, long d, int u, long[] usedX, long[] usedY) {
        WidePattern p = WIDE.computeIfAbsent(java.util.List.of((long) x.id, (long) y.id, scale), k -> WidePattern.of(x, y, scale));
        if (WIDE.size() > 1 << 12) WIDE.clear();
        usedX[u] |= p.usedX;
        usedY[u] |= p.usedY;
        for (int l = 1; l < p.ands.length; l++) extra.gates(Math.multiplyExact(p.ands[l], d), 2, l);
        for (int c = 0; c < p.sign.length; c++) {
            int k = p.sign[c].length;
            if (k == 0) continue;
            if (p.oneLevel[c]) for (int e = 0; e < k; e++) shape.addShifted(Math.multiplyExact(p.count[c][e], d), p.sign[c][e], c, p.level[c][e]);
            else shape.addRepeatedShifted(p.sign[c], c, p.level[c], p.count[c], d);
        }
    }

    private static final java.util.Map<java.util.List<Long>, WidePattern> WIDE = new java.util.concurrent.ConcurrentHashMap<>();

    /** One pair's ANDs per column for {@link #repeatedWide}: (signed scale, level, count) runs in PairPattern's order, ANDs per level, slots read. */
    private record WidePattern(long[][] sign, int[][] level, long[][] count, boolean[] oneLevel, long[] ands, long usedX, long usedY) {
        static WidePattern of(ElemClass x, ElemClass y, long scale) {
            int wx = x.width(), wy = y.width(), cols = wx + wy - 1;
            long[][] sign = new long[cols][wx];
            int[][] level = new int[cols][wx];
            long[][] count = new long[cols][wx];
            int[] size = new int[cols];
            long[] ands = new long[1];
            long ux = 0, uy = 0, all = 0;
            for (int i = 0; i < wx; i++) {
                for (int j = 0; j < wy; j++) {
                    int a = x.bit(i), b = y.bit(j);
                    if (a == ElemClass.FALSE || b == ElemClass.FALSE) continue;
                    ux |= 1L << (a >> 1);
                    uy |= 1L << (b >> 1);
                    int lv = Math.max(x.slotLevel(a >> 1), y.slotLevel(b >> 1)) + 1;
                    if (lv >= ands.length) ands = java.util.Arrays.copyOf(ands, lv + 1);
                    ands[lv]++;
                    all++;
                    long s = (i == wx - 1) != (j == wy - 1) ? -scale : scale;
                    int c = i + j, k = size[c];
                    if (k > 0 && sign[c][k - 1] == s && level[c][k - 1] == lv) { count[c][k - 1]++; continue; }
                    sign[c][k] = s;
                    level[c][k] = lv;
                    count[c][size[c]++] = 1;
                }
            }
            if (all < 2) throw new Unmodelled("a repeated pair of one AND past a long");
            boolean[] oneLevel = new boolean[cols];
            for (int c = 0; c < cols; c++) {
                int k = size[c];
                sign[c] = java.util.Arrays.copyOf(sign[c], k);
                level[c] = java.util.Arrays.copyOf(level[c], k);
                count[c] = java.util.Arrays.copyOf(count[c], k);
                oneLevel[c] = true;
                for (int e = 1; e < k; e++) oneLevel[c] &= level[c][e] == level[c][0];
            }
            return new WidePattern(sign, level, count, oneLevel, ands, ux, uy);
        }
    }

    /** {@code count} pairs of classes (x, y), the first pair number {@code t} (it names passed-on bits); slots read into index {@code u}. */
    private void pair(ElemClass x, ElemClass y, long scale, long t, long count, int u, long[] usedX, long[] usedY) {
        int wx = x.width(), wy = y.width();
        for (int i = 0; i < wx; i++) {
            for (int j = 0; j < wy; j++) {
                int a = x.bit(i), b = y.bit(j);
                if (a == ElemClass.FALSE || b == ElemClass.FALSE) continue;
                if (pastLong(scale, i + j)) { wideTerm(x, y, scale, i, j, count, u, usedX, usedY); continue; }
                long w = Multiply.partialWeight(scale, i, j, wx, wy);
                if (a == ElemClass.TRUE && b == ElemClass.TRUE) { shape.addConstant(w, count); continue; }
                if (a == ElemClass.TRUE) { usedY[u] |= 1L << (b >> 1); identified(2L * t + 1, b >> 1, (b & 1) != 0, w, y.slotLevel(b >> 1)); continue; }
                if (b == ElemClass.TRUE) { usedX[u] |= 1L << (a >> 1); identified(2L * t, a >> 1, (a & 1) != 0, w, x.slotLevel(a >> 1)); continue; }
                usedX[u] |= 1L << (a >> 1);
                usedY[u] |= 1L << (b >> 1);
                int lv = Math.max(x.slotLevel(a >> 1), y.slotLevel(b >> 1)) + 1;
                extra.gates(count, 2, lv);
                shape.add(count, w, lv);
            }
        }
    }

    /** Whether the weight {@code scale 2^e} of a partial product passes a long (the builder's weights: a 34 x 34-bit product at n = 2^20). */
    private static boolean pastLong(long scale, int e) {
        return 64 - Long.numberOfLeadingZeros(Math.abs(scale)) + e > 62;
    }

    /**
     * {@link #pair}'s term for bits i, j whose weight {@code ±scale 2^(i+j)} passes a long: a fresh AND placed by
     * the weight's bits moved up ({@link tc0.compiler.gadgets.SumShape#addShifted}, exact, wide), or the constant.
     * A bit passed on (an AND with a constant 1) would be an identified literal, whose weights are longs: not modelled.
     */
    private void wideTerm(ElemClass x, ElemClass y, long scale, int i, int j, long count, int u, long[] usedX, long[] usedY) {
        int a = x.bit(i), b = y.bit(j);
        long signed = (i == x.width() - 1) != (j == y.width() - 1) ? -scale : scale;
        if (a == ElemClass.TRUE && b == ElemClass.TRUE) {
            shape.addConstant(java.math.BigInteger.valueOf(signed).shiftLeft(i + j).multiply(java.math.BigInteger.valueOf(count)));
            return;
        }
        if (a == ElemClass.TRUE || b == ElemClass.TRUE) throw new Unmodelled("a bit passed on with a weight past a long");
        usedX[u] |= 1L << (a >> 1);
        usedY[u] |= 1L << (b >> 1);
        int lv = Math.max(x.slotLevel(a >> 1), y.slotLevel(b >> 1)) + 1;
        extra.gates(count, 2, lv);
        shape.addShifted(count, signed, i + j, lv);
    }

    /** Adds {@code weight * lit}, lit being slot {@code slot} of element {@code element} (negated or not), as an identified literal. */
    void identified(long element, int slot, boolean negated, long weight, int level) {
        long id = element * 64 + slot;
        if (id >= 1 << 30) throw new Unmodelled("too many identified literals");
        if (negated) { shape.addConstant(weight); weight = -weight; } // w (1 - x) = w - w x
        try {
            shape.addLiteral((int) id, weight, level);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new Unmodelled(e.getMessage());
        }
    }

    /** The sum's count and output class ({@code toFormat} shift and width, saturating, {@code rounds}). */
    Instance.Result close(int shift, int width, boolean saturate, int rounds, long[] usedSlots) {
        ClosedSum cs;
        try {
            cs = WeightedSum.closedSum(shape, shift, width, saturate, rounds);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new Unmodelled(e.getMessage());
        } finally {
            shape.release(); // a form is closed once
        }
        if (!cs.modelled()) throw new Unmodelled("the closed sum is not claimed exact here");
        Profile p = profile(cs);
        p.add(extra, 1);
        ElemClass out = outputClass(cs, width, -1, 0);
        // No gate at all: the output is constant and nothing reads the inputs.
        long[] used = p.gates() == 0 ? new long[usedSlots.length] : usedSlots;
        return new Instance.Result(p, new ElemClass[] {out}, used, false, true);
    }

    /**
     * The output class of a closed sum's {@code width} bits: each gate or comparator a slot at its level, the
     * saturation's shared HI and LO gates one slot each, a SOLE bit (the form's only literal passed through) the
     * operand's literal {@code sole} at {@code soleLevel}, or refused where {@code sole < 0}.
     */
    static ElemClass outputClass(ClosedSum cs, int width, int sole, int soleLevel) {
        int[] bits = new int[width];
        int[] levels = new int[width];
        int hiSlot = -1, loSlot = -1; // the slots of the shared saturation gates, once used
        int slots = 0;
        for (int b = 0; b < width; b++) {
            ClosedSum.Kind k = cs.bitKind()[b];
            switch (k) {
                case FALSE -> bits[b] = ElemClass.FALSE;
                case TRUE -> bits[b] = ElemClass.TRUE;
                case GATE, COMPARATOR -> { levels[slots] = cs.bitLevel()[b]; bits[b] = slots++ << 1 | (cs.bitNegated()[b] ? 1 : 0); }
                case HI, LO -> {
                    int s = k == ClosedSum.Kind.HI ? hiSlot : loSlot;
                    if (s < 0) {
                        s = slots++;
                        levels[s] = cs.bitLevel()[b];
                        if (k == ClosedSum.Kind.HI) hiSlot = s; else loSlot = s;
                    }
                    bits[b] = s << 1 | (cs.bitNegated()[b] ? 1 : 0);
                }
                case SOLE -> {
                    if (sole < 0) throw new Unmodelled("an output bit is the form's only literal");
                    levels[slots] = soleLevel;
                    bits[b] = slots++ << 1 | (sole & 1);
                }
            }
        }
        return ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots));
    }

    /** A closed sum's gates per level and wires (marked wide where the builder cannot build it). */
    static Profile profile(ClosedSum cs) {
        Profile p = new Profile();
        if (cs.wide()) p.markWide();
        long[] perLevel = cs.gatesPerLevel();
        // Wires spread over levels do not matter for the totals: put them with the first gate level.
        boolean first = true;
        for (int l = 1; l < perLevel.length; l++) {
            if (perLevel[l] == 0) continue;
            p.gates(perLevel[l], 0, l);
            if (first) {
                p.addWires(cs.wires());
                if (cs.wiresPast() != null) p.addWires(cs.wiresPast()); // a dot of 2^40 terms: past a long
                first = false;
            }
        }
        return p;
    }

    /** {@code WeightedSum.toFormat}'s shift and the factor the form is scaled by: {@code {shift, factor}}. */
    static long[] toFormat(int frac, tc0.compiler.numerics.FixedFormat out) {
        int shift = frac - out.fracBits();
        return shift < 0 ? new long[] {0, 1L << -shift} : new long[] {shift, 1};
    }

    /** The slots of a word that a sum over it reads: every variable slot (the saturation gates read them all). */
    static long variableSlots(ElemClass c) {
        return Usage.all(c);
    }
}
