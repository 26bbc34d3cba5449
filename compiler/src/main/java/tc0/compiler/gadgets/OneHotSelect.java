package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * One of two one-hot values chosen by a bit s, member by member: {@code [z = v] = (a_v AND NOT s) OR (b_v AND s)}
 * (FloatSqrt's series for the two parities of the exponent). Gate by gate three gates per member; on a net that
 * counts one-hots as families ({@link OneHotBulk}), one family: each member's two ANDs of fan-in 2 and its OR of
 * fan-in 2, levels worked out once, no literal per member; a range of members counted at once (member by member it was
 * 38% of a square root's time at p = 512: a reconstruction table reads all q - 1 members of each of 16,695 primes).
 */
final class OneHotSelect {
    private OneHotSelect() {}

    /** Member v made gate by gate. */
    static int member(Net net, Residue a, Residue b, int s, int v) {
        return net.or(net.and(a.is(v), Literal.not(s)), net.and(b.is(v), s));
    }

    /** The members as a family, or null where a and b are not families of their own or s is a constant (gates fold). */
    static OneHotBulk bulk(Net net, Residue a, Residue b, int s) {
        OneHotBulk fa = a.bulk(), fb = b.bulk();
        if (fa == null || fb == null || a == b || Literal.isConstant(s)) return null;
        TwinNet tn = (TwinNet) net;
        int ls = tn.level(s), andA = 1 + Math.max(fa.level(), ls), andB = 1 + Math.max(fb.level(), ls), level = 1 + Math.max(andA, andB);
        java.util.BitSet counted = new java.util.BitSet();
        java.util.Map<Integer, Integer> alone = new java.util.HashMap<>();
        return new OneHotBulk() {
            @Override public int level() { return level; }
            @Override public void count(int v) {
                if (counted.get(v)) return;
                counted.set(v);
                fa.count(v);
                fb.count(v);
                tn.counted(1, 2, andA);
                tn.counted(1, 2, andB);
                tn.counted(1, 2, level);
            }
            @Override public void countRange(int from, int to) { // as count(v) for each v: the members' two families by ranges too
                if (from > to) return;
                long fresh = to - from + 1 - counted.get(from, to + 1).cardinality();
                counted.set(from, to + 1);
                fa.countRange(from, to);
                fb.countRange(from, to);
                tn.counted(fresh, 2, andA);
                tn.counted(fresh, 2, andB);
                tn.counted(fresh, 2, level);
            }
            @Override public int literal(int v) { // a gate that dies unread (a net that drops dead gates): counted where alive
                return alone.computeIfAbsent(v, k -> {
                    int out = tn.outputAt(level);
                    if (tn.alive(out)) count(v);
                    return out;
                });
            }
        };
    }
}
