package tc0.compiler.count;

import java.util.ArrayList;
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
 * with {@code value(i) != value(i - 1)}) and, per output bit, the indices where that bit changes, kept as
 * {@link TableChanges} (bit sets where every code was scanned, sorted lists where changes were found by
 * galloping, runs where the value moves by one per index, block counts where every index is a change), never as
 * an array of 2^width values. Made from a
 * table array, or for a function by evaluating codes, over {@link TablePieces}: where the function is known
 * monotone, only near its changes, and where moreover {@code value - code} is monotone, only where that
 * difference changes. Galloping asks a double-precision guess of the function first ({@code reference}) and
 * checks the guess with two exact evaluations (monotone: equal values at both ends of a stretch mean no change
 * inside), so a change costs about two exact evaluations instead of about {@code 2 log2(gap)}.
 */
final class TableStats {
    private static final Map<Object, TableStats> CACHE = new ConcurrentHashMap<>();

    final long length;
    private final LongUnaryOperator value;
    private final int outWidth;
    private final List<TableChanges.Dense> dense = new ArrayList<>();
    private final List<TableChanges.Steps> steps = new ArrayList<>();
    private final List<TableChanges.Every> every = new ArrayList<>();
    private final TableChanges.Sparse sparse;
    private final TableChanges.Runs runs;

    /**
     * Scans {@code pieces} (in order, covering {@code (0, length - 1]}); {@code guess}, where not null, a cheap
     * approximation of {@code value} to gallop on.
     */
    private TableStats(long length, int outWidth, LongUnaryOperator value, LongUnaryOperator guess, List<TablePieces.Piece> pieces) {
        this.length = length;
        this.value = value;
        this.outWidth = outWidth;
        long t0 = System.nanoTime();
        TableChanges.Sparse sp = new TableChanges.Sparse(outWidth);
        TableChanges.Runs rn = new TableChanges.Runs();
        for (TablePieces.Piece p : pieces) {
            if (p.kind() == TablePieces.Kind.STEPS) { // nothing to scan: counts come from the values at the ends
                if (p.to() > p.from()) steps.add(new TableChanges.Steps(p.from(), p.to(), 0, value));
                continue;
            }
            if (p.kind() == TablePieces.Kind.EVERY) { // every index a change up to where the value saturates, none after
                long s = saturatedFrom(p.from(), p.to(), value);
                if (s > p.from()) every.add(new TableChanges.Every(p.from(), s, outWidth, value));
                continue;
            }
            if (p.kind() == TablePieces.Kind.STRIDES && unsaturated(p, value)) {
                steps.add(new TableChanges.Steps(p.from(), p.to(), 1, value));
                continue;
            }
            for (Scan s : inChunks(p.kind() == TablePieces.Kind.STRIDES ? p.scanned() : p, guess)) { // saturated: scanned as monotone
                dense.addAll(s.dense);
                sp.addAll(s.sparse);
                rn.addAll(s.runs);
            }
        }
        this.sparse = sp.seal();
        this.runs = rn.seal();
        if (Engine.TRACE) System.err.printf("count: table of %d entries: %d dense parts, %d sparse changes, %d runs, %d step ranges, %d every-index ranges, %.1f ms%n",
                length, dense.size(), sparse.size(), runs.size(), steps.size(), every.size(), (System.nanoTime() - t0) / 1e6);
    }

    /**
     * Whether a STRIDES piece's values move by at least one at both ends: saturation would hold a monotone value
     * still from the first saturated index on (a move of 0), so a move at the last index (and, falling, at the
     * first) shows no index but possibly the end one saturates, and a move cut short there is still 1 or 2.
     */
    private static boolean unsaturated(TablePieces.Piece p, LongUnaryOperator value) {
        long a = p.from(), b = p.to();
        return b > a && value.applyAsLong(b) != value.applyAsLong(b - 1) && value.applyAsLong(a + 1) != value.applyAsLong(a);
    }

