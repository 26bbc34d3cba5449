/**
 * The architecture language: {@link tc0.dsl.Dsl#check(String, String)} turns a spec's text into a
 * {@link tc0.dsl.CheckResult}, holding a {@link tc0.dsl.CheckedModel} or every
 * {@link tc0.dsl.Diagnostic} ({@code file:line:col: message}, rendered with a caret). The stages:
 * {@link tc0.dsl.parser} (grammar, parse tree to AST), {@link tc0.dsl.ast} (the tree, printer),
 * {@link tc0.dsl.check} (resolver, shape checker, precision and concrete checks). The
 * {@link tc0.dsl.Prelude} is written in the language itself. Reference: docs/LANGUAGE.md.
 */
package tc0.dsl;
