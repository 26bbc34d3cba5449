package tc0.compiler.gadgets;

import java.util.Arrays;
import tc0.circuits.Literal;

/**
 * The counting twin of one compression group ({@link WeightedSum#countBits}): its gates {@code [count >= t]} and
 * its count's bits counted in closed form on a {@link TwinNet}, so that a group of s bits costs O(s log s) time,
 * not the O(s^2) of its wires (the Chinese-remainder reconstruction's columns hold thousands of bits each).
 *
 * <p>Modelled: a group whose non-constant bits are r >= 2 distinct nodes, c1 of its bits TRUE. Then, as the
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
        int s = bits.length, ones = 0, r = 0, top = 0;
        int[] nodes = new int[s];
        for (int lit : bits) {
            if (lit == Literal.TRUE) { ones++; continue; }
            if (lit == Literal.FALSE) continue;
            nodes[r++] = Literal.node(lit);
            top = Math.max(top, net.level(lit));
        }
        if (r < 2) return null;
        int[] sorted = Arrays.copyOf(nodes, r);
        Arrays.sort(sorted);
        for (int i = 1; i < r; i++) if (sorted[i] == sorted[i - 1]) return null; // repeated: the builder merges them
        int nb = Math.min(keep, 64 - Long.numberOfLeadingZeros(s));
        int lo = ones + 1, hi = ones + r; // [count >= t] is a gate for t in lo .. hi
        int geLevel = top + 1;
        // Per bit: its gate's terms among [count >= t], t in lo .. hi (weight d_l(t) = ±1), its threshold less the TRUE ones.
        int[] out = new int[nb];
        int[] ge = new int[r]; // the output literal that is [count >= lo + i] itself, where some bit is (0: none)
        long[] fanIn = new long[nb]; // > 0: the bit is a gate of its own
        for (int l = 0; l < nb; l++) {
            long threshold = 1;
            int pos = 0, neg = 0, last = -1;
            for (int t = 1; t <= s; t++) {
                int d = ((t >> l) & 1) - (((t - 1) >> l) & 1);
                if (d == 0 || t > hi) continue;
                if (t < lo) { threshold -= d; continue; }
                if (d > 0) pos++; else neg++;
                last = t;
            }
            // Each term is a distinct plain gate: a negative weight stays on the gate (no literal is negated).
            if (-neg >= threshold) out[l] = Literal.TRUE;
            else if (pos < threshold) out[l] = Literal.FALSE;
            else if (pos + neg == 1) { // the gate [count >= last] itself: one literal however many bits it is
                if (ge[last - lo] == 0) ge[last - lo] = net.outputAt(geLevel);
                out[l] = neg == 1 ? Literal.not(ge[last - lo]) : ge[last - lo];
            } else {
                fanIn[l] = pos + neg;
                out[l] = net.outputAt(geLevel + 1);
            }
        }
        // Live: the bits read (as far as the net knows), and the [count >= t] that a live bit is or reads.
        boolean[] geLive = new boolean[r];
        int liveGe = 0;
        for (int i = 0; i < r; i++) if (ge[i] != 0 && net.alive(ge[i])) { geLive[i] = true; liveGe++; }
        for (int l = 0; l < nb; l++) {
            if (fanIn[l] == 0 || !net.alive(out[l])) continue;
            net.counted(1, fanIn[l], geLevel + 1);
            for (int t = lo; t <= hi; t++) {
                int d = ((t >> l) & 1) - (((t - 1) >> l) & 1);
                if (d != 0 && !geLive[t - lo]) { geLive[t - lo] = true; liveGe++; }
            }
        }
        if (liveGe > 0) {
            modelled++;
            net.counted(liveGe, r, geLevel);
            for (int lit : bits) if (!Literal.isConstant(lit)) net.reads(lit, liveGe);
        }
        return out;
    }
}
