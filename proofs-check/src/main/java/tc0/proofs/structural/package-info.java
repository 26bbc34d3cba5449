/**
 * Structural checks over a sweep of n: how depth, size and wires grow (fitted degree, constancy), and the
 * sweep as CSV and as a plot. What a sweep shows is evidence about the instances swept; the symbolic
 * bounds are the proofs.
 */
package tc0.proofs.structural;
