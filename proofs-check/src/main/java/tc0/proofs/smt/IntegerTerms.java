package tc0.proofs.smt;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * A circuit in linear integer arithmetic: every input bit a Boolean constant, every threshold gate
 * {@code [sum w_e v_e >= t]} the integer inequality over {@code ite(v_e, 1, 0)}, as it is written. A word is
 * the integer its bits stand for. Where a gate is a linear form of words, Z3's arithmetic normalises the
 * gate's sum and the specification's to one polynomial over the same bits: the weights are compared as
 * numbers, not as adders (which bit-blasting turns into a SAT problem the solver did not finish).
 */
final class IntegerTerms {
    private final Context ctx;
    private final Circuit circuit;
    private final BoolExpr[] node;
    private final List<BoolExpr[]> inputBits = new ArrayList<>();

    /** The terms of {@code circuit}, its input bits fresh Boolean constants named {@code bus.i}. */
    IntegerTerms(Context ctx, Circuit circuit) {
        this(ctx, circuit, null);
    }

    /**
     * The terms of {@code circuit} with its input buses' bits given ({@code inputs.get(b)[i]}), where not null:
     * a step of a {@link Composition} wired to the words it reads.
     */
    IntegerTerms(Context ctx, Circuit circuit, List<BoolExpr[]> inputs) {
        this.ctx = ctx;
        this.circuit = circuit;
        this.node = new BoolExpr[circuit.nodeCount()];
        node[0] = ctx.mkFalse();
        List<Bus> buses = circuit.inputBuses();
        for (int b = 0; b < buses.size(); b++) {
            Bus bus = buses.get(b);
            BoolExpr[] bits = new BoolExpr[bus.width()];
            for (int i = 0; i < bus.width(); i++) {
                bits[i] = inputs == null ? ctx.mkBoolConst(bus.name() + "." + i) : inputs.get(b)[i];
                node[1 + bus.offset() + i] = bits[i];
            }
            inputBits.add(bits);
        }
        for (int g = 0; g < circuit.gateCount(); g++) node[circuit.firstGate() + g] = gate(g);
    }

    Circuit circuit() { return circuit; }

    /** Each input bus's two's complement value, by name. */
    Map<String, ArithExpr<IntSort>> signedInputs() {
        Map<String, ArithExpr<IntSort>> in = new LinkedHashMap<>();
        List<Bus> buses = circuit.inputBuses();
        for (int b = 0; b < buses.size(); b++) in.put(buses.get(b).name(), value(inputBits.get(b), true));
        return in;
    }

    /** The input bus {@code b}'s bits (bit 0 least significant). */
    BoolExpr[] inputBits(int b) { return inputBits.get(b); }

    /** Output bus {@code b}'s unsigned value. */
    ArithExpr<IntSort> output(Bus b) {
        return value(outputBits(b), false);
    }

    /** Output bus {@code b}'s bits (bit 0 least significant). */
    BoolExpr[] outputBits(Bus b) {
        BoolExpr[] bits = new BoolExpr[b.width()];
        for (int i = 0; i < bits.length; i++) bits[i] = literal(circuit.output(b.offset() + i));
        return bits;
    }

    private ArithExpr<IntSort> value(BoolExpr[] bits, boolean signed) {
        List<ArithExpr<IntSort>> terms = new ArrayList<>();
        for (int i = 0; i < bits.length; i++) {
            long w = signed && i == bits.length - 1 ? -(1L << i) : 1L << i;
            terms.add(weighted(bits[i], w));
        }
        return sum(terms);
    }

    private BoolExpr literal(int lit) {
        BoolExpr v = node[Literal.node(lit)];
        return Literal.isNegated(lit) ? ctx.mkNot(v) : v;
    }

    private BoolExpr gate(int g) {
        List<ArithExpr<IntSort>> terms = new ArrayList<>();
        for (int e = circuit.faninStart(g); e < circuit.faninEnd(g); e++) terms.add(weighted(node[circuit.faninNode(e)], circuit.weight(e)));
        return ctx.mkGe(sum(terms), ctx.mkInt(circuit.threshold(g)));
    }

    /** {@code w ite(v, 1, 0)}: gates and words as sums of the same 0/1 terms, which Z3 then collects. */
    @SuppressWarnings("unchecked")
    private ArithExpr<IntSort> weighted(BoolExpr v, long w) {
        return ctx.mkMul(ctx.mkInt(w), (ArithExpr<IntSort>) ctx.mkITE(v, ctx.mkInt(1), ctx.mkInt(0)));
    }

    @SuppressWarnings("unchecked")
    private ArithExpr<IntSort> sum(List<ArithExpr<IntSort>> terms) {
        return terms.isEmpty() ? ctx.mkInt(0) : ctx.mkAdd(terms.toArray(ArithExpr[]::new));
    }
}
