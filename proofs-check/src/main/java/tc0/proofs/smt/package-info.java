/**
 * Formal checks with Z3: every gadget proved equal to its arithmetic for all inputs at fixed widths
 * ({@link tc0.proofs.smt.Prover}, {@link tc0.proofs.smt.Gadgets}), or from proofs of its steps
 * ({@link tc0.proofs.smt.CompositionProver}), and the catalog's SMT rows
 * ({@link tc0.proofs.smt.SmtCheck}). docs/LEMMAS.md, section "SMT", has the table of widths and times.
 */
package tc0.proofs.smt;
