package tc0.compiler.gadgets;

/**
 * {@link FinalStage#run} for a run of counts whose last round is the same and only the constant moves (a
 * {@link RepeatedSweep} between two last rounds: mamba's scan rows, about seven counts each), by the columns that
 * change. Output column j depends on the count only through the constant's bit j and the carry into j of adding the
 * columns' low bits {@code L = sum (q_j & 1) 2^j} and the constant K, and those carries are all at once the bits of
 * {@code (L + K) ^ L ^ K}. So each column's part ({@link FinalStage#column}) is made once per (bit, carry) case and
 * kept, and a count after the first redoes only the columns whose case changed (where the constant moves by
 * {@code 2^33} a count, a few a count), keeping the totals per level, the wires, the bits and the marks up to date.
 *
 * <p>Equal to {@link FinalStage#run} at every count ({@code StageSweepTest}); where a figure would pass a long it is
 * switched off and the caller runs FinalStage.
 */
final class StageSweep {
    private final int shift, width, top;
    /** Off for good: a figure passed a long (the caller runs FinalStage). */
    private boolean off;
    /** The columns' figures of the current last round: q, distinct entries, highest and last levels, L's limbs. */
    private final long[] q, n;
    private final int[] maxLv, soleLevel;
    private long lLo, lHi;
    private int lastNonEmpty, hiKind, loKind, satLevel;
    private boolean prepared;
    /** Per output column and case (bit + 2 carry): its part, made when first met ({@link #made}); kept while the column's figures stay. */
    private final FinalStage.Column[][] parts;
    private final boolean[][] made;
    /** The current count's case per output column (-1: none yet), and what the columns add together. */
    private final int[] caseOf;
    private long[] perLevel = new long[8];
    private int lowLevel = Integer.MAX_VALUE, highLevel = -1;
    private long wires;
    private int notModelled, notExact;
    /** Output columns with a read comparator, as a mask over j - shift (two limbs). */
    private long readLo, readHi;
    /** The bits, kept up to date here; and the copies last handed out (never changed: counts before keep them). */
    private ClosedSum.Kind[] kind;
    private int[] level;
    private boolean[] negated;
    private ClosedSum.Kind[] kindOut;
    private int[] levelOut;
    private boolean[] negatedOut;
    /** Whether a bit changed since the copies were made. */
    private boolean bitsChanged;
    /** Counts counted, and columns redone (tests, trace). */
    long counts, redone;

    StageSweep(int shift, int width) {
        this.shift = shift;
        this.width = width;
        this.top = shift + width;
        q = new long[top];
        n = new long[top];
        maxLv = new int[top];
        soleLevel = new int[top];
        parts = new FinalStage.Column[width][4];
        for (FinalStage.Column[] p : parts) for (int c = 0; c < 4; c++) p[c] = new FinalStage.Column();
        made = new boolean[width][4];
        caseOf = new int[width];
    }

    /** Whether sums this wide are counted here (two limbs of columns). */
    static boolean fits(int shift, int width) { return shift + width <= 126; }

    /** Whether the columns taken are the caller's current ones. */
    private boolean current;

    /** The caller's columns changed: the next {@link #run} takes them (keeping the parts of output columns whose figures stay). */
    void newColumns() { current = false; }

    /**
     * The final stage into k, as {@link StepCount#finalStage} over {@code oh, omax, olast} with the constant's limbs
     * {@code lo, hi}; the columns are those of the last {@link #newColumns} (taken at the first run after it). False
     * (nothing added) where this is off: the caller runs FinalStage.
     */
    boolean run(StepCount k, long[] oh, int[] omax, int[] olast, long lo, long hi, int hiKind, int loKind, int satLevel) {
        if (off) return false;
        try {
            if (!prepared || hiKind != this.hiKind || loKind != this.loKind || satLevel != this.satLevel) prepare(oh, omax, olast, hiKind, loKind, satLevel);
            else if (!current) columns(oh, omax, olast);
            long sLo = lLo + lo, sHi = lHi + hi + (Long.compareUnsigned(sLo, lLo) < 0 ? 1 : 0);
            long cLo = sLo ^ lLo ^ lo, cHi = sHi ^ lHi ^ hi; // bit j: the carry into column j
            for (int b = 0; b < width; b++) {
                int j = b + shift;
                int kBit = (int) ((j < 64 ? lo >>> j : hi >>> (j - 64)) & 1), carry = (int) ((j < 64 ? cLo >>> j : cHi >>> (j - 64)) & 1);
                int cs = kBit | carry << 1;
                if (cs == caseOf[b]) continue;
                change(b, cs);
            }
        } catch (ArithmeticException past) {
            off = true;
            return false;
        }
        counts++;
        for (int l = lowLevel; l <= highLevel; l++) if (perLevel[l] != 0) k.gate(perLevel[l], 0, l);
        k.addWires(wires, 1);
        if (bitsChanged || kindOut == null) { kindOut = kind.clone(); levelOut = level.clone(); negatedOut = negated.clone(); bitsChanged = false; }
        k.bitKind = kindOut;
        k.bitLevel = levelOut;
        k.bitNegated = negatedOut;
        int lastRead = readHi != 0 ? 127 - Long.numberOfLeadingZeros(readHi) + shift : readLo != 0 ? 63 - Long.numberOfLeadingZeros(readLo) + shift : -1;
        boolean unread = lastNonEmpty > lastRead && k.anyGroupGates;
        k.modelled &= notModelled == 0 && !unread;
        k.countExact &= notExact == 0 && !unread;
        return true;
    }

