package tc0.compiler.gadgets;

import tc0.compiler.numerics.FixedFormat;

/**
 * When {@link DivideByConstant#chooseSplit} takes {@link DivideByConstant.Route#SPLIT}, told from SPLIT's numbers alone,
 * without the closed cost it computes. {@code chooseSplit} takes SPLIT whenever SPLIT's numbers fit (its
 * {@code Split.of} is not null) and the cost of its one sum over fresh literals at level 0 exists: no
 * {@link ArithmeticException}, i.e. the sum is not wide ({@link SumCount#wide}) and its wires fit a long. Both hold
 * where the numbers are small:
 * <ul>
 *   <li>With {@code B = |base| + sum |quot_i| + carries < 2^(60 - rounds)} and the output at most 61 bits, nothing is
 *       wide. The shape's constant and weight sums are at most B (a negative weight moves its magnitude into the
 *       constant); the saturation thresholds {@code ±2^(width - 1) - c - half} stay below 2^61. Columns start with a
 *       total weight {@code sum_j h_j 2^j} equal to {@code sum |quot_i| + carries <= B}, and a round turns a group of
 *       g entries of column j into the bits of g, worth less than {@code 2 g 2^j}: at most double a round. So the final
 *       stage's column sums stay below {@code 2^rounds B < 2^60}, plus the reduced constant below {@code 2^61}: below
 *       {@code 2^62}, the final stage's limit.</li>
 *   <li>With E entries (the quotients' set bits plus the carries) at most {@code 2^20}, the wires fit a long: entries
 *       never multiply (g entries become at most g bits), a round's gates read at most {@code E^2 + 8E} wires, the final
 *       stage's comparators number at most {@code E + 2} a column, each of fan-in at most E + 2, over at most 126
 *       columns, the saturation gates read E each, the carry comparators {@code carries x fanIn <= E^2}: far below
 *       {@code 2^63} for {@code rounds < 60}.</li>
 * </ul>
 * Conservative: a false answer says nothing (the caller asks {@code chooseSplit}).
 */
public final class SplitRoute {
    private SplitRoute() {}

    /** The most entries (quotients' set bits plus carries) for which the wires are known to fit a long. */
    static final long MOST_ENTRIES = 1L << 20;

    /**
     * Whether {@code chooseSplit} of a form whose SPLIT numbers are these (into {@code out}, with {@code rounds}) surely
     * takes SPLIT; the form must fit the long routes ({@link DivideWords#fitsLong}), as {@code chooseSplit}'s do.
     */
    public static boolean certain(DivideWords.SplitNumbers sp, FixedFormat out, int rounds) {
        if (sp == null || out.width() > 61 || rounds < 0 || rounds >= 58) return false;
        long limit = 1L << (60 - rounds);
        long carries = sp.thresholds().length;
        long total = Math.abs(sp.base()) + carries; // base below 2^62 in magnitude: no overflow yet
        long entries = carries;
        for (long q : sp.quot()) {
            if (q == Long.MIN_VALUE) return false;
            total += Math.abs(q);
            entries += Long.bitCount(Math.abs(q));
            if (total >= limit || entries > MOST_ENTRIES) return false; // each term below 2^62: no wrap before the check
        }
        return total < limit;
    }
}
