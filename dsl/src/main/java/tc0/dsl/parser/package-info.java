/**
 * Text to syntax tree: the ANTLR grammar's generated lexer and parser (same package, generated from
 * {@code src/main/antlr4/tc0/dsl/parser/Tc0.g4}), {@link tc0.dsl.parser.SourceParser} which runs them
 * with tc0's own error listener, and {@link tc0.dsl.parser.ParseTreeToAst} which turns the parse tree
 * into {@link tc0.dsl.ast} at once. No ANTLR type leaves this package's public methods.
 */
package tc0.dsl.parser;
