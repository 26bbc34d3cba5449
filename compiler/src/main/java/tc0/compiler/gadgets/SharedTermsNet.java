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
}
