package tc0.proofs.smt;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A gadget whose every output word is a first layer of gates over its inputs (a product's ANDs) summed by one
 * saturated {@link tc0.compiler.gadgets.WeightedSum}: what {@link SumStageProver} needs to prove it stage by
 * stage. Its specification is {@code round(exact(inputs))}: the form's exact value, then the rounding into the
 * output word.
 *
 * @param exact each output's exact value {@code P} from the input words' values, in integers (in units of the
 *              form: 2^-frac): a polynomial, {@code x0 x2 + x1 x3}
 * @param round an output word from its {@code P} (NUMERICS.md's toFormat: one rounding, saturation)
 * @param top   the sum's width modulo which its columns are kept: the shift plus the output's width
 * @param unsigned the input buses read as unsigned words (layer norm's rho), the others two's complement
 */
public record SumStages(Exact exact, Round round, int top, Set<String> unsigned) {

    /** Every input word signed. */
    public SumStages(Exact exact, Round round, int top) {
        this(exact, round, top, Set.of());
    }

    /** The form's exact value. */
    @FunctionalInterface
    public interface Exact {
        /** One exact value per output bus. */
        List<ArithExpr<IntSort>> values(Context ctx, Map<String, ArithExpr<IntSort>> inputs);
    }

    /** The output word from the exact value. */
    @FunctionalInterface
    public interface Round {
        BitVecExpr word(Words w, BitVecExpr exact);
    }

    /**
     * The whole specification, {@code round(exact(inputs))}, on bit-vectors: what the gadget's case states (the
     * exact value taken to the working width, where it fits).
     */
    public GadgetCase.Spec spec() {
        return (w, in) -> {
            Map<String, ArithExpr<IntSort>> values = new LinkedHashMap<>();
            in.forEach((bus, word) -> values.put(bus, w.ctx().mkBV2Int(word, !unsigned.contains(bus))));
            return exact.values(w.ctx(), values).stream().map(v -> round.word(w, w.ctx().mkInt2BV(w.width(), v))).toList();
        };
    }
}
