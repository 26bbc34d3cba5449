package tc0.compiler.gadgets;

import java.math.BigInteger;

/**
 * The exact cost of {@link WeightedSum#build} computed over column heights instead of gates: the same
 * compression rounds, group sizes and final stage, with the column contents kept as runs
 * ({@link SumShape}). Time: O(rounds * top^2 * runs per column) plus the identified literals, independent of
 * the number of terms for forms whose weights are powers of two. Also reports, per output bit, whether it is
 * a constant and the level of its node, so gadgets can compose.
 */
final class SumCount {
    long gates;
    long wires;
    /** Wires past a long, beyond {@link #wires} (a dot of 2^40 terms); null while none. */
    java.math.BigInteger wiresPast;
    int depth;
    /** Per output bit: -1 a constant, else the level of its node (0 for an input literal). */
    int[] bitLevel;
    /** Gates per level. */
    long[] perLevel = new long[8];
    /** Per output bit: what it is ({@link ClosedSum.Kind}), and whether that node enters inverted. */
    ClosedSum.Kind[] bitKind;
    boolean[] bitNegated;
    /**
     * False where the builder would drop some counted gate (a combining gate that folds over comparators, a
     * column no comparator reads) or the form has at most one literal: then the count here is not claimed
     * equal to the live circuit.
     */
    boolean modelled = true;
    /** Whether the gates and wires are exact even where {@link #modelled} is false for SOLE bits only (a bit that is its column's one entry). */
    boolean countExact = true;
    /**
     * Whether the form's constant, the sum of its weights or a saturation threshold passes a long: counted
     * exactly all the same (the gates do not depend on it), but tc0's builder cannot build this sum.
     */
    boolean wide;

    private SumCount() {}

    static SumCount of(SumShape shape, int shift, int width, boolean saturate, int rounds) {
        return of(shape, shift, width, saturate, rounds, true);
    }

    /** {@link #of} with every round written out run by run (no {@link #lastTwoRounds}): what the fast path is checked against. */
    static SumCount runByRun(SumShape shape, int shift, int width, boolean saturate, int rounds) {
        return of(shape, shift, width, saturate, rounds, false);
    }

