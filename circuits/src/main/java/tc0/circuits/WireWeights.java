package tc0.circuits;

/**
 * A circuit's wire weights in four bytes a wire where the weight fits an int (nearly every weight a compiler
 * makes), the rare wider ones kept aside ({@link WideWeights}). A third less memory than a long a wire: on
 * a large compile the memory touched for the first time is a large part of the time (docs/PERFORMANCE.md).
 * Wire {@code e}'s weight is its narrow entry (stored in {@link WireChunks}) unless that is {@link #WIDE}.
 * Read only.
 */
final class WireWeights {
    /** Marks a wire whose weight is kept aside; no weight is stored narrow as this value. */
    static final int WIDE = Integer.MIN_VALUE;

    private final int[][] narrow;
    private final WideWeights wide;

    WireWeights(int[][] narrow, WideWeights wide) {
        this.narrow = narrow;
        this.wide = wide;
    }

    /** {@code w} as stored narrow, or {@link #WIDE} after adding it to {@code wide} as wire {@code e}'s. */
    static int narrowOrMark(long w, int e, WideWeights wide) {
        if (w == (int) w && w != WIDE) return (int) w;
        wide.add(e, w);
        return WIDE;
    }

    /** Wire {@code e}'s weight. */
    long get(int e) {
        int w = narrow[e >>> WireChunks.BITS][e & WireChunks.MASK];
        return w != WIDE ? w : wide.get(e);
    }

    /** The number of wires whose weights do not fit an int. */
    int wideCount() { return wide.size(); }
}
