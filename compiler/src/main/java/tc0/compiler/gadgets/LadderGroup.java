package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * A block ladder's bits on a net that drops dead gates ({@link SharedTermsNet#ladderGroups}: a LiveNet), counted as
 * {@link CountBitsTwin} counts a compression group and settled with the net's gates in one
 * {@link SharedTermsNet#countGroup} record: no node per ladder gate. Bit t of {@code V = constant + sum} is
 * {@code sum_m ±[V >= m 2^t] >= 1} (plus at odd m, minus at even), and the ladder's gates are TRUE below {@code lo},
 * FALSE above {@code hi} and distinct gates of the twin's fan-in on one level between ({@link LadderTwin}'s normal
 * form): so, as {@link LadderBits} has it on a net that keeps every gate, bit t is a constant, one ladder gate itself,
 * or a gate over the ladder gates at the multiples of {@code 2^t} in {@code lo .. hi}; the ladder gates live are those
 * a live bit is or reads. Gate by gate each ladder gate was a node: log at p = 256 on a LiveNet (float Mamba's
 * softplus) made some 15,000 blocks of 8 x 10^4 and ran past the 2^30 nodes a literal can name.
 */
final class LadderGroup {
    /** Ladders counted here so far (tests read it to see it at work). */
    static long made;

    private LadderGroup() {}

    /**
     * Bits {@code from .. read - 1} of {@code V = constant + sum}, {@code [V >= v] = twin.atLeast(v - constant)},
     * {@code max} V's largest value: {@code bits[t]} for {@code t} below max's bit length and {@code read} (higher bits
     * are FALSE; those below {@code from} are FALSE here and must not be read); null where not modelled. Only bits that will be read are made: an unread one is a gate that dies, and
     * where the net's tail no longer holds its record, a death costs a run of the whole block again.
     */
    static int[] bits(Net net, LadderTwin twin, long constant, long max, int from, int read) {
        if (twin == null || twin.size() < 2 || !(net instanceof SharedTermsNet s) || !s.ladderGroups()) return null;
        long lo = Math.max(1, Math.addExact(twin.firstGate(), constant)), hi = Math.min(max, Math.addExact(twin.lastGate(), constant));
        if (hi >= Integer.MAX_VALUE) return null; // the net's group records hold ints
        int nb = Math.min(read, 64 - Long.numberOfLeadingZeros(max)), geLevel = twin.gateLevel();
        int[] out = new int[nb], geT = new int[nb], geLit = new int[nb];
        long[] fanIn = new long[nb]; // > 0: the bit is a gate of its own
        int geMade = 0;
        for (int t = from; t < nb; t++) {
            long top = (max >>> t) << t; // the bit's terms: m 2^t for m = 1 .. max >> t
            long threshold = 1 - (LadderBits.odd(1, Math.min(lo - 1, top), t) - LadderBits.even(1, Math.min(lo - 1, top), t)); // TRUE terms folded
            long pos = LadderBits.odd(lo, Math.min(hi, top), t), neg = LadderBits.even(lo, Math.min(hi, top), t);
            if (-neg >= threshold) out[t] = Literal.TRUE;
            else if (pos < threshold) out[t] = Literal.FALSE;
            else if (pos + neg == 1) { // the one ladder gate in range itself: one literal however many bits it is
                int v = (int) (Math.ceilDiv(lo, 1L << t) << t), k = 0;
                while (k < geMade && geT[k] != v) k++;
                if (k == geMade) { geT[k] = v; geLit[k] = s.outputAt(geLevel); geMade++; }
                out[t] = neg == 1 ? Literal.not(geLit[k]) : geLit[k];
            } else {
                fanIn[t] = pos + neg;
                out[t] = s.outputAt(geLevel + 1);
            }
        }
        // Live: the ladder gates a live bit is or reads: the multiples of 2^t in lo .. hi for the lowest live gate
        // bit t (they include every higher one's), and the ones that are bits themselves.
        int low = -1;
        for (int t = 0; t < nb; t++) {
            if (fanIn[t] == 0 || !s.alive(out[t])) continue;
            s.counted(1, fanIn[t], geLevel + 1);
            if (low < 0) low = t;
        }
        long liveGe = low < 0 ? 0 : LadderBits.odd(lo, hi, low) + LadderBits.even(lo, hi, low);
        for (int k = 0; k < geMade; k++) if (s.alive(geLit[k]) && (low < 0 || (geT[k] & ((1 << low) - 1)) != 0)) liveGe++;
        made++;
        if (liveGe > 0) {
            s.counted(liveGe, twin.size(), geLevel);
            int[] terms = twin.termLits();
            s.countGroup(out, fanIn, geLit, geT, geMade, (int) lo, (int) hi, twin.size(), geLevel, terms, terms.length, false);
        }
        return out;
    }
}
