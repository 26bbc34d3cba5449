package tc0.compiler.lower;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.numerics.FixedFormat;

/**
 * The routes of one node's divisions by a constant (a mean's, a resampling's), chosen once per form shape: per line
 * or element, not per node or weighting, since elements differ (a zero line or border, bits beside words) and a
 * word route chosen at one element cannot build a division with fewer than two literals.
 */
final class DivisionRoutes {
    private final Map<FormShape, DivideByConstant.Route> routes = new HashMap<>();
    private final int rounds;
    private final boolean split;

    /** Routes by {@link DivideByConstant#choose} (a mean's). */
    DivisionRoutes(int rounds) {
        this(rounds, false);
    }

    /** Routes by {@link DivideByConstant#choose}, or by {@link DivideByConstant#chooseSplit} if {@code split} (resampling). */
    DivisionRoutes(int rounds, boolean split) {
        this.rounds = rounds;
        this.split = split;
    }

    /** The route of this form and denominator, once per shape. */
    DivideByConstant.Route route(LinearForm form, long den, FixedFormat out) {
        return routes.computeIfAbsent(FormShape.of(form, den), k -> split
                ? DivideByConstant.chooseSplit(k.weights(), k.constant(), out.fracBits(), k.den(), out, rounds)
                : DivideByConstant.choose(k.weights(), k.constant(), out.fracBits(), k.den(), out, rounds));
    }

    /** A division's form (weights and constant) and denominator: what {@link DivideByConstant#choose} reads. */
    private record FormShape(long[] weights, long constant, long den) {
        static FormShape of(LinearForm form, long den) {
            long[] w = new long[form.size()];
            for (int i = 0; i < w.length; i++) w[i] = form.weight(i);
            return new FormShape(w, form.constant(), den);
        }

        @Override public boolean equals(Object o) {
            return o instanceof FormShape f && constant == f.constant && den == f.den && Arrays.equals(weights, f.weights);
        }

        @Override public int hashCode() { return (31 * Arrays.hashCode(weights) + Long.hashCode(constant)) * 31 + Long.hashCode(den); }
    }
}