    private static SumCount of(SumShape shape, int shift, int width, boolean saturate, int rounds, boolean byHeights) {
        if (shift < 0 || width < 1 || rounds < 0) throw new IllegalArgumentException("shift " + shift + ", width " + width + ", rounds " + rounds);
        int top = shift + width;
        if (top > MAX_TOP) throw new IllegalArgumentException("shift + width = " + top + " exceeds " + MAX_TOP + " bits");
        SumCount r = new SumCount();
        r.perLevel = new long[shape.maxLevel + 2 * rounds + 4]; // every level made here (the shape's top, two a round, the final two)
        if (shape.distinct <= 1) return r.simulateSole(shape, shift, width, saturate, rounds);
        // Past the builder's 61 bits (WeightedSum.build refuses it) the same construction is counted over exact values.
        boolean beyond = top > BUILT_TOP;
        long half = shift > 0 && !beyond ? 1L << (shift - 1) : 0;
        long constant = 0;
        BigInteger wideConstant = null;
        // Saturation gates over the whole form: a gate unless constant (two or more distinct literals).
        int hiKind = 0, loKind = 0; // -1 false, 1 true, 2 gate (lo already inverted)
        int satLevel = shape.maxLevel + 1;
        long bound = beyond ? 0 : 1L << (width - 1 + shift);
        long c = shape.constant, hiThr = 0, loThr = 0;
        r.wide = shape.wide() || beyond;
        boolean longs = shape.longs() && !beyond;
        if (longs) { // the common case: every number fits a long, as in the builder
            try {
                Math.addExact(c, half);
                if (saturate) {
                    hiThr = Math.subtractExact(Math.subtractExact(bound, c), half);
                    loThr = Math.subtractExact(Math.subtractExact(-bound, c), half);
                }
            } catch (ArithmeticException e) {
                longs = false;
            }
        }
        if (longs) {
            constant = Math.floorMod(c + half, 1L << top);
            if (saturate) {
                hiKind = r.satGate(shape, hiThr);
                int g = r.satGate(shape, loThr);
                loKind = g == 2 ? 2 : -g;
            }
        } else { // the same decisions over exact values; wide where the builder's c + half or a threshold (or its first step) passes a long
            BigInteger cb = shape.constantExact();
            BigInteger hb = shift > 0 ? BigInteger.ONE.shiftLeft(shift - 1) : BigInteger.ZERO, bb = BigInteger.ONE.shiftLeft(width - 1 + shift);
            BigInteger hiStep = bb.subtract(cb), loStep = bb.negate().subtract(cb), hiThrB = hiStep.subtract(hb), loThrB = loStep.subtract(hb);
            if (cb.add(hb).bitLength() > 63) r.wide = true;
            if (saturate && Math.max(Math.max(hiStep.bitLength(), loStep.bitLength()), Math.max(hiThrB.bitLength(), loThrB.bitLength())) > 63) r.wide = true;
            BigInteger low = cb.add(hb).mod(BigInteger.ONE.shiftLeft(top));
            if (beyond) wideConstant = low; else constant = low.longValueExact();
            if (saturate) {
                hiKind = r.satGate(shape, hiThrB);
                int g = r.satGate(shape, loThrB);
                loKind = g == 2 ? 2 : -g;
            }
        }
        // Round 1 reads the shape's columns; later rounds alternate between two scratch sets.
        Scratch sc = SCRATCH.get();
        Runs[] cols = sc.shape;
        for (int j = 0; j < top; j++) cols[j] = j < shape.ncols ? shape.column(j, rounds, sc.pending[j]) : Scratch.EMPTY;
        for (int k = 0; k < rounds; k++) {
            Runs[] next = cols == sc.a ? sc.b : sc.a;
            if (byHeights && rounds - k == 2 && anonymous(cols, top)) { // the last two rounds, the last one over column heights
                r.lastTwoRounds(cols, next, top, sc);
                cols = next;
                break;
            }
            r.compress(cols, next, rounds - k, top);
            cols = next;
        }
        if (wideConstant == null && columnSumsPastLong(cols, top, constant)) { // the builder's final stage overflows: count over exact values
            wideConstant = BigInteger.valueOf(constant);
            r.wide = true;
        }
        r.finalStage(cols, shift, width, constant, wideConstant, hiKind, loKind, satLevel, sc);
        return r;
    }

    /** Whether the final stage's column sums ({@code sum h_j 2^j}, plus the constant's low bits) pass a long. */
    private static boolean columnSumsPastLong(Runs[] cols, int top, long constant) {
        long v = constant; // 0 <= constant < 2^top
        for (int j = 0; j < top; j++) {
            long h = 0;
            for (int q = 0; q < cols[j].size; q++) h += cols[j].count[q];
            if (h == 0) continue;
            if (64 - Long.numberOfLeadingZeros(h) + j > 61) return true;
            v += h << j;
            if (v >>> 62 != 0) return true;
        }
        return false;
    }

    /** The widest {@code shift + width} tc0's builder builds ({@link WeightedSum#build}), and the widest counted. */
    static final int BUILT_TOP = 61, MAX_TOP = 126;

    /** Per-thread columns for the compression rounds, reused so that counting many sums allocates nothing per run. */
    private static final class Scratch {
        static final Runs EMPTY = new Runs();
        final Runs[] a = new Runs[MAX_TOP], b = new Runs[MAX_TOP], shape = new Runs[MAX_TOP], pending = new Runs[MAX_TOP];
        /** The middle columns of {@link #lastTwoRounds}: heights and highest levels. */
        final long[] height = new long[MAX_TOP];
        final int[] top = new int[MAX_TOP];
        /** The final stage's columns beside {@link #height} and {@link #top}: fresh literals, last levels. */
        final long[] fresh = new long[MAX_TOP];
        final int[] last = new int[MAX_TOP];
        final LongIntMap seen = new LongIntMap();
        final FinalStage stage = new FinalStage();

