package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
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
 * Proves a gadget from proofs of its steps, where the whole does not finish as one query: four obligations.
 * <ol>
 *   <li>every step's circuit equals its specification on every input meeting its preconditions (each distinct
 *       step proved once, by {@link Prover}, its specification at the width the glue uses);</li>
 *   <li>the whole circuit equals the step circuits wired as the composition says (per output bit: the
 *       gadget IS its steps, gate for gate up to equivalence), in linear integer arithmetic
 *       ({@link IntegerTerms}): the same gate built twice is the same inequality once Z3 has collected its
 *       terms, where bit-blasted its adders had to be proved equal by SAT (softmax at 6-bit exp words: most
 *       of 72 s);</li>
 *   <li>each step's preconditions hold on what the steps before it specify, for every input of the whole;</li>
 *   <li>the step specifications so wired equal the whole's specification.</li>
 * </ol>
 * Obligations 3 and 4 are bit-blasted as {@link Prover} does, each step's specification read on bit-vectors.
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
        if (r instanceof Proof.Result.Proved) r = wired(g, comp, whole, deadline);
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

    /** Obligation 2: per output bit, the whole circuit's bit is the wired steps' bit, over the whole's input bits. */
    private static Proof.Result wired(GadgetCase g, Composition comp, Circuit whole, long deadline) {
        try (Context ctx = new Context()) {
            IntegerTerms wholeTerms = new IntegerTerms(ctx, whole);
            List<List<BoolExpr[]>> outs = new ArrayList<>();
            for (int s = 0; s < comp.steps().size(); s++) {
                Step step = comp.steps().get(s);
                Circuit c = step.gadget().circuit().get();
                List<Bus> ins = c.inputBuses();
                if (ins.size() != step.inputs().size()) throw new IllegalArgumentException(g.name() + ": step " + s + " has " + ins.size() + " input buses, wired " + step.inputs().size());
                List<BoolExpr[]> in = new ArrayList<>();
                for (int i = 0; i < ins.size(); i++) {
                    Wire w = step.inputs().get(i);
                    BoolExpr[] bits = w.step() < 0 ? wholeTerms.inputBits(w.bus()) : outs.get(w.step()).get(w.bus());
                    if (bits.length != ins.get(i).width()) throw new IllegalArgumentException(g.name() + ": step " + s + " input " + i + " has " + ins.get(i).width() + " bits, wired " + bits.length);
                    in.add(bits);
                }
                IntegerTerms t = new IntegerTerms(ctx, c, in);
                List<BoolExpr[]> o = new ArrayList<>();
                for (Bus b : c.outputBuses()) o.add(t.outputBits(b));
                outs.add(o);
            }
            List<Bus> wholeOuts = whole.outputBuses();
            if (comp.outputs().size() != wholeOuts.size()) throw new IllegalArgumentException(g.name() + ": " + comp.outputs().size() + " wired outputs for " + wholeOuts.size() + " output buses");
            List<BoolExpr> differs = new ArrayList<>();
            for (int b = 0; b < wholeOuts.size(); b++) {
                Wire w = comp.outputs().get(b);
                BoolExpr[] mine = wholeTerms.outputBits(wholeOuts.get(b)), theirs = outs.get(w.step()).get(w.bus());
                if (mine.length != theirs.length) throw new IllegalArgumentException(g.name() + ": output " + b + " has " + mine.length + " bits, wired " + theirs.length);
                for (int i = 0; i < mine.length; i++) differs.add(ctx.mkNot(ctx.mkEq(mine[i], theirs[i])));
            }
            return labelled("the circuit is its steps wired", Prover.noneSatisfiable(ctx, List.of(), differs, deadline,
                    m -> IntegerProver.refuted(m, wholeTerms, g), IntegerProver::solver));
        }
    }

    /** Obligations 3 and 4, in one context over the whole's input constants. */
    private static Proof.Result glue(GadgetCase g, Composition comp, Circuit whole, long deadline) {
        try (Context ctx = new Context()) {
            CircuitTerms wholeTerms = CircuitTerms.of(ctx, whole);
            List<BitVecExpr> wholeIn = new ArrayList<>(wholeTerms.inputs().values());
            Words ww = new Words(ctx, g.specWidth());
            List<BitVecExpr> wholeSpec = g.spec().outputs(ww, wholeTerms.inputs());
            List<BoolExpr> facts = new ArrayList<>(ww.definitions());
            facts.addAll(ww.assumptions());
            List<BoolExpr> preconditions = new ArrayList<>();
            List<List<BitVecExpr>> spec = new ArrayList<>();
            for (int s = 0; s < comp.steps().size(); s++) {
                Step step = comp.steps().get(s);
                List<Bus> ins = step.gadget().circuit().get().inputBuses();
                Map<String, BitVecExpr> specIn = new LinkedHashMap<>();
                for (int i = 0; i < ins.size(); i++) {
                    Wire w = step.inputs().get(i);
                    specIn.put(ins.get(i).name(), w.step() < 0 ? wholeIn.get(w.bus()) : spec.get(w.step()).get(w.bus()));
                }
                Words ws = new Words(ctx, width(g, step.gadget()));
                spec.add(step.gadget().spec().outputs(ws, specIn));
                facts.addAll(ws.definitions());
                for (BoolExpr a : ws.assumptions()) preconditions.add(ctx.mkNot(a));
            }
            List<Bus> outs = whole.outputBuses();
            if (comp.outputs().size() != outs.size()) throw new IllegalArgumentException(g.name() + ": " + comp.outputs().size() + " wired outputs for " + outs.size() + " output buses");
            List<BitVecExpr> wiredSpec = new ArrayList<>();
            for (Wire w : comp.outputs()) wiredSpec.add(spec.get(w.step()).get(w.bus()));
            if (!ww.assumptions().isEmpty() && !Prover.satisfiable(ctx, facts, (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000))) {
                return new Proof.Result.Unknown("the preconditions exclude every input");
            }
            Function<Model, Proof.Result> refuted = m -> Prover.refuted(m, wholeTerms, g);
            Proof.Result r = labelled("each step's preconditions", Prover.noneSatisfiable(ctx, facts, preconditions, deadline, refuted));
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
