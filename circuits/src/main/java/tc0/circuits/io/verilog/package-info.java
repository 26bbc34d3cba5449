/**
 * Structural Verilog output: one module per circuit, one continuous assignment per threshold gate, readable
 * by Icarus Verilog, Yosys and ABC. Conventions (names, signedness, widths) are in docs/EXPORTS.md.
 */
package tc0.circuits.io.verilog;
