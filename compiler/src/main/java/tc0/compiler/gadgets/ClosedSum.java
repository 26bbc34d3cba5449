package tc0.compiler.gadgets;

/**
 * What {@link WeightedSum#closedSum} tells about a weighted sum without building it: gates per level
 * (absolute, from the shape's literal levels), wires, and what each output bit is, so that counting can
 * compose sums with what reads them.
 *
 * @param gatesPerLevel gates on each level (index = level)
 * @param wires         fan-in edges
 * @param bitKind       per output bit: a constant, its own combining gate, or a node it shares
 * @param bitLevel      per output bit: its node's level, -1 for a constant
 * @param bitNegated    per output bit: whether it is that node inverted
 * @param modelled      false where the count may include gates the builder drops, or the form has at most
 *                      one literal: then build the sum instead
 * @param wide          whether the form's constant, its weights' sum or a saturation threshold passes a long:
 *                      the figures are still exact (the gates do not depend on those numbers), but tc0's
 *                      builder, whose weights and thresholds are longs, cannot build this sum
 * @param countExact    whether the gates and wires are exact where {@code modelled} is false only for SOLE bits
 *                      (a bit that is its column's one entry, made no gate of its own: which node it is is not told)
 * @param wiresPast     wires past a long, added to {@code wires}; null while they fit (a dot of 2^40 terms: 2^66)
 */
public record ClosedSum(long[] gatesPerLevel, long wires, Kind[] bitKind, int[] bitLevel, boolean[] bitNegated, boolean modelled, boolean wide,
        boolean countExact, java.math.BigInteger wiresPast) {
    /** A sum whose wires fit a long. */
    public ClosedSum(long[] gatesPerLevel, long wires, Kind[] bitKind, int[] bitLevel, boolean[] bitNegated, boolean modelled, boolean wide,
            boolean countExact) {
        this(gatesPerLevel, wires, bitKind, bitLevel, bitNegated, modelled, wide, countExact, null);
    }

    /** What an output bit is. */
    public enum Kind {
        /** Constant 0 or 1. */
        FALSE, TRUE,
        /** Its own combining gate. */
        GATE,
        /** The bit's one comparator (a gate no other bit uses). */
        COMPARATOR,
        /** The saturation gate [S >= hi] (shared by every bit that is it). */
        HI,
        /** The saturation gate [S < lo]'s node (shared likewise). */
        LO,
        /** The form's only literal, or its column's one entry (no gate of its own). */
        SOLE
    }
}
