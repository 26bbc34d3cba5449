/**
 * The lemma catalog as data: one JSON file per paper under {@code tc0/proofs/catalog/} (resources), read into
 * {@link tc0.proofs.catalog.Paper} and {@link tc0.proofs.catalog.Claim} records by {@link tc0.proofs.catalog.Catalog};
 * the papers' printed depth formulas parsed into {@link tc0.proofs.catalog.DepthFormula}. The source of truth is
 * docs/LEMMAS.md's source list; {@code tc0 lemmas} runs the checks ({@code tc0.proofs.check}).
 */
package tc0.proofs.catalog;
