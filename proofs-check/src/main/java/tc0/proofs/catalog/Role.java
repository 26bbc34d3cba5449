package tc0.proofs.catalog;

/** What a claim is to its paper. */
public enum Role {
    /** The paper's main membership (upper-bound) theorem. */
    MAIN,
    /** A lower bound: what the model cannot do unless TC0 = NC1 (or another separation). */
    HARDNESS,
    /** A lemma the proofs compose: a building block or a float-toolkit primitive. */
    LEMMA,
    /** A fine-grained time or memory result. */
    FINE_GRAINED,
    /** A problem whose natural circuit is set beside the architectures' constant depth. */
    CONTRAST
}
