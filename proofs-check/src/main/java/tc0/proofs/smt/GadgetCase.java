package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tc0.circuits.Circuit;

/**
 * One proof obligation: a gadget built into a circuit at fixed widths, the specification of what it must
 * compute (written for the solver from NUMERICS.md's formulas, never by running the gadget) and the
 * reference (tc0's numerics, what the reference interpreter calls) that confirms a counterexample.
 *
 * @param name      the gadget and its instance ("Compare.geq")
 * @param widths    the widths proved, as the table prints them ("2 x 8 bits")
 * @param tier      how long the proof takes, which decides where it runs
 * @param circuit   builds the gadget's circuit: input buses in the reference's order, one output bus per
 *                  specification output
 * @param specWidth the working width of the specification's arithmetic (nothing may wrap in it)
 * @param spec      the outputs the gadget must compute, from its input buses
 * @param reference the outputs from the inputs' codes (signed by bus width), as codes (compared modulo
 *                  each output bus's width)
 * @param composition null for a proof of the whole circuit at once; else the steps the circuit is proved
 *                  to be made of, each proved alone ({@link CompositionProver})
 * @param integers  null for a bit-blasted proof; else the specification in {@link Linear} arithmetic that
 *                  {@code spec} reads on bit-vectors, proved on integers ({@link IntegerProver})
 * @param stages    null, or the first layer and weighted sum {@code spec} is made of, proved stage by stage at
 *                  the circuit's own cuts ({@link SumStageProver})
 * @param squares   null, or the comparators of {@code m sum x_i^2 - S^2} the outputs are made of, proved with a
 *                  cut at {@code T = sum x_i^2} ({@link SquareCutProver})
 * @param splitOn   null, or the input bus whose every value is a case of its own ({@link CaseSplitProver})
 */
public record GadgetCase(String name, String widths, Tier tier, Supplier<Circuit> circuit, int specWidth,
                         Spec spec, Reference reference, Composition composition, LinearSpec integers, SumStages stages,
                         SquareCut squares, String splitOn) {

    /** A case with no cut at T, proved without cases. */
    public GadgetCase(String name, String widths, Tier tier, Supplier<Circuit> circuit, int specWidth, Spec spec, Reference reference,
                      Composition composition, LinearSpec integers, SumStages stages) {
        this(name, widths, tier, circuit, specWidth, spec, reference, composition, integers, stages, null, null);
    }

    /** A case with no sum stages. */
    public GadgetCase(String name, String widths, Tier tier, Supplier<Circuit> circuit, int specWidth, Spec spec, Reference reference,
                      Composition composition, LinearSpec integers) {
        this(name, widths, tier, circuit, specWidth, spec, reference, composition, integers, null);
    }

    /** A case proved as one whole. */
    public GadgetCase(String name, String widths, Tier tier, Supplier<Circuit> circuit, int specWidth, Spec spec, Reference reference) {
        this(name, widths, tier, circuit, specWidth, spec, reference, null, null);
    }

    /** A case proved from its steps ({@code composition}), or as one whole where that is null. */
    public GadgetCase(String name, String widths, Tier tier, Supplier<Circuit> circuit, int specWidth, Spec spec, Reference reference,
                      Composition composition) {
        this(name, widths, tier, circuit, specWidth, spec, reference, composition, null);
    }

    /**
     * A case whose specification is linear ({@code ls}), proved in linear integer arithmetic; read on
     * bit-vectors at {@code specWidth} (each output value's low {@code outputWidths[i]} bits) where a
     * composition wires it.
     */
    public static GadgetCase linear(String name, String widths, Tier tier, Supplier<Circuit> circuit, int specWidth,
                                    int[] outputWidths, LinearSpec ls, Reference reference) {
        Spec bits = (w, in) -> {
            Map<String, BitVecExpr> signed = new LinkedHashMap<>();
            in.forEach((bus, word) -> signed.put(bus, w.signed(word)));
            List<BitVecExpr> values = ls.outputs(w, signed);
            List<BitVecExpr> words = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) words.add(w.low(values.get(i), outputWidths[i]));
            return words;
        };
        return new GadgetCase(name, widths, tier, circuit, specWidth, bits, reference, null, ls);
    }

    /** The specification: one word per output bus, of that bus's width. */
    @FunctionalInterface
    public interface Spec {
        List<BitVecExpr> outputs(Words w, Map<String, BitVecExpr> inputs);
    }

    /** The numerics' value of each output bus for one input. */
    @FunctionalInterface
    public interface Reference {
        long[] outputs(long[] inputs);
    }

    /**
     * Where a proof runs, by its solver time on this 2-core machine: QUICK (about a second or less) also in
     * every {@code tc0 lemmas} run; LIGHT (seconds) in the default tests; HEAVY (over 10 s) with the heavy
     * tests and {@code tc0 lemmas --heavy}.
     */
    public enum Tier { QUICK, LIGHT, HEAVY }

    public boolean heavy() {
        return tier == Tier.HEAVY;
    }

    /** This case in another tier. */
    public GadgetCase as(Tier t) {
        return new GadgetCase(name, widths, t, circuit, specWidth, spec, reference, composition, integers, stages, squares, splitOn);
    }

    /** This case under another name, proved by its steps (the circuit must be their composition). */
    public GadgetCase composedOf(String newName, Composition c) {
        return new GadgetCase(newName, widths, tier, circuit, specWidth, spec, reference, c, integers);
    }

    /** This case with its specification at another working width (wider: the same values, nothing wraps). */
    public GadgetCase atSpecWidth(int w) {
        return w == specWidth ? this : new GadgetCase(name, widths, tier, circuit, w, spec, reference, composition, integers, stages, squares, splitOn);
    }

    /**
     * A case whose circuit is a first layer summed by one saturated weighted sum: its specification
     * {@code stages.spec()}, proved stage by stage ({@link SumStageProver}).
     */
    public static GadgetCase staged(String name, String widths, Tier tier, Supplier<Circuit> circuit, int specWidth,
                                    SumStages stages, Reference reference) {
        return new GadgetCase(name, widths, tier, circuit, specWidth, stages.spec(), reference, null, null, stages);
    }

    /** This case proved with a cut at T ({@link SquareCutProver}): its outputs a function of Q, {@code cut.spec()}. */
    public GadgetCase cutAtSquares(String newName, SquareCut cut) {
        return new GadgetCase(newName, widths, tier, circuit, specWidth, spec, reference, null, null, null, cut, null);
    }

    /** This case proved by cases on input bus {@code bus}, each of its values one query ({@link CaseSplitProver}). */
    public GadgetCase byCasesOn(String newName, String bus) {
        return new GadgetCase(newName, widths, tier, circuit, specWidth, spec, reference, null, null, null, null, bus);
    }

    /** This case proved as one whole, its stages ignored (to compare the two proofs). */
    public GadgetCase whole(String newName) {
        return new GadgetCase(newName, widths, tier, circuit, specWidth, spec, reference, composition, integers, null);
    }

    /** This case bit-blasted ({@link Prover}), its linear specification read on bit-vectors only. */
    public GadgetCase inBits(String newName) {
        return new GadgetCase(newName, widths, tier, circuit, specWidth, spec, reference, composition, null);
    }

    /** This case with another circuit (a planted fault, in tests). */
    public GadgetCase withCircuit(Supplier<Circuit> other) {
        return new GadgetCase(name, widths, tier, other, specWidth, spec, reference, composition, integers, stages, squares, splitOn);
    }
}
