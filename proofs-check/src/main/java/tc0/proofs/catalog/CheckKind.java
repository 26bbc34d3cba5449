package tc0.proofs.catalog;

/** How a claim is checked on concrete instances (docs/LEMMAS.md says what each establishes and what it does not). */
public enum CheckKind {
    /** Sweep n: depth constant, size within a fitted polynomial degree, weights polynomial. */
    STRUCT,
    /** Circuit = reference interpreter bit for bit; error against float64 reported. */
    FUNC,
    /** Measured depth of the block set beside the paper's printed depth formula. */
    DEPTH,
    /** A problem believed outside TC0: its natural circuit's depth grows with n. */
    CONTRAST,
    /** Z3: a gadget equals its arithmetic spec for all inputs at given widths; symbolic size bounds. */
    SMT,
    /** Depth and gates as formulas in n and log n (fitted, confirmed), Z3 proving constant depth and a degree bound for all n = 2^L. */
    SYMBOLIC,
    /** A numeric property on concrete matrices (fine-grained and memory results). */
    NUM
}
