package tc0.compiler.count;

import tc0.compiler.gadgets.ClosedSum;
import tc0.compiler.gadgets.Rope;
import tc0.compiler.numerics.FixedFormat;

/**
 * One pair index of a RoPE node over every row, counted at once: per row the pair's two closed sums
 * ({@link RopeCount#closed}'s result) kept in primitive arrays -- two output class ids, gates per level, wires,
 * whether the row reads its words -- not a {@code Profile} and an {@code Instance.Result} a row. Any set of rows
 * (a row group of one node; the count's RoPE nodes group their rows differently) is then summed from the arrays
 * ({@link #sum}), so each row is counted once per count, whatever the grouping, and only once some node sums
 * it. Rows are counted in parallel chunks; a row the heights do not count is counted from its forms and kept as its result; a row without a
 * closed form is marked (ids -1) for the caller to run the gadget.
 */
final class RopeColumn {
    /** Per row: the two sums' output class ids at level 0, -1 where the row has no closed form. */
    final int[] out;
    private final int levels;
    /** Per row, levels 0 .. levels - 1: both sums' gates at the level. */
    private final int[] gates;
    private final long[] wires;
    /** Per row: 0 reads nothing (no gate, or both codes 0), 1 reads every slot of both words, 2 a result in {@link #others}, 3 no closed form, -1 not counted yet. */
    private final byte[] kind;
    private final java.util.Map<Integer, Instance.Result> others;
    private final long[] all;

    private final Rows how;
    private final long[] coef;
    private final int pairs, j;

    private RopeColumn(int n, Rows how, long[] coef, int pairs, int j) {
        out = new int[2 * n];
        levels = how.level + 8;
        gates = new int[n * levels];
        wires = new long[n];
        kind = new byte[n];
        java.util.Arrays.fill(kind, NOT_YET);
        others = new java.util.concurrent.ConcurrentHashMap<>();
        all = how.all;
        this.how = how;
        this.coef = coef;
        this.pairs = pairs;
        this.j = j;
    }

    /** {@link #kind} of a row not counted yet. */
    private static final byte NOT_YET = -1;

    /** The summed figures of some rows: their profiles added, the slots every one of them reads, whether any closed. */
    record Sum(Profile profile, long[] read, boolean anyClosed) {}

    /**
     * The column of pair j over rows 0 .. n - 1, row i's coefficients {@code coef[(i * pairs + j) * 2 + {0, 1}]};
     * rows are counted when first summed ({@link #sum}), each once.
     */
    static RopeColumn of(ElemClass[] base, long[] coef, int pairs, int j, int n, FixedFormat fx, FixedFormat fc, FixedFormat outFmt, int rounds) {
        return new RopeColumn(n, new Rows(base, fx, fc, outFmt, rounds), coef, pairs, j);
    }

    /** Counts the rows of {@code rows} (null: every row) not counted yet, in parallel chunks. */
    private void ensure(int[] rows) {
        int m = rows == null ? kind.length : rows.length;
        int chunks = Math.max(1, Math.min(256, m / 4096));
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(q -> {
            long from = (long) m * q / chunks, to = (long) m * (q + 1) / chunks;
            for (int t = (int) from; t < to; t++) {
                int i = rows == null ? t : rows[t];
                if (kind[i] != NOT_YET) continue;
                int at = i * pairs + j;
                how.row(this, i, coef[2 * at], coef[2 * at + 1]);
            }
        });
    }

