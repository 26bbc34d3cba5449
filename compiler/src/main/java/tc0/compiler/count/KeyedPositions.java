package tc0.compiler.count;

/**
 * Per column group of a matrix split by a {@link Diagonal}, its positions by their key: a row's kept entries of a
 * group are those with key at most its cut (side 0), the others (side 1) the rest, and a softmax line wants each
 * kind's count, first and last position. Listed ({@link ListedKeys}) or, on a pair axis held factored, worked out
 * from the two factors ({@link PairKeys}).
 */
interface KeyedPositions {
    /** Positions of group {@code g}. */
    long size(int g);

    /** Positions of group {@code g} whose key is at most {@code x}. */
    long atMost(int g, long x);

    /** The first position of group {@code g} with key at most {@code x} (side 0) or above it (side 1); only asked where there is one. */
    long first(int g, int side, long x);

    /** The last position of group {@code g} on that side of {@code x}; only asked where there is one. */
    long last(int g, int side, long x);

    /** The same positions for one thread whose keys mostly grow from question to question (may keep state: {@link PairKeys}); by default these. */
    default KeyedPositions cursor() { return this; }

    /** The keyed positions of an axis grouped {@code ids} (listed). */
    static KeyedPositions of(int[] ids, int groups, Diagonal d) { return new ListedKeys(ids, groups, d); }

    /** The keyed positions of an axis grouped by {@code p} ({@code d} keyed by its pairs) or, where it is not so keyed, listed. */
    static KeyedPositions of(PairAxis p, int groups, Diagonal d) {
        if (d.paired() && d.pairs() == p.q() && p.left().length == p.q()) return new PairKeys(p, groups);
        return new ListedKeys(p.listed(), groups, d);
    }
}
