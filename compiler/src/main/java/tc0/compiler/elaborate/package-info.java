/**
 * Elaboration: a checked model and parameter values to a {@link tc0.compiler.ir.TensorProgram}
 * ({@link tc0.compiler.elaborate.Elaborator#elaborate}). Parameters are bound, loops unrolled, functions
 * inlined, weights instantiated ({@link tc0.compiler.elaborate.Weights}, {@link tc0.compiler.elaborate.NpyReader}).
 * See docs/COMPILER.md, "Elaboration and the tensor IR".
 */
package tc0.compiler.elaborate;
