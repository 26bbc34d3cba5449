/**
 * Circuit evaluation on many input patterns: {@link tc0.circuits.eval.BitMatrix} holds patterns (rows are
 * signals, columns patterns, 64 per long); {@link tc0.circuits.eval.Evaluator} is the one interface,
 * implemented by the plain {@link tc0.circuits.eval.ScalarEvaluator} reference and the compiled
 * {@link tc0.circuits.eval.BitParallelEvaluator}; {@link tc0.circuits.eval.EvalBenchmark} times them.
 * All evaluators agree bit for bit; a shared abstract test holds every one of them to it.
 */
package tc0.circuits.eval;
