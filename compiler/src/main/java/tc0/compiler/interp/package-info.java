/**
 * Interpreters over the tensor IR: {@link tc0.compiler.interp.ReferenceInterpreter} (exact, on codes, by the
 * numerics package: what a circuit must equal bit for bit), {@link tc0.compiler.interp.Float64Interpreter}
 * (the same graph in doubles), {@link tc0.compiler.interp.Float64Errors} (the difference, per output over many inputs) and
 * {@link tc0.compiler.interp.InputGenerator} (zeros, extremes, random codes).
 */
package tc0.compiler.interp;
