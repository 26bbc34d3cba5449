/**
 * Interpreters over the tensor IR: {@link tc0.compiler.interp.ReferenceInterpreter} (exact, on codes, by the
 * numerics package: what a circuit must equal bit for bit), {@link tc0.compiler.interp.Float64Interpreter}
 * (the same graph in doubles), {@link tc0.compiler.interp.ApproximationError} (the difference) and
 * {@link tc0.compiler.interp.InputGenerator} (zeros, extremes, random codes).
 */
package tc0.compiler.interp;
