package tc0.compiler.count;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongUnaryOperator;
import java.util.stream.IntStream;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;

/**
 * Where a table's value changes, which is all a lookup's cost depends on: the breakpoints (indices i >= 1
 * with {@code value(i) != value(i - 1)}) and, per output bit, the indices where that bit changes, as bit
 * sets with range counts. Made from a table array, or for a function by evaluating codes (no array of values
 * is kept), over {@link TablePieces}: where the function is known monotone, only near its changes
 * (galloping), and where moreover {@code value - code} is monotone, only where that difference changes.
 */
final class TableStats {
    private static final Map<Object, TableStats> CACHE = new ConcurrentHashMap<>();

    final long length;
    private final long[] breaks;
    private final long[][] changes;
    private final LongUnaryOperator value;

    private TableStats(long length, int outWidth, LongUnaryOperator value, List<TablePieces.Piece> pieces) {
        this.length = length;
        this.value = value;
        int words = Math.toIntExact((length + 63) >>> 6);
        this.breaks = new long[words];
        this.changes = new long[outWidth][words];
        for (TablePieces.Piece p : pieces) {
            switch (p.kind()) {
                case LINEAR -> scanLinear(p.from(), p.to());
                case MONOTONE -> inChunks(p.from(), p.to(), this::scanMonotone);
                case UNIT_STEPS -> inChunks(p.from(), p.to(), (a, b) -> scanUnitSteps(a, b, p.offset()));
            }
        }
    }

    /** A scan of {@code (from, to]} split into chunks that own whole words of the bit sets, run in parallel. */
    private static void inChunks(long from, long to, java.util.function.BiConsumer<Long, Long> scan) {
        long span = to - from;
        if (span < 1 << 12) { scan.accept(from, to); return; }
        int parts = (int) Math.min(span >>> 10, 32L * Runtime.getRuntime().availableProcessors());
        long[] cut = new long[parts + 1];
        cut[0] = from;
        cut[parts] = to;
        for (int k = 1; k < parts; k++) cut[k] = Math.max(cut[k - 1], Math.min(to, ((from + span * k / parts) | 63))); // ends a word
        IntStream.range(0, parts).parallel().forEach(k -> { if (cut[k + 1] > cut[k]) scan.accept(cut[k], cut[k + 1]); });
    }

    private TableStats(long length, int outWidth, LongUnaryOperator value) {
        this(length, outWidth, value, List.of(new TablePieces.Piece(TablePieces.Kind.LINEAR, 0, length - 1, 0)));
    }

    /** The stats of a table array (entry i for input index i). */
    static TableStats of(long[] table, int outWidth) {
        return new TableStats(table.length, outWidth, i -> table[(int) i]);
    }

    /** The stats of {@code f} from {@code in} to {@code out}, cached. */
    static TableStats of(UnaryFunction f, FixedFormat in, FixedFormat out) {
        return CACHE.computeIfAbsent(List.of(f, in, out), k -> of(f, in, out, true));
    }

    /** Uncached; {@code pieces} false scans every code (for tests). */
    static TableStats of(UnaryFunction f, FixedFormat in, FixedFormat out, boolean pieces) {
        long min = in.minCode();
        LongUnaryOperator v;
        LongUnaryOperator fast = fastValues(f, in, out);
        if (fast != null) v = i -> fast.applyAsLong(min + i);
        else if (pieces) v = i -> f.apply(min + i, in, out); // few codes are evaluated: no full table
        else if (in.width() <= Table.MAX_INPUT_WIDTH) {
            Table t = Table.of(f, in, out);
            v = i -> t.at(min + i);
        } else v = i -> f.apply(min + i, in, out);
        if (!pieces || fast != null) return new TableStats(in.size(), out.width(), v);
        return new TableStats(in.size(), out.width(), v, TablePieces.of(f, in, out));
    }

    /**
     * Codes computed without the general evaluation where the definition is a plain integer formula: RELU
     * into the same format is {@code max(c, 0)}. Null otherwise. (Pinned against {@code f.apply} in tests.)
     */
    static LongUnaryOperator fastValues(UnaryFunction f, FixedFormat in, FixedFormat out) {
        if (f == UnaryFunction.RELU && in.equals(out)) return c -> Math.max(c, 0);
        return null;
    }

    /** The lowering's ABS table: {@code |x|} rounded into {@code out} and saturated, cached. */
    static TableStats ofAbs(FixedFormat in, FixedFormat out) {
        return CACHE.computeIfAbsent(List.of("abs", in, out), k -> {
            long min = in.minCode();
            if (in.equals(out)) return new TableStats(in.size(), out.width(), i -> Math.min(Math.abs(min + i), out.maxCode()));
            return new TableStats(in.size(), out.width(), i -> tc0.compiler.numerics.Rounding.toFormat(Math.abs(min + i), in.fracBits(), out));
        });
    }

