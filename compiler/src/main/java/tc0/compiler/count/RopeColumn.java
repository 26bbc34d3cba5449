package tc0.compiler.count;

import tc0.compiler.gadgets.Rope;
import tc0.compiler.numerics.FixedFormat;

/**
 * One pair index of a RoPE node over every row, counted at once: per row the pair's two closed sums
 * ({@link RopeCount#closed}'s result) kept in primitive arrays -- two output class ids, gates per level, wires,
 * whether the row reads its words -- not a {@code Profile} and an {@code Instance.Result} a row. Any set of rows
 * (a row group of one node; the count's RoPE nodes group their rows differently) is then summed from the arrays
 * ({@link #sum}), so each row is counted once per count, whatever the grouping, and only once some node sums
 * it. Where both words are plain the rows by heights come from a {@link RopePlainRows} shared with every column of
 * plain words over the same codes (moved up to this column's level; where a top bit sits lower, only the rows its
 * low-top bits allow); a row the heights do not count is counted from its forms and kept as its result; a row
 * without a closed form is marked (ids -1) for the caller to run the gadget.
 */
final class RopeColumn {
    /** Per row: the two sums' output class ids, -1 where the row has no closed form. */
    final int[] out;
    /** Per row: 0, 1 by heights (its figures in {@link #plain}: 0 reads nothing, 1 reads every slot of both words), 2 a result in {@link #others}, 3 no closed form, -1 not counted yet. */
    private final byte[] kind;
    private final java.util.Map<Integer, Instance.Result> others;
    private final long[] all;
    /** The rows by heights at level 0, null where the words are not plain (every row then from its forms). */
    private final RopePlainRows plain;
    /** The words' level (the plain rows move up by it) and the low-top bit their rows need ({@link Rope#X_LOW} ..., 0 none). */
    private final int level, lowBit;
    private final LiftedIds liftedIds;

    private final ElemClass[] base;
    private final long[] coef;
    private final int pairs, j, frac, rounds;
    private final FixedFormat outFmt;

    private RopeColumn(ElemClass[] base, long[] coef, int pairs, int j, int n, FixedFormat fx, FixedFormat fc, FixedFormat outFmt, int rounds,
            RopePlainRows plain) {
        out = new int[2 * n];
        kind = new byte[n];
        java.util.Arrays.fill(kind, NOT_YET);
        others = new java.util.concurrent.ConcurrentHashMap<>();
        all = new long[] {Usage.all(base[0]), Usage.all(base[1])};
        this.plain = plain;
        int lv = RopeCount.plainLevel(base[0]);
        level = Math.max(0, lv);
        liftedIds = new LiftedIds(level);
        boolean xLow = plain != null && RopeCount.topLow(base[0]), yLow = plain != null && RopeCount.topLow(base[1]);
        lowBit = xLow && yLow ? Rope.BOTH_LOW : xLow ? Rope.X_LOW : yLow ? Rope.Y_LOW : 0;
        this.base = base;
        this.coef = coef;
        this.pairs = pairs;
        this.j = j;
        this.frac = fx.fracBits() + fc.fracBits();
        this.outFmt = outFmt;
        this.rounds = rounds;
    }

    /** {@link #kind} of a row not counted yet. */
    private static final byte NOT_YET = -1;

    /** The summed figures of some rows: their profiles added, the slots every one of them reads, whether any closed. */
    record Sum(Profile profile, long[] read, boolean anyClosed) {}

    /** The width of a plain pair's words ({@link RopeCount#plainLevel}: both plain at one level, one width), -1 where not plain. */
    static int plainWidth(ElemClass[] base) {
        int lv = RopeCount.plainLevel(base[0]);
        return lv >= 0 && lv == RopeCount.plainLevel(base[1]) && base[0].width() == base[1].width() ? base[0].width() : -1;
    }

    /**
     * The column of pair j over rows 0 .. n - 1, row i's coefficients {@code coef[(i * pairs + j) * 2 + {0, 1}]};
     * rows are counted when first summed ({@link #sum}), each once; plain words get plain rows of their own.
     */
    static RopeColumn of(ElemClass[] base, long[] coef, int pairs, int j, int n, FixedFormat fx, FixedFormat fc, FixedFormat outFmt, int rounds) {
        int w = plainWidth(base);
        return of(base, coef, pairs, j, n, fx, fc, outFmt, rounds, w < 0 ? null : RopePlainRows.of(coef, pairs, j, n, w, fx, fc, outFmt, rounds));
    }

