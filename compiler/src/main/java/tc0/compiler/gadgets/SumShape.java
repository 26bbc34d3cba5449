package tc0.compiler.gadgets;

/**
 * What {@link WeightedSum#closedCost} needs to know about a linear form, without its literals: per bit column
 * the run-length list of what lands there (so many distinct fresh literals at a level), plus literals with
 * an identity where one node lands in several columns (a weight that is not a power of two) or appears
 * twice. Built in the order the form's terms are added (the order decides which entries end up alone in a
 * group, which matters only for identified literals). Size: one run per (column, class), not per literal;
 * identified literals keep one id per occurrence and column, those landing next to each other at one level
 * in one run ({@link Runs}).
 *
 * <p>Assumption, checked where it can be: an identified literal occurs with one sign only; fresh literals
 * ({@link #add}) are distinct nodes that occur nowhere else in the form.
 */
public final class SumShape {
    static final int ANON = -1;
    private static final int AUTO_ID = 1 << 30;
    private static final int ABSENT = 0;

    /** Columns {@code 0 .. ncols - 1} as runs (read by {@link SumCount}, never written there). */
    Runs[] cols = new Runs[8];
    int ncols;
    /**
     * The form's constant plus its negative weights ({@code c}), and the sum of all weights' magnitudes
     * ({@code umax}): exact as longs until one passes a long, then exact in {@link #bigConstant} /
     * {@link #bigUmax} (non-null from then on, the long stale). The structure of the sum (columns, gates)
     * does not depend on these; only the saturation thresholds and the constant's low bits do.
     */
    long constant;
    long umax;
    java.math.BigInteger bigConstant, bigUmax;
    /** The magnitude of the negative weights' sum, exact likewise (with {@code umax}: the positive weights' sum). */
    long neg;
    java.math.BigInteger bigNeg;
    long distinct;
    int maxLevel;
    private int nextAuto = AUTO_ID;
    /** Identified literals and their sign (+1, -1); made on the first one. */
    private LongIntMap idSign;
    /** (column, identified literal) pairs placed, as {@code column << 32 | id}; made on the first one. */
    private LongIntMap placed;
    /** When the form has exactly one distinct literal: its signed weight and level (for the fallback). */
    long soleWeight;
    int soleLevel;
    /** Whether some literal's merged weight passed a long (only matters when it is the form's only literal). */
    boolean soleOverflow;

    public SumShape() {}

    /** Adds {@code count} distinct fresh literals, each with weight {@code weight}, at {@code level}. */
    public SumShape add(long count, long weight, int level) {
        if (count < 0) throw new IllegalArgumentException("count " + count);
        if (count == 0 || weight == 0) return this;
        if (weight == Long.MIN_VALUE) throw new ArithmeticException("weight -2^63 exceeds what a long holds");
        long a = Math.abs(weight);
        if (weight < 0) { addConstant(weight, count); neg = addMagnitude(neg, a, count, false); }
        umax = addMagnitude(umax, a, count, true);
        distinct += count;
        maxLevel = Math.max(maxLevel, level);
        soleWeight = weight;
        soleLevel = level;
        if (Long.bitCount(a) == 1) {
            append(Long.numberOfTrailingZeros(a), count, level, ANON);
        } else {
            for (long i = 0; i < count; i++) {
                int id = nextAuto++;
                for (long rest = a & Long.MAX_VALUE; rest != 0; rest &= rest - 1) append(Long.numberOfTrailingZeros(rest), 1, level, id);
            }
        }
        return this;
    }

