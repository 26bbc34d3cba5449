package tc0.compiler.count;

import java.util.Arrays;

/**
 * The change points of a table over some indices, in one of four forms, each answering counts over an
 * index range {@code (from, to]} without listing the indices: {@link Dense} bit sets (a range scanned code by
 * code), {@link Sparse} sorted lists (changes found by galloping, far apart), {@link Runs} (ranges where
 * the value moves by one per index, as {@code x -> x} or a saturated ramp does: every index a change, bit k
 * changing where the value crosses a multiple of 2^k, counted by division) and {@link Steps} (ranges where a
 * monotone value moves by 0 or 1 per index, as a function whose slope is below one output unit per input code
 * does, or by 1 or 2, as one whose slope lies between one and two: counts come from the values at the ends). A change
 * at index i is {@code value(i) != value(i - 1)}; its diff is {@code value(i) ^ value(i - 1)}.
 */
final class TableChanges {
    private TableChanges() {}

    /** What each form answers; indices outside the form's own count nothing. */
    interface Part {
        /** Changes at indices in {@code (from, to]}. */
        long breaks(long from, long to);

        /** Changes of bit b at indices in {@code (from, to]}. */
        long changes(int b, long from, long to);

        /** The first change of bit b after {@code from}, or -1. */
        long firstChange(int b, long from);

        /** The diff at index i (0: no change). */
        long diffAt(long i);
    }

    /** Changes at indices {@code (lo, hi]} as bit sets: one for changes, one per output bit. */
    static final class Dense implements Part {
        final long lo, hi;
        private final long[] breaks;
        private final long[][] bits;

        Dense(long lo, long hi, int outWidth) {
            this.lo = lo;
            this.hi = hi;
            int words = Math.toIntExact((hi - lo + 63) >>> 6);
            breaks = new long[words];
            bits = new long[outWidth][words];
        }

        /** Index i in {@code (lo, hi]} changes by {@code diff != 0}. */
        void record(long i, long diff) {
            long p = i - lo - 1;
            int wd = (int) (p >>> 6);
            long bit = 1L << (p & 63);
            breaks[wd] |= bit;
            for (int b = 0; b < bits.length; b++) if ((diff >>> b & 1) != 0) bits[b][wd] |= bit;
        }

        @Override public long breaks(long from, long to) { return count(breaks, from, to); }

        @Override public long changes(int b, long from, long to) { return count(bits[b], from, to); }

        @Override public long firstChange(int b, long from) {
            long[] s = bits[b];
            for (long p = Math.max(from, lo) - lo; p < hi - lo; ) { // position p = index - lo - 1
                int wd = (int) (p >>> 6);
                long m = s[wd] & (-1L << (p & 63));
                if (m != 0) return lo + 1 + ((long) wd << 6) + Long.numberOfTrailingZeros(m);
                p = ((long) wd + 1) << 6;
            }
            return -1;
        }

        @Override public long diffAt(long i) {
            if (i <= lo || i > hi) return 0;
            long p = i - lo - 1;
            long d = 0;
            for (int b = 0; b < bits.length; b++) if ((bits[b][(int) (p >>> 6)] >>> (p & 63) & 1) != 0) d |= 1L << b;
            return d;
        }

        /** Set positions for indices in {@code (from, to]} ∩ {@code (lo, hi]}. */
        private long count(long[] set, long from, long to) {
            long a = Math.max(from, lo) - lo, z = Math.min(to, hi) - lo - 1; // positions a .. z inclusive
            if (z < a) return 0;
            int wa = (int) (a >>> 6), wz = (int) (z >>> 6);
            if (wa == wz) return Long.bitCount(set[wa] & (-1L << (a & 63)) & (-1L >>> (63 - (z & 63))));
            long c = Long.bitCount(set[wa] & (-1L << (a & 63))) + Long.bitCount(set[wz] & (-1L >>> (63 - (z & 63))));
            for (int w = wa + 1; w < wz; w++) c += Long.bitCount(set[w]);
            return c;
        }
    }

    /** Changes far apart: sorted indices with their diffs, and per output bit counts at every 64th entry. */
    static final class Sparse implements Part {
        private static final int BLOCK = 64;
        private long[] index = new long[16], diff = new long[16];
        private int n;
        /** {@code prefix[b][k]}: entries among the first {@code k * BLOCK} whose diff has bit b. */
        private long[][] prefix;
        private final int outWidth;

        Sparse(int outWidth) { this.outWidth = outWidth; }