    /** The first index of {@code [from, to]} whose (monotone) value is the value at {@code to}: a binary search. */
    private static long saturatedFrom(long from, long to, LongUnaryOperator value) {
        long end = value.applyAsLong(to), l = from - 1, h = to; // value(l) differs (or l = from - 1), value(h) = end
        while (h - l > 1) {
            long mid = (l + h) >>> 1;
            if (value.applyAsLong(mid) == end) h = mid; else l = mid;
        }
        return h;
    }

    /** A piece scanned in chunks (in parallel when long), each into its own parts, in order. */
    private List<Scan> inChunks(TablePieces.Piece p, LongUnaryOperator guess) {
        long from = p.from(), to = p.to(), span = to - from;
        if (span <= 0) return List.of();
        int parts = span < 1 << 12 ? 1 : (int) Math.min(span >>> 10, 8L * Runtime.getRuntime().availableProcessors());
        long[] cut = new long[parts + 1];
        for (int k = 0; k <= parts; k++) cut[k] = from + span * k / parts;
        Scan[] scans = new Scan[parts];
        IntStream.range(0, parts).parallel().forEach(k -> {
            Scan s = new Scan(guess);
            if (cut[k + 1] > cut[k]) {
                switch (p.kind()) {
                    case LINEAR -> s.linear(cut[k], cut[k + 1]);
                    case MONOTONE -> s.monotone(cut[k], cut[k + 1]);
                    case UNIT_STEPS -> s.unitSteps(cut[k], cut[k + 1], p.offset(), 1);
                    case UNIT_FALLS -> s.unitSteps(cut[k], cut[k + 1], p.offset(), -1);
                    case STEPS, STRIDES, EVERY -> throw new AssertionError("steps are not scanned");
                }
            }
            scans[k] = s;
        });
        return List.of(scans);
    }

    /** The stats of a table array (entry i for input index i). */
    static TableStats of(long[] table, int outWidth) {
        return new TableStats(table.length, outWidth, i -> table[(int) i], null, linear(table.length));
    }

    private static List<TablePieces.Piece> linear(long length) {
        return List.of(new TablePieces.Piece(TablePieces.Kind.LINEAR, 0, length - 1, 0));
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
        else if (pieces || in.width() > Table.MAX_INPUT_WIDTH) v = i -> f.apply(min + i, in, out); // few codes are evaluated: no full table
        else {
            Table t = Table.of(f, in, out);
            v = i -> t.at(min + i);
        }
        if (!pieces) return new TableStats(in.size(), out.width(), v, null, linear(in.size()));
        return new TableStats(in.size(), out.width(), v, fast != null ? null : guess(f, in, out), TablePieces.of(f, in, out));
    }

    /**
     * Codes computed without the general evaluation where the definition is a plain integer formula: RELU
     * into the same format is {@code max(c, 0)}. Null otherwise. (Pinned against {@code f.apply} in tests.)
     */
    static LongUnaryOperator fastValues(UnaryFunction f, FixedFormat in, FixedFormat out) {
        if (f == UnaryFunction.RELU && in.equals(out)) return c -> Math.max(c, 0);
        return null;
    }

    /** The function's code at index i in double precision, rounded and saturated: a guess only. */
    static LongUnaryOperator guess(UnaryFunction f, FixedFormat in, FixedFormat out) {
        long min = in.minCode(), lo = out.minCode(), hi = out.maxCode();
        int fi = in.fracBits(), fo = out.fracBits();
        java.util.function.DoubleUnaryOperator ref = f == UnaryFunction.GELU ? TableStats::geluGuess : f::reference;
        return i -> {
            double y = Math.scalb(ref.applyAsDouble(Math.scalb((double) (min + i), -fi)), fo);
            if (Double.isNaN(y)) return Long.MIN_VALUE;
            if (y >= hi) return hi;
            if (y <= lo) return lo;
            return (long) Math.floor(y + 0.5);
        };
    }

