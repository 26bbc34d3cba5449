/**
 * The exact fixed-point semantics of every operation tc0 lowers to circuits: formats, rounding (nearest,
 * ties up), saturation, exact sums and products before one rounding, correctly rounded tables of unary
 * functions, division, softmax, layer norm and RoPE. The reference interpreter and the gadgets both follow
 * these definitions, so a circuit equals the reference bit for bit. See {@code docs/NUMERICS.md}.
 */
package tc0.compiler.numerics;