    /** Softmax's exp values {@code EXP(lo + i)} from {@code fd} into {@code fe}, {@code i = 0 .. -lo}, cached (monotone). */
    static TableStats ofSoftmaxExp(FixedFormat fd, FixedFormat fe, long lo) {
        return CACHE.computeIfAbsent(List.of("softmax-exp", fd, fe, lo), k -> {
            LongUnaryOperator v = i -> UnaryFunction.EXP.apply(lo + i, fd, fe);
            return new TableStats(-lo + 1, fe.width(), v, List.of(new TablePieces.Piece(TablePieces.Kind.MONOTONE, 0, -lo, 0)));
        });
    }

    /** The ramp {@code 0, 1, .., top} (softmax's output codes), cached. */
    static TableStats ramp(long top, int outWidth) {
        return CACHE.computeIfAbsent(List.of("ramp", top, outWidth), k -> new TableStats(top + 1, outWidth, i -> i,
                List.of(new TablePieces.Piece(TablePieces.Kind.UNIT_STEPS, 0, top, 0))));
    }

    /**
     * A table whose values are {@code head[i]} for {@code i < head.length}, then fall by one per index from
     * {@code head[head.length - 1]} for {@code tail} more indices (layer norm's scale, {@link ScaleSteps}).
     */
    static TableStats headAndFall(long[] head, long tail, int outWidth) {
        int h = head.length;
        long last = head[h - 1];
        LongUnaryOperator v = i -> i < h ? head[(int) i] : last - (i - (h - 1));
        TableStats t = new TableStats(h + tail, outWidth, v, List.of(new TablePieces.Piece(TablePieces.Kind.LINEAR, 0, h - 1, 0)));
        t.fallingRun(h - 1, h - 1 + tail, last + (h - 1));
        return t;
    }

    /** Indices {@code (a, b]} with value {@code base - i}: each a change; bit k changes where the value before is a multiple of 2^k. */
    private void fallingRun(long a, long b, long base) {
        if (b <= a) return;
        for (long i = a + 1; i <= b; i++) breaks[(int) (i >>> 6)] |= 1L << (i & 63);
        for (int k = 0; k < changes.length; k++) {
            long step = 1L << k;
            long first = a + 1 + Math.floorMod(base - (a + 1) + 1, step); // value(first - 1) = base - first + 1 = 0 mod 2^k
            for (long i = first; i <= b; i += step) changes[k][(int) (i >>> 6)] |= 1L << (i & 63);
        }
    }

    /** The value at index i. */
    long value(long i) { return value.applyAsLong(i); }

    /** Breakpoints in {@code (from, to]}. */
    long breaks(long from, long to) { return count(breaks, from, to); }

    /** Changes of bit b in {@code (from, to]}. */
    long changes(int b, long from, long to) { return count(changes[b], from, to); }

    /** Whether the two stats agree everywhere (tests). */
    boolean sameAs(TableStats o) {
        if (o.length != length || !java.util.Arrays.equals(breaks, o.breaks)) return false;
        for (int b = 0; b < changes.length; b++) if (!java.util.Arrays.equals(changes[b], o.changes[b])) return false;
        return true;
    }

    /** The first change of bit b after {@code from} (assumes one exists). */
    long firstChange(int b, long from) {
        long[] s = changes[b];
        for (long i = from + 1; i < length; i++) {
            int wd = (int) (i >>> 6);
            long m = s[wd] & (-1L << (i & 63));
            if (m != 0) return ((long) wd << 6) + Long.numberOfTrailingZeros(m);
            i = ((long) wd << 6) + 63;
        }
        throw new IllegalStateException("no change of bit " + b + " after " + from);
    }

    int outWidth() { return changes.length; }

    /**
     * For a table of a {@code w}-bit signed word into {@code w} bits ({@code length = 2^w}): the first index h
     * with {@code value(i) = lo + i} (its own code) for every {@code i >= h}, as {@code TailLookup.start};
     * {@code length} if the last value is not its code. From the change sets, a word at a time: on the tail
     * bit b changes exactly where {@code i} is a multiple of {@code 2^b} (lo is a multiple of 2^b).
     */
    long identityFrom() {
        int w = changes.length;
        if (length != 1L << w) return length;
        long lo = -(1L << (w - 1));
        if (value(length - 1) != lo + length - 1) return length;
        long h = 0;
        for (int b = 0; b < w; b++) {
            long[] s = changes[b];
            for (int wd = s.length - 1; wd >= 0; wd--) {
                long want = expectedChanges(wd, b);
                if (wd == 0) want &= ~1L; // index 0 has no predecessor
                if (((long) wd << 6) + 64 > length) want &= -1L >>> (64 - (length - ((long) wd << 6))); // past the table
                long bad = s[wd] ^ want;
                if (bad != 0) { h = Math.max(h, ((long) wd << 6) + 63 - Long.numberOfLeadingZeros(bad)); break; }
                if (((long) wd << 6) < h) break;
            }
        }
        return h;
    }

