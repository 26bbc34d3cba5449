/**
 * The gadget library: constant-depth threshold-circuit constructions for the arithmetic tc0 lowers to
 * (n-ary weighted sums, comparison, max/argmax, selection, multiplication, table lookup, division, softmax,
 * matrix product, RoPE, layer norm, neighbour aggregation). Each gadget is written once against {@link
 * tc0.compiler.gadgets.Net}: over a {@link tc0.circuits.CircuitBuilder} it builds gates, over a {@link
 * tc0.compiler.gadgets.CountingNet} it only counts them, so {@code cost(params)} is the same construction
 * without a circuit. Words are {@code int[]} literals, least significant bit first, two's complement.
 * See {@code docs/GADGETS.md}.
 */
package tc0.compiler.gadgets;
