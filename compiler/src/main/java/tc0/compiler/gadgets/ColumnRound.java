package tc0.compiler.gadgets;

/**
 * Round one of one column at one count c, as {@link RepeatedSweep} keeps it: the gates per level, the wires, whether it
 * made groups, and the column's signature into the last round (per kind of group, key = bits * 4 + the top bit's level
 * offset: the groups and their highest level). Also a piece of counts: a round at dA plus {@code (d - dA)} times a
 * step, where the column's groups keep their size and number (see {@link RepeatedSweep}).
 */
final class ColumnRound {
    int nl;
    int[] lv = new int[4];
    long[] cnt = new long[4];
    long wires;
    /** Wires past a long (a column of 2^40 entries: groups of 2^20, 2^60 wires), and whether any went past. */
    final Acc128 past = new Acc128();
    boolean pastAny;
    boolean groups;
    int ns;
    final int[] key = new int[RepeatedSweep.KINDS], slv = new int[RepeatedSweep.KINDS];
    final long[] q = new long[RepeatedSweep.KINDS];

    void clear() { nl = 0; ns = 0; wires = 0; past.clear(); pastAny = false; groups = false; }

    void gate(long count, int level) {
        if (count == 0) return;
        for (int i = 0; i < nl; i++) if (lv[i] == level) { cnt[i] = Math.addExact(cnt[i], count); return; }
        if (nl == lv.length) { lv = java.util.Arrays.copyOf(lv, 2 * nl); cnt = java.util.Arrays.copyOf(cnt, 2 * nl); }
        lv[nl] = level;
        cnt[nl++] = count;
    }

    /** Adds {@code count x fanIn >= 0} wires, past a long into {@link #past}. */
    void addWires(long count, long fanIn) {
        long s = SumCount.wiresPlus(wires, count, fanIn);
        if (s >= 0) wires = s;
        else { past.addProduct(count, fanIn); pastAny = true; }
    }

    void sign(int nb, int topOff, long groups, int level) {
        int k = nb * 4 + topOff;
        for (int e = 0; e < ns; e++) {
            if (key[e] != k) continue;
            q[e] += groups;
            if (level > slv[e]) slv[e] = level;
            return;
        }
        if (ns == RepeatedSweep.KINDS) throw new IllegalStateException("more than " + RepeatedSweep.KINDS + " kinds of group in a column");
        key[ns] = k;
        q[ns] = groups;
        slv[ns++] = level;
    }

    /** Same levels, kinds and highest levels (in the same order), counts apart. */
    boolean sameStructure(ColumnRound o) {
        if (nl != o.nl || ns != o.ns || groups != o.groups) return false;
        for (int i = 0; i < nl; i++) if (lv[i] != o.lv[i]) return false;
        for (int e = 0; e < ns; e++) if (key[e] != o.key[e] || slv[e] != o.slv[e]) return false;
        return true;
    }

    /** This = a + t (b - a) in every count (a, b and this of one structure). */
    boolean onLine(ColumnRound a, ColumnRound b, long t) {
        if (!sameStructure(a) || !sameStructure(b) || pastAny || a.pastAny || b.pastAny) return false;
        try {
            for (int i = 0; i < nl; i++) if (cnt[i] != line(a.cnt[i], b.cnt[i], t)) return false;
            for (int e = 0; e < ns; e++) if (q[e] != line(a.q[e], b.q[e], t)) return false;
            return wires == line(a.wires, b.wires, t);
        } catch (ArithmeticException past) {
            return false;
        }
    }

    private static long line(long a, long b, long t) { return Math.addExact(a, Math.multiplyExact(t, Math.subtractExact(b, a))); }

    /** This := a + t (b - a), exactly (ArithmeticException past a long, as the walk would throw). */
    void setOnLine(ColumnRound a, ColumnRound b, long t) {
        nl = a.nl;
        if (lv.length < nl) { lv = new int[a.lv.length]; cnt = new long[a.lv.length]; }
        for (int i = 0; i < nl; i++) { lv[i] = a.lv[i]; cnt[i] = line(a.cnt[i], b.cnt[i], t); }
        ns = a.ns;
        for (int e = 0; e < ns; e++) { key[e] = a.key[e]; slv[e] = a.slv[e]; q[e] = line(a.q[e], b.q[e], t); }
        wires = line(a.wires, b.wires, t);
        past.copyFrom(a.past); // only copies (a == b) have wires past a long: pieces take none
        pastAny = a.pastAny;
        groups = a.groups;
    }

    void copyFrom(ColumnRound a) { setOnLine(a, a, 0); }

    /** The signature alone (kinds, groups, highest levels). */
    void copySignature(ColumnRound a) {
        ns = a.ns;
        for (int e = 0; e < ns; e++) { key[e] = a.key[e]; slv[e] = a.slv[e]; q[e] = a.q[e]; }
    }

    /** Adds the gates and wires to the count. */
    void addTo(StepCount k) {
        for (int i = 0; i < nl; i++) k.gate(cnt[i], 0, lv[i]);
        k.addWires(wires, 1);
        if (pastAny) k.addPast(past);
        k.anyGroupGates |= groups;
    }
}
