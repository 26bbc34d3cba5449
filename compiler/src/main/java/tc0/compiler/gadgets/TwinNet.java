package tc0.compiler.gadgets;

/**
 * A {@link Net} that only counts and lets a gadget stand in a <em>counting twin</em> for a regular stage of its
 * gates: the twin computes the stage's gates, wires and levels in closed form ({@link #counted}), tells which
 * literals the stage reads and how often ({@link #reads}), and hands on fresh literals at the levels its outputs
 * would have ({@link #freshAt}). A twin is exact only where every gate it stands for is live: a net that drops
 * dead gates checks that every fresh literal is read, and counts again without twins otherwise
 * ({@link #twins()} false).
 */
public interface TwinNet extends Net {
    /** Whether gadgets may use their twins on this net now. */
    boolean twins();

    /** The level of a literal's node (0 for inputs and constants). */
    int level(int lit);

    /** {@code count} gates of fan-in {@code fanIn} on {@code level}, counted in bulk. */
    void counted(long count, long fanIn, int level);

    /**
     * A twin's gates read {@code lit} (this many times, or fewer: a net tells only whether a literal is read, so a
     * twin may report each literal's reads once rather than pass over them per gate).
     */
    void reads(int lit, long times);

    /** A fresh literal standing for a twin's output gate on {@code level}. */
    int freshAt(int level);

    /**
     * A fresh literal for a twin's output gate on {@code level} that dies like a gate where nothing reads it (a
     * net that drops dead gates runs the gadget again), {@link #alive} telling the twin whether it did: so the twin
     * counts only the gates some live output needs, and needs no count without twins. {@link #freshAt} by default.
     */
    default int outputAt(int level) { return freshAt(level); }

    /**
     * Whether a one-hot value's members may be counted as one family ({@link OneHotBulk}), with no literal per member.
     * Its readers count a member ({@link OneHotBulk#count}) only where a reader of theirs that reads it is
     * {@link #alive}, and a member read alone is an {@link #outputAt} literal counted where alive: so on a net that
     * drops dead gates the members counted are those a live gate reads, as the builder keeps them.
     */
    default boolean bulkOneHots() { return false; }

    /**
     * Whether this net keeps every gate, read or not (a {@link CountingNet}, or one around it): then every output is
     * live, its {@link #reads} may go unreported, and a twin may count outputs it never makes as literals
     * ({@link UnlistedRound}).
     */
    default boolean keepsEveryGate() { return false; }

    /** Whether an {@link #outputAt} literal is read, as far as the runs so far tell (always, on a net that keeps every gate). */
    default boolean alive(int lit) { return true; }
}
