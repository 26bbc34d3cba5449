package tc0.proofs.num;

import java.util.function.DoubleUnaryOperator;

/**
 * A bound B on the entries of Q and K as a function of L = log2 N: below Alman and Song's threshold (B = o(sqrt(log n)):
 * a constant, or (log n)^(1/4)) or at it (B = c sqrt(log n)). Scores q . k / d then lie in [-B^2, B^2].
 */
record EntryBound(String name, boolean belowThreshold, DoubleUnaryOperator ofLog) {
    static final EntryBound CONSTANT = new EntryBound("B = 1", true, l -> 1);
    static final EntryBound FOURTH_ROOT = new EntryBound("B = (log N)^(1/4)", true, l -> Math.pow(l, 0.25));
    static final EntryBound QUARTER_SQRT = new EntryBound("B = sqrt(log N) / 4", false, l -> Math.sqrt(l) / 4);
    static final EntryBound SQRT = new EntryBound("B = sqrt(log N)", false, Math::sqrt);

    double at(double log2Tokens) {
        return ofLog.applyAsDouble(log2Tokens);
    }
}
