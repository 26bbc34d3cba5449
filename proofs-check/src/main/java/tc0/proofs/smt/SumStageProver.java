package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * Proves a {@link SumStages} case stage by stage, cut at the circuit's own nodes ({@link SumCuts}), where the
 * whole product does not finish as one query (a product's column compression against {@code x * y} is an
 * equivalence of two differently built multipliers, which CDCL does not finish at 2 pairs of 6 bits). Three
 * obligations, each over the circuit's own gates:
 * <ol>
 *   <li><b>first layer</b>, over the input words: {@code sum_n w_n n + c = P(inputs)} exactly, the weights
 *       {@code w_n} the saturation comparator's own over the first layer's nodes (times -1 where it is stored
 *       negated), {@code P} the case's exact value, an integer polynomial ({@code x0 x2 + x1 x3}): a
 *       polynomial identity ({@link FirstLayer});</li>
 *   <li><b>each compression group</b>, its input nodes free (every value, reachable or not): its output
 *       bits weighted {@code 2^(column+l)} sum to its inputs' weighted sum plus a constant, modulo
 *       {@code 2^top}; so each cut's weighted sum equals the one before it, modulo 2^top;</li>
 *   <li><b>the final stage</b>, the last cut's nodes free and {@code P} a free word {@code p} in the first
 *       layer's range: where the last cut sums to {@code p} modulo 2^top and the two comparators are
 *       {@code [sign (p - c) >= t]} (what they are by 1), every output bit is the case's {@code round(p)}'s.</li>
 * </ol>
 * By 1 and 2 the last cut sums to {@code P} modulo 2^top on every input, by 1 the comparators are those of
 * {@code P}, so by 3 the output is {@code round(P)}, the case's specification, on every input. Every part
 * reads only its free nodes (a part whose gates reach an input is refused); 2 and 3 are bit-blasted
 * ({@link Prover#tactic}), one query per group (2) or per output bit (3). A per-output-word cut: several
 * output words (layer norm's) are proved one after another, each within its own cone. A part's model is
 * lifted to an input of the whole (the solver asked for one giving the part's free nodes those values) and
 * run on the evaluator and the reference as any counterexample.
 */
final class SumStageProver {
    private SumStageProver() {}

    static Proof prove(GadgetCase g, int timeoutMs) {
        Circuit c = g.circuit().get();
        SumStages st = g.stages();
        long start = System.nanoTime(), cpu = Prover.cpuNow(), deadline = start + timeoutMs * 1_000_000L;
        Proof.Result r;
        try (Context ctx = new Context()) {
            r = new Proof.Result.Proved();
            for (int bus = 0; bus < c.outputBuses().size() && r instanceof Proof.Result.Proved; bus++) {
                int b = bus;
                FirstLayer first = new FirstLayer(ctx, c);
                r = prove(ctx, g, c, st, bus, first, SumCuts.of(c, st.top(), bus, w -> first.sign(st, b, w)), deadline);
                if (c.outputBuses().size() > 1) r = labelled("output " + c.outputBuses().get(bus).name(), r);
            }
        } catch (SumCuts.NoCuts | IllegalStateException e) {
            r = new Proof.Result.Unknown("no sum stages: " + e.getMessage());
        }
        return new Proof(g.name(), g.widths(), c.gateCount(), (System.nanoTime() - start) / 1_000_000, (Prover.cpuNow() - cpu) / 1_000_000, r);
    }

    /** The cuts of output bus {@code bus} of the case's circuit, as the proof finds them (for tests that mutate a part). */
    static SumCuts cuts(GadgetCase g, int bus) throws SumCuts.NoCuts {
        Circuit c = g.circuit().get();
        try (Context ctx = new Context()) {
            FirstLayer first = new FirstLayer(ctx, c);
            return SumCuts.of(c, g.stages().top(), bus, w -> first.sign(g.stages(), bus, w));
        }
    }

    private static Proof.Result prove(Context ctx, GadgetCase g, Circuit c, SumStages st, int bus, FirstLayer first, SumCuts cuts, long deadline) throws SumCuts.NoCuts {
        CircuitTerms whole = CircuitTerms.of(ctx, c);
        long lo = 0, hi = 0;
        for (long x : cuts.first().values()) { if (x < 0) lo += x; else hi += x; }
        if (hi - lo >= 1L << (g.specWidth() - 3)) throw new IllegalArgumentException(g.name() + ": working width " + g.specWidth() + " too small for the first layer's range");

        // 1. the first layer's weighted sum is P, up to the constant c1 it has at the zero input
        long c1 = first.constant(st, bus, cuts.first());
        Proof.Result r = labelled("the first layer", first.prove(st, bus, cuts.first(), c1, deadline, g));
        if (!(r instanceof Proof.Result.Proved)) return r;
        // 2. each group keeps the cut's sum modulo 2^top
        int top = st.top();
        for (SumCuts.Group grp : cuts.groups()) {
            Map<Integer, BoolExpr> free = freeNodes(ctx, grp.inputs().keySet(), "n");
            Part part = new Part(ctx, c, free);
            BitVecExpr in = weighted(ctx, grp.inputs(), free, top, grp.delta()), out = weighted(ctx, grp.outputs(), part, top, 0);
            r = labelled("the group at column " + grp.column() + " over nodes " + grp.inputs().keySet(),
                    oneQuery(ctx, List.of(ctx.mkNot(ctx.mkEq(in, out))), deadline, m -> lifted(ctx, m, free, whole, g)));
            if (!(r instanceof Proof.Result.Proved)) return r;
        }

        // 3. the final stage, from the last cut and the comparators of a free P
        Map<Integer, BoolExpr> free = freeNodes(ctx, cuts.last().keySet(), "n");
        BitVecExpr pFree = ctx.mkBVConst("p", g.specWidth());
        Words wf = new Words(ctx, g.specWidth());
        List<BoolExpr> finalFacts = new ArrayList<>();
        finalFacts.add(wf.ge(pFree, wf.num(lo + c1)));
        finalFacts.add(wf.ge(wf.num(hi + c1), pFree));
        for (int f : cuts.flags()) {
            BoolExpr flag = ctx.mkBoolConst("flag" + f);
            free.put(c.firstGate() + f, flag);
            BitVecExpr gateSum = wf.sub(pFree, wf.num(c1)); // the comparator's own sum: sign (P - c1)
            finalFacts.add(ctx.mkEq(flag, wf.ge(cuts.sign() > 0 ? gateSum : wf.neg(gateSum), wf.num(c.threshold(f)))));
        }
        Part part = new Part(ctx, c, free);
        finalFacts.add(ctx.mkEq(ctx.mkExtract(top - 1, 0, pFree), weighted(ctx, cuts.last(), free, top, cuts.lastConstant() + c1)));
        BitVecExpr rounded = st.round().word(wf, pFree);
        finalFacts.addAll(wf.definitions());
        List<BoolExpr> outBits = new ArrayList<>();
        Bus out = c.outputBuses().get(bus);
        for (int b = 0; b < out.width(); b++) {
            outBits.add(ctx.mkNot(ctx.mkEq(part.literal(c.output(out.offset() + b)), ctx.mkEq(ctx.mkExtract(b, b, rounded), ctx.mkBV(1, 1)))));
        }
        // lifted: the model's cut values, else (where no input gives those) an input with the model's cut sum and comparators
        Map<Integer, BoolExpr> wholeLast = new LinkedHashMap<>();
        for (int n : cuts.last().keySet()) wholeLast.put(n, whole.literal(Literal.of(n, false)));
        BitVecExpr wholeSum = weighted(ctx, cuts.last(), wholeLast, top, cuts.lastConstant() + c1);
        return labelled("the final stage", Prover.noneSatisfiable(ctx, finalFacts, outBits, deadline, m -> {
            Proof.Result exact = lifted(ctx, m, free, whole, g);
            if (!(exact instanceof Proof.Result.Unknown)) return exact;
            Solver s = liftingSolver(ctx);
            s.add(ctx.mkEq(wholeSum, m.eval(ctx.mkExtract(top - 1, 0, pFree), true)));
            for (int f : cuts.flags()) s.add(ctx.mkEq(whole.literal(Literal.of(c.firstGate() + f, false)), m.eval(free.get(c.firstGate() + f), true)));
            return confirmedAmong(ctx, s, whole, g, "the cut's sum and comparators of the model");
        }));
    }

    /** Free Booleans for these nodes. */
    private static Map<Integer, BoolExpr> freeNodes(Context ctx, Iterable<Integer> nodes, String prefix) {
        Map<Integer, BoolExpr> m = new LinkedHashMap<>();
        for (int n : nodes) m.put(n, ctx.mkBoolConst(prefix + n));
        return m;
    }

    /** {@code sum w_n [n] + constant} modulo 2^top, as a top-bit word. */
    private static BitVecExpr weighted(Context ctx, Map<Integer, Long> weights, Map<Integer, BoolExpr> nodes, int top, long constant) {
        BitVecExpr s = bv(ctx, constant, top), zero = ctx.mkBV(0, top);
        for (var e : weights.entrySet()) s = ctx.mkBVAdd(s, (BitVecExpr) ctx.mkITE(nodes.get(e.getKey()), bv(ctx, e.getValue(), top), zero));
        return s;
    }

    private static BitVecExpr weighted(Context ctx, Map<Integer, Long> weights, Part part, int top, long constant) {
        Map<Integer, BoolExpr> nodes = new LinkedHashMap<>();
        for (int n : weights.keySet()) nodes.put(n, part.literal(Literal.of(n, false)));
        return weighted(ctx, weights, nodes, top, constant);
    }

    private static BitVecExpr bv(Context ctx, long v, int top) {
        return ctx.mkBV(BigInteger.valueOf(v).mod(BigInteger.ONE.shiftLeft(top)).toString(), top);
    }

    /** One query: proved when unsatisfiable. */
    private static Proof.Result oneQuery(Context ctx, List<BoolExpr> query, long deadline, java.util.function.Function<Model, Proof.Result> refuted) {
        return Prover.noneSatisfiable(ctx, List.of(), List.of(ctx.mkAnd(query.toArray(new BoolExpr[0]))), deadline, refuted);
    }

    /**
     * A part's model lifted to an input of the whole: the solver asked for an input giving the part's free
     * nodes the model's values, which is then run on the evaluator and the reference.
     */
    private static Proof.Result lifted(Context ctx, Model m, Map<Integer, BoolExpr> free, CircuitTerms whole, GadgetCase g) {
        Solver s = liftingSolver(ctx);
        StringBuilder values = new StringBuilder();
        for (var e : free.entrySet()) {
            boolean v = m.eval(e.getValue(), true).isTrue();
            s.add(ctx.mkEq(whole.literal(Literal.of(e.getKey(), false)), ctx.mkBool(v)));
            values.append(v ? '1' : '0');
        }
        return confirmedAmong(ctx, s, whole, g, "its free nodes are " + values);
    }

    /**
     * The first of up to {@link #LIFTS} inputs the solver gives that the evaluator confirms (each one tried is
     * then excluded: an error in a low column or a saturated output can hide the part's fault on one input
     * and show it on another); else the last one tried, reported unconfirmed.
     */
    static Proof.Result confirmedAmong(Context ctx, Solver s, CircuitTerms whole, GadgetCase g, String values) {
        Proof.Result last = null;
        for (int k = 0; k < LIFTS; k++) {
            Status st = s.check();
            if (st != Status.SATISFIABLE) {
                if (last != null) return last;
                return new Proof.Result.Unknown("a part fails where " + values + ", which "
                        + (st == Status.UNSATISFIABLE ? "no input of the whole reaches" : "the solver did not lift to an input (" + s.getReasonUnknown() + ")"));
            }
            Model m = s.getModel();
            last = Prover.refuted(m, whole, g);
            if (((Proof.Result.Refuted) last).counterexample().confirmed()) return last;
            List<BoolExpr> same = new ArrayList<>();
            for (BitVecExpr in : whole.inputs().values()) same.add(ctx.mkEq(in, m.eval(in, true)));
            s.add(ctx.mkNot(ctx.mkAnd(same.toArray(new BoolExpr[0]))));
        }
        return last;
    }

    static Solver liftingSolver(Context ctx) {
        Solver s = ctx.mkSolver(Prover.tactic(ctx));
        Params p = ctx.mkParams();
        p.add("timeout", 60_000);
        s.setParameters(p);
        return s;
    }

    /** How many inputs a part's counterexample is lifted to before it is reported unconfirmed. */
    static final int LIFTS = 32;

    private static Proof.Result labelled(String part, Proof.Result r) {
        return r instanceof Proof.Result.Unknown u ? new Proof.Result.Unknown(part + ": " + u.reason()) : r;
    }

    /** The terms of the gates above some free nodes: a gate reading an input (past the free nodes) is refused. */
    static final class Part {
        private final Context ctx;
        private final Circuit c;
        private final Map<Integer, BoolExpr> node;

        Part(Context ctx, Circuit c, Map<Integer, BoolExpr> free) {
            this.ctx = ctx;
            this.c = c;
            this.node = new LinkedHashMap<>(free);
        }

        BoolExpr literal(int lit) {
            BoolExpr v = node(Literal.node(lit));
            return Literal.isNegated(lit) ? ctx.mkNot(v) : v;
        }

        private BoolExpr node(int n) {
            BoolExpr v = node.get(n);
            if (v != null) return v;
            if (n == 0) return ctx.mkFalse();
            if (!c.isGate(n)) throw new IllegalStateException("a part reads input node " + n + " past its cut");
            int g = n - c.firstGate();
            BigInteger reach = BigInteger.valueOf(c.threshold(g)).abs();
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) reach = reach.add(BigInteger.valueOf(c.weight(e)).abs());
            int width = reach.bitLength() + 1;
            BitVecExpr zero = ctx.mkBV(0, width), sum = zero;
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
                sum = ctx.mkBVAdd(sum, (BitVecExpr) ctx.mkITE(node(c.faninNode(e)), Words.constant(ctx, BigInteger.valueOf(c.weight(e)), width), zero));
            }
            v = ctx.mkBVSGE(sum, Words.constant(ctx, BigInteger.valueOf(c.threshold(g)), width));
            node.put(n, v);
            return v;
        }
    }
}