        /** Appends a change; indices must increase. */
        void add(long i, long d) {
            if (n == index.length) {
                index = Arrays.copyOf(index, n * 2);
                diff = Arrays.copyOf(diff, n * 2);
            }
            index[n] = i;
            diff[n] = d;
            n++;
        }

        /** Appends another list's changes (all after this one's). */
        void addAll(Sparse o) {
            for (int k = 0; k < o.n; k++) add(o.index[k], o.diff[k]);
        }

        /** Done adding: the per-bit block counts. */
        Sparse seal() {
            int blocks = n / BLOCK;
            prefix = new long[outWidth][blocks + 1];
            for (int b = 0; b < outWidth; b++) {
                long c = 0;
                for (int k = 0; k < blocks * BLOCK; k++) {
                    c += diff[k] >>> b & 1;
                    if ((k + 1) % BLOCK == 0) prefix[b][(k + 1) / BLOCK] = c;
                }
            }
            return this;
        }

        int size() { return n; }

        /** Entries with index <= i. */
        private int rank(long i) {
            int lo = 0, hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (index[mid] <= i) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        @Override public long breaks(long from, long to) { return to <= from ? 0 : rank(to) - rank(from); }

        @Override public long changes(int b, long from, long to) {
            if (to <= from) return 0;
            return below(b, rank(to)) - below(b, rank(from));
        }

        /** Entries among the first k whose diff has bit b. */
        private long below(int b, int k) {
            int blk = k / BLOCK;
            long c = prefix[b][blk];
            for (int e = blk * BLOCK; e < k; e++) c += diff[e] >>> b & 1;
            return c;
        }

        @Override public long firstChange(int b, long from) {
            int e = rank(from);
            while (e < n) {
                if (e % BLOCK == 0 && e / BLOCK + 1 < prefix[b].length && prefix[b][e / BLOCK + 1] == prefix[b][e / BLOCK]) { e += BLOCK; continue; }
                if ((diff[e] >>> b & 1) != 0) return index[e];
                e++;
            }
            return -1;
        }

        @Override public long diffAt(long i) {
            int k = rank(i) - 1;
            return k >= 0 && index[k] == i ? diff[k] : 0;
        }
    }

    /**
     * Ranges {@code (a, b]} where {@code value(i) = v0 + step (i - a)}, step +1 or -1: every index a change; with
     * step +1 bit k changes at i where {@code value(i)} is a multiple of 2^k, with step -1 where
     * {@code value(i - 1)} is. Sorted, disjoint.
     */
    static final class Runs implements Part {
        private long[] a = new long[8], b = new long[8], v0 = new long[8];
        private int[] step = new int[8];
        private int n;
        /** Indices in the runs before run r. */
        private long[] before;

        /** Appends a run (after the last); an empty one is dropped. */
        void add(long from, long to, long valueAtFrom, int st) {
            if (to <= from) return;
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
                b = Arrays.copyOf(b, n * 2);
                v0 = Arrays.copyOf(v0, n * 2);
                step = Arrays.copyOf(step, n * 2);
            }
            a[n] = from;
            b[n] = to;
            v0[n] = valueAtFrom;
            step[n] = st;
            n++;
        }

        void addAll(Runs o) {
            for (int r = 0; r < o.n; r++) add(o.a[r], o.b[r], o.v0[r], o.step[r]);
        }

        Runs seal() {
            before = new long[n + 1];
            for (int r = 0; r < n; r++) before[r + 1] = before[r] + (b[r] - a[r]);
            return this;
        }

        int size() { return n; }

