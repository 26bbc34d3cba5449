/**
 * The lemma catalog as data: one JSON file per paper under {@code tc0/proofs/catalog/} (resources), read into
 * {@link tc0.proofs.catalog.Paper} and {@link tc0.proofs.catalog.Claim} records by {@link tc0.proofs.catalog.Catalog};
 * the papers' printed depth formulas parsed into {@link tc0.proofs.catalog.DepthFormula}. The source of truth is
 * docs/LEMMAS.md's source list; the commands that run the checks ({@code tc0 lemmas}, {@code tc0 check}) are not
 * built yet.
 */
package tc0.proofs.catalog;
