/**
 * Graph exports of a circuit (DOT, GraphML, JSON) for viewers and other tools. DOT and GraphML go through
 * JGraphT's exporters over {@link tc0.circuits.graph.CircuitGraph}; JSON is written with Jackson because it
 * carries tables (buses, outputs, regions) that JGraphT's JSON format has no place for. What each export
 * holds is in docs/EXPORTS.md.
 */
package tc0.circuits.io.graph;