    /** As above, the rows by heights from {@code plain} (over the same codes, pair, formats and the words' width; null where not plain). */
    static RopeColumn of(ElemClass[] base, long[] coef, int pairs, int j, int n, FixedFormat fx, FixedFormat fc, FixedFormat outFmt, int rounds,
            RopePlainRows plain) {
        if ((plain != null) != (plainWidth(base) >= 0)) throw new IllegalArgumentException("plain rows for plain words only");
        return new RopeColumn(base, coef, pairs, j, n, fx, fc, outFmt, rounds, plain);
    }

    /** Counts the rows of {@code rows} (null: every row) not counted yet, in parallel chunks. */
    private void ensure(int[] rows) {
        if (plain != null) plain.ensure(rows);
        int m = rows == null ? kind.length : rows.length;
        int chunks = Math.max(1, Math.min(256, m / 4096));
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(q -> {
            long from = (long) m * q / chunks, to = (long) m * (q + 1) / chunks;
            for (int t = (int) from; t < to; t++) {
                int i = rows == null ? t : rows[t];
                if (kind[i] == NOT_YET) row(i);
            }
        });
    }

    /** Row i: from the plain rows where they count it for these words, else from its forms. */
    private void row(int i) {
        if (plain != null) {
            byte pk = plain.kind[i];
            boolean same = pk != 2 && (lowBit == 0 || (plain.lowTops(i) & lowBit) != 0);
            if (same && (pk == 0 || pk == 1)) {
                out[2 * i] = lifted(plain.out[2 * i]);
                out[2 * i + 1] = lifted(plain.out[2 * i + 1]);
                kind[i] = pk;
                return;
            }
            if (same && pk == 3) { none(i); return; } // RopeCount.result refuses it
        }
        int at = i * pairs + j;
        Instance.Result r;
        try {
            r = RopeCount.closed(base, coef[2 * at], coef[2 * at + 1], frac, outFmt, rounds);
        } catch (SumForm.Unmodelled u) {
            none(i);
            return;
        }
        others.put(i, r);
        out[2 * i] = r.out()[0].id;
        out[2 * i + 1] = r.out()[1].id;
        kind[i] = 2;
    }

    private void none(int i) {
        out[2 * i] = out[2 * i + 1] = -1;
        kind[i] = 3;
    }

    /** A level-0 class id moved up to this column's level. */
    private int lifted(int id) {
        return liftedIds.of(id);
    }

    /** The rows {@code rows} (null: every row) summed, counted first where not yet; their ids in {@link #out} from then on. */
    Sum sum(int[] rows) {
        ensure(rows);
        int n = kind.length, m = rows == null ? n : rows.length, L = RopePlainRows.LEVELS;
        long[] acc = new long[level + L];
        long w = 0;
        Profile p = new Profile();
        boolean reads = true, any = false, byHeights = false;
        long[] read = {-1L, -1L};
        for (int t = 0; t < m; t++) {
            int i = rows == null ? t : rows[t];
            switch (kind[i]) {
                case 0, 1 -> {
                    for (int l = 1, at = i * L; l < L; l++) acc[level + l] += plain.gates[at + l];
                    w = Math.addExact(w, plain.wires[i]);
                    reads &= kind[i] == 1;
                    byHeights = any = true;
                }
                case 2 -> {
                    Instance.Result r = others.get(i);
                    p.add(r.profile(), 1);
                    read[0] &= r.usedSlots()[0];
                    read[1] &= r.usedSlots()[1];
                    any = true;
                }
                default -> { }
            }
        }
        for (int l = 1; l < acc.length; l++) p.gates(acc[l], 0, l); // at most 2^31 rows of under 2^31 gates: a long
        p.addWires(w);
        if (byHeights) { // such a row reads every slot of both words, or none
            read[0] &= reads ? all[0] : 0;
            read[1] &= reads ? all[1] : 0;
        }
        return new Sum(p, read, any);
    }
}
