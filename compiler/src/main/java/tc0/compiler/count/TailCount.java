package tc0.compiler.count;

/**
 * The exact cost of {@code TailLookup.build} (a table that is the identity from index h up) from the table's
 * stats, no gate made, for a word of distinct variable bits: comparators at the breakpoints below h (fan-in
 * w) and {@code g = [x >= lo + h]} (a comparator, or the negated sign bit when {@code lo + h = 0}); per
 * output bit, a constant, one comparator's literal, or one gate: the step sum of the bit over the comparators
 * (a bit constant on the tail), or {@code [g + x_b + 2 L_b >= 2]} (a bit that varies there). A word with
 * repeated bits (a sign extension) is run on a Tape instead.
 */
final class TailCount {
    private TailCount() {}

    /** The widest word with repeated bits whose tail lookup is run on a Tape (a table of 2^w entries). */
    static final int RUN_LIMIT = 16;

    /** One instance over {@code x} (no constant bit), table stats {@code t}, tail from {@code h}. */
    static Instance.Result count(ElemClass x, TableStats t, long h) {
        if (h == 0) return new Instance.Result(new Profile(), new ElemClass[] {x}, new long[] {Usage.all(x)}, true, true); // the identity: x itself
        int w = x.width();
        if (x.slots() != w) return repeated(x, t, w);
        long lo = -(1L << (w - 1)), tailLo = lo + h, tailHi = -lo - 1;
        int cmpLevel = x.maxLevel() + 1;
        boolean gIsSign = tailLo == 0;
        int signLevel = x.slotLevel(w - 1);
        int gLevel = gIsSign ? signLevel : cmpLevel;
        Profile p = new Profile();
        long below = t.breaks(0, h - 1);
        p.gates(below, w, cmpLevel);
        if (!gIsSign) p.gates(1, w, cmpLevel);
        long last = t.value(h - 1), base0 = t.value(0);
        int[] bits = new int[w];
        int[] levels = new int[w + 1];
        int slots = 0;
        java.util.Map<Long, Integer> slotOfComparator = new java.util.HashMap<>();
        boolean readsSign = false, readsAll = below > 0 || !gIsSign;
        for (int b = 0; b < w; b++) {
            long base = base0 >>> b & 1;
            boolean varies = tailLo >> b != tailHi >> b;
            long atH = varies ? 0 : tailLo >>> b & 1;
            long kBelow = t.changes(b, 0, h - 1);
            boolean changesAtH = (last >>> b & 1) != atH;
            long k = kBelow + (changesAtH ? 1 : 0);
            if (!varies) {
                if (k == 0) { bits[b] = base == 1 ? ElemClass.TRUE : ElemClass.FALSE; continue; }
                if (k == 1) {
                    if (changesAtH && gIsSign) {
                        throw new NeedsLiterals("a tail lookup's bit " + b + " is the input's sign bit (no gate of its own)");
                    }
                    long at = changesAtH ? h : t.firstChange(b, 0);
                    Integer s = slotOfComparator.get(at);
                    if (s == null) { s = slots++; slotOfComparator.put(at, s); levels[s] = cmpLevel; }
                    bits[b] = s << 1 | (int) base; // 0 -> 1 at the comparator: it; 1 -> 0: its negation
                    continue;
                }
                int level = 1 + Math.max(kBelow > 0 ? cmpLevel : 0, changesAtH ? gLevel : 0);
                readsSign |= changesAtH && gIsSign;
                p.gates(1, k, level);
                levels[slots] = level;
                bits[b] = slots++ << 1;
                continue;
            }
            long fanIn = k + (changesAtH ? 0 : 1) + 1;
            int level = 1 + Math.max(Math.max(x.slotLevel(b), gLevel), kBelow > 0 ? cmpLevel : 0);
            readsSign |= gIsSign;
            p.gates(1, fanIn, level);
            levels[slots] = level;
            bits[b] = slots++ << 1;
        }
        long used = 0;
        if (readsAll) used = Usage.all(x);
        else {
            for (int b = 0; b < w; b++) if (tailLo >> b != tailHi >> b) used |= 1L << b;
            if (readsSign) used |= 1L << (w - 1);
        }
        ElemClass out = ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots));
        return new Instance.Result(p, new ElemClass[] {out}, new long[] {used}, false, true);
    }

    /** A word with a repeated bit (a sign extension): the gadget run on a Tape, for widths up to {@link #RUN_LIMIT}. */
    private static Instance.Result repeated(ElemClass x, TableStats t, int w) {
        if (w > RUN_LIMIT) throw new NeedsLiterals("a tail lookup over a " + w + "-bit word with repeated bits");
        long[] table = new long[1 << w];
        for (int i = 0; i < table.length; i++) table[i] = t.value(i);
        return Instance.run((net, in) -> new int[][] {tc0.compiler.gadgets.Lookup.build(net, in[0], table, w)}, new ElemClass[] {x}, new int[] {0});
    }
}
