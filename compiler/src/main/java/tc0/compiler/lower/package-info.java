/** Lowering: the tensor IR to a threshold circuit, bit-exact with the reference interpreter. */
package tc0.compiler.lower;
