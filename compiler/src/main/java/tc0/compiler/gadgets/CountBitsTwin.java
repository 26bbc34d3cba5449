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
 * over the others on the level above. Every {@code [count >= t]} gate is then read by some bit's gate (checked: else
 * the group is built gate by gate, as is any other group), so all the twin counts is live when its bits are read.
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
        // Per bit: the gate's terms among the gates lo .. hi (weight d_l(t) = ±1) and its threshold, less the TRUE ones.
        int[] kind = new int[nb]; // 0 constant false, 1 constant true, 2 one gate [count >= t] (t in single), 3 a gate
        int[] single = new int[nb];
        boolean[] negated = new boolean[nb];
        long[] fanIn = new long[nb];
        boolean[] readGe = new boolean[r];
        int readCount = 0;
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
            if (-neg >= threshold) kind[l] = 1;
            else if (pos < threshold) kind[l] = 0;
            else if (pos + neg == 1) {
                kind[l] = 2;
                single[l] = last;
                negated[l] = neg == 1;
            } else {
                kind[l] = 3;
                fanIn[l] = pos + neg;
                for (int t = lo; t <= hi; t++) {
                    int d = ((t >> l) & 1) - (((t - 1) >> l) & 1);
                    if (d != 0 && !readGe[t - lo]) { readGe[t - lo] = true; readCount++; }
                }
            }
        }
        if (readCount < r) return null; // a [count >= t] no bit's gate reads: the builder's would be dead unless a bit is it
        modelled++;
        net.counted(r, r, geLevel);
        for (int lit : bits) if (!Literal.isConstant(lit)) net.reads(lit, r);
        int[] out = new int[nb];
        int[] ge = new int[r]; // the literal standing for [count >= t], t = lo + index, where some bit is that gate (0: none yet)
        for (int l = 0; l < nb; l++) {
            switch (kind[l]) {
                case 0 -> out[l] = Literal.FALSE;
                case 1 -> out[l] = Literal.TRUE;
                case 2 -> { // the gate [count >= single] itself, counted above: one literal however many bits it is
                    if (ge[single[l] - lo] == 0) ge[single[l] - lo] = net.freshAt(geLevel);
                    int g = ge[single[l] - lo];
                    out[l] = negated[l] ? Literal.not(g) : g;
                }
                default -> {
                    net.counted(1, fanIn[l], geLevel + 1);
                    out[l] = net.freshAt(geLevel + 1);
                }
            }
        }
        return out;
    }
}