        /** The first run ending after i. */
        private int firstAfter(long i) {
            int lo = 0, hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (b[mid] <= i) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        /** Indices of the runs at or below i. */
        private long upTo(long i) {
            int r = firstAfter(i);
            return r < n && a[r] < i ? before[r] + (i - a[r]) : before[r];
        }

        @Override public long breaks(long from, long to) { return to <= from ? 0 : upTo(to) - upTo(from); }

        @Override public long changes(int k, long from, long to) {
            long c = 0, unit = 1L << k;
            for (int r = firstAfter(from); r < n && a[r] < to; r++) {
                long lo = Math.max(from, a[r]) + 1, hi = Math.min(to, b[r]);
                if (hi < lo) continue;
                // the values whose multiples of 2^k mark a change: value(i) (step +1) or value(i) + 1 (step -1)
                long x = value(r, lo), y = value(r, hi);
                if (step[r] < 0) { long t = x + 1; x = y + 1; y = t; }
                c += Math.floorDiv(y, unit) - Math.floorDiv(x - 1, unit);
            }
            return c;
        }

        private long value(int r, long i) { return v0[r] + step[r] * (i - a[r]); }

        /** The start a of the run with {@code i} in {@code (a, b]} if it rises by one per index, else -1. */
        long risingFrom(long i) {
            int r = firstAfter(i - 1);
            return r < n && a[r] < i && i <= b[r] && step[r] > 0 ? a[r] : -1;
        }

        @Override public long firstChange(int k, long from) {
            long unit = 1L << k;
            for (int r = firstAfter(from); r < n; r++) {
                long lo = Math.max(from, a[r]) + 1;
                if (lo > b[r]) continue;
                // step +1: the first i >= lo with value(i) = 0 mod 2^k; step -1: with value(i) + 1 = 0 mod 2^k
                long x = step[r] > 0 ? value(r, lo) : value(r, lo) + 1;
                long gap = step[r] > 0 ? Math.floorMod(-x, unit) : Math.floorMod(x, unit);
                if (lo + gap <= b[r]) return lo + gap;
            }
            return -1;
        }

        @Override public long diffAt(long i) {
            int r = firstAfter(i - 1);
            if (r >= n || i <= a[r] || i > b[r]) return 0;
            return value(r, i) ^ value(r, i - 1);
        }
    }

    /**
     * A range {@code (lo, hi]} where the value is monotone and moves by {@code base} or {@code base + 1} per
     * index, {@code base} 0 or 1 (the rounded value of a function whose slope lies between {@code base} and
     * {@code base + 1} output units per input code), so every count takes two evaluations and nothing is listed:
     * <ul>
     *   <li>base 0: the changes in {@code (a, b]} are the values passed, {@code |v(b) - v(a)|} of them;
     *       base 1: every index changes;</li>
     *   <li>bit k with {@code 2^k >= base + 1}: {@code floor(v / 2^k)} moves by at most one per index, so the
     *       bit changes once per multiple of 2^k passed, {@code |floor(v(b) / 2^k) - floor(v(a) / 2^k)|} times;</li>
     *   <li>bit 0 with base 1: it changes at the odd moves (by one), {@code 2 (b - a) - |v(b) - v(a)|} of them.</li>
     * </ul>
     * Each count is non-decreasing in b, so the first change of a bit is a binary search on it.
     */
    static final class Steps implements Part {
        final long lo, hi;
        private final int base;
        private final java.util.function.LongUnaryOperator value;

        Steps(long lo, long hi, int base, java.util.function.LongUnaryOperator value) {
            if (base != 0 && base != 1) throw new IllegalArgumentException("moves of " + base + " or " + (base + 1));
            this.lo = lo;
            this.hi = hi;
            this.base = base;
            this.value = value;
        }

        @Override public long breaks(long from, long to) {
            long a = Math.max(from, lo), b = Math.min(to, hi);
            if (b <= a) return 0;
            return base == 0 ? Math.abs(value.applyAsLong(b) - value.applyAsLong(a)) : b - a;
        }

        @Override public long changes(int k, long from, long to) {
            long a = Math.max(from, lo), b = Math.min(to, hi);
            return b <= a ? 0 : changes(k, a, value.applyAsLong(a), b);
        }

        /** Changes of bit k in {@code (a, b]}, {@code va} the value at a. */
        private long changes(int k, long a, long va, long b) {
            long vb = value.applyAsLong(b);
            if (k == 0 && base == 1) return 2 * (b - a) - Math.abs(vb - va);
            long unit = 1L << k;
            return Math.abs(Math.floorDiv(vb, unit) - Math.floorDiv(va, unit));
        }

        @Override public long firstChange(int k, long from) {
            long a = Math.max(from, lo);
            if (a >= hi) return -1;
            long va = value.applyAsLong(a);
            if (changes(k, a, va, hi) == 0) return -1;
            long l = a, h = hi; // no change in (a, l], one in (a, h]
            while (h - l > 1) {
                long mid = (l + h) >>> 1;
                if (changes(k, a, va, mid) > 0) h = mid; else l = mid;
            }
            return h;
        }

        @Override public long diffAt(long i) {
            if (i <= lo || i > hi) return 0;
            return value.applyAsLong(i) ^ value.applyAsLong(i - 1);
        }

