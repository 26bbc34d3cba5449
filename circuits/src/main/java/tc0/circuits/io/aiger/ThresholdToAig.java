package tc0.circuits.io.aiger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * Decomposes a threshold circuit into ANDs, gate by gate. A gate whose weights are all +-1 is a cardinality
 * test on literals: when it asks for all of them it is an AND, when it asks for one it is an OR (the negated
 * AND of the negated literals), and either becomes a balanced tree of 2-input ANDs, a single AND for two
 * literals. Any other gate {@code sum w_i x_i >= t} is rewritten with positive weights (a negative weight
 * {@code w x = w + |w| (not x)} moves into the threshold), weights above the threshold are clamped to it,
 * the weights' gcd is divided out, and then {@link WeightedSum} adds the weighted bits in columns with
 * full and half adders (carry-save) and compares the sum with the constant threshold.
 */
final class ThresholdToAig {
    private final Circuit c;
    private final AigBuilder aig;
    private final int[] nodeLit;
    private int[] lits = new int[16];

    private ThresholdToAig(Circuit c) {
        this.c = c;
        this.aig = new AigBuilder(c.inputCount());
        this.nodeLit = new int[c.nodeCount()];
    }

    /** The AIG of {@code c}: its outputs are {@code c}'s outputs in order, its inputs {@code c}'s inputs. */
    static AigBuilder.Aig convert(Circuit c) {
        ThresholdToAig t = new ThresholdToAig(c);
        t.nodeLit[0] = AigBuilder.FALSE;
        for (int i = 0; i < c.inputCount(); i++) t.nodeLit[1 + i] = t.aig.input(i);
        for (int g = 0; g < c.gateCount(); g++) t.nodeLit[c.firstGate() + g] = t.gate(g);
        int[] outputs = new int[c.outputCount()];
        for (int i = 0; i < outputs.length; i++) {
            int lit = c.output(i);
            outputs[i] = t.nodeLit[Literal.node(lit)] ^ (Literal.isNegated(lit) ? 1 : 0);
        }
        return t.aig.compact(outputs);
    }

    private int gate(int g) {
        int fanin = c.fanin(g);
        if (lits.length < fanin) lits = new int[Math.max(fanin, 2 * lits.length)];
        boolean unit = true;
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) unit &= Math.abs(c.weight(e)) == 1;
        if (unit) {
            Integer lit = cardinality(g);
            if (lit != null) return lit;
        }
        return general(g);
    }

    /** Weights all +-1: at least T of the literals (negative weights as negated literals); null if T is neither all nor one. */
    private Integer cardinality(int g) {
        long t = c.threshold(g);
        int n = 0;
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
            int lit = nodeLit[c.faninNode(e)];
            if (c.weight(e) < 0) { // -x = (1 - x) - 1: the literal negated, the threshold raised by one
                lit ^= 1;
                if (t == Long.MAX_VALUE) return AigBuilder.FALSE;
                t++;
            }
            lits[n++] = lit;
        }
        if (t <= 0) return AigBuilder.TRUE;
        if (t > n) return AigBuilder.FALSE;
        if (t == n) return aig.andAll(lits, n);
        if (t == 1) return aig.orAll(lits, n);
        return null;
    }

    private int general(int g) {
        BigInteger t = BigInteger.valueOf(c.threshold(g));
        List<BigInteger> weights = new ArrayList<>();
        int n = 0;
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
            BigInteger w = BigInteger.valueOf(c.weight(e));
            int lit = nodeLit[c.faninNode(e)];
            if (w.signum() < 0) { // w x = w + |w| (not x)
                t = t.subtract(w);
                w = w.negate();
                lit ^= 1;
            }
            if (w.signum() == 0 || lit == AigBuilder.FALSE) continue;
            if (lit == AigBuilder.TRUE) { t = t.subtract(w); continue; }
            lits[n++] = lit;
            weights.add(w);
        }
        if (t.signum() <= 0) return AigBuilder.TRUE;
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger w : weights) sum = sum.add(w);
        if (t.compareTo(sum) > 0) return AigBuilder.FALSE;
        // One literal with weight >= t decides alone: clamping to t keeps the function and narrows the sum.
        BigInteger gcd = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            if (weights.get(i).compareTo(t) > 0) weights.set(i, t);
            gcd = gcd.gcd(weights.get(i));
        }
        if (!gcd.equals(BigInteger.ONE)) { // sum w x >= t  <=>  sum (w/g) x >= ceil(t/g)
            for (int i = 0; i < n; i++) weights.set(i, weights.get(i).divide(gcd));
            t = t.add(gcd).subtract(BigInteger.ONE).divide(gcd);
        }
        boolean allOnes = weights.stream().allMatch(BigInteger.ONE::equals);
        if (allOnes && t.intValueExact() == n) return aig.andAll(lits, n);
        if (allOnes && t.equals(BigInteger.ONE)) return aig.orAll(lits, n);
        return WeightedSum.atLeast(aig, lits, weights, t);
    }
}
