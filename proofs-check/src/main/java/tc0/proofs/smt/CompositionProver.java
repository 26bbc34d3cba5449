package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.proofs.smt.Composition.Step;
import tc0.proofs.smt.Composition.Wire;

/**
 * Proves a gadget from proofs of its steps, where the whole does not finish as one query: four obligations,
 * each bit-blasted as {@link Prover} does.
 * <ol>
 *   <li>every step's circuit equals its specification on every input meeting its preconditions (each distinct
 *       step proved once, by {@link Prover}, its specification at the width the glue uses);</li>
 *   <li>the whole circuit equals the step circuits wired as the composition says (per output bit: the
 *       gadget IS its steps, gate for gate up to equivalence);</li>
 *   <li>each step's preconditions hold on what the steps before it specify, for every input of the whole;</li>
 *   <li>the step specifications so wired equal the whole's specification.</li>
 * </ol>
 * Then, by induction over the steps, every step's circuit words equal its specification's, and the whole
 * circuit equals the whole specification for every input. A model of 2-4 is an input of the whole, run on
 * the evaluator and the reference as any counterexample.
 */
final class CompositionProver {
    private CompositionProver() {}

    static Proof prove(GadgetCase g, int timeoutMs) {
        Composition comp = g.composition();
        Circuit whole = g.circuit().get();
        long start = System.nanoTime(), cpu = Prover.cpuNow(), deadline = start + timeoutMs * 1_000_000L;
        Proof.Result r = steps(g, comp, deadline);
        if (r instanceof Proof.Result.Proved) r = glue(g, comp, whole, deadline);
        return new Proof(g.name(), g.widths(), whole.gateCount(), (System.nanoTime() - start) / 1_000_000,
                (Prover.cpuNow() - cpu) / 1_000_000, r);
    }

    /**
     * The working width of a step's specification, in its proof and in the glue alike: the wider of its own and
     * the whole's (so that the wired specifications are the whole's own terms where it composes the same
     * formulas, and the specification the step is proved against is the one the glue reasons about).
     */
    private static int width(GadgetCase whole, GadgetCase step) {
        return Math.max(whole.specWidth(), step.specWidth());
    }

    /** Obligation 1: each distinct step proved alone, at the glue's width. */
    private static Proof.Result steps(GadgetCase g, Composition comp, long deadline) {
        Map<String, GadgetCase> distinct = new LinkedHashMap<>();
        for (Step s : comp.steps()) distinct.putIfAbsent(s.gadget().name() + " | " + s.gadget().widths(), s.gadget().atSpecWidth(width(g, s.gadget())));
        for (GadgetCase step : distinct.values()) {
            Proof p = Prover.prove(step, (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            switch (p.result()) {
                case Proof.Result.Proved ok -> { }
                case Proof.Result.Refuted bad -> { return bad; } // the step's own input, confirmed or not
                case Proof.Result.Unknown u -> { return new Proof.Result.Unknown("step " + step.name() + ": " + u.reason()); }
            }
        }
        return new Proof.Result.Proved();
    }

    /** Obligations 2-4, in one context over the whole's input constants. */
    private static Proof.Result glue(GadgetCase g, Composition comp, Circuit whole, long deadline) {
        try (Context ctx = new Context()) {
            CircuitTerms wholeTerms = CircuitTerms.of(ctx, whole);
            List<BitVecExpr> wholeIn = new ArrayList<>(wholeTerms.inputs().values());
            Words ww = new Words(ctx, g.specWidth());
            List<BitVecExpr> wholeSpec = g.spec().outputs(ww, wholeTerms.inputs());
            List<BoolExpr> facts = new ArrayList<>(ww.definitions());
            facts.addAll(ww.assumptions());
            List<BoolExpr> preconditions = new ArrayList<>();
            List<List<BitVecExpr>> circ = new ArrayList<>(), spec = new ArrayList<>();
            for (int s = 0; s < comp.steps().size(); s++) {
                Step step = comp.steps().get(s);
                Circuit c = step.gadget().circuit().get();
                CircuitTerms t = CircuitTerms.of(ctx, c, "s" + s + ".");
                List<Bus> ins = c.inputBuses();
                if (ins.size() != step.inputs().size()) throw new IllegalArgumentException(g.name() + ": step " + s + " has " + ins.size() + " input buses, wired " + step.inputs().size());
                Expr<?>[] from = new Expr<?>[ins.size()], to = new Expr<?>[ins.size()];
                Map<String, BitVecExpr> specIn = new LinkedHashMap<>();
                for (int i = 0; i < ins.size(); i++) {
                    Wire w = step.inputs().get(i);
                    BitVecExpr cw = w.step() < 0 ? wholeIn.get(w.bus()) : circ.get(w.step()).get(w.bus());
                    BitVecExpr sw = w.step() < 0 ? wholeIn.get(w.bus()) : spec.get(w.step()).get(w.bus());
                    if (cw.getSortSize() != ins.get(i).width()) throw new IllegalArgumentException(g.name() + ": step " + s + " input " + i + " has " + ins.get(i).width() + " bits, wired " + cw.getSortSize());
                    from[i] = t.input(ins.get(i).name());
                    to[i] = cw;
                    specIn.put(ins.get(i).name(), sw);
                }
                List<BitVecExpr> outs = new ArrayList<>();
                for (Bus b : c.outputBuses()) outs.add((BitVecExpr) t.output(b.name()).substitute(from, to));
                circ.add(outs);
                Words ws = new Words(ctx, width(g, step.gadget()));
                spec.add(step.gadget().spec().outputs(ws, specIn));
                facts.addAll(ws.definitions());
                for (BoolExpr a : ws.assumptions()) preconditions.add(ctx.mkNot(a));
            }
            List<Bus> outs = whole.outputBuses();
            if (comp.outputs().size() != outs.size()) throw new IllegalArgumentException(g.name() + ": " + comp.outputs().size() + " wired outputs for " + outs.size() + " output buses");
            List<BitVecExpr> wiredCirc = new ArrayList<>(), wiredSpec = new ArrayList<>();
            for (Wire w : comp.outputs()) {
                wiredCirc.add(circ.get(w.step()).get(w.bus()));
                wiredSpec.add(spec.get(w.step()).get(w.bus()));
            }
            if (!ww.assumptions().isEmpty() && !Prover.satisfiable(ctx, facts, (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000))) {
                return new Proof.Result.Unknown("the preconditions exclude every input");
            }
            Function<Model, Proof.Result> refuted = m -> Prover.refuted(m, wholeTerms, g);
            Proof.Result r = labelled("the circuit is its steps wired", Prover.noneSatisfiable(ctx, facts,
                    Prover.bitsDiffer(ctx, g, outs, wiredCirc, b -> wholeTerms.output(b.name())), deadline, refuted));
            if (r instanceof Proof.Result.Proved) r = labelled("each step's preconditions", Prover.noneSatisfiable(ctx, facts, preconditions, deadline, refuted));
            if (r instanceof Proof.Result.Proved) r = labelled("the steps' specifications wired are the whole's", Prover.noneSatisfiable(ctx, facts,
                    Prover.bitsDiffer(ctx, g, outs, wiredSpec, b -> wholeSpec.get(outs.indexOf(b))), deadline, refuted));
            return r;
        }
    }

    /** An unknown result says which obligation the solver gave up on. */
    private static Proof.Result labelled(String obligation, Proof.Result r) {
        return r instanceof Proof.Result.Unknown u ? new Proof.Result.Unknown(obligation + ": " + u.reason()) : r;
    }
}