        /**
         * The start a of the longest stretch {@code (a, i]} in this range where the value rises by exactly one per
         * index, or -1 if it does not rise at i: there {@code value - index} is constant, and it is monotone over
         * the range, so a is a binary search.
         */
        long risingFrom(long i) {
            if (i <= lo || i > hi) return -1;
            long g = value.applyAsLong(i) - i;
            if (value.applyAsLong(i - 1) - (i - 1) != g) return -1;
            long l = lo, h = i - 1; // value - index differs at l or l = lo; equals g at h
            if (value.applyAsLong(l) - l == g) return lo;
            while (h - l > 1) {
                long mid = (l + h) >>> 1;
                if (value.applyAsLong(mid) - mid == g) h = mid; else l = mid;
            }
            return h;
        }
    }

    /**
     * A range where every index is a change (a monotone value moving by at least one per index, as exp above
     * slope one does), too long to list (exp's 81 million such codes at 32 bits): per block of {@link #BLOCK}
     * indices the changes of each bit before it, counted once from every value; a count that starts or ends
     * inside a block evaluates the rest of that block again. Each value is evaluated once to build it, not kept.
     */
    static final class Every implements Part {
        static final int BLOCK = 4096;
        final long lo, hi;
        private final int outWidth;
        private final java.util.function.LongUnaryOperator value;
        /** {@code prefix[b][k]}: changes of bit b at indices in {@code (lo, lo + k * BLOCK]}. */
        private final long[][] prefix;

        Every(long lo, long hi, int outWidth, java.util.function.LongUnaryOperator value) {
            this.lo = lo;
            this.hi = hi;
            this.outWidth = outWidth;
            this.value = value;
            int blocks = Math.toIntExact((hi - lo + BLOCK - 1) / BLOCK);
            long[][] perBlock = new long[blocks][];
            java.util.stream.IntStream.range(0, blocks).parallel().forEach(k -> {
                long a = lo + (long) k * BLOCK, b = Math.min(hi, a + BLOCK);
                perBlock[k] = scan(a, b);
            });
            prefix = new long[outWidth][blocks + 1];
            for (int b = 0; b < outWidth; b++) for (int k = 0; k < blocks; k++) prefix[b][k + 1] = prefix[b][k] + perBlock[k][b];
        }

        /** Changes of each bit at indices in {@code (a, b]}, from the values. */
        private long[] scan(long a, long b) {
            long[] c = new long[outWidth];
            long prev = value.applyAsLong(a);
            for (long i = a + 1; i <= b; i++) {
                long v = value.applyAsLong(i);
                for (long d = (v ^ prev) & mask(); d != 0; d &= d - 1) c[Long.numberOfTrailingZeros(d)]++; // the bits that flip
                prev = v;
            }
            return c;
        }

        private long mask() { return outWidth >= 64 ? -1L : (1L << outWidth) - 1; }

        /** Changes of bit b at indices in {@code (lo, x]}, {@code lo <= x <= hi}. */
        private long upTo(int b, long x) {
            int k = (int) ((x - lo) / BLOCK);
            long start = lo + (long) k * BLOCK;
            long c = prefix[b][k];
            if (x == start) return c;
            long prev = value.applyAsLong(start);
            for (long i = start + 1; i <= x; i++) {
                long v = value.applyAsLong(i);
                c += (v ^ prev) >>> b & 1;
                prev = v;
            }
            return c;
        }

        @Override public long breaks(long from, long to) {
            long a = Math.max(from, lo), b = Math.min(to, hi);
            return b <= a ? 0 : b - a;
        }

        @Override public long changes(int b, long from, long to) {
            long a = Math.max(from, lo), z = Math.min(to, hi);
            return z <= a ? 0 : upTo(b, z) - upTo(b, a);
        }

        @Override public long firstChange(int b, long from) {
            long a = Math.max(from, lo);
            if (a >= hi || upTo(b, hi) == upTo(b, a)) return -1;
            long before = upTo(b, a);
            int k = (int) ((a - lo) / BLOCK) + 1; // the block that holds a
            long i = a;
            if (prefix[b][k] == before) { // none left in it: the first block whose end passes a change
                while (prefix[b][k] == before) k++;
                i = lo + (long) (k - 1) * BLOCK;
            }
            long end = Math.min(hi, lo + (long) k * BLOCK);
            long prev = value.applyAsLong(i);
            while (i < end) {
                long v = value.applyAsLong(++i);
                if (((v ^ prev) >>> b & 1) != 0) return i;
                prev = v;
            }
            throw new IllegalStateException("a change of bit " + b + " counted but not found after " + from);
        }

        @Override public long diffAt(long i) {
            if (i <= lo || i > hi) return 0;
            return value.applyAsLong(i) ^ value.applyAsLong(i - 1);
        }
    }
}
