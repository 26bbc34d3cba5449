package tc0.proofs.smt;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.IntSort;
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

/**
 * The first obligation of {@link SumStageProver} as a polynomial identity: every input bit an integer
 * {@code u} in {0, 1}, each first-layer gate its truth table's multilinear polynomial over its fan-in bits
 * (found by running the gate on every one of its 2^k fan-in values: an AND is {@code u_a u_b}), and Z3 asked
 * whether {@code P(words) != sum_n w_n poly_n + c1} can hold, {@code P} the case's exact value over the
 * words {@code sum_i ±2^i u_i}. Z3's simplifier, expanding both sides to sums of monomials ({@code som}),
 * makes them one polynomial: the identity {@code sum_(i,j) ±2^(i+j) x_i y_j = x y} is then decided at once,
 * where bit-blasted it is an equivalence of two multipliers (4.7 s for 2 pairs of 4 bits, over 60 s at 6).
 */
final class FirstLayer {
    private final Context ctx;
    private final Circuit c;
    private final List<ArithExpr<IntSort>[]> bits = new ArrayList<>();

    @SuppressWarnings("unchecked")
    FirstLayer(Context ctx, Circuit c) {
        this.ctx = ctx;
        this.c = c;
        for (Bus b : c.inputBuses()) {
            ArithExpr<IntSort>[] u = new ArithExpr[b.width()];
            for (int i = 0; i < u.length; i++) u[i] = ctx.mkIntConst("u." + b.name() + "." + i);
            bits.add(u);
        }
    }

    /** {@code c1 = P - sum} where every input bit is 0 (the first layer's gates evaluated there). */
    long constant(SumStages st, int bus, Map<Integer, Long> first) {
        long sum = 0;
        boolean[] v = new boolean[c.nodeCount()];
        for (var e : first.entrySet()) if (SumCuts.nodeValue(c, e.getKey(), v)) sum += e.getValue();
        Map<String, ArithExpr<IntSort>> zero = new LinkedHashMap<>();
        for (Bus b : c.inputBuses()) zero.put(b.name(), ctx.mkInt(0));
        return ((IntNum) st.exact().values(ctx, zero).get(bus).simplify()).getInt64() - sum;
    }

    /**
     * +1 where {@code sum_n w_n n} grows with P, -1 where it falls (comparators stored negated): found on inputs
     * whose bits are all 0, all 1 and alternating; the first layer's proof then shows it right.
     */
    int sign(SumStages st, int bus, Map<Integer, Long> weights) {
        long[] patterns = {0, -1L, 0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL};
        long p0 = 0, s0 = 0;
        for (int k = 0; k < patterns.length; k++) {
            boolean[] v = new boolean[c.nodeCount()];
            Map<String, ArithExpr<IntSort>> words = new LinkedHashMap<>();
            for (Bus b : c.inputBuses()) {
                long code = 0;
                for (int i = 0; i < b.width(); i++) {
                    boolean bit = (patterns[k] >>> (i % 64) & 1) != 0;
                    v[1 + b.offset() + i] = bit;
                    if (bit) code += (i == b.width() - 1 && !st.unsigned().contains(b.name())) ? -(1L << i) : 1L << i;
                }
                words.put(b.name(), ctx.mkInt(code));
            }
            long sum = 0;
            for (var e : weights.entrySet()) if (SumCuts.nodeValue(c, e.getKey(), v)) sum += e.getValue();
            long p = ((IntNum) st.exact().values(ctx, words).get(bus).simplify()).getInt64();
            if (k == 0) { p0 = p; s0 = sum; continue; }
            if (p != p0 && sum - s0 == -(p - p0)) return -1;
            if (p != p0) return 1;
        }
        return 1;
    }

