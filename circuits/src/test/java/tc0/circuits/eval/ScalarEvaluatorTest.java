package tc0.circuits.eval;

class ScalarEvaluatorTest extends EvaluatorContract {
    @Override
    protected Evaluator evaluator(int threads) {
        return new ScalarEvaluator();
    }
}
