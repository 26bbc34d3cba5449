package tc0.compiler.gadgets;

/**
 * A one-hot value's literals {@code [z = a]} as one family ({@link TwinNet#bulkOneHots}): every member a distinct gate
 * on one level ({@link ResidueTwin}'s one-hots). A reader that takes many members (a table's ORs, a series' terms)
 * counts each it reads with {@link #count}, where that reader is live (always, on a net that keeps every gate), and
 * needs no literal for it; a member read alone is made with {@link #literal}, a literal that dies like a gate. So a
 * count holds no node per residue class: some 10^8 classes at p = 256, 10^9 at 512 (and a {@code LiveNet}'s block at
 * p = 64 some 40% fewer nodes).
 */
interface OneHotBulk {
    /** The members' one level. */
    int level();

    /** Member a counted, once however often asked (as the first {@code literal(a)} counts it). */
    void count(int a);

    /** Member a as a literal of its own (counted where it is alive, and not yet). */
    int literal(int a);

    /**
     * Members {@code from .. to} counted, as {@link #count} of each would: a reader that reads every class (a table with
     * no zero entry, a series term) asks this once, and a family that knows its members' fan-ins in closed form
     * ({@link ResidueTwin#countRange}) counts them without a pass over the classes.
     */
    default void countRange(int from, int to) {
        for (int a = from; a <= to; a++) count(a);
    }
}
