package tc0.compiler.gadgets;

import java.math.BigInteger;

/**
 * {@link RepeatedSum#head}'s decisions (the saturation gates HI and LO, whether the sum is wide) held over a stretch of
 * counts, and the constant's low bits by two-long arithmetic modulo 2^top: every number head compares is linear in the
 * count d ({@code A + B d}: the constant, the positive and negative sums, the thresholds), so each comparison keeps its
 * answer up to a count found by one division, and the decisions hold up to the least of those. Per count then no
 * BigInteger (mamba's rows pass a long from n = 2^15 on, and head was a fifth of the sweep's time at 2^20). Exact:
 * the same as head at every count ({@code HeadSegmentsTest}), for sums of up to {@link SumCount#MAX_TOP} bits: the low
 * bits {@code (A + S d) mod 2^top} as two limbs (mamba's rows at 2^20 have 62 columns, past a long's 61, and went
 * through head's BigIntegers at every count: 28 % of the sweep).
 */
final class HeadSegments {
    private static final BigInteger LONG_END = BigInteger.ONE.shiftLeft(63), LONG_START = LONG_END.negate();
    private final RepeatedSum rs;
    /** The constant's bits kept: below 2^top in two limbs (bits 0..63, 64..127). */
    private final long maskLo, maskHi;
    /** The linear functions compared, as {A, B} pairs, and the thresholds each is compared with ({@code f >= T}). */
    private final BigInteger[][] lines;
    private final BigInteger[][] thresholds;
    /** The decisions and the counts [from, to] where they hold. */
    private long from = 1, to = 0;
    private int hiKind, loKind;
    private boolean wide;
    /** (constant0 + half) and the constant's step, modulo 2^128, as low and high limbs. */
    private final long lowA, highA, lowS, highS;
    /** Stretches set up (tests, trace). */
    long stretches;

    HeadSegments(RepeatedSum rs) {
        this.rs = rs;
        int top = rs.top;
        maskLo = top >= 64 ? -1 : (1L << top) - 1;
        maskHi = top <= 64 ? 0 : top >= 128 ? -1 : (1L << (top - 64)) - 1;
        BigInteger hb = rs.shift > 0 ? BigInteger.ONE.shiftLeft(rs.shift - 1) : BigInteger.ZERO, bb = BigInteger.ONE.shiftLeft(rs.width - 1 + rs.shift);
        BigInteger c0 = rs.constant0, cs = rs.constantStep;
        BigInteger hi0 = bb.subtract(c0), lo0 = bb.negate().subtract(c0); // hiStep, loStep at d = 0; both fall by cs per count
        BigInteger[] range = {LONG_END, LONG_START}, thr = {LONG_END, LONG_START, BigInteger.ONE}, sign = {BigInteger.ZERO};
        lines = new BigInteger[][] {
            {c0, cs}, {rs.neg0, rs.negStep}, {rs.umax0, rs.umaxStep}, {rs.umax0.subtract(rs.neg0), rs.umaxStep.subtract(rs.negStep)}, {c0.add(hb), cs},
            {hi0, cs.negate()}, {lo0, cs.negate()}, {hi0.subtract(hb), cs.negate()}, {lo0.subtract(hb), cs.negate()},
            {rs.umax0.subtract(hi0.subtract(hb)), rs.umaxStep.add(cs)}, {rs.umax0.subtract(lo0.subtract(hb)), rs.umaxStep.add(cs)}};
        thresholds = new BigInteger[][] {range, range, range, range, range, range, range, thr, thr, sign, sign};
        BigInteger m = BigInteger.ONE.shiftLeft(128), a = c0.add(hb).mod(m), s = cs.mod(m);
        lowA = a.longValue();
        highA = a.shiftRight(64).longValue();
        lowS = s.longValue();
        highS = s.shiftRight(64).longValue();
    }

    /** Whether this can tell the head of sums this wide. */
    static boolean fits(RepeatedSum rs) { return rs.top <= SumCount.MAX_TOP; }

    /**
     * As {@link RepeatedSum#head} at count {@code c0 + d} (d >= 0; shape(c0)'s d is 0): the saturation gates into k,
     * head[0..4] (hiKind, loKind, wide, the constant's low bits 0..63 and 64..127).
     */
    void head(long d, long distinct, StepCount k, int satLevel, long[] head) {
        if (d < from || d > to) settle(d);
        if (hiKind == 2) k.gate(1, distinct, satLevel);
        if (loKind == 2) k.gate(1, distinct, satLevel);
        head[0] = hiKind;
        head[1] = loKind;
        head[2] = wide ? 1 : 0;
        // (cb + hb) mod 2^top = (A + S d) mod 2^128, masked: the products wrap modulo 2^128, a multiple of 2^top
        long pLo = lowS * d, pHi = Math.unsignedMultiplyHigh(lowS, d) + highS * d; // d >= 0
        long lo = lowA + pLo, hi = highA + pHi + (Long.compareUnsigned(lo, lowA) < 0 ? 1 : 0);
        head[3] = lo & maskLo;
        head[4] = hi & maskHi;
    }

    /** head's decisions at d, exactly, and the counts from d on where every comparison keeps its answer. */
    private void settle(long d) {
        stretches++;
        StepCount scratch = new StepCount(rs.maxLevel + 8);
        long[] h = new long[4];
        rs.head(d, 2, scratch, rs.maxLevel + 1, h); // its gates go to the scratch; distinct does not steer a decision
        hiKind = (int) h[0];
        loKind = (int) h[1];
        wide = h[2] != 0;
        long end = Long.MAX_VALUE;
        BigInteger bd = BigInteger.valueOf(d);
        for (int i = 0; i < lines.length; i++) {
            for (BigInteger t : thresholds[i]) end = Math.min(end, keeps(lines[i][0], lines[i][1], t, bd));
        }
        from = d;
        to = end;
    }

    /** The last count x >= d at which {@code a + b x >= t} still answers as at d (Long.MAX_VALUE: from d on). */
    static long keeps(BigInteger a, BigInteger b, BigInteger t, BigInteger d) {
        int s = b.signum();
        if (s == 0) return Long.MAX_VALUE;
        boolean at = a.add(b.multiply(d)).compareTo(t) >= 0;
        BigInteger last;
        if (s > 0) {
            if (at) return Long.MAX_VALUE; // rising: stays at or past t
            last = t.subtract(a).subtract(BigInteger.ONE).divide(b); // b x <= t - a - 1; the numerator >= b d >= 0
        } else {
            if (!at) return Long.MAX_VALUE; // falling: stays below t
            last = a.subtract(t).divide(b.negate()); // -b x <= a - t; the numerator >= -b d >= 0
        }
        return last.bitLength() > 63 ? Long.MAX_VALUE : last.longValue();
    }
}