    /**
     * Adds {@code count} distinct fresh literals, each with weight {@code weight * 2^shift}, at {@code level}:
     * as {@link #add}, for weights past a long too (a constant factor on a wide word: only the columns the
     * weight's bits land in count, and the totals are kept exactly). Such a weight is not buildable by tc0's
     * builder (its weights are longs), so the shape is then {@link #wide}.
     */
    public SumShape addShifted(long count, long weight, int shift, int level) {
        if (count < 0 || shift < 0) throw new IllegalArgumentException("count " + count + ", shift " + shift);
        if (count == 0 || weight == 0) return this;
        if (weight == Long.MIN_VALUE) throw new ArithmeticException("weight -2^63 exceeds what a long holds");
        long a = Math.abs(weight);
        if (64 - Long.numberOfLeadingZeros(a) + shift <= 62) return add(count, weight << shift, level);
        java.math.BigInteger total = java.math.BigInteger.valueOf(a).shiftLeft(shift).multiply(java.math.BigInteger.valueOf(count));
        if (weight < 0) {
            bigConstant = constantExact().subtract(total);
            bigNeg = (bigNeg != null ? bigNeg : java.math.BigInteger.valueOf(neg)).add(total);
        }
        bigUmax = umaxExact().add(total);
        distinct += count;
        maxLevel = Math.max(maxLevel, level);
        soleOverflow = true; // no long holds the weight: a form of this literal alone is not counted
        soleLevel = level;
        if (Long.bitCount(a) == 1) {
            append(Long.numberOfTrailingZeros(a) + shift, count, level, ANON);
        } else {
            for (long i = 0; i < count; i++) {
                int id = nextAuto++;
                for (long rest = a; rest != 0; rest &= rest - 1) append(Long.numberOfTrailingZeros(rest) + shift, 1, level, id);
            }
        }
        return this;
    }

    /** Adds {@code c} to the constant, exactly (past a long too: see {@link #wide}). */
    public SumShape addConstant(java.math.BigInteger c) {
        if (c.bitLength() <= 63) return addConstant(c.longValue(), 1);
        bigConstant = constantExact().add(c);
        return this;
    }

    /** Adds one occurrence of the identified literal {@code id >= 0} (the same node each time) with {@code weight}. */
    public SumShape addLiteral(int id, long weight, int level) {
        if (id < 0 || id >= AUTO_ID) throw new IllegalArgumentException("id " + id);
        if (weight == 0) return this;
        if (weight == Long.MIN_VALUE) throw new ArithmeticException("weight -2^63 exceeds what a long holds");
        int sign = Long.signum(weight);
        if (idSign == null) { idSign = new LongIntMap(); placed = new LongIntMap(); }
        int prev = idSign.putIfAbsent(id, sign, ABSENT);
        if (prev != ABSENT && prev != sign) throw new IllegalArgumentException("literal " + id + " with both signs");
        long a = Math.abs(weight);
        if (weight < 0) { addConstant(weight, 1); neg = addMagnitude(neg, a, 1, false); }
        umax = addMagnitude(umax, a, 1, true);
        if (prev == ABSENT) distinct++;
        maxLevel = Math.max(maxLevel, level);
        if (prev == ABSENT) soleWeight = weight;
        else {
            long s = soleWeight + weight;
            if (((soleWeight ^ s) & (weight ^ s)) < 0) soleOverflow = true;
            soleWeight = s;
        }
        soleLevel = level;
        for (long rest = a & Long.MAX_VALUE; rest != 0; rest &= rest - 1) { // columns 0 .. 62
            int j = Long.numberOfTrailingZeros(rest);
            if (placed.putIfAbsent(((long) j << 32) | id, 1, ABSENT) != ABSENT) {
                throw new UnsupportedOperationException("literal " + id + " twice in column " + j + ": not modelled");
            }
            append(j, 1, level, id);
        }
        return this;
    }

    /** Adds {@code count} distinct words of {@code width} bits (two's complement) with coefficient {@code coeff}. */
    public SumShape addWords(long count, int width, long coeff, int level) {
        if (Long.bitCount(Math.abs(coeff)) <= 1) {
            for (int i = 0; i < width; i++) add(count, bitWeight(i, width, coeff), level);
        } else {
            for (long t = 0; t < count; t++) for (int i = 0; i < width; i++) add(1, bitWeight(i, width, coeff), level);
        }
        return this;
    }

    static long bitWeight(int i, int width, long coeff) {
        long b = Math.multiplyExact(coeff, 1L << i);
        return i == width - 1 ? Math.negateExact(b) : b;
    }

    public SumShape addConstant(long c) {
        return addConstant(c, 1);
    }

    /** Adds {@code c * times} to the constant, exactly (past a long too: see {@link #wide}). */
    public SumShape addConstant(long c, long times) {
        if (bigConstant == null) {
            long lo = c * times;
            if (Math.multiplyHigh(c, times) == lo >> 63) {
                long s = constant + lo;
                if (((constant ^ s) & (lo ^ s)) >= 0) { constant = s; return this; }
            }
            bigConstant = java.math.BigInteger.valueOf(constant);
        }
        bigConstant = bigConstant.add(java.math.BigInteger.valueOf(c).multiply(java.math.BigInteger.valueOf(times)));
        return this;
    }

