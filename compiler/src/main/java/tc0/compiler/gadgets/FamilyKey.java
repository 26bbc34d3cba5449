package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A {@link RepeatedSum}'s family up to where its counts and levels start: two families with equal keys count alike,
 * {@code F.at(c)} being {@code G.at(c + k)} with every level moved by {@code G.base - F.base} (a causal transformer's
 * second {@code P @ V} is the first's one count on and 113 levels up). Everything {@link RepeatedSum#at} reads is a
 * fixed part or linear in the count, so the key holds each such figure at a canonical count {@link #cStar} (the
 * count where the distinct terms fall below one step), with the per-count steps, and every level less the lowest
 * level of any run ({@link #base}); copies of a column's repeated part written out at the end of its fixed runs count as
 * repeated (the second layer's rows have their first pair apart). A key says two families are alike, not proven so:
 * {@link RangeMemo} compares a few counts of both before it takes a range. Null ({@link #of}) where the distinct terms do not grow or a run lies at level 0
 * (a circuit input: no level below it to move from).
 */
public final class FamilyKey {
    /** The count at which the family's distinct terms are in {@code [0, distinctStep)}: count c is {@code c - cStar} steps from there. */
    public final long cStar;
    /** The lowest level of any run; the key's levels are relative to it. */
    public final int base;
    private final long[] ints;
    private final BigInteger[] bigs;
    private final int hash;

    private FamilyKey(long cStar, int base, long[] ints, BigInteger[] bigs) {
        this.cStar = cStar;
        this.base = base;
        this.ints = ints;
        this.bigs = bigs;
        this.hash = 31 * Arrays.hashCode(ints) + Arrays.hashCode(bigs);
    }

    /** The key of {@code rs}, or null where it has none. */
    public static FamilyKey of(RepeatedSum rs) {
        if (rs.distinctStep <= 0) return null;
        int base = Integer.MAX_VALUE;
        int n = rs.fixedLevel.length;
        for (int j = 0; j < n; j++) {
            for (int l : rs.fixedLevel[j]) base = Math.min(base, l);
            if (rs.repeat[j] != null) for (int l : rs.repeat[j].levels()) base = Math.min(base, l);
            else if (grows(rs, j)) base = Math.min(base, rs.growLevel[j]);
        }
        if (base == Integer.MAX_VALUE || base < 1) return null;
        try {
            long cStar = rs.c0 - Math.floorDiv(rs.distinct0, rs.distinctStep);
            long back = Math.subtractExact(cStar, rs.c0); // <= 0: from c0 down to cStar
            long[] head = {rs.shift, rs.width, rs.top, rs.maxLevel - base, rs.bigState ? 1 : 0, rs.bigUmax ? 1 : 0,
                    Math.addExact(rs.distinct0, Math.multiplyExact(rs.distinctStep, back)), rs.distinctStep, n};
            long[] ints = Arrays.copyOf(head, head.length + 8 * n);
            int at = head.length;
            for (int j = 0; j < n; j++) {
                long[] fc = rs.fixedCount[j];
                int[] fl = rs.fixedLevel[j];
                int need = at + 2 * fc.length + 6 + (rs.repeat[j] == null ? 0 : 2 * rs.repeat[j].levels().length);
                if (need > ints.length) ints = Arrays.copyOf(ints, Math.max(need, 2 * ints.length));
                SumShape.Repeat p = rs.repeat[j];
                int fixed = fc.length;
                long copies = 0; // copies of the repeated part written out at the end of the fixed runs: counted as repeated
                if (p != null) while (endsWithCopy(fc, fl, fixed, p)) { fixed -= p.levels().length; copies++; }
                ints[at++] = fixed;
                for (int q = 0; q < fixed; q++) { ints[at++] = fc[q]; ints[at++] = fl[q] - base; }
                if (p != null) {
                    ints[at++] = 1;
                    ints[at++] = p.levels().length;
                    for (int q = 0; q < p.levels().length; q++) { ints[at++] = p.levels()[q] - base; ints[at++] = p.counts()[q]; }
                    ints[at++] = Math.addExact(Math.addExact(p.times(), copies), back);
                } else if (grows(rs, j)) {
                    ints[at++] = 2;
                    ints[at++] = Math.addExact(rs.growBase[j], Math.multiplyExact(rs.growStep[j], back));
                    ints[at++] = rs.growStep[j];
                    ints[at++] = rs.growLevel[j] - base;
                } else ints[at++] = 0;
            }
            BigInteger b = BigInteger.valueOf(back);
            BigInteger[] bigs = {rs.constant0.add(rs.constantStep.multiply(b)), rs.constantStep, rs.umax0.add(rs.umaxStep.multiply(b)), rs.umaxStep,
                    rs.neg0.add(rs.negStep.multiply(b)), rs.negStep};
            return new FamilyKey(cStar, base, Arrays.copyOf(ints, at), bigs);
        } catch (ArithmeticException past) { // a figure at cStar past a long: no key
            return null;
        }
    }

    /** Whether the fixed runs {@code 0 .. fixed - 1} end with one copy of {@code p}'s runs (a row's first pair written apart). */
    private static boolean endsWithCopy(long[] count, int[] level, int fixed, SumShape.Repeat p) {
        int u = p.levels().length, from = fixed - u;
        if (u == 0 || from < 0) return false;
        for (int q = 0; q < u; q++) if (count[from + q] != p.counts()[q] || level[from + q] != p.levels()[q]) return false;
        return true;
    }

    /** Whether column j has a growing run ({@link RepeatedSum#atDirect} appends one only then). */
    private static boolean grows(RepeatedSum rs, int j) { return rs.growBase[j] > 0 || rs.growStep[j] > 0; }

    @Override public boolean equals(Object o) {
        return o instanceof FamilyKey k && k.hash == hash && Arrays.equals(k.ints, ints) && Arrays.equals(k.bigs, bigs);
    }

    @Override public int hashCode() { return hash; }

    @Override public String toString() { return Arrays.toString(ints) + Arrays.toString(bigs); }
}
