package tc0.compiler.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tc0.compiler.gadgets.Multiply;

/**
 * What one pair (x, y) of a dot product puts in a sum, worked out once per pair of classes and scale: its ANDs'
 * weights and levels in the order {@link SumForm} adds them, the ANDs per level, and the slots read. A dot of d
 * equal pairs then adds it d times in bulk; a causal {@code P @ V} counts n dots of lengths 1 .. n over the same
 * pair, and rebuilding the pattern per length was most of their cost. Only for pairs with no bit constant 1
 * (those pass a bit on, named by the pair's index) and no weight past a long (SumForm sends those pair by pair).
 */
record PairPattern(long[] weights, int[] levels, long[] andsPerLevel, long usedX, long usedY, boolean uniform, Column[] columns) {
    /** A column's entries of one pair, grouped where weight and level repeat (as {@link SumForm} adds them). */
    record Column(long[] weights, int[] levels, long[] counts, boolean oneLevel) {}

    private static final Map<List<Long>, PairPattern> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 1 << 16;

    /** The pattern of (x, y) at {@code scale}; neither class has a bit constant 1. */
    static PairPattern of(ElemClass x, ElemClass y, long scale) {
        List<Long> key = List.of((long) x.id, (long) y.id, scale);
        PairPattern p = CACHE.get(key);
        if (p == null) {
            p = make(x, y, scale);
            if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
            CACHE.put(key, p);
        }
        return p;
    }

    private static PairPattern make(ElemClass x, ElemClass y, long scale) {
        int wx = x.width(), wy = y.width();
        long[] w = new long[wx * wy];
        int[] lv = new int[wx * wy];
        int n = 0, top = 0;
        long ux = 0, uy = 0;
        List<List<long[]>> col = new ArrayList<>();
        for (int c = 0; c < wx + wy - 1; c++) col.add(new ArrayList<>());
        for (int i = 0; i < wx; i++) {
            for (int j = 0; j < wy; j++) {
                int a = x.bit(i), b = y.bit(j);
                if (a == ElemClass.FALSE || b == ElemClass.FALSE) continue;
                if (a == ElemClass.TRUE || b == ElemClass.TRUE) throw new IllegalArgumentException("a bit constant 1 passes a bit on");
                long wt = Multiply.partialWeight(scale, i, j, wx, wy);
                ux |= 1L << (a >> 1);
                uy |= 1L << (b >> 1);
                int l = Math.max(x.slotLevel(a >> 1), y.slotLevel(b >> 1)) + 1;
                w[n] = wt;
                lv[n++] = l;
                top = Math.max(top, l);
                List<long[]> g = col.get(i + j);
                long[] last = g.isEmpty() ? null : g.get(g.size() - 1);
                if (last != null && last[0] == wt && last[1] == l) last[2]++;
                else g.add(new long[] {wt, l, 1});
            }
        }
        long[] perLevel = new long[top + 1];
        for (int k = 0; k < n; k++) perLevel[lv[k]]++;
        Column[] cols = new Column[col.size()];
        boolean uniform = true;
        for (int c = 0; c < cols.length; c++) {
            List<long[]> g = col.get(c);
            int m = g.size();
            long[] cw = new long[m], cc = new long[m];
            int[] cl = new int[m];
            boolean oneLevel = true;
            for (int k = 0; k < m; k++) {
                cw[k] = g.get(k)[0];
                cl[k] = (int) g.get(k)[1];
                cc[k] = g.get(k)[2];
                oneLevel &= cl[k] == cl[0];
            }
            uniform &= oneLevel;
            cols[c] = new Column(cw, cl, cc, oneLevel);
        }
        return new PairPattern(Arrays.copyOf(w, n), Arrays.copyOf(lv, n), perLevel, ux, uy, uniform, cols);
    }
}
