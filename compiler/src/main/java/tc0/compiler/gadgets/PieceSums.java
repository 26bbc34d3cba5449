package tc0.compiler.gadgets;

/**
 * The round-one figures of the columns that {@link RepeatedSweep} holds in pieces, summed: a column in a piece from
 * count {@code from} adds {@code A + (d - from) D} (A its round at from, D the step per count), so the columns
 * together add {@code sum A + d sum D - sum from D} per level and to the wires, one evaluation per count for all of
 * them. Columns enter only with figures far below a long (so the sums cannot wrap), and the evaluation is exact:
 * false where it would pass a long (the sweep then walks every column).
 */
final class PieceSums {
    private static final long BIG = 1L << 50, STEP = 1L << 30;
    private long[] a, dd, fd;
    /** The levels any column in a piece touched: [low, levels) (a count's evaluation walks only these). */
    private int low = Integer.MAX_VALUE, levels;
    private long wa, wd, wfd;
    private int groups;
    /** Columns in pieces whose groups of some kind grow or shrink with the count (their signature moves). */
    int volatiles;

    PieceSums(int levels) {
        a = new long[levels];
        dd = new long[levels];
        fd = new long[levels];
    }

    /** Adds the column whose round is {@code at} at {@code from} and {@code next} at from + 1; false (nothing added) where its figures are too large. */
    boolean enter(ColumnRound at, ColumnRound next, long from) {
        if (at.pastAny || next.pastAny || !small(at.wires, next.wires, from)) return false;
        for (int i = 0; i < at.nl; i++) if (!small(at.cnt[i], next.cnt[i], from)) return false;
        add(at, next, from, 1);
        return true;
    }

    /** Takes out a column added by {@link #enter} with the same figures. */
    void leave(ColumnRound at, ColumnRound next, long from) { add(at, next, from, -1); }

    private static boolean small(long x, long y, long from) {
        long step = y - x;
        return Math.abs(x) < BIG && Math.abs(y) < BIG && Math.abs(step) < STEP && from >= 0 && from < BIG / STEP;
    }

    private void add(ColumnRound at, ColumnRound next, long from, int sign) {
        for (int i = 0; i < at.nl; i++) {
            int lv = at.lv[i];
            if (lv >= a.length) {
                int n = Math.max(lv + 1, 2 * a.length);
                a = java.util.Arrays.copyOf(a, n);
                dd = java.util.Arrays.copyOf(dd, n);
                fd = java.util.Arrays.copyOf(fd, n);
            }
            levels = Math.max(levels, lv + 1);
            low = Math.min(low, lv);
            long step = next.cnt[i] - at.cnt[i];
            a[lv] += sign * at.cnt[i];
            dd[lv] += sign * step;
            fd[lv] += sign * from * step;
        }
        long step = next.wires - at.wires;
        wa += sign * at.wires;
        wd += sign * step;
        wfd += sign * from * step;
        if (at.groups) groups += sign;
        boolean moves = false;
        for (int e = 0; e < at.ns; e++) moves |= at.q[e] != next.q[e];
        if (moves) volatiles += sign;
    }

    /** The pieces' gates and wires at count d into k; false where a sum would pass a long or fall below zero. */
    boolean addTo(StepCount k, long d) {
        try {
            for (int lv = low; lv < levels; lv++) {
                if (a[lv] == 0 && dd[lv] == 0 && fd[lv] == 0) continue;
                long v = Math.subtractExact(Math.addExact(a[lv], Math.multiplyExact(d, dd[lv])), fd[lv]);
                if (v < 0) return false;
                k.gate(v, 0, lv);
            }
            long w = Math.subtractExact(Math.addExact(wa, Math.multiplyExact(d, wd)), wfd);
            if (w < 0) return false;
            k.addWires(w, 1);
        } catch (ArithmeticException past) {
            return false;
        }
        if (groups > 0) k.anyGroupGates = true;
        return true;
    }

    void clear() {
        java.util.Arrays.fill(a, 0);
        java.util.Arrays.fill(dd, 0);
        java.util.Arrays.fill(fd, 0);
        wa = wd = wfd = 0;
        groups = 0;
        volatiles = 0;
    }
}