    /** The rows {@code rows} (null: every row) summed, counted first where not yet; their ids in {@link #out} from then on. */
    Sum sum(int[] rows) {
        ensure(rows);
        int n = kind.length, m = rows == null ? n : rows.length;
        long[] acc = new long[levels];
        long w = 0;
        Profile p = new Profile();
        boolean reads = true, any = false, byHeights = false;
        long[] read = {-1L, -1L};
        for (int t = 0; t < m; t++) {
            int i = rows == null ? t : rows[t];
            switch (kind[i]) {
                case 0, 1 -> {
                    for (int l = 1, at = i * levels; l < levels; l++) acc[l] += gates[at + l];
                    w = Math.addExact(w, wires[i]);
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
        for (int l = 1; l < levels; l++) p.gates(acc[l], 0, l); // at most 2^31 rows of under 2^31 gates: a long
        p.addWires(w);
        if (byHeights) { // such a row reads every slot of both words, or none
            read[0] &= reads ? all[0] : 0;
            read[1] &= reads ? all[1] : 0;
        }
        return new Sum(p, read, any);
    }

    /** How a row is counted: the formats and the base pair's words. */
    private static final class Rows {
        final ElemClass[] base;
        final FixedFormat outFmt;
        final int rounds, level, w, shift, width, frac;
        final long factor;
        final boolean plain, xLow, yLow;
        final long[] all;

        Rows(ElemClass[] base, FixedFormat fx, FixedFormat fc, FixedFormat outFmt, int rounds) {
            this.base = base;
            this.outFmt = outFmt;
            this.rounds = rounds;
            frac = fx.fracBits() + fc.fracBits();
            long[] sh = SumForm.toFormat(frac, outFmt);
            shift = (int) sh[0];
            factor = sh[1];
            width = outFmt.width();
            int lv = RopeCount.plainLevel(base[0]);
            w = base[0].width();
            plain = lv >= 0 && lv == RopeCount.plainLevel(base[1]) && base[0].width() == base[1].width();
            level = Math.max(0, lv);
            xLow = plain && RopeCount.topLow(base[0]);
            yLow = plain && RopeCount.topLow(base[1]);
            all = new long[] {Usage.all(base[0]), Usage.all(base[1])};
        }

        /** Row i with codes (c, s) into the column. */
        void row(RopeColumn col, int i, long c, long s) {
            ClosedSum[] cs = plain ? Rope.pairSums(c * factor, s * factor, w, level, xLow, yLow, shift, width, rounds) : null;
            if (cs == null || cs[0].wide() || cs[1].wide()) { other(col, i, c, s); return; }
            if (!cs[0].modelled() || !cs[1].modelled()) { none(col, i); return; } // RopeCount.result refuses it
            int L = col.levels, at = i * L;
            long wires = 0;
            boolean made = false;
            for (int o = 0; o < 2; o++) {
                long[] g = cs[o].gatesPerLevel();
                boolean here = false;
                for (int l = 1; l < g.length; l++) {
                    if (g[l] == 0) continue;
                    if (l >= L || col.gates[at + l] + g[l] > Integer.MAX_VALUE) { // past the row's arrays: kept as a result
                        java.util.Arrays.fill(col.gates, at, at + L, 0);
                        other(col, i, c, s);
                        return;
                    }
                    col.gates[at + l] += (int) g[l];
                    here = true;
                }
                if (here) wires = Math.addExact(wires, cs[o].wires());
                made |= here;
                col.out[2 * i + o] = SumForm.outputClass(cs[o], width, -1, 0).id;
            }
            col.wires[i] = wires;
            col.kind[i] = (byte) (made && (c != 0 || s != 0) ? 1 : 0);
        }

        /** A row the heights do not count: {@link RopeCount#closed} over its forms, or marked for the gadget. */
        private void other(RopeColumn col, int i, long c, long s) {
            Instance.Result r;
            try {
                r = RopeCount.closed(base, c, s, frac, outFmt, rounds);
            } catch (SumForm.Unmodelled u) {
                none(col, i);
                return;
            }
            col.others.put(i, r);
            col.kind[i] = 2;
            col.out[2 * i] = r.out()[0].id;
            col.out[2 * i + 1] = r.out()[1].id;
        }

        private static void none(RopeColumn col, int i) {
            col.kind[i] = 3;
            col.out[2 * i] = col.out[2 * i + 1] = -1;
        }
    }
}