    /**
     * The columns' running figures (FinalStage's walk less the constant); the output columns whose figures changed are
     * taken off the totals and their parts forgotten.
     */
    private void columns(long[] oh, int[] omax, int[] olast) {
        long nn = 0, qq = 0;
        int mx = 0, sole = 0;
        lLo = lHi = 0;
        lastNonEmpty = -1;
        for (int j = 0; j < top; j++) {
            long h = oh[j];
            if (h > 0) {
                nn += h;
                mx = Math.max(mx, omax[j]);
                sole = olast[j];
                lastNonEmpty = j;
            }
            qq = Math.addExact(qq >> 1, h);
            Math.addExact(qq, 2);
            if ((qq & 1) != 0) { if (j < 64) lLo |= 1L << j; else lHi |= 1L << (j - 64); }
            if (q[j] == qq && n[j] == nn && maxLv[j] == mx && soleLevel[j] == sole) continue;
            int b = j - shift;
            if (b >= 0) {
                if (caseOf[b] >= 0) add(parts[b][caseOf[b]], b, -1); // with the old figures
                caseOf[b] = -1;
                java.util.Arrays.fill(made[b], false);
            }
            q[j] = qq;
            n[j] = nn;
            maxLv[j] = mx;
            soleLevel[j] = sole;
        }
        current = true;
    }

    /** Every case forgotten and the totals cleared, then the columns taken ({@link #columns}). */
    private void prepare(long[] oh, int[] omax, int[] olast, int hiKind, int loKind, int satLevel) {
        this.hiKind = hiKind;
        this.loKind = loKind;
        this.satLevel = satLevel;
        for (boolean[] m : made) java.util.Arrays.fill(m, false);
        java.util.Arrays.fill(caseOf, -1);
        java.util.Arrays.fill(perLevel, 0);
        lowLevel = Integer.MAX_VALUE;
        highLevel = -1;
        wires = 0;
        notModelled = notExact = 0;
        readLo = readHi = 0;
        kind = new ClosedSum.Kind[width];
        level = new int[width];
        negated = new boolean[width];
        kindOut = null;
        bitsChanged = false;
        columns(oh, omax, olast);
        prepared = true;
    }

    /** Output column b (column shift + b) from its current case to case cs: its old part taken off, the new one added. */
    private void change(int b, int cs) {
        redone++;
        int old = caseOf[b];
        if (old >= 0) add(parts[b][old], b, -1);
        FinalStage.Column c = parts[b][cs];
        if (!made[b][cs]) { part(c, b, cs); made[b][cs] = true; }
        add(c, b, 1);
        caseOf[b] = cs;
        if (kind[b] != c.kind || level[b] != c.level || negated[b] != c.negated) {
            kind[b] = c.kind;
            level[b] = c.level;
            negated[b] = c.negated;
            bitsChanged = true;
        }
    }

    /** Column shift + b's part in case cs (bit 0: the constant's bit, bit 1: the carry in). */
    private void part(FinalStage.Column c, int b, int cs) {
        int j = b + shift, kBit = cs & 1, carry = cs >> 1;
        long m = q[j] + kBit + carry, t0 = Math.min(m, kBit);
        FinalStage.column(c, m, t0, n[j], maxLv[j], soleLevel[j], b == width - 1, hiKind, loKind, satLevel);
        if (c.cmp > 0) { Math.multiplyExact(c.cmp, n[j]); count(maxLv[j] + 1); } // wires past a long: off
        if (c.kind == ClosedSum.Kind.GATE) count(c.level);
    }

    /** Room for gates on level lv. */
    private void count(int lv) {
        if (lv >= perLevel.length) perLevel = java.util.Arrays.copyOf(perLevel, Math.max(lv + 1, 2 * perLevel.length));
        lowLevel = Math.min(lowLevel, lv);
        highLevel = Math.max(highLevel, lv);
    }

    /** Adds (sign 1) or takes off (-1) column shift + b's part c. */
    private void add(FinalStage.Column c, int b, int sign) {
        int j = b + shift;
        if (c.cmp > 0) {
            int lv = maxLv[j] + 1;
            perLevel[lv] = Math.addExact(perLevel[lv], sign * c.cmp);
            wires = Math.addExact(wires, sign * Math.multiplyExact(c.cmp, n[j]));
        }
        if (c.kind == ClosedSum.Kind.GATE) {
            perLevel[c.level] = Math.addExact(perLevel[c.level], sign);
            wires = Math.addExact(wires, sign * c.combineFanIn);
        }
        if (c.notModelled) notModelled += sign;
        if (c.notExact) notExact += sign;
        if (c.read) {
            if (b < 64) readLo ^= 1L << b; else readHi ^= 1L << (b - 64);
        }
    }
}
