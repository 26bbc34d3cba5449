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
     * {@code max} V's largest value ({@code WideSum.Ladder} keeps it an int): {@code bits[t]} for {@code t} below max's
     * bit length and {@code read} (higher bits are FALSE; those below {@code from} are FALSE here and must not be read);
     * null where not modelled. Only bits that will be read are made: an unread one is a gate that dies, and where the
     * net's tail no longer holds its record, a death costs a run of the whole block again.
     */
    static int[] bits(Net net, LadderTwin twin, long constant, long max, int from, int read) {
        if (twin == null || twin.size() < 2 || !(net instanceof SharedTermsNet s) || !s.ladderGroups()) return null;
        long lo = Math.max(1, Math.addExact(twin.firstGate(), constant)), hi = Math.min(max, Math.addExact(twin.lastGate(), constant));
        int nb = Math.min(read, 64 - Long.numberOfLeadingZeros(max)), geLevel = twin.gateLevel();
        LadderFold fold = new LadderFold(lo, hi, max, from, nb, geLevel, s::outputAt);
        long liveGe = fold.countLive(s);
        made++;
        if (liveGe > 0) {
            s.counted(liveGe, twin.size(), geLevel);
            int[] terms = twin.termLits();
            s.countGroup(fold.out, fold.fanIn, fold.geLit, fold.geT, fold.geMade, fold.lo, fold.hi, twin.size(), geLevel, terms, terms.length, false);
        }
        return fold.out;
    }
}