    /**
     * GELU for guessing, {@code x Phi(x)} with erfc from a Chebyshev fit (relative error below 1.2e-7,
     * Numerical Recipes' erfcc): the reference's continued fraction takes 300 steps per value, and a guess
     * only steers the search (each change found is checked exactly).
     */
    static double geluGuess(double x) {
        double z = Math.abs(x) / Math.sqrt(2), t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        double phi = x >= 0 ? 1 - erfc / 2 : erfc / 2; // Phi(x) = erfc(-x / sqrt 2) / 2
        return x * phi;
    }

    /** The lowering's ABS table: {@code |x|} rounded into {@code out} and saturated, cached. */
    static TableStats ofAbs(FixedFormat in, FixedFormat out) {
        return CACHE.computeIfAbsent(List.of("abs", in, out), k -> {
            long min = in.minCode();
            LongUnaryOperator v = i -> absCode(min + i, in, out);
            return new TableStats(in.size(), out.width(), v, null, TablePieces.ofAbs(in, out));
        });
    }

    /** The ABS table's entry for code c: {@code |c|} rounded into {@code out} and saturated. */
    static long absCode(long c, FixedFormat in, FixedFormat out) {
        return in.equals(out) ? Math.min(Math.abs(c), out.maxCode()) : tc0.compiler.numerics.Rounding.toFormat(Math.abs(c), in.fracBits(), out);
    }

    /** Softmax's exp values {@code EXP(lo + i)} from {@code fd} into {@code fe}, {@code i = 0 .. -lo}, cached (monotone). */
    static TableStats ofSoftmaxExp(FixedFormat fd, FixedFormat fe, long lo) {
        return CACHE.computeIfAbsent(List.of("softmax-exp", fd, fe, lo), k -> {
            LongUnaryOperator v = i -> UnaryFunction.EXP.apply(lo + i, fd, fe);
            LongUnaryOperator g = guess(UnaryFunction.EXP, fd, fe);
            long shift = lo - fd.minCode(); // guess indices count from fd's smallest code
            return new TableStats(-lo + 1, fe.width(), v, i -> g.applyAsLong(i + shift), TablePieces.ofSoftmaxExp(fd, fe, lo));
        });
    }

    /**
     * The masked softmax's exp table ({@code MaskedSoftmax.build} with a variable mask): 0 at index 0 (a masked
     * entry, below the table), then {@link #ofSoftmaxExp}'s values one index up, its pieces moved up with them.
     */
    static TableStats ofMaskedSoftmaxExp(FixedFormat fd, FixedFormat fe, long lo) {
        return CACHE.computeIfAbsent(List.of("masked-softmax-exp", fd, fe, lo), k -> {
            List<TablePieces.Piece> pieces = new ArrayList<>();
            pieces.add(new TablePieces.Piece(TablePieces.Kind.LINEAR, 0, 1, 0));
            for (TablePieces.Piece p : TablePieces.ofSoftmaxExp(fd, fe, lo)) {
                long offset = switch (p.kind()) { // value - index - offset (steps) and value + index - offset (falls) keep their value
                    case UNIT_STEPS -> p.offset() - 1;
                    case UNIT_FALLS -> p.offset() + 1;
                    default -> p.offset();
                };
                pieces.add(new TablePieces.Piece(p.kind(), p.from() + 1, p.to() + 1, offset));
            }
            LongUnaryOperator v = i -> i == 0 ? 0 : UnaryFunction.EXP.apply(lo + i - 1, fd, fe);
            LongUnaryOperator g = guess(UnaryFunction.EXP, fd, fe);
            long shift = lo - fd.minCode();
            return new TableStats(-lo + 2, fe.width(), v, i -> i == 0 ? 0 : g.applyAsLong(i - 1 + shift), pieces);
        });
    }

