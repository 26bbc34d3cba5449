package tc0.compiler.gadgets;

import java.util.Arrays;
import tc0.circuits.Literal;

/**
 * The counting twin of one compression group ({@link WeightedSum#countBits}): its gates {@code [count >= t]} and
 * its count's bits counted in closed form on a {@link TwinNet}, so that a group of s bits costs O(s log s) time,
 * not the O(s^2) of its wires (the Chinese-remainder reconstruction's columns hold thousands of bits each).
 *
 * <p>Modelled: a group whose non-constant bits are r >= 2 distinct nodes (or repeat, merged as the builder merges them), c1 of its bits TRUE. Then, as the
 * builder normalises them, {@code [count >= t]} is TRUE for {@code t <= c1}, FALSE past {@code c1 + r}, and a gate
 * of fan-in r on level {@code 1 + } the bits' highest otherwise; bit l is {@code sum_t d_l(t) [count >= t] >= 1}
 * with the constant terms folded into its threshold: a constant, one gate {@code [count >= t]} itself, or a gate
 * over the others on the level above. Liveness as the builder keeps it: the bits are {@link TwinNet#outputAt} literals,
 * and only the gates of live bits, and the {@code [count >= t]} some live bit is or reads, are counted (a net that
 * drops dead gates runs the gadget again when a bit dies). Any other group is built gate by gate.
 * Two bits may be the same gate {@code [count >= t]} (four bits, two of them TRUE: bits 1 and 2 are both
 * {@code [count >= 4]}); they are then one literal here too, so that a later gate reading both merges them as
 * the builder does.
 */
final class CountBitsTwin {
    /** Groups counted here so far (tests read it to see the twin at work). */
    static long modelled;

    private CountBitsTwin() {}

    /** The count's low {@code keep} bits as {@link WeightedSum#countBits} makes them, or null where not modelled. */
    static int[] countBits(TwinNet net, int[] bits, int keep) {
        return countBits(net, bits, 0, 0, keep, null);
    }

    /**
     * The same for a group of {@code bits} and {@code extra} more bits that are variables of distinct nodes none of
     * {@code bits} is, all on {@code extraLevel} (a run's entries, {@link WideRuns}, not listed); {@code live[0]}
     * (where given) tells whether the group's gates read its bits (some gate of it is live).
     */
    static int[] countBits(TwinNet net, int[] bits, int extra, int extraLevel, int keep, boolean[] live) {
        return countBits(net, bits, extra, extraLevel, keep, live, net::outputAt, null, 0);
    }

    /**
     * A hook for {@link UnlistedRound}'s families (count bits on a net that drops dead gates): maps the tags the
     * {@code fresh} of {@link #countBits(TwinNet, int[], int, int, int, boolean[], java.util.function.IntUnaryOperator, Resolver, int)}
     * gave to literals, in {@code out} (the bits, tags possibly negated) and {@code geLit[0 .. geMade - 1]}, before
     * their liveness is asked.
     */
    @FunctionalInterface
    interface Resolver {
        void resolve(int[] out, int[] geLit, int geMade);
    }

    /**
     * The group's count as {@link #countBits(TwinNet, int[], int, int, int, boolean[])} counts it, on a net that keeps
     * every gate (its outputs are all live), its output gates not made where nothing but their level is needed: a bit is a literal (a constant,
     * or a gate made because it is two bits of the count: one node in two columns), or {@link Unmade#UNMADE} with its
     * level. For {@link UnlistedRound}, whose next round reads such outputs by count and level alone. Null where not
     * modelled.
     */
    static Unmade countUnmade(TwinNet net, int[] bits, int extra, int extraLevel, int keep, boolean[] live) {
        int[] levels = new int[2 * 64 + 2];
        int[] made = {0};
        // Each output gate gets a tag (a literal of a node standing for the index into levels), never given to the net.
        int[] out = countBits(net, bits, extra, extraLevel, keep, live, lv -> { levels[made[0]] = lv; return Literal.of(1 + made[0]++, false); }, null, 0);
        if (out == null) return null;
        int[] tag = new int[out.length], uses = new int[made[0]], real = new int[made[0]];
        for (int l = 0; l < out.length; l++) {
            tag[l] = Literal.isConstant(out[l]) ? -1 : Literal.node(out[l]) - 1;
            if (tag[l] >= 0) uses[tag[l]]++;
        }
        int[] lv = new int[out.length];
        for (int l = 0; l < out.length; l++) {
            int t = tag[l];
            if (t < 0) continue;
            lv[l] = levels[t];
            if (uses[t] == 1) { out[l] = Unmade.UNMADE; continue; }
            if (real[t] == 0) real[t] = net.outputAt(levels[t]); // a gate that is two bits: one node, as the builder has it
            out[l] = Literal.isNegated(out[l]) ? Literal.not(real[t]) : real[t];
        }
        return new Unmade(out, lv);
    }

