/**
 * The tensor IR: an immutable DAG of tensor operations with concrete shapes, element formats and source
 * regions ({@link tc0.compiler.ir.TensorProgram}, {@link tc0.compiler.ir.Node}, {@link tc0.compiler.ir.Op}).
 * Made by {@code tc0.compiler.elaborate}, read by the interpreters ({@code tc0.compiler.interp}), the
 * lowering to circuits and the cost counter. See docs/COMPILER.md, "Elaboration and the tensor IR".
 */
package tc0.compiler.ir;
