/**
 * AIGER, the and-inverter graph exchange format (ASCII {@code .aag} and binary {@code .aig}, combinational
 * part of AIGER 1.9). Reading: {@link tc0.circuits.io.aiger.AigerParser} turns bytes into an
 * {@link tc0.circuits.io.aiger.AigerModel}, {@link tc0.circuits.io.aiger.AigerToCircuit} builds the threshold
 * circuit (one gate per AND). Writing: {@link tc0.circuits.io.aiger.ThresholdToAig} decomposes every gate
 * into ANDs on an {@link tc0.circuits.io.aiger.AigBuilder}, {@link tc0.circuits.io.aiger.AigerWriter} emits
 * the file. The mapping both ways is in docs/FORMATS.md.
 */
package tc0.circuits.io.aiger;
