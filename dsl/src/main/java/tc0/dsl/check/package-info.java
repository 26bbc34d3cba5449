/**
 * The semantic checks, one class per phase, each reporting into a {@link tc0.dsl.Diagnostics}:
 * {@link tc0.dsl.check.Resolver} (names, placement, argument counts, no recursion),
 * {@link tc0.dsl.check.ShapeChecker} (symbolic shapes, decided by {@link tc0.dsl.check.Poly}),
 * {@link tc0.dsl.check.PrecisionChecker} and {@link tc0.dsl.check.ConcreteChecker} (the checks that
 * need parameter values). {@link tc0.dsl.check.Builtin} is the closed catalogue of built-ins.
 */
package tc0.dsl.check;
