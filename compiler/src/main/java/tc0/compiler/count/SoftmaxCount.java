package tc0.compiler.count;

import tc0.compiler.numerics.FixedFormat;

/** Softmax of one line in closed form (long lines); see {@link LineOps}. */
final class SoftmaxCount {
    private SoftmaxCount() {}

    static Instance.Result count(ElemClass[] line, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        throw new SumForm.Unmodelled("softmax closed form not built yet");
    }
}
