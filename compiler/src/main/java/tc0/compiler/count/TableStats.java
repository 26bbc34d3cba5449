package tc0.compiler.count;

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
 * sets with range counts. Made from a table array, or for a function over an input wider than
 * {@link Table#MAX_INPUT_WIDTH} bits by evaluating every code once (no array of values is kept).
 */
final class TableStats {
    private static final Map<Object, TableStats> CACHE = new ConcurrentHashMap<>();

    final long length;
    private final long[] breaks;
    private final long[][] changes;
    private final LongUnaryOperator value;

    private TableStats(long length, int outWidth, LongUnaryOperator value) {
        this.length = length;
        this.value = value;
        int words = Math.toIntExact((length + 63) >>> 6);
        this.breaks = new long[words];
        this.changes = new long[outWidth][words];
        // Chunks of 64 indices, in parallel: each word of every set is written by one task.
        IntStream.range(0, words).parallel().forEach(wd -> {
            long from = Math.max(1, (long) wd << 6), to = Math.min(length, ((long) wd + 1) << 6);
            if (from >= to) return;
            long prev = value.applyAsLong(from - 1);
            for (long i = from; i < to; i++) {
                long v = value.applyAsLong(i);
                long diff = v ^ prev;
                if (diff != 0) {
                    long bit = 1L << (i & 63);
                    breaks[wd] |= bit;
                    for (int b = 0; b < outWidth; b++) if ((diff >>> b & 1) != 0) changes[b][wd] |= bit;
                }
                prev = v;
            }
        });
    }

    /** The stats of a table array (entry i for input index i). */
    static TableStats of(long[] table, int outWidth) {
        return new TableStats(table.length, outWidth, i -> table[(int) i]);
    }

    /** The stats of {@code f} from {@code in} to {@code out}, cached. */
    static TableStats of(UnaryFunction f, FixedFormat in, FixedFormat out) {
        return CACHE.computeIfAbsent(java.util.List.of(f, in, out), k -> {
            long min = in.minCode();
            if (in.width() <= Table.MAX_INPUT_WIDTH) {
                Table t = Table.of(f, in, out);
                return new TableStats(in.size(), out.width(), i -> t.at(min + i));
            }
            LongUnaryOperator fast = fastValues(f, in, out);
            if (fast != null) return new TableStats(in.size(), out.width(), i -> fast.applyAsLong(min + i));
            return new TableStats(in.size(), out.width(), i -> f.apply(min + i, in, out));
        });
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
        return CACHE.computeIfAbsent(java.util.List.of("abs", in, out), k -> {
            long min = in.minCode();
            if (in.equals(out)) return new TableStats(in.size(), out.width(), i -> Math.min(Math.abs(min + i), out.maxCode()));
            return new TableStats(in.size(), out.width(), i -> tc0.compiler.numerics.Rounding.toFormat(Math.abs(min + i), in.fracBits(), out));
        });
    }

    /** Softmax's exp values {@code EXP(lo + i)} from {@code fd} into {@code fe}, {@code i = 0 .. -lo}, cached. */
    static TableStats ofSoftmaxExp(FixedFormat fd, FixedFormat fe, long lo) {
        return CACHE.computeIfAbsent(java.util.List.of("softmax-exp", fd, fe, lo), k -> {
            if (fd.width() <= Table.MAX_INPUT_WIDTH) {
                Table t = Table.of(UnaryFunction.EXP, fd, fe);
                return new TableStats(-lo + 1, fe.width(), i -> t.at(lo + i));
            }
            return new TableStats(-lo + 1, fe.width(), i -> UnaryFunction.EXP.apply(lo + i, fd, fe));
        });
    }

    /** The ramp {@code 0, 1, .., top} (softmax's output codes), cached. */
    static TableStats ramp(long top, int outWidth) {
        return CACHE.computeIfAbsent(java.util.List.of("ramp", top, outWidth), k -> new TableStats(top + 1, outWidth, i -> i));
    }

    /** The value at index i. */
    long value(long i) { return value.applyAsLong(i); }

    /** Breakpoints in {@code (from, to]}. */
    long breaks(long from, long to) { return count(breaks, from, to); }

    /** Changes of bit b in {@code (from, to]}. */
    long changes(int b, long from, long to) { return count(changes[b], from, to); }

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
