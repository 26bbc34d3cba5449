package tc0.compiler.elaborate;

/** What an expression elaborates to: a tensor (a node) or a scalar constant known at elaboration. */
sealed interface Val {
    record Tensor(int node) implements Val {}

    record Scalar(double value) implements Val {}
}