    /** The word {@code wd} of the set of indices that are multiples of {@code 2^b}. */
    private static long expectedChanges(int wd, int b) {
        if (b == 0) return -1L;
        if (b < 6) {
            long m = 0;
            for (int j = 0; j < 64; j += 1 << b) m |= 1L << j;
            return m;
        }
        return ((long) wd << 6) % (1L << b) == 0 ? 1L : 0L;
    }

    private void record(long i, long diff) {
        if (diff == 0) return;
        int wd = (int) (i >>> 6);
        long bit = 1L << (i & 63);
        breaks[wd] |= bit;
        for (int b = 0; b < changes.length; b++) if ((diff >>> b & 1) != 0) changes[b][wd] |= bit;
    }

    /** Every index in {@code (from, to]}, in parallel chunks of 64 (each word written by one task). */
    private void scanLinear(long from, long to) {
        int w0 = (int) ((from + 1) >>> 6), w1 = (int) (to >>> 6);
        if (to <= from) return;
        IntStream.rangeClosed(w0, w1).parallel().forEach(wd -> {
            long a = Math.max(from + 1, (long) wd << 6), z = Math.min(to, ((long) wd << 6) + 63);
            if (a > z) return;
            long prev = value.applyAsLong(a - 1);
            for (long i = a; i <= z; i++) {
                long v = value.applyAsLong(i);
                if (v != prev) {
                    long diff = v ^ prev, bit = 1L << (i & 63);
                    breaks[wd] |= bit;
                    for (int b = 0; b < changes.length; b++) if ((diff >>> b & 1) != 0) changes[b][wd] |= bit;
                }
                prev = v;
            }
        });
    }

    /** {@code (from, to]} where the value is monotone: from each change, the next by galloping. */
    private void scanMonotone(long from, long to) {
        long i = from, v = value(from);
        while (i < to) {
            long v1 = value(i + 1);
            if (v1 != v) { record(i + 1, v ^ v1); i++; v = v1; continue; }
            long lo = i + 1, step = 2, hi = -1, vh = 0;
            while (true) {
                long j = Math.min(i + step, to);
                long vj = value(j);
                if (vj != v) { hi = j; vh = vj; break; }
                if (j == to) break;
                lo = j;
                step <<= 1;
            }
            if (hi < 0) return;
            while (hi - lo > 1) {
                long mid = (lo + hi) >>> 1, vm = value(mid);
                if (vm != v) { hi = mid; vh = vm; } else lo = mid;
            }
            record(hi, v ^ vh);
            i = hi;
            v = vh;
        }
    }

    /**
     * {@code (from, to]} where {@code g(i) = value(i) - i - offset} is monotone: runs of constant g are steps of +1
     * (every index a change, bit b where the value is a multiple of 2^b); the run ends found by galloping on g.
     */
    private void scanUnitSteps(long from, long to, long offset) {
        LongUnaryOperator g = i -> value(i) - i - offset;
        long i = from, gi = g.applyAsLong(from);
        while (i < to) {
            // The end of the run of gi: the last index with g == gi.
            long lo = i, hi = -1, step = 1;
            while (true) {
                long j = Math.min(i + step, to);
                if (g.applyAsLong(j) != gi) { hi = j; break; }
                lo = j;
                if (j == to) break;
                step <<= 1;
            }
            if (hi >= 0) {
                while (hi - lo > 1) {
                    long mid = (lo + hi) >>> 1;
                    if (g.applyAsLong(mid) != gi) hi = mid; else lo = mid;
                }
            }
            unitRun(i, lo, gi + offset);
            if (hi < 0) return;
            long vPrev = lo + gi + offset, vNext = value(hi);
            record(hi, vPrev ^ vNext);
            i = hi;
            gi = vNext - hi - offset;
        }
    }

    /** Indices {@code (a, b]} with value {@code i + base}: each a change; bit k changes where the value is a multiple of 2^k. */
    private void unitRun(long a, long b, long base) {
        if (b <= a) return;
        for (long i = a + 1; i <= b; i++) breaks[(int) (i >>> 6)] |= 1L << (i & 63);
        for (int k = 0; k < changes.length; k++) {
            long step = 1L << k;
            long first = a + 1 + Math.floorMod(-(a + 1 + base), step); // value(first) = first + base = 0 mod 2^k
            for (long i = first; i <= b; i += step) changes[k][(int) (i >>> 6)] |= 1L << (i & 63);
        }
    }

    private static long count(long[] set, long from, long to) {
        from = Math.max(from, 0);
        to = Math.min(to, set.length * 64L - 1);
        if (to <= from) return 0;
        long lo = from + 1, hi = to; // inclusive
        int a = (int) (lo >>> 6), z = (int) (hi >>> 6);
        if (a == z) return Long.bitCount(set[a] & (-1L << (lo & 63)) & (-1L >>> (63 - (hi & 63))));
        long c = Long.bitCount(set[a] & (-1L << (lo & 63))) + Long.bitCount(set[z] & (-1L >>> (63 - (hi & 63))));
        for (int w = a + 1; w < z; w++) c += Long.bitCount(set[w]);
        return c;
    }
}
