package tc0.compiler.gadgets;

import tc0.circuits.GateTerms;
import tc0.circuits.Literal;

/**
 * The counting twin of a ladder: gates {@code [sum w_i lits_i >= t]} over one set of terms at many thresholds t
 * ({@link WideSum}'s block ladders, {@link CrtReconstruct}'s {@code [j >= t]}). The terms are normalised once as
 * the builder normalises each gate ({@link GateTerms}: negations into the threshold, repeats merged, zero weights
 * dropped), so each gate is then O(1): TRUE where the terms' least sum reaches the threshold, FALSE where their
 * greatest does not, the one term's literal where there is one term, else a gate of fan-in {@code size} on the
 * level above the terms' highest, a {@link TwinNet#outputAt} literal counted where it is live (its terms read once
 * per ladder: a net tells only whether a literal is read). Gate by gate, each of the ladder's gates was sorted and
 * merged again, the bulk of a p = 128 division's count.
 */
final class LadderTwin {
    private final TwinNet net;
    private final long shift, minSum, maxSum;
    private final int size, level, single;
    private final int[] termLits;
    private boolean termsRead;
    private int group = -1; // its group on a SharedTermsNet

    private LadderTwin(TwinNet net, long shift, long minSum, long maxSum, int level, int single, int[] termLits) {
        this.net = net;
        this.shift = shift;
        this.minSum = minSum;
        this.maxSum = maxSum;
        this.size = termLits.length;
        this.level = level;
        this.single = single;
        this.termLits = termLits;
    }

    /** The twin of the gates over the first {@code n} terms, or null where the net counts gate by gate now. */
    static LadderTwin of(Net net, int[] lits, long[] w, int n) {
        if (!(net instanceof TwinNet t) || !t.twins()) return null;
        GateTerms terms = new GateTerms();
        long shift = terms.load(lits, w, n, 0, Integer.MAX_VALUE); // [sum >= v] is [terms >= v + shift]
        int size = terms.size();
        long minSum = 0, maxSum = 0;
        int level = 0;
        int[] termLits = new int[size];
        for (int i = 0; i < size; i++) {
            long wi = terms.weights()[i];
            if (wi > 0) maxSum = Math.addExact(maxSum, wi); else minSum = Math.addExact(minSum, wi);
            termLits[i] = Literal.of(terms.nodes()[i], false);
            level = Math.max(level, t.level(termLits[i]));
        }
        int single = size == 1 ? Literal.of(terms.nodes()[0], terms.weights()[0] < 0) : -1;
        return new LadderTwin(t, shift, minSum, maxSum, level, single, termLits);
    }

    /** The terms after normalising: a ladder gate's fan-in where it is a gate. */
    int size() { return size; }

    /** The normalised terms' literals (plain, one per node): what each ladder gate reads. Not to be changed. */
    int[] termLits() { return termLits; }

    /** The level of the ladder's gates. */
    int gateLevel() { return level + 1; }

    /** The least v whose gate {@code [sum >= v]} is not TRUE: below it every gate is TRUE. */
    long firstGate() { return minSum - shift + 1; }

    /** The greatest v whose gate is not FALSE: above it every gate is FALSE. */
    long lastGate() { return maxSum - shift; }

    /** {@code [sum w_i lits_i >= v]}, as a counting net would make it gate by gate. */
    int atLeast(long v) {
        long t = Math.addExact(v, shift);
        if (minSum >= t) return Literal.TRUE;
        if (maxSum < t) return Literal.FALSE;
        if (size == 1) return single;
        if (net instanceof SharedTermsNet s) {
            if (group < 0) group = s.group(termLits);
            return s.groupGate(group, level + 1);
        }
        int out = net.outputAt(level + 1);
        if (!net.alive(out)) return out;
        net.counted(1, size, level + 1);
        if (!termsRead) {
            termsRead = true;
            for (int lit : termLits) net.reads(lit, 1);
        }
        return out;
    }
}
