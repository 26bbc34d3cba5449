/** Counting mode: the cost of lowering a tensor program, without building the circuit. */
package tc0.compiler.count;
