package tc0.compiler.gadgets;

/**
 * {@link RepeatedSweep}'s two spreads over the columns, by ranges instead of bit by bit: a group of s entries at
 * column j puts one entry in each of columns j .. j + nb - 1 (its count's bits), all at one level but the top one.
 * So the heights are a difference array, and the highest levels the maximum of ranges that start in column order
 * (a short list of ranges not beaten by a higher one that ends later). Both at every count where the last round is
 * recomputed every count (tensor attention's {@code S @ V} at n = 2^20: heights grow by 2i + 1 pairs a row, every
 * signature moves), about 56 columns of 20-40 bits each, which the bit-by-bit spread walked. Exact: the same
 * figures as the spread of {@link RepeatedSweep#lastRound}'s loop and {@link StepCount#lastRound}
 * ({@code SpreadColumnsTest} on random signatures and heights, and every count of {@code RepeatedSweepTest}). Not
 * thread-safe: scratch per sweep.
 */
final class SpreadColumns {
    private long[] diff = new long[0];
    private int[] point = new int[0];
    /** The ranges still open: value and end (exclusive), values falling and ends rising from the first. */
    private int[] rv = new int[8], re = new int[8];
    private int open;

    private void size(int top) {
        if (diff.length > top) return;
        diff = new long[top + 1];
        point = new int[top + 1];
    }

    /**
     * The last round's input from round one's signatures, as {@code RepeatedSweep.lastRound}'s loop spreads them:
     * per signature entry (bits nb, the top bit's level offset, q groups, highest level lv) q entries in columns
     * j .. j + nb - 1, at lv + 2 and the top one at lv + offset. False (nothing written) where a level or a count is
     * below what the ranges assume (a level under 0, q under 1): the caller spreads bit by bit.
     */
    boolean heights(ColumnRound[] cur, int top, long[] dh, int[] dmax) {
        size(top);
        java.util.Arrays.fill(diff, 0, top + 1, 0);
        java.util.Arrays.fill(point, 0, top + 1, 0);
        open = 0;
        for (int j = 0; j < top; j++) {
            ColumnRound c = cur[j];
            for (int e = 0; e < c.ns; e++) {
                int key = c.key[e], nb = key >> 2, topOff = key & 3, lv = c.slv[e];
                long q = c.q[e];
                if (q < 1 || lv < 0 || nb < 1) return false;
                diff[j] += q;
                diff[j + nb] -= q;
                int at = lv + topOff;
                if (at > point[j + nb - 1]) point[j + nb - 1] = at;
            }
        }
        // Heights by prefix sums; levels by the ranges below the top bits ([j, j + nb - 1) at lv + 2), opened in column
        // order, and the top bits. Levels >= 0: the spread's "first entry sets the level" is a maximum from 0.
        open = 0;
        long h = 0;
        for (int j = 0; j < top; j++) {
            ColumnRound c = cur[j];
            for (int e = 0; e < c.ns; e++) {
                int nb = c.key[e] >> 2;
                if (nb > 1) openRange(c.slv[e] + 2, j + nb - 1);
            }
            h += diff[j];
            dh[j] = h;
            dmax[j] = h == 0 ? 0 : Math.max(rangeMax(j), point[j]);
        }
        return true;
    }

    /**
     * {@link StepCount#lastRound} into {@code k}: each column of two or more entries as one group (its gates and wires
     * in column order, as there: the split of wires past a long follows the order of the adds), a lone entry passed
     * on; the output columns' heights, highest and last levels by ranges. False (nothing changed) where a height is
     * below 0 or a level below 0: the caller then runs StepCount's.
     */
    boolean lastRound(StepCount k, long[] dh, int[] dmax, int top, long[] oh, int[] omax, int[] olast) {
        for (int j = 0; j < top; j++) if (dh[j] < 0 || dh[j] > 0 && dmax[j] < 0) return false;
        size(top);
        java.util.Arrays.fill(diff, 0, top + 1, 0);
        java.util.Arrays.fill(point, 0, top + 1, 0);
        for (int j = 0; j < top; j++) {
            long h = dh[j];
            if (h == 0) continue;
            int lv = dmax[j];
            if (h == 1) { diff[j]++; diff[j + 1]--; if (lv > point[j]) point[j] = lv; continue; }
            k.anyGroupGates = true;
            k.gate(h, h, lv + 1);
            int bits = 64 - Long.numberOfLeadingZeros(h), nb = Math.min(top - j, bits);
            int bitGates = ColumnCut.bitGates(h, nb); // at level + 2; the top bit, where it sees 1, at level + 1
            diff[j]++;
            diff[j + nb]--;
            if (nb == bits && lv + 1 > point[j + nb - 1]) point[j + nb - 1] = lv + 1;
            if (bitGates > 0) {
                k.gate(bitGates, 0, lv + 2);
                k.addWires(1, ColumnCut.bitGatesFanIn(h, bitGates));
            }
        }
        open = 0;
        long h = 0;
        for (int t = 0; t < top; t++) {
            // Ranges at level + 2 from the group columns j <= t: [j, j + bitGates).
            long dj = dh[t];
            if (dj >= 2) {
                int bitGates = ColumnCut.bitGates(dj, Math.min(top - t, 64 - Long.numberOfLeadingZeros(dj)));
                if (bitGates > 0) openRange(dmax[t] + 2, t + bitGates);
            }
            h += diff[t];
            oh[t] = h;
            if (h == 0) { omax[t] = 0; olast[t] = 0; continue; }
            omax[t] = Math.max(rangeMax(t), point[t]);
            olast[t] = lastLevel(dh, dmax, top, t);
        }
        return true;
    }

    /** The level the last group covering column t wrote there (the group of the highest column j <= t reaching t). */
    private static int lastLevel(long[] dh, int[] dmax, int top, int t) {
        for (int j = t; j >= 0; j--) {
            long h = dh[j];
            if (h == 0) continue;
            if (h == 1) { if (j == t) return dmax[j]; continue; }
            int bits = 64 - Long.numberOfLeadingZeros(h), nb = Math.min(top - j, bits), l = t - j;
            if (l < nb) return (h >> l) >= 2 ? dmax[j] + 2 : dmax[j] + 1;
        }
        return 0; // never: h > 0 at t means some group reaches it
    }

    /** A range of value v open to {@code end} (exclusive), opened in order of its start: ranges it beats dropped, none kept if one beats it. */
    private void openRange(int v, int end) {
        for (int i = 0; i < open; i++) if (rv[i] >= v && re[i] >= end) return;
        int w = 0;
        for (int i = 0; i < open; i++) {
            if (rv[i] <= v && re[i] <= end) continue; // beaten by this one
            rv[w] = rv[i];
            re[w++] = re[i];
        }
        put(w, v, end);
        open = w + 1;
    }

    private void put(int i, int v, int end) {
        if (i >= rv.length) { rv = java.util.Arrays.copyOf(rv, 2 * rv.length); re = java.util.Arrays.copyOf(re, 2 * re.length); }
        rv[i] = v;
        re[i] = end;
    }

    /** The highest value of a range open at column t (0 where none), the ranges ended before t dropped. */
    private int rangeMax(int t) {
        int w = 0, best = 0;
        for (int i = 0; i < open; i++) {
            if (re[i] <= t) continue;
            if (rv[i] > best) best = rv[i];
            rv[w] = rv[i];
            re[w++] = re[i];
        }
        open = w;
        return best;
    }
}