        Scratch() {
            for (int j = 0; j < MAX_TOP; j++) { a[j] = new Runs(); b[j] = new Runs(); pending[j] = new Runs(); }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    Cost cost() {
        if (wiresPast != null) throw new ArithmeticException("a sum's wires exceed what a long holds");
        return new Cost(depth, gates, wires);
    }

    private void gate(long count, long fanIn, int level) {
        if (count == 0) return;
        if (level >= perLevel.length) perLevel = java.util.Arrays.copyOf(perLevel, Math.max(level + 1, perLevel.length * 2));
        perLevel[level] = Math.addExact(perLevel[level], count);
        gates = Math.addExact(gates, count);
        addWires(count, fanIn);
        depth = Math.max(depth, level);
    }

    /** Adds {@code count x fanIn} wires, past a long into {@link #wiresPast}. */
    private void addWires(long count, long fanIn) {
        long s = wiresPlus(wires, count, fanIn);
        if (s >= 0) wires = s;
        else wiresPast = pastPlus(wiresPast, count, fanIn);
    }

    /** {@code wires + count x fanIn} (all >= 0) where that fits a long, else -1: the caller then adds {@link #pastPlus}. */
    static long wiresPlus(long wires, long count, long fanIn) {
        long hi = Math.multiplyHigh(count, fanIn), lo = count * fanIn;
        if (hi != 0 || lo < 0) return -1;
        long s = wires + lo;
        return s >= 0 ? s : -1;
    }

    /** {@code past + count x fanIn} exactly, past null read as 0: the wires that did not fit a long. */
    static java.math.BigInteger pastPlus(java.math.BigInteger past, long count, long fanIn) {
        java.math.BigInteger w = java.math.BigInteger.valueOf(count).multiply(java.math.BigInteger.valueOf(fanIn));
        return past == null ? w : past.add(w);
    }

    private int satGate(SumShape shape, long thr) {
        if (0 >= thr) return 1;
        if (shape.umax < thr) return -1;
        gate(1, shape.distinct, shape.maxLevel + 1);
        return 2;
    }

    /** {@link #satGate(SumShape, long)} over exact values. */
    private int satGate(SumShape shape, BigInteger thr) {
        if (thr.signum() <= 0) return 1;
        if (shape.umaxExact().compareTo(thr) < 0) return -1;
        gate(1, shape.distinct, shape.maxLevel + 1);
        return 2;
    }

    /** Whether no entry of columns {@code 0 .. top - 1} is an identified literal. */
    private static boolean anonymous(Runs[] cols, int top) {
        for (int j = 0; j < top; j++) for (int q = 0; q < cols[j].size; q++) if (cols[j].first[q] >= 0) return false;
        return true;
    }

    /**
     * The round before the last, then the last, into {@code out}, for columns of anonymous entries. The last round
     * takes each column of two or more entries as one group ({@link #groupSize} with one round left is the
     * height), at the highest level in it, and copies a column of one entry: so what it needs of the round
     * before is each column's height and highest level, not its runs ({@code sc.height}, {@code sc.top}). The
     * same groups and gates as two {@link #compress} rounds, without writing the middle columns out run by run.
     */
    private void lastTwoRounds(Runs[] cols, Runs[] out, int top, Scratch sc) {
        dh = sc.height;
        dmax = sc.top;
        java.util.Arrays.fill(dh, 0, top, 0);
        dense = true;
        try {
            compress(cols, null, 2, top);
        } finally {
            dense = false;
        }
        for (int j = 0; j < top; j++) out[j].clear();
        for (int j = 0; j < top; j++) {
            long h = dh[j];
            if (h == 0) continue;
            if (h == 1) { out[j].append(1, dmax[j], SumShape.ANON); continue; }
            emitGroups(1, h, dmax[j], j, top, out);
        }
    }

    /** While {@link #lastTwoRounds} runs its first round: its output as heights and highest levels per column. */
    private boolean dense;
    private long[] dh;
    private int[] dmax;

    /** {@code q} anonymous entries at {@code level} into column {@code j} of the next round. */
    private void put(Runs[] next, int j, long q, int level) {
        if (!dense) { next[j].append(q, level, SumShape.ANON); return; }
        if (q == 0) return;
        if (dh[j] == 0 || level > dmax[j]) dmax[j] = level;
        dh[j] += q;
    }

    /** One compression round from {@code cols} into {@code next} (cleared first). */
    private void compress(Runs[] cols, Runs[] next, int roundsLeft, int top) {
        if (!dense) for (int j = 0; j < top; j++) next[j].clear();
        for (int j = 0; j < top; j++) {
            Runs col = cols[j];
            long h = col.height();
            if (h <= 1) {
                if (dense) { if (h == 1) put(next, j, 1, col.level[0]); } else copy(col, 0, 0, h, next[j]);
                continue;
            }
            // past an int's bits (tensor attention's n^2-term dots): the same cut
            long groups = ColumnCut.groups(h, roundsLeft), base = ColumnCut.base(h, groups), extra = ColumnCut.extra(h, groups);
            cur = col;
            ri = 0;
            off = 0;
            groupSegment(base + 1, extra, j, top, next);
            groupSegment(base, groups - extra, j, top, next);
        }
    }

    /** {@link WeightedSum}'s group size for a column of h >= 2 bits with {@code roundsLeft} rounds to go (same expression), tabled for small h. */
    /** {@link #groupSize(int, int)} of a column past an int's bits (a count only: the builder lists a column in an int array). */
    static long groupSize(long h, int roundsLeft) {
        if (h <= Integer.MAX_VALUE) return groupSize((int) h, roundsLeft);
        return Math.min(h, Math.max(2, (long) Math.ceil(Math.pow(h, 1.0 / roundsLeft) - 1e-9)));
    }

    static int groupSize(int h, int roundsLeft) {
        if (h < GROUP_TABLE_H && roundsLeft < GROUP_TABLE_ROUNDS) {
            int[] t = GROUP_TABLE[roundsLeft];
            int g = t[h];
            if (g == 0) t[h] = g = Math.min(h, Math.max(2, (int) Math.ceil(Math.pow(h, 1.0 / roundsLeft) - 1e-9)));
            return g;
        }
        return Math.min(h, Math.max(2, (int) Math.ceil(Math.pow(h, 1.0 / roundsLeft) - 1e-9)));
    }

    private static final int GROUP_TABLE_H = 1 << 12, GROUP_TABLE_ROUNDS = 8;
    /** Filled on first use (racy but idempotent: every thread writes the same value). */
    private static final int[][] GROUP_TABLE = new int[GROUP_TABLE_ROUNDS][GROUP_TABLE_H];

    /** The read position in the column being grouped: run {@code ri}, {@code off} entries of it taken. */
    private Runs cur;
    private int ri;
    private long off;

    private long left() { return cur.count[ri] - off; }

    private void advance(long n) {
        off += n;
        while (ri < cur.size && off == cur.count[ri]) { ri++; off = 0; }
    }

    /** {@code q} entries of run {@code r} from its entry {@code off} on, identities kept, appended to {@code to}. */
    private static void copy(Runs from, int r, long off, long q, Runs to) {
        while (q > 0) {
            long take = Math.min(q, from.count[r] - off);
            if (from.first[r] < 0) to.append(take, from.level[r], SumShape.ANON);
            else to.appendIds(from.ids, from.first[r] + (int) off, (int) take, from.level[r]);
            q -= take;
            r++;
            off = 0;
        }
    }

    private void groupSegment(long s, long n, int j, int top, Runs[] next) {
        Runs runs = cur;
        while (n > 0) {
            long left = left();
            if (s == 1) {
                long q = Math.min(n, left);
                if (dense) put(next, j, q, runs.level[ri]); else copy(runs, ri, off, q, next[j]);
                advance(q);
                n -= q;
            } else if (left >= s) {
                long q = Math.min(n, left / s);
                emitGroups(q, s, runs.level[ri], j, top, next);
                advance(q * s);
                n -= q;
            } else {
                int level = 0;
                long need = s;
                while (need > 0) {
                    long take = Math.min(need, left());
                    level = Math.max(level, runs.level[ri]);
                    advance(take);
                    need -= take;
                }
                emitGroups(1, s, level, j, top, next);
                n -= 1;
            }
        }
    }

    /** q groups of s >= 2 bits at input level L: the s gates [count >= t], then one gate per bit that changes more than once. */
    private void emitGroups(long q, long s, int level, int j, int top, Runs[] next) {
        anyGroupGates = true;
        gate(Math.multiplyExact(q, s), s, level + 1);
        int nb = Math.min(top - j, 64 - Long.numberOfLeadingZeros(s));
        long bitGates = 0, fanIn = 0; // the bit gates of one group: one per bit whose count changes twice or more
        for (int l = 0; l < nb; l++) {
            long changes = s >> l;
            if (changes >= 2) {
                bitGates++;
                fanIn += changes;
                put(next, j + l, q, level + 2);
            } else {
                put(next, j + l, q, level + 1);
            }
        }
        if (bitGates > 0) { // q groups' bit gates at one level: gates and wires in one step
            gate(Math.multiplyExact(q, bitGates), 0, level + 2);
            addWires(q, fanIn);
        }
    }

    /**
     * The final stage ({@link FinalStage}) over the last round's runs; {@code wideConstant} non-null (then
     * {@code constant} unused) when {@code shift + width} is past {@link #BUILT_TOP} or the column sums pass a
     * long. A comparator's fan-in counts distinct literals: an identified literal met in a lower column is not
     * fresh again.
     */
    private void finalStage(Runs[] cols, int shift, int width, long constant, BigInteger wideConstant, int hiKind, int loKind, int satLevel,
            Scratch sc) {
        int top = shift + width;
        long[] height = sc.height, fresh = sc.fresh;
        int[] maxLevel = sc.top, lastLevel = sc.last;
        LongIntMap seen = sc.seen;
        seen.clear();
        for (int j = 0; j < top; j++) {
            Runs col = cols[j];
            long h = 0, f = 0;
            int mx = 0;
            for (int q = 0; q < col.size; q++) {
                h += col.count[q];
                mx = Math.max(mx, col.level[q]);
                if (col.first[q] < 0) f += col.count[q];
                else for (int k = 0; k < col.count[q]; k++) if (seen.putIfAbsent(col.ids[col.first[q] + k], 1, 0) == 0) f++;
            }
            height[j] = h;
            fresh[j] = f;
            maxLevel[j] = mx;
            lastLevel[j] = col.size > 0 ? col.level[col.size - 1] : 0;
        }
        long lo = wideConstant == null ? constant : wideConstant.longValue(), hi = wideConstant == null ? 0 : wideConstant.shiftRight(64).longValue();
        FinalStage st = sc.stage.run(perLevel, height, fresh, maxLevel, lastLevel, shift, width, lo, hi, hiKind, loKind, satLevel, anyGroupGates);
        perLevel = st.perLevel;
        gates = Math.addExact(gates, st.gates);
        addWires(st.wires, 1);
        if (st.wiresPast != null) wiresPast = wiresPast == null ? st.wiresPast : wiresPast.add(st.wiresPast);
        if (st.gates > 0) depth = Math.max(depth, st.depth);
        bitLevel = st.bitLevel;
        bitKind = st.bitKind;
        bitNegated = st.bitNegated;
        modelled &= st.modelled;
        countExact &= st.countExact;
    }

    /** Whether compression made any gate (whose outputs the final stage must read). */
    private boolean anyGroupGates;

    /** A form with at most one distinct literal: count it on a CountingNet (a handful of gates). */
    private SumCount simulateSole(SumShape shape, int shift, int width, boolean saturate, int rounds) {
        modelled = false;
        countExact = false;
        if (!shape.longs() || shape.soleOverflow) throw new ArithmeticException("a weighted sum with one literal whose weight or constant passes a long");
        CountingNet net = new CountingNet();
        LinearForm f = new LinearForm();
        long c = shape.constant;
        if (shape.distinct == 1) {
            int x = net.input(1)[0];
            long w = shape.soleWeight;
            f.add(x, w);
            if (w < 0) c -= w; // the shape's constant already holds the inversion's share
        }
        f.addConstant(c);
        int[] out = WeightedSum.build(net, f, shift, width, saturate, rounds);
        Cost k = net.cost();
        gates = k.gates();
        wires = k.wires();
        depth = k.depth() == 0 ? 0 : k.depth() + (shape.distinct == 1 ? shape.soleLevel : 0);
        bitLevel = new int[width];
        for (int i = 0; i < width; i++) {
            int lit = out[i];
            bitLevel[i] = tc0.circuits.Literal.isConstant(lit) ? -1 : net.level(lit) + (shape.distinct == 1 ? shape.soleLevel : 0);
        }
        return this;
    }
}
