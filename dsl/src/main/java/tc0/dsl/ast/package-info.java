/**
 * tc0's own syntax tree for the architecture language: immutable records under sealed interfaces,
 * every node with its source {@link tc0.dsl.ast.Pos}. {@link tc0.dsl.ast.Printer} writes a tree back
 * as canonical source; {@link tc0.dsl.ast.StripPositions} erases positions so trees can be compared.
 */
package tc0.dsl.ast;
