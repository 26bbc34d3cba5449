/**
 * The catalog's checks run on concrete instances: STRUCT (a sweep of n: constant depth, polynomial size, fan-in
 * and weights), FUNC (the circuit against the exact reference bit for bit), DEPTH (the paper's depth formula
 * evaluated with primitive depths measured from tc0's own blocks, beside the block's depth) and CONTRAST. Each
 * gives an {@link tc0.proofs.check.Outcome}: what it checked, on which instances, the figures, a verdict and what it
 * does not establish.
 */
package tc0.proofs.check;