    /**
     * {@code sum + a * times} for a sum of magnitudes ({@code umax}, or {@code neg}), {@code a, times >= 0}:
     * the long while it fits, else the exact sum goes on in {@link #bigUmax} / {@link #bigNeg} and the long
     * returned is stale.
     */
    private long addMagnitude(long sum, long a, long times, boolean toUmax) {
        java.math.BigInteger big = toUmax ? bigUmax : bigNeg;
        if (big == null) {
            long lo = a * times;
            if (Math.multiplyHigh(a, times) == 0 && lo >= 0 && sum + lo >= 0) return sum + lo;
            big = java.math.BigInteger.valueOf(sum);
        }
        big = big.add(java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(times)));
        if (toUmax) bigUmax = big; else bigNeg = big;
        return sum;
    }

    /** Whether {@link #constant} and {@link #umax} are exact (no sum went past a long). */
    boolean longs() {
        return bigConstant == null && bigUmax == null;
    }

    /**
     * Whether a number that tc0's builder keeps in a long passes it: the form's constant plus its negative
     * weights ({@code c}), or the sum of its positive or of its negative weights (a gate's weight sums, as
     * {@code CircuitBuilder} checks them). The sum's structure is still counted exactly ({@link SumCount}),
     * but the builder cannot build it. (The sum of all magnitudes may pass a long on its own: the builder
     * never adds the two signs up.)
     */
    public boolean wide() {
        if (bigConstant != null || bigNeg != null) return true;
        return bigUmax != null && bigUmax.subtract(java.math.BigInteger.valueOf(neg)).bitLength() > 63;
    }

    /** The constant, exactly. */
    java.math.BigInteger constantExact() {
        return bigConstant != null ? bigConstant : java.math.BigInteger.valueOf(constant);
    }

    /** The sum of the weights' magnitudes, exactly. */
    java.math.BigInteger umaxExact() {
        return bigUmax != null ? bigUmax : java.math.BigInteger.valueOf(umax);
    }

    /**
     * Adds {@code times} repetitions of the entries {@code counts[k]} fresh literals of weight {@code weights[k]}
     * at {@code levels[k]} (in order), all in one column: as {@link #add} would, one repetition after another
     * (a dot product of many equal pairs whose ANDs in a column differ in level). Kept as the pattern until the
     * column is read: when counted, where every group of the first compression round that holds entries of the
     * repetition holds one of its highest level, or an entry before it at least that high, the repetition is
     * one run at that level (the groups, their levels and so the count are the same); otherwise, or when the
     * column gets more entries after it, it is written out.
     */
    public SumShape addRepeated(long[] weights, int[] levels, long[] counts, long times) {
        int n = weights.length;
        if (n == 0 || times <= 0) return this;
        long a = Math.abs(weights[0]);
        if (Long.bitCount(a) != 1) throw new IllegalArgumentException("weight " + weights[0] + " is not a power of two");
        int j = Long.numberOfTrailingZeros(a);
        for (int k = 0; k < n; k++) {
            if (Math.abs(weights[k]) != a) throw new IllegalArgumentException("weights in several columns");
            if (counts[k] <= 0) continue;
            long total = Math.multiplyExact(counts[k], times);
            if (weights[k] < 0) { addConstant(weights[k], total); neg = addMagnitude(neg, a, total, false); }
            umax = addMagnitude(umax, a, total, true);
            distinct += total;
            maxLevel = Math.max(maxLevel, levels[k]);
            soleWeight = weights[k];
            soleLevel = levels[k];
        }
        return putRepeat(j, levels, counts, times);
    }

    /**
     * {@link #addRepeated} of the weights {@code weights[k] 2^shift}, past a long too (a dot of many equal pairs of
     * 34-bit words: mamba's scan at n = 2^20); the totals kept exactly, as {@link #addShifted} keeps them.
     */
    public SumShape addRepeatedShifted(long[] weights, int shift, int[] levels, long[] counts, long times) {
        int n = weights.length;
        if (n == 0 || times <= 0) return this;
        long a = Math.abs(weights[0]);
        if (shift < 0 || Long.bitCount(a) != 1) throw new IllegalArgumentException("weight " + weights[0] + " 2^" + shift + " is not a power of two");
        if (64 - Long.numberOfLeadingZeros(a) + shift <= 62) {
            long[] w = new long[n];
            for (int k = 0; k < n; k++) w[k] = weights[k] << shift;
            return addRepeated(w, levels, counts, times);
        }
        int j = Long.numberOfTrailingZeros(a) + shift;
        for (int k = 0; k < n; k++) {
            if (Math.abs(weights[k]) != a) throw new IllegalArgumentException("weights in several columns");
            if (counts[k] <= 0) continue;
            java.math.BigInteger total = java.math.BigInteger.ONE.shiftLeft(j).multiply(java.math.BigInteger.valueOf(Math.multiplyExact(counts[k], times)));
            if (weights[k] < 0) {
                bigConstant = constantExact().subtract(total);
                bigNeg = (bigNeg != null ? bigNeg : java.math.BigInteger.valueOf(neg)).add(total);
            }
            bigUmax = umaxExact().add(total);
            distinct += Math.multiplyExact(counts[k], times);
            maxLevel = Math.max(maxLevel, levels[k]);
            soleOverflow = true;
            soleLevel = levels[k];
        }
        return putRepeat(j, levels, counts, times);
    }

    /**
     * Column {@code j}'s pending repetition: the entries of positive count as runs (neighbouring equal levels
     * merged), {@code times} times; nothing where no entry counts.
     */
    private SumShape putRepeat(int j, int[] levels, long[] counts, long times) {
        int n = counts.length, m = 0;
        long[] cs = new long[n];
        int[] ls = new int[n];
        for (int k = 0; k < n; k++) {
            if (counts[k] <= 0) continue;
            if (m > 0 && ls[m - 1] == levels[k]) { cs[m - 1] += counts[k]; continue; }
            ls[m] = levels[k];
            cs[m++] = counts[k];
        }
        if (m == 0) return this;
        append(j, 0, 0, ANON); // the column exists (and an earlier repetition there is written out)
        if (repeats == null) repeats = new java.util.HashMap<>();
        repeats.put(j, new Repeat(java.util.Arrays.copyOf(ls, m), java.util.Arrays.copyOf(cs, m), times));
        return this;
    }

    /** A column's pending repetition: runs {@code counts[k]} at {@code levels[k]} (neighbours differ in level), {@code times} times. */
    record Repeat(int[] levels, long[] counts, long times) {
        long height() {
            long h = 0;
            for (long c : counts) h += c;
            return Math.multiplyExact(h, times);
        }

        void writeTo(Runs to) {
            for (long t = 0; t < times; t++) for (int k = 0; k < levels.length; k++) to.append(counts[k], levels[k], ANON);
        }

        int top() {
            int top = 0;
            for (int l : levels) top = Math.max(top, l);
            return top;
        }

        /**
         * Whether every group of the first of {@code rounds} rounds over {@code before} then this holds an entry
         * of this repetition's highest level, or (the one group across the two) an entry of {@code before} at
         * least that high: then the groups' levels are those of {@code before} then one run at that level.
         */
        boolean groupsReachTheTop(int rounds, Runs before) {
            if (rounds == 0) return true;
            long p0 = before.height(), h = p0 + height();
            return reachTheTop(top(), belowTop(times), head(), before, p0, h, SumCount.groupSize(h, rounds));
        }

        /** The stretch of entries before the first at the top level. */
        long head() {
            int top = top();
            long run = 0;
            for (int k = 0; k < levels.length; k++) { if (levels[k] == top) return run; run += counts[k]; }
            return -1; // never: the top level is some run's
        }

        /** The longest stretch of entries below the top level over {@code times} repetitions. */
        long belowTop(long times) {
            int top = top();
            long longest = 0, run = 0, head = -1;
            for (int k = 0; k < levels.length; k++) {
                if (levels[k] == top) { if (head < 0) head = run; longest = Math.max(longest, run); run = 0; } else run += counts[k];
            }
            return Math.max(longest, times > 1 ? run + head : run); // the last stretch runs on into the next repetition's first
        }

        /**
         * {@link #groupsReachTheTop} with its parts given (a sweep keeps them per column): the top level, the longest
         * stretch below it ({@link #belowTop}) and the one before its first entry ({@link #head}), the {@code p0}
         * entries of {@code before}, the column's height h and its group size g.
         */
        static boolean reachTheTop(int top, long longest, long head, Runs before, long p0, long h, long g) {
            long groups = (h + g - 1) / g, base = ColumnCut.base(h, groups), extra = ColumnCut.extra(h, groups);
            if (base <= longest) return false; // a group inside the repetition may miss the top
            // The group holding the repetition's first entry (groups of base + 1, then of base, as SumCount makes them).
            long q = ColumnCut.groupOf(p0, base, extra), start = ColumnCut.first(q, base, extra), end = start + ColumnCut.size(q, base, extra);
            if (start == p0 || end - p0 > head) return true;
            return maxLevel(before, start, p0) >= top;
        }

        /** The highest level among entries {@code from .. to - 1} of {@code col}. */
        private static int maxLevel(Runs col, long from, long to) {
            int max = Integer.MIN_VALUE;
            long at = 0;
            for (int q = 0; q < col.size && at < to; q++) {
                long next = at + col.count[q];
                if (next > from) max = Math.max(max, col.level[q]);
                at = next;
            }
            return max;
        }
    }

    java.util.Map<Integer, Repeat> repeats;

    /** Column j as a count of {@code rounds} rounds reads it: the stored runs, or with a pending repetition in {@code scratch}. */
    Runs column(int j, int rounds, Runs scratch) {
        Repeat r = repeats == null ? null : repeats.get(j);
        if (r == null) return cols[j];
        scratch.clear();
        scratch.copyFrom(cols[j]);
        if (r.groupsReachTheTop(rounds, cols[j])) scratch.append(r.height(), r.top(), ANON);
        else r.writeTo(scratch);
        return scratch;
    }

    /** Appends a run to column j; an anonymous run at the level of an anonymous last run merges into it. */
    private void append(int j, long count, int level, int id) {
        if (repeats != null && repeats.containsKey(j)) repeats.remove(j).writeTo(cols[j]);
        if (j >= ncols) {
            if (j >= cols.length) cols = java.util.Arrays.copyOf(cols, Math.max(j + 1, cols.length * 2));
            java.util.ArrayDeque<Runs> pool = POOL.get();
            while (ncols <= j) {
                Runs r = pool.poll();
                if (r == null) r = new Runs(); else r.clear();
                cols[ncols++] = r;
            }
        }
        cols[j].append(count, level, id);
    }

    /**
     * A copy of this shape, to add more to (a scan's rows share every term but one run's count: their common
     * part is built once and copied per row). Shapes with identified literals are not copied.
     */
    public SumShape copy() {
        if (idSign != null) throw new UnsupportedOperationException("a shape with identified literals is not copied");
        SumShape c = new SumShape();
        for (int j = 0; j < ncols; j++) {
            c.append(j, 0, 0, ANON); // the column exists
            c.cols[j].copyFrom(cols[j]);
        }
        c.constant = constant;
        c.umax = umax;
        c.bigConstant = bigConstant;
        c.bigUmax = bigUmax;
        c.neg = neg;
        c.bigNeg = bigNeg;
        c.distinct = distinct;
        c.maxLevel = maxLevel;
        c.nextAuto = nextAuto;
        c.soleWeight = soleWeight;
        c.soleLevel = soleLevel;
        c.soleOverflow = soleOverflow;
        if (repeats != null) c.repeats = new java.util.HashMap<>(repeats); // Repeat records are immutable
        return c;
    }

    /**
     * Hands the columns back for reuse by later shapes on this thread (counting makes one shape per weighted
     * sum, tens of thousands per count, each with tens of columns); the shape must not be used afterwards.
     */
    public void release() {
        java.util.ArrayDeque<Runs> pool = POOL.get();
        for (int j = 0; j < ncols; j++) {
            if (pool.size() < POOL_SIZE) pool.push(cols[j]);
            cols[j] = null;
        }
        ncols = 0;
        cols = new Runs[0];
        repeats = null;
    }

    private static final int POOL_SIZE = 256;
    private static final ThreadLocal<java.util.ArrayDeque<Runs>> POOL = ThreadLocal.withInitial(java.util.ArrayDeque::new);
}
