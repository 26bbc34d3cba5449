package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * A circuit as Z3 terms: every input bus one bit-vector constant named after the bus, every gate a Boolean
 * defined by its fan-in. A threshold gate {@code [sum w_e v_e >= t]} is an AND or OR of its literals where
 * its threshold makes it one, else the signed comparison of a bit-vector sum of {@code ite(v_e, w_e, 0)}
 * with {@code t}, added as a tree in widths no partial sum can overflow ({@link GateTerms}; bit-vector sums,
 * not pseudo-Boolean atoms, so that the whole goal bit-blasts to one SAT problem; see {@link Prover}). A gate's terms are made once; Z3 shares equal sub-terms, so a bank of comparators over one
 * sum (a lookup's breakpoints) adds its sum once.
 */
public final class CircuitTerms {
    private final Context ctx;
    private final Circuit circuit;
    private final BoolExpr[] node;
    private final Map<String, BitVecExpr> inputs = new LinkedHashMap<>();

    private final boolean chain;

    private CircuitTerms(Context ctx, Circuit circuit, String prefix, boolean chain) {
        this.ctx = ctx;
        this.chain = chain;
        this.circuit = circuit;
        this.node = new BoolExpr[circuit.nodeCount()];
        node[0] = ctx.mkFalse();
        for (Bus b : circuit.inputBuses()) {
            BitVecExpr word = ctx.mkBVConst(prefix + b.name(), b.width());
            inputs.put(b.name(), word);
            for (int i = 0; i < b.width(); i++) node[1 + b.offset() + i] = bit(word, i);
        }
        for (int g = 0; g < circuit.gateCount(); g++) node[circuit.firstGate() + g] = gate(g);
    }

    /** The terms of {@code c}, made in {@code ctx}. */
    public static CircuitTerms of(Context ctx, Circuit c) {
        return new CircuitTerms(ctx, c, "", false);
    }

    /**
     * The terms of {@code c} with every gate's sum one chain of adders ({@link GateTerms#chain}): the cut at T's
     * bit-by-bit obligation took 31-33 s so against 46-48 s with GateTerms' forms (ABAB, one case, docs/LEMMAS.md).
     */
    static CircuitTerms chained(Context ctx, Circuit c) {
        return new CircuitTerms(ctx, c, "", true);
    }

    /**
     * The terms of {@code c} with its input constants named {@code prefix + bus}: circuits in one context,
     * their inputs kept apart (a step of a {@link Composition}, whose inputs are then substituted).
     */
    public static CircuitTerms of(Context ctx, Circuit c, String prefix) {
        return new CircuitTerms(ctx, c, prefix, false);
    }

    public Circuit circuit() { return circuit; }

    /** The input bus {@code name} as one bit-vector constant (bit 0 its least significant). */
    public BitVecExpr input(String name) {
        BitVecExpr x = inputs.get(name);
        if (x == null) throw new IllegalArgumentException("no input bus " + name + " (the circuit has " + inputs.keySet() + ")");
        return x;
    }

    /** The input buses, in the circuit's order. */
    public Map<String, BitVecExpr> inputs() { return inputs; }

    /** The output bus {@code name} as a bit-vector: its literals concatenated, bit 0 least significant. */
    public BitVecExpr output(String name) {
        Bus b = circuit.outputBus(name);
        BitVecExpr word = null;
        for (int i = 0; i < b.width(); i++) {
            BitVecExpr bit = (BitVecExpr) ctx.mkITE(literal(circuit.output(b.offset() + i)), ctx.mkBV(1, 1), ctx.mkBV(0, 1));
            word = word == null ? bit : ctx.mkConcat(bit, word);
        }
        return word;
    }

    /** A literal's Boolean. */
    public BoolExpr literal(int lit) {
        BoolExpr v = node[Literal.node(lit)];
        return Literal.isNegated(lit) ? ctx.mkNot(v) : v;
    }

    private BoolExpr bit(BitVecExpr word, int i) {
        return ctx.mkEq(ctx.mkExtract(i, i, word), ctx.mkBV(1, 1));
    }

    /** Gate g: the signed sum of its weights over the fan-ins that are 1, compared with its threshold ({@link GateTerms}). */
    private BoolExpr gate(int g) {
        int start = circuit.faninStart(g), end = circuit.faninEnd(g);
        BoolExpr[] v = new BoolExpr[end - start];
        long[] w = new long[end - start];
        for (int e = start; e < end; e++) { v[e - start] = node[circuit.faninNode(e)]; w[e - start] = circuit.weight(e); }
        return chain ? GateTerms.chain(ctx, v, w, circuit.threshold(g)) : GateTerms.atLeast(ctx, v, w, circuit.threshold(g));
    }
}
