/**
 * The catalog's checks run on concrete instances: STRUCT (a sweep of n: constant depth, size within the claim's
 * polynomial degree, fan-in and weights polynomial), FUNC (the circuit against the exact reference bit for bit, the
 * loop {@code tc0 verify} runs), DEPTH (the paper's depth formula evaluated with primitive depths measured from
 * tc0's own blocks, beside the depth of the claim's region of the compiled model or of its block: within, ABOVE by
 * how much, or failing where the depth changes with n) and CONTRAST. Each gives an
 * {@link tc0.proofs.check.Outcome}: what it checked, on which instances, the figures, a verdict and what it does
 * not establish.
 */
package tc0.proofs.check;
