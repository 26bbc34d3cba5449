package tc0.compiler.gadgets;

/**
 * A {@link TwinNet} that takes a twin's ladder gates (many gates over one set of terms, {@link LadderTwin}) one by
 * one with their terms by reference, so that a net which drops dead gates can settle them as it settles its own gates
 * (tc0.compiler.count.LiveNet's tail) rather than run the gadget again for each layer of them.
 */
public interface SharedTermsNet extends TwinNet {
    /** A new group of gates over the normalised term literals {@code terms} (kept by reference, not changed after). */
    int group(int[] terms);

    /**
     * A gate of group {@code group} on {@code level}, of fan-in its terms: a literal that dies like a gate; the net
     * counts it and reads the group's terms where it is live.
     */
    int groupGate(int group, int level);

    /**
     * Opens a twin's unit: the gates counted ({@link #counted}) and literals read ({@link #reads}) until
     * {@link #closeUnit} are there only for {@code out}, an {@link #outputAt} literal still {@link #alive}, so that the
     * net can take them off itself where {@code out} dies (as it settles its own gates) instead of running the gadget
     * again. No gate is made while a unit is open.
     */
    void openUnit(int out);

    /** Ends the unit {@link #openUnit} opened. */
    void closeUnit();

    /**
     * A compression group's twin ({@link CountBitsTwin}) to settle with the net's gates: {@code [count >= t]} for t in
     * {@code lo .. hi} are gates of fan-in {@code r} on {@code geLevel}, reading {@code terms} (node literals); bit l
     * with {@code fanIn[l] > 0} is the gate {@code out[l]} on {@code geLevel + 1} reading those at the multiples of
     * {@code 2^l}; {@code geLit[k]} is {@code [count >= geT[k]]} itself, a bit. The group has counted what its
     * outputs alive now need and read {@code terms} through here only ({@code reads} not called). {@code runs}: the
     * group's gates also decide reads made elsewhere (a run's entries), so the net must run again if all of them die.
     */
    void countGroup(int[] out, long[] fanIn, int[] geLit, int[] geT, int geMade, int lo, int hi, int r, int geLevel, int[] terms, int termCount, boolean runs);

    /**
     * Whether a wide sum's first compression round may hold its count bits as families ({@link UnlistedRound}): the
     * bits a column's last-round group reads unlisted, all standing as one {@link #familyAt} node of that column.
     */
    boolean countFamilies();

    /**
     * A node standing for every unmade count bit of one column: they have one reader (the column's last-round group),
     * so they live or die together; an {@link #outputAt} literal on {@code level} that the net settles with the
     * groups whose bits it stands for (it is their bits' node in {@link #countGroup}), made before any of them.
     */
    int familyAt(int level);

    /**
     * Whether a block ladder read by its bits alone may count its bits as one {@link #countGroup} ({@link LadderGroup}),
     * no node per ladder gate.
     */
    default boolean ladderGroups() { return false; }

    /** Sets a {@link #familyAt} literal's level (the highest of the bits it stands for, known once the round is done). */
    void relevel(int lit, int level);
}
