package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * Proves a case by cases on one input bus ({@link GadgetCase#splitOn}): for each of its 2^w values, the circuit
 * with that bus's bits fixed and the constants folded (a fixed fan-in's weight moves into the threshold; a gate
 * whose other fan-ins cannot change its outcome is that constant), against the specification at that value,
 * one bit-blasted query for the whole output ({@link Prover#tactic}). The cases cover every value, so all
 * unsatisfiable is the proof for every input; folding is the gates' own semantics, nothing else is assumed.
 * The gates left are made by {@link GateTerms} (ANDs and ORs as such, other sums as trees of adders of the
 * widths they need): the query's cost is bit-blasting what is left, not the search (fixing 2-4 more input
 * bits per case made the 6-bit quotient slower: docs/LEMMAS.md).
 * For the wide quotient: fixing the divisor fixes its normalisation and its series' residues, about a third of
 * the circuit (docs/LEMMAS.md: 5 / 5 bits, 32 cases).
 */
final class CaseSplitProver {
    private CaseSplitProver() {}

    static Proof prove(GadgetCase g, int timeoutMs) {
        Circuit c = g.circuit().get();
        long start = System.nanoTime(), cpu = Prover.cpuNow(), deadline = start + timeoutMs * 1_000_000L;
        Bus split = c.inputBus(g.splitOn());
        int busIndex = c.inputBuses().indexOf(split);
        Proof.Result r = new Proof.Result.Proved();
        try (Context ctx = new Context()) {
            for (long v = 0; v < 1L << split.width() && r instanceof Proof.Result.Proved; v++) {
                r = oneCase(ctx, g, c, busIndex, v, deadline);
                if (r instanceof Proof.Result.Unknown u) r = new Proof.Result.Unknown(g.splitOn() + " = " + v + ": " + u.reason());
            }
        }
        return new Proof(g.name(), g.widths(), c.gateCount(), (System.nanoTime() - start) / 1_000_000, (Prover.cpuNow() - cpu) / 1_000_000, r);
    }

    /** One case: bus {@code busIndex} holds the raw bits of {@code v}. */
    private static Proof.Result oneCase(Context ctx, GadgetCase g, Circuit c, int busIndex, long v, long deadline) {
        List<Bus> buses = c.inputBuses();
        BoolExpr[] node = new BoolExpr[c.nodeCount()];
        Boolean[] fixed = new Boolean[c.nodeCount()];
        fixed[0] = false;
        Map<String, BitVecExpr> in = new LinkedHashMap<>();
        for (int b = 0; b < buses.size(); b++) {
            Bus bus = buses.get(b);
            BitVecExpr word = b == busIndex ? ctx.mkBV(v, bus.width()) : ctx.mkBVConst(bus.name(), bus.width());
            in.put(bus.name(), word);
            for (int i = 0; i < bus.width(); i++) {
                int n = 1 + bus.offset() + i;
                if (b == busIndex) fixed[n] = (v >>> i & 1) != 0;
                else node[n] = ctx.mkEq(ctx.mkExtract(i, i, word), ctx.mkBV(1, 1));
            }
        }
        for (int g2 = 0; g2 < c.gateCount(); g2++) folded(ctx, c, g2, node, fixed);
        Words w = new Words(ctx, g.specWidth());
        List<BitVecExpr> spec = g.spec().outputs(w, in);
        List<BoolExpr> differs = new ArrayList<>();
        List<Bus> outs = c.outputBuses();
        for (int o = 0; o < outs.size(); o++) {
            Bus out = outs.get(o);
            for (int i = 0; i < out.width(); i++) {
                int lit = c.output(out.offset() + i);
                int n = Literal.node(lit);
                BoolExpr bit = fixed[n] != null ? ctx.mkBool(fixed[n] != Literal.isNegated(lit)) : Literal.isNegated(lit) ? ctx.mkNot(node[n]) : node[n];
                differs.add(ctx.mkNot(ctx.mkEq(bit, ctx.mkEq(ctx.mkExtract(i, i, spec.get(o)), ctx.mkBV(1, 1)))));
            }
        }
        Solver s = ctx.mkSolver(Prover.tactic(ctx));
        Params p = ctx.mkParams();
        p.add("timeout", (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        s.setParameters(p);
        for (BoolExpr d : w.definitions()) s.add(d);
        for (BoolExpr a : w.assumptions()) s.add(a);
        s.add(ctx.mkOr(differs.toArray(new BoolExpr[0])));
        Status st = s.check();
        if (st == Status.UNSATISFIABLE) return new Proof.Result.Proved();
        if (st == Status.UNKNOWN) return new Proof.Result.Unknown(s.getReasonUnknown());
        return new Proof.Result.Refuted(Counterexample.run(c, inputs(s.getModel(), in, buses, busIndex, v), g.reference()));
    }

    /** Gate g over the folded fan-ins: a constant where the free ones cannot change it, else their sum against the moved threshold. */
    private static void folded(Context ctx, Circuit c, int g, BoolExpr[] node, Boolean[] fixed) {
        long t = c.threshold(g), pos = 0, neg = 0;
        List<Integer> free = new ArrayList<>();
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
            int n = c.faninNode(e);
            long wt = c.weight(e);
            if (fixed[n] != null) { if (fixed[n]) t -= wt; continue; }
            free.add(e);
            if (wt > 0) pos += wt; else neg += wt;
        }
        int n = c.firstGate() + g;
        if (neg >= t) { fixed[n] = true; return; }   // even the least sum reaches t
        if (pos < t) { fixed[n] = false; return; }   // even the largest does not
        BoolExpr[] v = new BoolExpr[free.size()];
        long[] w = new long[free.size()];
        for (int i = 0; i < v.length; i++) { v[i] = node[c.faninNode(free.get(i))]; w[i] = c.weight(free.get(i)); }
        node[n] = GateTerms.atLeast(ctx, v, w, t);
    }

    /** The model's input codes (signed by width), the split bus at its case's value. */
    private static long[] inputs(Model m, Map<String, BitVecExpr> in, List<Bus> buses, int busIndex, long v) {
        long[] codes = new long[buses.size()];
        for (int b = 0; b < buses.size(); b++) {
            int w = buses.get(b).width();
            long raw = b == busIndex ? v : ((com.microsoft.z3.BitVecNum) m.eval(in.get(buses.get(b).name()), true)).getBigInteger().longValue();
            codes[b] = w >= 64 ? raw : raw << (64 - w) >> (64 - w);
        }
        return codes;
    }
}