    @SuppressWarnings("unchecked")
    Proof.Result prove(SumStages st, int bus, Map<Integer, Long> first, long c1, long deadline, GadgetCase g) {
        Map<String, ArithExpr<IntSort>> words = new LinkedHashMap<>();
        List<Bus> buses = c.inputBuses();
        for (int b = 0; b < buses.size(); b++) {
            ArithExpr<IntSort>[] u = bits.get(b);
            List<ArithExpr<IntSort>> terms = new ArrayList<>();
            boolean signed = !st.unsigned().contains(buses.get(b).name());
            for (int i = 0; i < u.length; i++) terms.add(ctx.mkMul(ctx.mkInt(signed && i == u.length - 1 ? -(1L << i) : 1L << i), u[i]));
            words.put(buses.get(b).name(), ctx.mkAdd(terms.toArray(ArithExpr[]::new)));
        }
        List<ArithExpr<IntSort>> terms = new ArrayList<>();
        terms.add(ctx.mkInt(c1));
        for (var e : first.entrySet()) terms.add(ctx.mkMul(ctx.mkInt(e.getValue()), polynomial(e.getKey() - c.firstGate())));
        BoolExpr differs = ctx.mkNot(ctx.mkEq(st.exact().values(ctx, words).get(bus), ctx.mkAdd(terms.toArray(ArithExpr[]::new))));
        Params som = ctx.mkParams();
        som.add("som", true);
        Solver s = ctx.mkSolver(ctx.andThen(ctx.usingParams(ctx.mkTactic("simplify"), som), ctx.mkTactic("smt")));
        Params p = ctx.mkParams();
        p.add("timeout", (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        s.setParameters(p);
        for (ArithExpr<IntSort>[] u : bits) for (ArithExpr<IntSort> x : u) { s.add(ctx.mkGe(x, ctx.mkInt(0))); s.add(ctx.mkLe(x, ctx.mkInt(1))); }
        s.add(differs);
        Status r = s.check();
        if (r == Status.UNSATISFIABLE) return new Proof.Result.Proved();
        if (r == Status.UNKNOWN) return new Proof.Result.Unknown(s.getReasonUnknown());
        // a model where the sum is not P: the first of some that the evaluator confirms (saturation can hide it)
        Counterexample cx = null;
        for (int k = 0; k < SumStageProver.LIFTS && s.check() == Status.SATISFIABLE; k++) {
            Model m = s.getModel();
            cx = Counterexample.run(c, inputs(m), g.reference());
            if (cx.confirmed()) break;
            List<BoolExpr> same = new ArrayList<>();
            for (ArithExpr<IntSort>[] u : bits) for (ArithExpr<IntSort> x : u) same.add(ctx.mkEq(x, m.eval(x, true)));
            s.add(ctx.mkNot(ctx.mkAnd(same.toArray(new BoolExpr[0]))));
        }
        return new Proof.Result.Refuted(cx);
        // (the counterexample's words are read signed: Counterexample's convention, which the reference takes)
    }

    /** A node's value as a polynomial of the input bits: an input its bit, a gate over inputs {@link #polynomial}. */
    ArithExpr<IntSort> nodePolynomial(int node) {
        return c.isGate(node) ? polynomial(node - c.firstGate()) : bit(node);
    }

    /** Input bus {@code b}'s value from its bits, two's complement. */
    @SuppressWarnings("unchecked")
    ArithExpr<IntSort> word(int b) {
        ArithExpr<IntSort>[] u = bits.get(b);
        List<ArithExpr<IntSort>> terms = new ArrayList<>();
        for (int i = 0; i < u.length; i++) terms.add(ctx.mkMul(ctx.mkInt(i == u.length - 1 ? -(1L << i) : 1L << i), u[i]));
        return ctx.mkAdd(terms.toArray(ArithExpr[]::new));
    }

    /**
     * Input bus {@code b}'s square as a multilinear polynomial of its bits ({@code u^2 = u} for a bit):
     * {@code sum_a c_a^2 u_a + sum_(a<b) 2 c_a c_b u_a u_b}, {@code c_a} the bits' weights, so that the
     * simplifier meets the ANDs' polynomials term for term (with {@code word^2} it would have to use {@code u^2 = u}).
     */
    @SuppressWarnings("unchecked")
    ArithExpr<IntSort> square(int b, boolean signed) {
        ArithExpr<IntSort>[] u = bits.get(b);
        long[] c = new long[u.length];
        for (int i = 0; i < u.length; i++) c[i] = signed && i == u.length - 1 ? -(1L << i) : 1L << i;
        List<ArithExpr<IntSort>> terms = new ArrayList<>();
        for (int i = 0; i < u.length; i++) {
            terms.add(ctx.mkMul(ctx.mkInt(Math.multiplyExact(c[i], c[i])), u[i]));
            for (int j = i + 1; j < u.length; j++) terms.add(ctx.mkMul(ctx.mkInt(Math.multiplyExact(2 * c[i], c[j])), u[i], u[j]));
        }
        return ctx.mkAdd(terms.toArray(ArithExpr[]::new));
    }

    /** Every input bit in {0, 1}. */
    List<BoolExpr> bitBounds() {
        List<BoolExpr> b = new ArrayList<>();
        for (ArithExpr<IntSort>[] u : bits) for (ArithExpr<IntSort> x : u) { b.add(ctx.mkGe(x, ctx.mkInt(0))); b.add(ctx.mkLe(x, ctx.mkInt(1))); }
        return b;
    }

    /** A solver deciding polynomial identities: {@code simplify} with {@code som} (sums of monomials), then {@code smt}. */
    static Solver identitySolver(Context ctx, long deadline) {
        Params som = ctx.mkParams();
        som.add("som", true);
        Solver s = ctx.mkSolver(ctx.andThen(ctx.usingParams(ctx.mkTactic("simplify"), som), ctx.mkTactic("smt")));
        Params p = ctx.mkParams();
        p.add("timeout", (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        s.setParameters(p);
        return s;
    }

    /** The model's input words, signed (the counterexample's convention). */
    long[] inputWords(Model m) {
        return inputs(m);
    }

    /** Gate g's value as the multilinear polynomial of its truth table over its fan-ins (inputs only). */
    @SuppressWarnings("unchecked")
    private ArithExpr<IntSort> polynomial(int g) {
        int k = c.fanin(g);
        if (k > 12) throw new IllegalStateException("first-layer gate " + g + " has " + k + " fan-ins");
        int[] in = new int[k];
        for (int e = 0; e < k; e++) in[e] = c.faninNode(c.faninStart(g) + e);
        long[] coef = new long[1 << k];
        boolean[] v = new boolean[c.nodeCount()];
        for (int a = 0; a < 1 << k; a++) {
            for (int e = 0; e < k; e++) v[in[e]] = (a >> e & 1) != 0;
            coef[a] = SumCuts.value(c, g, v) ? 1 : 0;
        }
        for (int e = 0; e < k; e++) for (int a = 0; a < 1 << k; a++) if ((a >> e & 1) != 0) coef[a] -= coef[a ^ (1 << e)]; // Moebius
        List<ArithExpr<IntSort>> terms = new ArrayList<>();
        for (int a = 0; a < 1 << k; a++) {
            if (coef[a] == 0) continue;
            List<ArithExpr<IntSort>> f = new ArrayList<>();
            f.add(ctx.mkInt(coef[a]));
            for (int e = 0; e < k; e++) if ((a >> e & 1) != 0) f.add(bit(in[e]));
            terms.add(f.size() == 1 ? f.get(0) : ctx.mkMul(f.toArray(ArithExpr[]::new)));
        }
        return terms.isEmpty() ? ctx.mkInt(0) : ctx.mkAdd(terms.toArray(ArithExpr[]::new));
    }

    private ArithExpr<IntSort> bit(int node) {
        if (node == 0 || c.isGate(node)) throw new IllegalStateException("first-layer fan-in node " + node + " is no input bit");
        for (int b = 0; b < c.inputBuses().size(); b++) {
            Bus bus = c.inputBuses().get(b);
            int i = node - 1 - bus.offset();
            if (i >= 0 && i < bus.width()) return bits.get(b)[i];
        }
        throw new IllegalStateException("input node " + node + " is on no bus");
    }

    /** The model's input words, signed. */
    private long[] inputs(Model m) {
        long[] v = new long[bits.size()];
        for (int b = 0; b < v.length; b++) {
            ArithExpr<IntSort>[] u = bits.get(b);
            for (int i = 0; i < u.length; i++) {
                if (((IntNum) m.eval(u[i], true)).getInt64() != 0) v[b] += i == u.length - 1 ? -(1L << i) : 1L << i;
            }
        }
        return v;
    }
}
