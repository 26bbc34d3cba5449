package tc0.compiler.count;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tc0.compiler.gadgets.ColumnCut;

/**
 * Closed sums of fresh literals spread into anonymous entries ({@code SpreadLiterals}) counted once per distinct shape:
 * a resampling's weightings {@code (D - f, f)} over two words of one class fill the same columns whatever f (bit i of
 * f and of {@code D - f} are complements above f's lowest set bit, so each column holds one entry per word bit either
 * way), and an upsample to n has ~n of them per pass (var's write-backs at n = 2^20: ~10^6, a few distinct sums).
 *
 * <p>The key holds everything the closed sum reads, as functions of the literals' quotients and levels: per column,
 * the run-length list of its entries' levels in the order they are added (the shape's runs are appended in that
 * order, anonymous, so equal lists give equal columns); the sums of the quotients' magnitudes and of the negative
 * ones (the shape's {@code umax}, {@code neg} and, with the base, its constant); the literals' count; the carry
 * comparators (count, fan-in, level); the output width, saturation and rounds; the lowest entry ({@code
 * ClosedSplit.Lowest}: the SOLE output bit's identity) and the slots read. Equal keys build equal shapes, so the
 * closed count is the same; a key is made only where every quotient and sum fits a long. Per count (an instance
 * per {@link ResampleStencils.Shared}), bounded.
 */
final class SplitMemo {
    /** Keys are a few hundred longs; var's and flowar's passes have a handful each. Cleared when full. */
    private static final int KEPT = 1 << 12;
    private final Map<Key, Instance.Result> kept = new ConcurrentHashMap<>();
    /** Two-tap weightings {@code (D - f, f)} named before SPLIT's numbers are made ({@link PairWeighting}). */
    final PairWeighting pairs = new PairWeighting();

    private record Key(long[] k) {
        @Override public boolean equals(Object o) { return o instanceof Key x && Arrays.equals(k, x.k); }

        @Override public int hashCode() { return Arrays.hashCode(k); }
    }

    /** Lookups made and answered (for tests and traces). */
    final java.util.concurrent.atomic.LongAdder asked = new java.util.concurrent.atomic.LongAdder(), hits = new java.util.concurrent.atomic.LongAdder();

    Instance.Result get(Builder b) {
        asked.increment();
        Instance.Result r = kept.get(b.key());
        if (r != null) hits.increment();
        return r;
    }

    @Override public String toString() { return hits.sum() + " of " + asked.sum() + " spread sums from the memo, " + kept.size() + " kept; " + pairs; }

    void put(Builder b, Instance.Result r) {
        if (r == null) return;
        if (kept.size() >= KEPT) kept.clear();
        kept.put(b.key(), r);
    }

    /** The key of one closed sum, built literal by literal in the order the shape adds them. */
    static final class Builder {
        private long[] entries = new long[256];
        private int n, lits, body;
        private long abs, negative;
        private Key key;

        /** A fresh literal of quotient (weight) q at level, spread one anonymous entry per set bit; throws ArithmeticException past a long. */
        void literal(long q, int level) {
            if (q == 0) return;
            if (q == Long.MIN_VALUE) throw new ArithmeticException("a weight of -2^63");
            lits++;
            long a = Math.abs(q);
            abs = Math.addExact(abs, a);
            if (q < 0) negative = Math.addExact(negative, a);
            for (long rest = a; rest != 0; rest &= rest - 1) {
                if (n == entries.length) entries = Arrays.copyOf(entries, n * 2);
                entries[n++] = (long) Long.numberOfTrailingZeros(rest) << 32 | level;
            }
        }

        /** {@code count} fresh entries of weight 1 at {@code level} (the carry comparators, added after the literals). */
        void ones(int count, int level) {
            for (int i = 0; i < count; i++) {
                if (n == entries.length) entries = Arrays.copyOf(entries, n * 2);
                entries[n++] = level;
            }
        }

        /**
         * Closes the key with the scalars the sum reads besides its entries (the caller's: width, saturation, rounds,
         * constant, carries and the like), the lowest entry and the slots read.
         */
        Builder close(ClosedSplit.Lowest low, long[] used, int rounds, long... scalars) {
            // entries by column, stable (each column in the order added), then run-length by level
            long[] sorted = entries.clone();
            int[] start = new int[65];
            for (int i = 0; i < n; i++) start[(int) (entries[i] >>> 32) + 1]++;
            for (int j = 0; j < 64; j++) start[j + 1] += start[j];
            int[] at = Arrays.copyOf(start, 64);
            for (int i = 0; i < n; i++) sorted[at[(int) (entries[i] >>> 32)]++] = entries[i];
            long[] k = new long[scalars.length + used.length + ClosedSplit.Lowest.FIELDS + 5 + 2 * n];
            int m = 0;
            for (long s : scalars) k[m++] = s;
            for (long u : used) k[m++] = u;
            m = low.writeTo(k, m);
            k[m++] = lits;
            k[m++] = abs;
            k[m++] = negative;
            k[m++] = n;
            k[m++] = rounds;
            body = m;
            // Per column, what the first round reads: its groups in order (the builder's split of h entries), each as
            // its size and its entries' highest level (its gates' level less one); a column of one entry passes on at
            // its level. Everything after the first round reads only these (the entries are anonymous). With no
            // rounds the final stage reads the entries themselves: their levels in order.
            for (int j = 0; j < 64; j++) {
                int from = start[j], h = start[j + 1] - from;
                if (h == 0) continue;
                if (rounds == 0 || h == 1) {
                    for (int i = from; i < from + h; i++) m = run(k, m, sorted[i], 1);
                    continue;
                }
                long groups = ColumnCut.groups(h, rounds), base = ColumnCut.base(h, groups), extra = ColumnCut.extra(h, groups);
                int pos = from;
                for (long q = 0; q < groups; q++) {
                    int size = (int) ColumnCut.size(q, base, extra);
                    long top = 0;
                    for (int i = pos; i < pos + size; i++) top = Math.max(top, sorted[i] & 0xffffffffL);
                    m = run(k, m, (long) j << 32 | top, size);
                    pos += size;
                }
            }
            key = new Key(Arrays.copyOf(k, m));
            return this;
        }

        /** Appends {@code (entry, count)}, merged into the last pair where it is the same entry (run-length; lossless). */
        private int run(long[] k, int m, long entry, long count) {
            if (m - 2 >= body && k[m - 2] == entry) { k[m - 1] += count; return m; }
            k[m++] = entry;
            k[m++] = count;
            return m;
        }

        private Key key() {
            if (key == null) throw new IllegalStateException("the key is not closed");
            return key;
        }
    }
}
