package tc0.compiler.gadgets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link WeightedSum#closedCost} needs to know about a linear form, without its literals: per bit column
 * the run-length list of what lands there (so many distinct fresh literals at a level), plus literals with
 * an identity where one node lands in several columns (a weight that is not a power of two) or appears
 * twice. Built in the order the form's terms are added (the order decides which entries end up alone in a
 * group, which matters only for identified literals). Size: one run per (column, class), not per literal,
 * except identified literals (one run per occurrence and column).
 *
 * <p>Assumption, checked where it can be: an identified literal occurs with one sign only; fresh literals
 * ({@link #add}) are distinct nodes that occur nowhere else in the form.
 */
public final class SumShape {
    static final int ANON = -1;
    private static final int AUTO_ID = 1 << 30;

    /** A run of {@code count} entries of one column at one level; {@code id >= 0}: one identified literal. */
    static final class Run {
        long count;
        final int level;
        final int id;

        Run(long count, int level, int id) { this.count = count; this.level = level; this.id = id; }
    }

    final List<List<Run>> cols = new ArrayList<>();
    long constant;
    long umax;
    long distinct;
    int maxLevel;
    private int nextAuto = AUTO_ID;
    private final Set<Integer> ids = new HashSet<>();
    private final Set<Long> placed = new HashSet<>();
    private final java.util.Map<Integer, Integer> idSign = new java.util.HashMap<>();
    /** When the form has exactly one distinct literal: its signed weight and level (for the fallback). */
    long soleWeight;
    int soleLevel;

    public SumShape() {}

    /** Adds {@code count} distinct fresh literals, each with weight {@code weight}, at {@code level}. */
    public SumShape add(long count, long weight, int level) {
        if (count < 0) throw new IllegalArgumentException("count " + count);
        if (count == 0 || weight == 0) return this;
        long a = Math.abs(weight);
        if (weight < 0) constant = Math.addExact(constant, Math.multiplyExact(weight, count));
        umax = Math.addExact(umax, Math.multiplyExact(a, count));
        distinct += count;
        maxLevel = Math.max(maxLevel, level);
        soleWeight = weight;
        soleLevel = level;
        if (Long.bitCount(a) == 1) {
            append(col(Long.numberOfTrailingZeros(a)), count, level, ANON);
        } else {
            for (long i = 0; i < count; i++) {
                int id = nextAuto++;
                for (int j = 0; j < 63; j++) if ((a >>> j & 1) != 0) append(col(j), 1, level, id);
            }
        }
        return this;
    }

    /** Adds one occurrence of the identified literal {@code id >= 0} (the same node each time) with {@code weight}. */
    public SumShape addLiteral(int id, long weight, int level) {
        if (id < 0 || id >= AUTO_ID) throw new IllegalArgumentException("id " + id);
        if (weight == 0) return this;
        int sign = Long.signum(weight);
        Integer prev = idSign.putIfAbsent(id, sign);
        if (prev != null && prev != sign) throw new IllegalArgumentException("literal " + id + " with both signs");
        long a = Math.abs(weight);
        if (weight < 0) constant = Math.addExact(constant, weight);
        umax = Math.addExact(umax, a);
        if (ids.add(id)) distinct++;
        maxLevel = Math.max(maxLevel, level);
        soleWeight = prev == null ? weight : Math.addExact(soleWeight, weight);
        soleLevel = level;
        for (int j = 0; j < 63; j++) {
            if ((a >>> j & 1) == 0) continue;
            if (!placed.add(((long) j << 32) | id)) throw new UnsupportedOperationException("literal " + id + " twice in column " + j + ": not modelled");
            append(col(j), 1, level, id);
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
        constant = Math.addExact(constant, c);
        return this;
    }

    private List<Run> col(int j) {
        while (cols.size() <= j) cols.add(new ArrayList<>());
        return cols.get(j);
    }

    static void append(List<Run> col, long count, int level, int id) {
        if (count == 0) return;
        if (id == ANON && !col.isEmpty()) {
            Run last = col.get(col.size() - 1);
            if (last.id == ANON && last.level == level) { last.count += count; return; }
        }
        col.add(new Run(count, level, id));
    }
}
