package tc0.compiler.gadgets;

/**
 * A one-hot value's literals {@code [z = a]} as one family, on a net that keeps every gate ({@link TwinNet#bulkOneHots}):
 * every member a distinct gate on one level ({@link ResidueTwin}'s one-hots). A reader that takes many members (a table's
 * ORs, a series' terms) counts each with {@link #count} and needs no literal for it; a member read alone is made with
 * {@link #literal}. So a count holds no node per residue class: some 10^8 classes at p = 256, 10^9 at 512.
 */
interface OneHotBulk {
    /** The members' one level. */
    int level();

    /** Member a counted, once however often asked (as the first {@code literal(a)} counts it). */
    void count(int a);

    /** Member a as a literal of its own (counted, where not yet). */
    int literal(int a);
}
