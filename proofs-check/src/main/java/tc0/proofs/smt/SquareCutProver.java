package tc0.proofs.smt;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntExpr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.IntSort;
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
 * Proves a {@link SquareCut} case with a cut at {@code T = sum x_i^2}, read off the built circuit (nothing
 * rebuilt): the <b>bank</b> is the gates that read both an AND of S's bits and the row (layer norm's
 * comparators {@code [m T - S^2 >= a]}, one weight vector, thresholds apart); their fan-in splits into the
 * <b>T part</b> (nodes over the row alone: T's bits, weights {@code m 2^j}) and the <b>S part</b> (S's bits and
 * ANDs); the outputs must read the bank alone (the step function's bits). As one query the step is an
 * equivalence of squarers (3 x 4 bits: 27 s CPU, 3 x 6 not finished); here five obligations:
 * <ol>
 *   <li><b>T</b>: {@code sum_(T part) (w_n / m) n = sigma sum x_i^2 + c_T / m} for every row, bit by bit
 *       (bit-blasted, each query holding the bits below it): the exact sum of squares, where the rest is cut off;</li>
 *   <li><b>S</b>: {@code sum_(S part) w_n n = -sigma S^2 + c_S}, a polynomial identity over S's bits
 *       ({@link FirstLayer}: each AND its truth table's polynomial);</li>
 *   <li><b>the range</b>: {@code 0 <= m sum x_i^2 - (sum x_i)^2 <= qMax} for every row, in nonlinear integer
 *       arithmetic (Z3's default solver);</li>
 *   <li><b>the comparators and above</b>: for a free {@code Q} in {@code [0, qMax]}, each bank gate read as
 *       {@code [sigma Q + c_T + c_S >= t]} (what it is by 1 and 2, S the row's sum), every output bit is the
 *       specification's at Q (bit-blasted, per output bit).</li>
 * </ol>
 * So on every row, S its sum: the bank's sums are {@code sigma Q + c} (1, 2), Q is in range (3), and the outputs
 * are the specification's at Q (4). {@code sigma} (+1, or -1 where the gates are stored negated) and the
 * constants are read off the bank (sigma the sign of S's bit 0, whose square is {@code -sigma S_0}) and the zero row,
 * then proved by 1 and 2. A model of 1 or 4 is lifted
 * to an input of the whole (up to {@link SumStageProver#LIFTS} tried) and run on the evaluator and the reference.
 */
final class SquareCutProver {
    private SquareCutProver() {}

    /** Why a circuit has no such cut. */
    static final class NoCut extends Exception {
        NoCut(String why) { super(why); }
    }

    /**
     * The cut: the bank's gates (from 0), its fan-in split into the T part and the S part (node to weight),
     * the sign and the constants {@code c_T}, {@code c_S} of the two parts' sums at the zero row.
     */
    record Shape(int[] bank, Map<Integer, Long> tPart, Map<Integer, Long> sPart, int sigma, long cT, long cS) {}

    static Proof prove(GadgetCase g, int timeoutMs) {
        Circuit c = g.circuit().get();
        SquareCut cut = g.squares();
        long start = System.nanoTime(), cpu = Prover.cpuNow(), deadline = start + timeoutMs * 1_000_000L;
        Proof.Result r;
        try (Context ctx = new Context()) {
            Shape s = shape(c, cut.m());
            CircuitTerms whole = CircuitTerms.chained(ctx, c); // faster here than GateTerms' forms (CircuitTerms.chained)
            r = labelled("T", squares(ctx, g, c, s, whole, deadline));
            if (r instanceof Proof.Result.Proved) r = labelled("S", squareOfS(ctx, g, c, s, deadline));
            if (r instanceof Proof.Result.Proved) r = labelled("the range of Q", range(ctx, g, c, cut, deadline));
            if (r instanceof Proof.Result.Proved) r = labelled("the comparators and above", comparators(ctx, g, c, s, whole, deadline));
        } catch (NoCut e) {
            r = new Proof.Result.Unknown("no cut at T: " + e.getMessage());
        }
        return new Proof(g.name(), g.widths(), c.gateCount(), (System.nanoTime() - start) / 1_000_000, (Prover.cpuNow() - cpu) / 1_000_000, r);
    }

    /** The bank, its two parts, sigma and the constants, read off the circuit (see the class comment). */
    static Shape shape(Circuit c, int m) throws NoCut {
        if (c.inputBuses().size() != m + 1) throw new NoCut(c.inputBuses().size() + " input buses, not the row of " + m + " and S");
        int base = c.firstGate();
        long sMask = 1L << m, rowMask = sMask - 1;
        long[] support = new long[c.nodeCount()];
        for (int b = 0; b <= m; b++) {
            Bus bus = c.inputBuses().get(b);
            for (int i = 0; i < bus.width(); i++) support[1 + bus.offset() + i] = 1L << b;
        }
        for (int g = 0; g < c.gateCount(); g++) {
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) support[base + g] |= support[c.faninNode(e)];
        }
        List<Integer> bank = new ArrayList<>();
        for (int g = 0; g < c.gateCount(); g++) {
            boolean readsSAnd = false;
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) readsSAnd |= c.isGate(c.faninNode(e)) && support[c.faninNode(e)] == sMask;
            if (readsSAnd && (support[base + g] & rowMask) != 0) bank.add(g);
        }
        if (bank.isEmpty()) throw new NoCut("no gate reads both an AND of S and the row");
        Map<Integer, Long> weights = weights(c, bank.getFirst());
        Map<Integer, Long> tPart = new LinkedHashMap<>(), sPart = new LinkedHashMap<>();
        for (int g : bank) if (!weights(c, g).equals(weights)) throw new NoCut("the bank's gates " + bank.getFirst() + " and " + g + " weigh their fan-ins differently");
        for (var e : weights.entrySet()) {
            long sup = support[e.getKey()];
            if (sup == sMask) sPart.put(e.getKey(), e.getValue());
            else if ((sup & sMask) == 0) tPart.put(e.getKey(), e.getValue());
            else throw new NoCut("the bank reads node " + e.getKey() + ", which depends on both S and the row");
        }
        // the outputs read the bank alone
        java.util.BitSet inBank = new java.util.BitSet(), seen = new java.util.BitSet();
        for (int g : bank) inBank.set(base + g);
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        for (int i = 0; i < c.outputCount(); i++) todo.push(Literal.node(c.output(i)));
        while (!todo.isEmpty()) {
            int n = todo.pop();
            if (n == 0 || inBank.get(n) || seen.get(n)) continue;
            if (!c.isGate(n)) throw new NoCut("an output reads input node " + n + " past the bank");
            seen.set(n);
            for (int e = c.faninStart(n - base); e < c.faninEnd(n - base); e++) todo.push(c.faninNode(e));
        }
        // the constants at the zero row, sigma from the weight of S's bit 0 (its square's, -sigma): the proofs below check them
        Long s0 = sPart.get(1 + c.inputBuses().get(m).offset());
        if (s0 == null || Math.abs(s0) != 1) throw new NoCut("the bank weighs S's bit 0 by " + s0 + ", not +-1 (its square's -sigma)");
        boolean[] v0 = evaluate(c, new long[m + 1]);
        long cT = sum(tPart, v0), cS = sum(sPart, v0);
        for (long w : tPart.values()) if (w % m != 0) throw new NoCut("a weight " + w + " of the T part is no multiple of m = " + m);
        return new Shape(bank.stream().mapToInt(Integer::intValue).toArray(), tPart, sPart, (int) -s0, cT, cS);
    }

    /** Obligation 1, per bit: the T part's sum over m is {@code sigma sum x_i^2 + c_T / m}, S given as the row's sum. */
    private static Proof.Result squares(Context ctx, GadgetCase g, Circuit c, Shape s, CircuitTerms whole, long deadline) {
        int m = g.squares().m(), xw = c.inputBuses().getFirst().width();
        long reach = Math.abs(s.cT() / m) + ((long) m << (2 * xw - 2));
        for (long w : s.tPart().values()) reach += Math.abs(w / m);
        int width = 64 - Long.numberOfLeadingZeros(reach) + 2;
        Words w = new Words(ctx, width);
        BitVecExpr lhs = w.num(0), rhs = w.num(s.cT() / m), row = w.num(0);
        for (var e : s.tPart().entrySet()) lhs = w.add(lhs, w.ite(whole.literal(Literal.of(e.getKey(), false)), w.num(e.getValue() / m), w.num(0)));
        for (int i = 0; i < m; i++) {
            BitVecExpr x = w.signed(whole.input("x" + i));
            BitVecExpr sq = w.mul(x, xw, x, xw);
            rhs = w.add(rhs, s.sigma() > 0 ? sq : w.neg(sq));
            row = w.add(row, x);
        }
        List<BoolExpr> facts = List.of(w.eq(w.signed(whole.input("x" + m)), row)); // S is the row's sum: the case's precondition
        List<BoolExpr> differs = new ArrayList<>();
        for (int b = 0; b < width; b++) differs.add(ctx.mkNot(ctx.mkEq(ctx.mkExtract(b, b, lhs), ctx.mkExtract(b, b, rhs))));
        return Prover.noneSatisfiable(ctx, facts, differs, deadline, model -> {
            // rows where T is wrong: the first the evaluator confirms (a wrong T may leave Q between the same breakpoints)
            Solver lift = SumStageProver.liftingSolver(ctx);
            for (BoolExpr f : facts) lift.add(f);
            lift.add(ctx.mkOr(differs.toArray(new BoolExpr[0])));
            return SumStageProver.confirmedAmong(ctx, lift, whole, g, "T is wrong");
        });
    }

    /** Obligation 2: the S part's sum is {@code -sigma S^2 + c_S}, a polynomial identity over S's bits. */
    private static Proof.Result squareOfS(Context ctx, GadgetCase g, Circuit c, Shape s, long deadline) {
        int m = g.squares().m();
        FirstLayer poly = new FirstLayer(ctx, c);
        List<ArithExpr<IntSort>> terms = new ArrayList<>();
        terms.add(ctx.mkInt(s.cS()));
        for (var e : s.sPart().entrySet()) terms.add(ctx.mkMul(ctx.mkInt(e.getValue()), poly.nodePolynomial(e.getKey())));
        ArithExpr<IntSort> want = ctx.mkAdd(ctx.mkMul(ctx.mkInt(-s.sigma()), poly.square(m, true)), ctx.mkInt(s.cS()));
        Solver solver = FirstLayer.identitySolver(ctx, deadline);
        for (BoolExpr b : poly.bitBounds()) solver.add(b);
        solver.add(ctx.mkNot(ctx.mkEq(want, sum(ctx, terms))));
        Status st = solver.check();
        if (st == Status.UNSATISFIABLE) return new Proof.Result.Proved();
        if (st == Status.UNKNOWN) return new Proof.Result.Unknown(solver.getReasonUnknown());
        // the S of each model spread over a row (so that S is its sum), until the evaluator confirms one
        Counterexample cx = null;
        int xw = c.inputBuses().getFirst().width();
        for (int k = 0; k < SumStageProver.LIFTS && solver.check() == Status.SATISFIABLE; k++) {
            Model model = solver.getModel();
            long[] in = poly.inputWords(model);
            solver.add(ctx.mkNot(ctx.mkEq(poly.word(m), ctx.mkInt(in[m]))));
            long left = in[m], lo = -(1L << (xw - 1)), hi = (1L << (xw - 1)) - 1;
            for (int i = 0; i < m; i++) { in[i] = Math.max(lo, Math.min(hi, left)); left -= in[i]; }
            if (left != 0) continue; // an S no row reaches
            cx = Counterexample.run(c, in, g.reference());
            if (cx.confirmed()) break;
        }
        return cx == null ? new Proof.Result.Unknown("the S part is not -S^2 only where S is out of the row's reach")
                : new Proof.Result.Refuted(cx);
    }

    /** Obligation 3: {@code 0 <= m sum x_i^2 - (sum x_i)^2 <= qMax} on every row of the input words' range. */
    private static Proof.Result range(Context ctx, GadgetCase g, Circuit c, SquareCut cut, long deadline) {
        int m = cut.m(), xw = c.inputBuses().getFirst().width();
        Solver solver = ctx.mkSolver();
        Params p = ctx.mkParams();
        p.add("timeout", (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        solver.setParameters(p);
        List<IntExpr> xs = new ArrayList<>();
        List<ArithExpr<IntSort>> sq = new ArrayList<>(), row = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            IntExpr x = ctx.mkIntConst("r" + i);
            xs.add(x);
            solver.add(ctx.mkGe(x, ctx.mkInt(-(1L << (xw - 1)))), ctx.mkLe(x, ctx.mkInt((1L << (xw - 1)) - 1)));
            sq.add(ctx.mkMul(x, x));
            row.add(x);
        }
        ArithExpr<IntSort> sv = sum(ctx, row);
        ArithExpr<IntSort> q = ctx.mkSub(ctx.mkMul(ctx.mkInt(m), sum(ctx, sq)), ctx.mkMul(sv, sv));
        solver.add(ctx.mkOr(ctx.mkLt(q, ctx.mkInt(0)), ctx.mkGt(q, ctx.mkInt(cut.qMax().toString()))));
        Status st = solver.check();
        if (st == Status.UNSATISFIABLE) return new Proof.Result.Proved();
        if (st == Status.UNKNOWN) return new Proof.Result.Unknown(solver.getReasonUnknown());
        Model model = solver.getModel();
        long[] in = new long[m + 1];
        for (int i = 0; i < m; i++) { in[i] = ((IntNum) model.eval(xs.get(i), true)).getInt64(); in[m] += in[i]; }
        return new Proof.Result.Refuted(Counterexample.run(c, in, g.reference())); // a bound that is wrong, not the circuit: unconfirmed
    }

    /** Obligation 4: over a free Q in [0, qMax], the bank as {@code [sigma Q + c >= t]}, the outputs as specified at Q. */
    private static Proof.Result comparators(Context ctx, GadgetCase g, Circuit c, Shape s, CircuitTerms whole, long deadline) {
        SquareCut cut = g.squares();
        long reach = Math.abs(s.cT() + s.cS());
        for (int gate : s.bank()) reach = Math.max(reach, Math.abs(c.threshold(gate)));
        int width = Math.max(g.specWidth(), Math.max(cut.qMax().bitLength(), 64 - Long.numberOfLeadingZeros(reach)) + 3);
        Words w = new Words(ctx, width);
        BitVecExpr q = ctx.mkBVConst("q", width);
        List<BoolExpr> facts = new ArrayList<>();
        facts.add(w.ge(q, w.num(0)));
        facts.add(w.ge(w.num(cut.qMax()), q));
        Map<Integer, BoolExpr> free = new LinkedHashMap<>();
        BitVecExpr gateSum = w.add(s.sigma() > 0 ? q : w.neg(q), w.num(s.cT() + s.cS()));
        for (int gate : s.bank()) {
            BoolExpr flag = ctx.mkBoolConst("bank" + gate);
            free.put(c.firstGate() + gate, flag);
            facts.add(ctx.mkEq(flag, w.ge(gateSum, w.num(c.threshold(gate)))));
        }
        SumStageProver.Part part = new SumStageProver.Part(ctx, c, free);
        List<BitVecExpr> spec = cut.spec().outputs(w, q);
        facts.addAll(w.definitions());
        List<BoolExpr> differs = new ArrayList<>();
        List<Bus> outs = c.outputBuses();
        for (int o = 0; o < outs.size(); o++) {
            Bus out = outs.get(o);
            for (int b = 0; b < out.width(); b++) {
                differs.add(ctx.mkNot(ctx.mkEq(part.literal(c.output(out.offset() + b)), ctx.mkEq(ctx.mkExtract(b, b, spec.get(o)), ctx.mkBV(1, 1)))));
            }
        }
        return Prover.noneSatisfiable(ctx, facts, differs, deadline, model -> {
            // a row whose Q is the model's, S its sum
            int m = cut.m(), xw = c.inputBuses().getFirst().width();
            Words lw = new Words(ctx, width);
            BitVecExpr t = lw.num(0), row = lw.num(0);
            for (int i = 0; i < m; i++) {
                BitVecExpr x = lw.signed(whole.input("x" + i));
                t = lw.add(t, lw.mul(x, xw, x, xw));
                row = lw.add(row, x);
            }
            Solver lift = SumStageProver.liftingSolver(ctx);
            lift.add(lw.eq(lw.signed(whole.input("x" + m)), row));
            lift.add(lw.eq(lw.sub(lw.mul(m, t), lw.mul(row, row)), (BitVecNum) model.eval(q, true)));
            return SumStageProver.confirmedAmong(ctx, lift, whole, g, "Q = " + model.eval(q, true));
        });
    }

    /** The circuit's node values on one input (codes per bus, two's complement). */
    static boolean[] evaluate(Circuit c, long[] codes) {
        boolean[] v = new boolean[c.nodeCount()];
        for (int b = 0; b < codes.length; b++) {
            Bus bus = c.inputBuses().get(b);
            for (int i = 0; i < bus.width(); i++) v[1 + bus.offset() + i] = (codes[b] >>> i & 1) != 0;
        }
        for (int g = 0; g < c.gateCount(); g++) v[c.firstGate() + g] = SumCuts.value(c, g, v);
        return v;
    }

    private static long sum(Map<Integer, Long> weights, boolean[] v) {
        long s = 0;
        for (var e : weights.entrySet()) if (v[e.getKey()]) s += e.getValue();
        return s;
    }

    @SuppressWarnings("unchecked")
    private static ArithExpr<IntSort> sum(Context ctx, List<? extends ArithExpr<IntSort>> terms) {
        return terms.isEmpty() ? ctx.mkInt(0) : ctx.mkAdd(terms.toArray(ArithExpr[]::new));
    }

    private static Map<Integer, Long> weights(Circuit c, int g) {
        Map<Integer, Long> w = new LinkedHashMap<>();
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) w.merge(c.faninNode(e), c.weight(e), Long::sum);
        return w;
    }

    private static Proof.Result labelled(String part, Proof.Result r) {
        return r instanceof Proof.Result.Unknown u ? new Proof.Result.Unknown(part + ": " + u.reason()) : r;
    }
}
