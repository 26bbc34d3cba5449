package tc0.compiler.gadgets;

import java.util.function.IntUnaryOperator;
import tc0.circuits.Literal;

/**
 * The bits of a value V read through a ladder of gates {@code [V >= v]}, as the builder folds them: the gates are TRUE
 * below {@code lo}, FALSE above {@code hi} and distinct gates of one fan-in on one level between, so bit t
 * ({@code sum_m ±[V >= m 2^t] >= 1}, plus at odd m, minus at even) is a constant, the one ladder gate in range itself, or
 * a gate over the ladder gates at the multiples of {@code 2^t} in {@code lo .. hi}. One home for a compression group's
 * count ({@link CountBitsTwin}, V its count) and a block ladder's bits ({@link LadderGroup}); {@link LadderBits} asks
 * the same per bit on a net that keeps every gate.
 */
final class LadderFold {
    final int lo, hi, geLevel;
    final int[] out; // bit t's literal (fresh where a gate; FALSE below from)
    final long[] fanIn; // > 0: bit t is a gate of its own, of this fan-in
    final int[] geT, geLit; // the ladder gates that are bits themselves: their v and literal
    int geMade;

    /**
     * Bits {@code from .. nb - 1} of V, whose largest value is {@code max} (bit t's terms are {@code m 2^t <= max}); the
     * ladder gates on {@code geLevel}, a bit's gate a level above, each new literal from {@code fresh}.
     */
    LadderFold(long lo, long hi, long max, int from, int nb, int geLevel, IntUnaryOperator fresh) {
        this.lo = Math.toIntExact(lo);
        this.hi = Math.toIntExact(hi); // the nets' group records hold ints
        this.geLevel = geLevel;
        out = new int[nb];
        fanIn = new long[nb];
        geT = new int[nb];
        geLit = new int[nb];
        for (int t = from; t < nb; t++) {
            long top = (max >>> t) << t, below = Math.min(lo - 1, top), upTo = Math.min(hi, top);
            long threshold = 1 - (LadderBits.odd(1, below, t) - LadderBits.even(1, below, t)); // the TRUE terms folded in
            long pos = LadderBits.odd(lo, upTo, t), neg = LadderBits.even(lo, upTo, t);
            // Each term is a distinct plain gate: a negative weight stays on the gate (no literal is negated).
            if (-neg >= threshold) out[t] = Literal.TRUE;
            else if (pos < threshold) out[t] = Literal.FALSE;
            else if (pos + neg == 1) { // the ladder gate [V >= v] itself: one literal however many bits it is
                int v = (int) (upTo >> t << t), k = 0;
                while (k < geMade && geT[k] != v) k++;
                if (k == geMade) { geT[k] = v; geLit[k] = fresh.applyAsInt(geLevel); geMade++; }
                out[t] = neg == 1 ? Literal.not(geLit[k]) : geLit[k];
            } else {
                fanIn[t] = pos + neg;
                out[t] = fresh.applyAsInt(geLevel + 1);
            }
        }
    }

    /**
     * Counts on {@code net} the bit gates alive now and returns how many ladder gates live: those a live bit is or
     * reads, the multiples of 2^t in lo .. hi for the lowest live gate bit t (they include every higher one's), and the
     * ones that are bits themselves.
     */
    long countLive(TwinNet net) {
        int low = -1;
        for (int t = 0; t < out.length; t++) {
            if (fanIn[t] == 0 || !net.alive(out[t])) continue;
            net.counted(1, fanIn[t], geLevel + 1);
            if (low < 0) low = t;
        }
        long live = low < 0 ? 0 : LadderBits.odd(lo, hi, low) + LadderBits.even(lo, hi, low);
        for (int k = 0; k < geMade; k++) if (net.alive(geLit[k]) && (low < 0 || (geT[k] & ((1 << low) - 1)) != 0)) live++;
        return live;
    }
}
