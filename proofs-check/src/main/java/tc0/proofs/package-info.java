/** Lemma catalog and checks. */
package tc0.proofs;
