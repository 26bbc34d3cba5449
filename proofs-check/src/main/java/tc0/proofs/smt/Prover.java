package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import com.microsoft.z3.Tactic;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;

/**
 * Proves a {@link GadgetCase}: asks Z3, output bit by output bit, for an input where the circuit's bit
 * differs from the specification's. None for every bit (unsat) is the proof for every input at these widths;
 * a model is a counterexample, run on the evaluator and the reference before it is reported.
 *
 * <p>One query per output bit, not one for the whole word: each query holds only that bit's cone, and the
 * solver does not have to refute all bits' differences at once (the 4-word, 8-bit sum with two compression
 * rounds ran out of 60 s as one query and takes under a second bit by bit). Each query also holds the
 * equalities of the bits proved before it (lowest first): they hold for every input, so they exclude none,
 * and they halve the 8 x 8 multiplier's time (90 s of CPU without them, 47 s with them).
 *
 * <p>Tactic, chosen on purpose: {@code simplify}, then {@code bit-blast}, then {@code sat} (CDCL on the
 * clauses). Both sides are fixed-width bit-vector arithmetic, so bit-blasting loses nothing; Z3's default
 * strategy for QF_BV tries its word-level solvers first and took minutes on an 8-bit multiplier, while the
 * bit-blasted goal is decided in seconds (times per gadget: docs/LEMMAS.md). Pseudo-Boolean atoms for the
 * gates instead of bit-vector sums were tried and were slower (the 4-word max ran out of 30 s).
 */
public final class Prover {
    /**
     * The solver's wall-time limit per case (all its bits): past it the result is unknown, never a silent
     * pass. Generous: on a loaded 2-core machine the wall time was up to 20 times the CPU time.
     */
    public static final int DEFAULT_TIMEOUT_MS = 300_000;

    /** Z3 runs in the calling thread: its CPU time is the solver's, whatever else the machine runs. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private Prover() {}

    public static Proof prove(GadgetCase g) {
        return prove(g, DEFAULT_TIMEOUT_MS);
    }

    public static Proof prove(GadgetCase g, int timeoutMs) {
        if (g.composition() != null) return CompositionProver.prove(g, timeoutMs);
        if (g.integers() != null) return IntegerProver.prove(g, timeoutMs);
        if (g.stages() != null) return SumStageProver.prove(g, timeoutMs);
        if (g.squares() != null) return SquareCutProver.prove(g, timeoutMs);
        if (g.splitOn() != null) return CaseSplitProver.prove(g, timeoutMs);
        Circuit c = g.circuit().get();
        long start = System.nanoTime(), cpu = cpuNow();
        try (Context ctx = new Context()) {
            CircuitTerms terms = CircuitTerms.of(ctx, c);
            Words w = new Words(ctx, g.specWidth());
            List<BoolExpr> differs = bitsDiffer(ctx, g, c.outputBuses(), g.spec().outputs(w, terms.inputs()), b -> terms.output(b.name()));
            List<BoolExpr> facts = new ArrayList<>(w.definitions());
            facts.addAll(w.assumptions());
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            Proof.Result r = !w.assumptions().isEmpty() && !satisfiable(ctx, facts, timeoutMs)
                    ? new Proof.Result.Unknown("the preconditions exclude every input") // else every bit is "proved" vacuously
                    : noneSatisfiable(ctx, facts, differs, deadline, m -> refuted(m, terms, g));
            return new Proof(g.name(), g.widths(), c.gateCount(), (System.nanoTime() - start) / 1_000_000, (cpuNow() - cpu) / 1_000_000, r);
        }
    }

    /** The solver's thread's CPU time, in nanoseconds. */
    static long cpuNow() {
        return CPU.getCurrentThreadCpuTime();
    }