    /** The ramp {@code 0, 1, .., top} (softmax's output codes), cached. */
    static TableStats ramp(long top, int outWidth) {
        return CACHE.computeIfAbsent(List.of("ramp", top, outWidth), k -> new TableStats(top + 1, outWidth, i -> i, null,
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
        return new TableStats(h + tail, outWidth, v, null, List.of(new TablePieces.Piece(TablePieces.Kind.LINEAR, 0, h - 1, 0),
                new TablePieces.Piece(TablePieces.Kind.UNIT_FALLS, h - 1, h - 1 + tail, last + h - 1)));
    }

    /** The value at index i. */
    long value(long i) { return value.applyAsLong(i); }

    /** Breakpoints in {@code (from, to]}. */
    long breaks(long from, long to) {
        long c = sparse.breaks(from, to) + runs.breaks(from, to);
        for (TableChanges.Dense d : dense) c += d.breaks(from, to);
        for (TableChanges.Steps st : steps) c += st.breaks(from, to);
        for (TableChanges.Every ev : every) c += ev.breaks(from, to);
        return c;
    }

    /** Changes of bit b in {@code (from, to]}. */
    long changes(int b, long from, long to) {
        long c = sparse.changes(b, from, to) + runs.changes(b, from, to);
        for (TableChanges.Dense d : dense) c += d.changes(b, from, to);
        for (TableChanges.Steps st : steps) c += st.changes(b, from, to);
        for (TableChanges.Every ev : every) c += ev.changes(b, from, to);
        return c;
    }

    /** The first change of bit b after {@code from} (assumes one exists). */
    long firstChange(int b, long from) {
        long best = -1;
        for (TableChanges.Part p : parts()) {
            long i = p.firstChange(b, from);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        if (best < 0) throw new IllegalStateException("no change of bit " + b + " after " + from);
        return best;
    }

    private List<TableChanges.Part> parts() {
        List<TableChanges.Part> all = new ArrayList<>(dense);
        all.addAll(steps);
        all.addAll(every);
        all.add(sparse);
        all.add(runs);
        return all;
    }

    /**
     * For a table of a {@code w}-bit signed word into {@code w} bits ({@code length = 2^w}): the first index h
     * with {@code value(i) = lo + i} (its own code) for every {@code i >= h}, as {@code TailLookup.start};
     * {@code length} if the last value is not its code. Walks down from the last index while each recorded
     * diff is the code's own ({@code code(i) ^ code(i - 1)}), a whole rising run at a time.
     */
    long identityFrom() {
        int w = outWidth;
        if (length != 1L << w) return length;
        long lo = -(1L << (w - 1));
        if (value(length - 1) != lo + length - 1) return length;
        long i = length - 1; // value(i) is its code
        while (i > 0) {
            long a = risingFrom(i);
            if (a >= 0 && a < i) { i = a; continue; } // (a, i] rises by one per index: codes all the way
            long code = lo + i;
            if (diffAt(i) != ((code ^ (code - 1)) & ((1L << w) - 1))) return i;
            i--;
        }
        return 0;
    }

    /** The start a of a recorded stretch {@code (a, i]} rising by one per index (runs or step ranges), or -1. */
    private long risingFrom(long i) {
        long a = runs.risingFrom(i);
        for (TableChanges.Steps st : steps) if (a < 0) a = st.risingFrom(i);
        return a;
    }

    /** The diff {@code value(i) ^ value(i - 1)} as recorded (0: no change). */
    long diffAt(long i) {
        long d = 0;
        for (TableChanges.Part p : parts()) d |= p.diffAt(i);
        return d;
    }

    /** Whether the two stats record the same changes everywhere (tests; time linear in the length). */
    boolean sameAs(TableStats o) {
        if (o.length != length || o.outWidth != outWidth) return false;
        long mask = outWidth >= 64 ? -1L : (1L << outWidth) - 1;
        for (long i = 1; i < length; i++) {
            long a = diffAt(i), b = o.diffAt(i);
            if ((a != 0) != (b != 0) || ((a ^ b) & mask) != 0) return false;
        }
        return breaks(0, length - 1) == o.breaks(0, length - 1);
    }

    /** Parts of each form (tests: the construction used the cheap forms): dense ranges, sparse changes, runs, step ranges. */
    int[] partSizes() { return new int[] {dense.size(), sparse.size(), runs.size(), steps.size(), every.size()}; }

    int outWidth() { return outWidth; }

    /** One chunk's scan: changes into its own parts, in index order. */
    private final class Scan {
        final List<TableChanges.Dense> dense = new ArrayList<>();
        final TableChanges.Sparse sparse = new TableChanges.Sparse(outWidth);
        final TableChanges.Runs runs = new TableChanges.Runs();
        private final LongUnaryOperator guess;

        Scan(LongUnaryOperator guess) { this.guess = guess; }

        /** Every index in {@code (from, to]}. */
        void linear(long from, long to) {
            TableChanges.Dense d = new TableChanges.Dense(from, to, outWidth);
            long prev = value(from);
            for (long i = from + 1; i <= to; i++) {
                long v = value(i);
                if (v != prev) d.record(i, v ^ prev);
                prev = v;
            }
            dense.add(d);
        }

        /** {@code (from, to]} where the value is monotone: from each change, the next. */
        void monotone(long from, long to) {
            long i = from, v = value(from);
            long[] at = new long[1];
            while (i < to) {
                long j = next(value, guess, i, v, to, at);
                if (j < 0) return;
                long vj = at[0];
                sparse.add(j, v ^ vj);
                i = j;
                v = vj;
            }
        }

        /**
         * {@code (from, to]} where {@code g(i) = value(i) - dir i - offset} is monotone ({@code dir} +1 or -1):
         * a run of constant g moves by {@code dir} per index; its end is where g changes.
         */
        void unitSteps(long from, long to, long offset, int dir) {
            LongUnaryOperator g = i -> value(i) - dir * i - offset;
            LongUnaryOperator gg = guess == null ? null : i -> {
                long p = guess.applyAsLong(i);
                return p == Long.MIN_VALUE ? p : p - dir * i - offset;
            };
            long i = from, gi = g.applyAsLong(from);
            long[] at = new long[1];
            while (i < to) {
                long j = next(g, gg, i, gi, to, at); // the first index with another g, or none
                long end = j < 0 ? to : j - 1;
                runs.add(i, end, gi + dir * i + offset, dir);
                if (j < 0) return;
                long vPrev = gi + dir * end + offset, vNext = at[0] + dir * j + offset;
                if (vPrev != vNext) sparse.add(j, vPrev ^ vNext);
                i = j;
                gi = vNext - dir * j - offset;
            }
        }
    }

    /**
     * The first index in {@code (i, to]} where the monotone {@code f} differs from {@code fi = f(i)}, or -1:
     * first where the guess says, checked by two evaluations of f (equal at both ends of a stretch: no change
     * inside); where the guess is wrong, by galloping on f.
     */
    static long next(LongUnaryOperator f, LongUnaryOperator guess, long i, long fi, long to, long[] fAt) {
        if (guess != null) {
            long j = gallop(guess, i, fi, to, fAt);
            if (j < 0) {
                if (f.applyAsLong(to) == fi) return -1;
            } else if (j - 1 == i || f.applyAsLong(j - 1) == fi) {
                long fj = f.applyAsLong(j);
                if (fj != fi) { fAt[0] = fj; return j; }
            }
        }
        return gallop(f, i, fi, to, fAt);
    }

    /**
     * The first index in {@code (i, to]} where {@code f} differs from {@code fi}, assuming f monotone there, with
     * {@code f} there in {@code fAt[0]}; -1 if none.
     */
    static long gallop(LongUnaryOperator f, long i, long fi, long to, long[] fAt) {
        long lo = i, hi, step = 1, fh;
        while (true) {
            long j = Math.min(i + step, to);
            long fj = f.applyAsLong(j);
            if (fj != fi) { hi = j; fh = fj; break; }
            lo = j;
            if (j == to) return -1;
            step <<= 1;
        }
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1, fm = f.applyAsLong(mid);
            if (fm != fi) { hi = mid; fh = fm; } else lo = mid;
        }
        fAt[0] = fh;
        return hi;
    }
}
