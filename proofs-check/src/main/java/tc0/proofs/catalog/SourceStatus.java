package tc0.proofs.catalog;

/** How much of a claim's source was read. */
public enum SourceStatus {
    /** The paper's full text was read: lemma numbers and printed formulas are transcribed. */
    FULL_TEXT,
    /** Known from the abstract or a restatement elsewhere: the statement, not the proof's constants. */
    ABSTRACT_ONLY,
    /** Not a paper's claim: a fixture tc0 defines itself (the CONTRAST problems). */
    TC0_FIXTURE
}