    /** One query per output bit: the bit of {@code left} differs from the bit of the matching specification word. */
    static List<BoolExpr> bitsDiffer(Context ctx, GadgetCase g, List<Bus> outs, List<BitVecExpr> spec, Function<Bus, BitVecExpr> left) {
        if (spec.size() != outs.size()) {
            throw new IllegalArgumentException(g.name() + ": " + spec.size() + " specified outputs for " + outs.size() + " output buses");
        }
        List<BoolExpr> differs = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            BitVecExpr s = spec.get(i), out = left.apply(outs.get(i));
            if (s.getSortSize() != outs.get(i).width()) {
                throw new IllegalArgumentException(g.name() + ": output " + outs.get(i).name() + " has " + outs.get(i).width() + " bits, its specification " + s.getSortSize());
            }
            for (int b = 0; b < s.getSortSize(); b++) differs.add(ctx.mkNot(ctx.mkEq(ctx.mkExtract(b, b, out), ctx.mkExtract(b, b, s))));
        }
        return differs;
    }

    /**
     * Proved when no query has a model beside the facts, each query asked with the negations of those before
     * it (proved for every input: true facts, and the solver's hints); else the first model, as
     * {@code refuted} reports it, or the solver's reason for giving up.
     */
    static Proof.Result noneSatisfiable(Context ctx, List<BoolExpr> facts, List<BoolExpr> queries, long deadline,
                                        Function<Model, Proof.Result> refuted) {
        return noneSatisfiable(ctx, facts, queries, deadline, refuted, (c, ms) -> solver(c, List.of(), ms));
    }

    /** {@link #noneSatisfiable} with solvers made by {@code solvers} (context, milliseconds left). */
    static Proof.Result noneSatisfiable(Context ctx, List<BoolExpr> facts, List<BoolExpr> queries, long deadline,
                                        Function<Model, Proof.Result> refuted, java.util.function.BiFunction<Context, Integer, Solver> solvers) {
        List<BoolExpr> proved = new ArrayList<>();
        for (BoolExpr q : queries) {
            int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            Solver solver = solvers.apply(ctx, left);
            for (BoolExpr d : facts) solver.add(d);
            for (BoolExpr same : proved) solver.add(same);
            solver.add(q);
            Status st = solver.check();
            if (st == Status.UNSATISFIABLE) { proved.add(ctx.mkNot(q)); continue; }
            return st == Status.SATISFIABLE ? refuted.apply(solver.getModel()) : new Proof.Result.Unknown(solver.getReasonUnknown());
        }
        return new Proof.Result.Proved();
    }

    /** The model's input, run on the evaluator and the reference. */
    static Proof.Result refuted(Model m, CircuitTerms terms, GadgetCase g) {
        return new Proof.Result.Refuted(Counterexample.run(terms.circuit(), inputs(m, terms), g.reference()));
    }

    /** A solver by {@link #tactic} holding the facts (definitions and preconditions). */
    private static Solver solver(Context ctx, List<BoolExpr> facts, int timeoutMs) {
        Solver solver = ctx.mkSolver(tactic(ctx));
        Params p = ctx.mkParams();
        p.add("timeout", timeoutMs);
        solver.setParameters(p);
        for (BoolExpr d : facts) solver.add(d);
        return solver;
    }

    /** Whether some input meets the facts (preconditions and definitions). */
    static boolean satisfiable(Context ctx, List<BoolExpr> facts, int timeoutMs) {
        return solver(ctx, facts, timeoutMs).check() == Status.SATISFIABLE;
    }

    /** simplify; bit-blast; sat (see the class comment). */
    static Tactic tactic(Context ctx) {
        return ctx.andThen(ctx.mkTactic("simplify"), ctx.mkTactic("bit-blast"), ctx.mkTactic("sat"));
    }

    /** The model's input codes, signed by each bus's width. */
    static long[] inputs(Model m, CircuitTerms terms) {
        List<Bus> buses = terms.circuit().inputBuses();
        long[] v = new long[buses.size()];
        for (int b = 0; b < buses.size(); b++) {
            BitVecNum n = (BitVecNum) m.eval(terms.input(buses.get(b).name()), true);
            int w = buses.get(b).width();
            long raw = n.getBigInteger().longValue();
            v[b] = w >= 64 ? raw : raw << (64 - w) >> (64 - w);
        }
        return v;
    }
}
