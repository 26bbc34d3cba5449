package tc0.compiler.count;

/**
 * The diagonal that splits a matrix map ({@link ClassMap#triangle}): entry (i, j) is on the lower side (0) where
 * {@code key(j) - i <= offset}, else on the upper side (1). The key of a column is the column itself, or, for a
 * pair axis of {@code pairs} x {@code pairs} positions ({@code j = a pairs + b}), the larger of the two: the mask
 * {@code rowkron(tril(n), tril(n))} keeps (i, (a, b)) where {@code max(a, b) <= i}, one split, not n^2 groups.
 *
 * @param offset the diagonal's offset ({@code tril(n)}: 0)
 * @param pairs 0 for a plain column axis; else the paired factor's length {@code q}
 */
record Diagonal(long offset, long pairs) {
    /** The plain diagonal {@code j - i <= offset}. */
    static Diagonal plain(long offset) { return new Diagonal(offset, 0); }

    /** Whether the column axis is a pair axis. */
    boolean paired() { return pairs != 0; }

    /** The column's key: j, or max(j / pairs, j mod pairs). */
    long key(long j) { return pairs == 0 ? j : Math.max(j / pairs, j % pairs); }

    /** The side of entry (i, j): 0 on or below the diagonal, else 1. */
    int side(long i, long j) { return key(j) - i <= offset ? 0 : 1; }

    /** The same split read transposed (plain only): j - i <= k is j' - i' >= -k, the lower side of -k - 1 the old upper one. */
    Diagonal transposed() {
        if (paired()) throw new IllegalStateException("a pair-keyed split transposed");
        return plain(-offset - 1);
    }
}
