package tc0.compiler.count;

import tc0.compiler.gadgets.ClosedSum;
import tc0.compiler.gadgets.Rope;
import tc0.compiler.gadgets.RopeRow;
import tc0.compiler.numerics.FixedFormat;

/**
 * One pair index of RoPE over every row for plain words (each bit its own node, one level) at level 0, counted
 * from the columns' heights ({@link Rope#pairSums}) into primitive arrays: two output class ids, gates per level,
 * wires, whether the row reads its words. What such a row comes to depends on its codes, the formats and the
 * words' width only: not on which plain classes the words are, nor their level (the same moved up), nor on a top
 * bit a level lower (the same where {@link Rope#pairSums}' low-top bits say so, else not by heights). So every
 * RoPE column of plain words over the same codes shares one ({@link RopeColumn}: the tensor model's K1, K2 and
 * Q count each row once). Rows are counted when first asked for, in parallel chunks.
 */
final class RopePlainRows {
    /** Levels a row's gates may use (at level 0); a row past them is left to the forms. */
    static final int LEVELS = RopeRow.LEVELS;
    /** Per row: 0 reads nothing (no gate, or both codes 0), 1 reads every slot of both words, 2 not by heights, 3 no closed form, -1 not counted yet. */
    final byte[] kind;
    /** Per row: its rounds' {@code joined} mask ({@link Rope#pairSums(long, long, int, int, int, int, int, long[])}), for {@link #lowTops}. */
    private final long[] joined;
    /** Per row, once asked: {@link Rope#lowTops}; -1 not yet (words with a low top bit are rarer than plain ones: asked lazily). */
    private final byte[] lowTops;
    /** Per row the two sums' output class ids at level 0 (rows of kind 0 and 1). */
    final int[] out;
    /** Per row, levels 0 .. LEVELS - 1: both sums' gates at the level. */
    final int[] gates;
    final long[] wires;

    private final long[] coef;
    private final int pairs, j, w, shift, width, rounds;
    private final long factor;

    static final byte NOT_YET = -1;

    private RopePlainRows(long[] coef, int pairs, int j, int n, int w, FixedFormat fx, FixedFormat fc, FixedFormat outFmt, int rounds) {
        kind = new byte[n];
        java.util.Arrays.fill(kind, NOT_YET);
        joined = new long[n];
        lowTops = new byte[n];
        java.util.Arrays.fill(lowTops, NOT_YET);
        out = new int[2 * n];
        gates = new int[n * LEVELS];
        wires = new long[n];
        this.coef = coef;
        this.pairs = pairs;
        this.j = j;
        this.w = w;
        this.rounds = rounds;
        long[] sh = SumForm.toFormat(fx.fracBits() + fc.fracBits(), outFmt);
        shift = (int) sh[0];
        factor = sh[1];
        width = outFmt.width();
    }

    /** Pair j over rows 0 .. n - 1 of words w bits wide, row i's codes {@code coef[(i * pairs + j) * 2 + {0, 1}]}. */
    static RopePlainRows of(long[] coef, int pairs, int j, int n, int w, FixedFormat fx, FixedFormat fc, FixedFormat outFmt, int rounds) {
        return new RopePlainRows(coef, pairs, j, n, w, fx, fc, outFmt, rounds);
    }

    /**
     * Row i's low-top bits ({@link Rope#X_LOW}, {@link Rope#Y_LOW}, {@link Rope#BOTH_LOW}: words with such a low top
     * bit count as these), for a row of kind 0, 1 or 3 (its rounds ran); worked out once.
     */
    int lowTops(int i) {
        byte b = lowTops[i];
        if (b != NOT_YET) return b;
        int at = i * pairs + j;
        b = (byte) Rope.lowTops(coef[2 * at] * factor, coef[2 * at + 1] * factor, w, shift, width, joined[i]);
        lowTops[i] = b;
        return b;
    }

    /** Counts the rows of {@code rows} (null: every row) not counted yet, in parallel chunks. */
    void ensure(int[] rows) {
        int m = rows == null ? kind.length : rows.length;
        int chunks = Math.max(1, Math.min(256, m / 4096));
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(q -> {
            long from = (long) m * q / chunks, to = (long) m * (q + 1) / chunks;
            long[] low = new long[1];
            RopeRow fused = new RopeRow();
            for (int t = (int) from; t < to; t++) {
                int i = rows == null ? t : rows[t];
                if (kind[i] != NOT_YET) continue;
                int at = i * pairs + j;
                if (!fused(i, coef[2 * at], coef[2 * at + 1], fused)) row(i, coef[2 * at], coef[2 * at + 1], low);
            }
        });
    }

    /**
     * Row i with codes (c, s) in one pass ({@link RopeRow}), where it counts the row and both output shapes are
     * interned already; false: count it by {@link #row}.
     */
    private boolean fused(int i, long c, long s, RopeRow r) {
        if (rounds != 2) return false;
        int k = r.count(c * factor, s * factor, w, shift, width);
        if (k == 3) {
            joined[i] = r.joined;
            kind[i] = 3;
            return true;
        }
        if (k != 0 && k != 1) return false;
        ElemClass a = OutputShapes.cached(r.key(), 0, width), b = OutputShapes.cached(r.key(), 4, width);
        if (a == null || b == null) return false;
        joined[i] = r.joined;
        out[2 * i] = a.id;
        out[2 * i + 1] = b.id;
        System.arraycopy(r.gates, 1, gates, i * LEVELS + 1, LEVELS - 1);
        wires[i] = r.wires;
        kind[i] = (byte) k;
        return true;
    }

    /** Row i with codes (c, s), as {@link Rope#pairSums} and {@link OutputShapes#of} count it. */
    private void row(int i, long c, long s, long[] low) {
        ClosedSum[] cs = Rope.pairSums(c * factor, s * factor, w, 0, shift, width, rounds, low);
        joined[i] = low[0];
        if (cs == null || cs[0].wide() || cs[1].wide()) { kind[i] = 2; return; }
        if (!cs[0].modelled() || !cs[1].modelled()) { kind[i] = 3; return; } // RopeCount.result refuses it
        int at = i * LEVELS;
        long wiresHere = 0;
        boolean made = false;
        for (int o = 0; o < 2; o++) {
            long[] g = cs[o].gatesPerLevel();
            boolean here = false;
            for (int l = 1; l < g.length; l++) {
                if (g[l] == 0) continue;
                if (l >= LEVELS || gates[at + l] + g[l] > Integer.MAX_VALUE) { // past the row's arrays: left to the forms
                    java.util.Arrays.fill(gates, at, at + LEVELS, 0);
                    kind[i] = 2;
                    return;
                }
                gates[at + l] += (int) g[l];
                here = true;
            }
            if (here) wiresHere = Math.addExact(wiresHere, cs[o].wires());
            made |= here;
            out[2 * i + o] = OutputShapes.of(cs[o], width).id;
        }
        wires[i] = wiresHere;
        kind[i] = (byte) (made && (c != 0 || s != 0) ? 1 : 0);
    }
}
