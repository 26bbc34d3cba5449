/**
 * The JGraphT view of a circuit, for graph algorithms and the standard graph exports. Hot paths (analyses,
 * evaluators) read the circuit's arrays instead.
 */
package tc0.circuits.graph;