    /** A group's count bits: {@code lits[l]} a literal, or {@link #UNMADE}: a gate on {@code levels[l]} not made. */
    record Unmade(int[] lits, int[] levels) {
        static final int UNMADE = -1;
    }

    /**
     * The group counted (see the class), its output gates made by {@code fresh}. Family hooks ({@link UnlistedRound}):
     * {@code resolve} (null: none) maps fresh's tags to literals; {@code alsoRead} (a node literal, 0: none) is read
     * with the group's terms where some gate of it lives (the node standing for the column's unmade entries).
     */
    static int[] countBits(TwinNet net, int[] bits, int extra, int extraLevel, int keep, boolean[] live, java.util.function.IntUnaryOperator fresh, Resolver resolve, int alsoRead) {
        int s = bits.length + extra, ones = 0, r = 0, top = extra > 0 ? extraLevel : 0;
        long[] keys = new long[bits.length]; // node and sign, sorted: a node's plain and negated entries side by side
        for (int lit : bits) {
            if (lit == Literal.TRUE) { ones++; continue; }
            if (lit == Literal.FALSE) continue;
            keys[r++] = 2L * Literal.node(lit) + (Literal.isNegated(lit) ? 1 : 0);
        }
        Arrays.sort(keys, 0, r);
        // A node met a times plain and b times negated is b + (a - b) x once merged: b more TRUE where a = b (the
        // builder drops it), else one term of weight a - b. The count then runs over [least, most] and [count >= t] is
        // a gate of fan-in `terms` for t in least + 1 .. most: what the builder makes of repeats (the reconstruction's
        // y and F words share a one-hot where a table bit has one entry).
        int terms = 0;
        long least = ones, most = ones;
        for (int i = 0; i < r; ) {
            long node = keys[i] >> 1;
            int a = 0, b = 0;
            for (; i < r && keys[i] >> 1 == node; i++) if ((keys[i] & 1) == 0) a++; else b++;
            least += Math.min(a, b);
            most += Math.max(a, b);
            if (a == b) continue;
            terms++;
            top = Math.max(top, net.level(Literal.of((int) node, false)));
        }
        if (terms + extra < 2) return null; // one term: [count >= t] is that literal, not a gate
        boolean cancels = most - least != r; // some node's plain and negated entries cancel: it is read by no gate here
        r = terms + extra;
        int nb = Math.min(keep, 64 - Long.numberOfLeadingZeros(s));
        int lo = (int) least + 1, hi = (int) most + extra; // [count >= t] is a gate for t in lo .. hi
        int geLevel = top + 1;
        // Bit l's terms are [count >= t] at the multiples t of 2^l in lo .. hi (LadderFold). Counted, not listed.
        LadderFold fold = new LadderFold(lo, hi, Long.MAX_VALUE, 0, nb, geLevel, fresh);
        int[] out = fold.out;
        if (resolve != null) resolve.resolve(out, fold.geLit, fold.geMade); // hook: tags to literals before liveness is asked
        long liveGe = fold.countLive(net);
        SharedTermsNet settles = net instanceof SharedTermsNet st ? st : null; // settles the group's deaths itself: the terms read through it
        if (liveGe > 0) {
            modelled++;
            net.counted(liveGe, r, geLevel);
            int[] read = new int[bits.length + 1];
            int reads = 0;
            for (int lit : bits) if (!Literal.isConstant(lit) && (!cancels || isTerm(bits, lit))) {
                if (settles == null) net.reads(lit, liveGe);
                else read[reads++] = Literal.of(Literal.node(lit), false);
            }
            if (alsoRead != 0) { if (settles == null) net.reads(alsoRead, liveGe); else read[reads++] = alsoRead; } // hook: see countBits above
            if (settles != null) settles.countGroup(out, fold.fanIn, fold.geLit, fold.geT, fold.geMade, lo, hi, r, geLevel, read, reads, extra > 0);
        }
        if (live != null) live[0] = liveGe > 0;
        return out;
    }

    /** Whether lit's node keeps a term once the group's repeats are merged (its plain and negated entries differ in number). */
    private static boolean isTerm(int[] bits, int lit) {
        int node = Literal.node(lit), balance = 0;
        for (int b : bits) if (!Literal.isConstant(b) && Literal.node(b) == node) balance += Literal.isNegated(b) ? -1 : 1;
        return balance != 0;
    }
}
