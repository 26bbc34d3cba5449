package tc0.proofs.smt;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;

/**
 * Proves a {@link GadgetCase} with a {@link LinearSpec} in linear integer arithmetic: the circuit as
 * {@link IntegerTerms}, the specification read on {@link Integers}, one query per output bus for an input
 * (the input bits Booleans, so every input is a code) where the bus's value differs from the specification's
 * modulo 2^width. None is the proof for every input; a model is run on the evaluator and the reference.
 *
 * <p>Why: a comparator {@code [e_i 2^(Fo+1) - (2t-1) sum e_j >= 0]} built as one gate over 18 bits is, bit-blasted
 * against the word-level formula, an equivalence of two differently built adders, which CDCL did not finish
 * (softmax's division step at 3 x 6 bits: 73 s CPU, 300 s wall, unknown). In integers both sides are linear
 * forms over the same 0/1 terms, which Z3's arithmetic collects into one polynomial before it searches.
 * What it does not cover: nothing about bit-vector wrapping, so the case's bit-vector reading (where a
 * composition wires it) must be at a working width nothing wraps in, as every {@link Words} specification is.
 */
final class IntegerProver {
    private IntegerProver() {}

    static Proof prove(GadgetCase g, int timeoutMs) {
        Circuit c = g.circuit().get();
        long start = System.nanoTime(), cpu = Prover.cpuNow();
        try (Context ctx = new Context()) {
            IntegerTerms terms = new IntegerTerms(ctx, c);
            Integers a = new Integers(ctx);
            List<ArithExpr<IntSort>> spec = g.integers().outputs(a, terms.signedInputs());
            List<Bus> outs = c.outputBuses();
            if (spec.size() != outs.size()) throw new IllegalArgumentException(g.name() + ": " + spec.size() + " specified outputs for " + outs.size() + " output buses");
            List<BoolExpr> differs = new ArrayList<>();
            for (int i = 0; i < outs.size(); i++) {
                ArithExpr<IntSort> modulus = ctx.mkInt(1L << outs.get(i).width());
                differs.add(ctx.mkNot(ctx.mkEq(ctx.mkMod(ctx.mkSub(spec.get(i), terms.output(outs.get(i))), modulus), ctx.mkInt(0))));
            }
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            List<BoolExpr> facts = a.assumptions();
            Proof.Result r = !facts.isEmpty() && !satisfiable(ctx, facts, timeoutMs)
                    ? new Proof.Result.Unknown("the preconditions exclude every input")
                    : Prover.noneSatisfiable(ctx, facts, differs, deadline, m -> refuted(m, terms, g), IntegerProver::solver);
            return new Proof(g.name(), g.widths(), c.gateCount(), (System.nanoTime() - start) / 1_000_000, (Prover.cpuNow() - cpu) / 1_000_000, r);
        }
    }

    /**
     * Z3's default solver (its incremental SMT core, arithmetic and Booleans together), chosen on purpose: on
     * softmax's division step at 3 x 6 bits it takes 0.6 s of CPU, the {@code QF_LIA} logic's solver 15 s,
     * {@code lia2card} before {@code smt} 6.8 s, and {@code lia2card}, {@code card2bv}, bit-blast and
     * {@code sat} gives up ("unknown").
     */
    static Solver solver(Context ctx, int timeoutMs) {
        Solver s = ctx.mkSolver();
        Params p = ctx.mkParams();
        p.add("timeout", timeoutMs);
        s.setParameters(p);
        return s;
    }

    private static boolean satisfiable(Context ctx, List<BoolExpr> facts, int timeoutMs) {
        Solver s = solver(ctx, timeoutMs);
        for (BoolExpr f : facts) s.add(f);
        return s.check() == com.microsoft.z3.Status.SATISFIABLE;
    }

    /** The model's input bits as signed codes, run on the evaluator and the reference. */
    static Proof.Result refuted(Model m, IntegerTerms terms, GadgetCase g) {
        List<Bus> buses = terms.circuit().inputBuses();
        long[] v = new long[buses.size()];
        for (int b = 0; b < v.length; b++) {
            BoolExpr[] bits = terms.inputBits(b);
            long code = 0;
            for (int i = 0; i < bits.length; i++) if (m.eval(bits[i], true).isTrue()) code |= 1L << i;
            int w = bits.length;
            v[b] = w >= 64 ? code : code << (64 - w) >> (64 - w);
        }
        return new Proof.Result.Refuted(Counterexample.run(terms.circuit(), v, g.reference()));
    }
}
