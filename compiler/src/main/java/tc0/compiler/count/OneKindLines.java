package tc0.compiler.count;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tc0.compiler.numerics.FixedFormat;

/**
 * Softmax lines whose kept entries are all of one class, counted over ranges of their length m, not line by line
 * (a causal softmax's line i keeps i + 1 entries of one class). For one kind, {@link SoftmaxCount#count} of a line
 * of m >= 2 entries is: m (m - 1) / 2 comparators of one form, m ANDs per bit of fan-in m - 1 or m and an OR of
 * fan-in m, m exps of one table, and m stage-3 ramps whose comparators have fan-in (terms of one exp) x m. Only the
 * stage-3 range (its last t of constant 1 and last t with a gate) can change with m, and it only falls as m grows
 * (the other entries' sum grows): so wherever the range at m = a and at m = b is the same, it is the same between,
 * every discrete choice of the count is, and each level's gates and the wires are one polynomial of degree at most
 * 2 in m there. A range is found by bisection on that range, its polynomial taken from the lines at a, a + 1 and
 * a + 2 (Newton's forward differences), checked against the line at b, and the lines of the range summed in closed
 * form; a range of fewer than four lengths, or one whose check fails, is counted line by line.
 */
final class OneKindLines {
    private final String node;
    private final ElemClass kind;
    private final long maxLength;
    private final FixedFormat fx, fe, out;
    /** Ranges by their first length. */
    private final TreeMap<Long, Range> ranges = new TreeMap<>();

    /** Lines met of lengths {@code a .. b} with one stage-3 range: their output class and, unless {@code direct}, their polynomial. */
    private static final class Range {
        final long a, b;
        final ElemClass out;
        /** Per level (from 1), and the wires last: Q(a), the first and the second forward difference; null where counted line by line. */
        BigInteger[] q0, d1, d2;
        /** Whether the first line of the range is wide, and the last: then the lines from the first wide one on are. */
        boolean wideAtA, wideAtB;
        /** Lengths met, as runs {from, to} of consecutive lengths. */
        final List<long[]> met = new ArrayList<>();

        Range(long a, long b, ElemClass out) {
            this.a = a;
            this.b = b;
            this.out = out;
        }

        void meet(long m) {
            long[] last = met.isEmpty() ? null : met.get(met.size() - 1);
            if (last != null && last[1] + 1 == m) last[1] = m;
            else met.add(new long[] {m, m});
        }
    }

    /** Lines of entries of class {@code kind}, of lengths 2 .. {@code maxLength}, of the softmax {@code node} (for messages). */
    OneKindLines(String node, ElemClass kind, long maxLength, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        this.node = node;
        this.kind = kind;
        this.maxLength = maxLength;
        this.fx = fx;
        this.fe = fe;
        this.out = out;
    }

    /** Notes a line of {@code m} entries (2 <= m <= maxLength); returns its entries' output class. */
    ElemClass add(long m) {
        if (m < 2 || m > maxLength) throw new IllegalArgumentException("a line of " + m + " entries, not 2 .. " + maxLength);
        Map.Entry<Long, Range> at = ranges.floorEntry(m);
        Range r = at != null && at.getValue().b >= m ? at.getValue() : open(m);
        r.meet(m);
        return r.out;
    }

    /** Adds every line noted to {@code total}. */
    void addTo(Profile total) {
        for (Range r : ranges.values()) {
            if (r.q0 == null) {
                for (long[] run : r.met) for (long m = run[0]; m <= run[1]; m++) total.add(line(m).profile(), 1);
                continue;
            }
            int levels = r.q0.length - 1;
            BigInteger[] sum = new BigInteger[levels + 1];
            java.util.Arrays.fill(sum, BigInteger.ZERO);
            for (long[] run : r.met) {
                for (int l = 0; l <= levels; l++) {
                    BigInteger upTo = prefix(r.q0[l], r.d1[l], r.d2[l], run[1] - r.a + 1), before = prefix(r.q0[l], r.d1[l], r.d2[l], run[0] - r.a);
                    sum[l] = sum[l].add(upTo.subtract(before));
                }
            }
            Profile p = new Profile();
            long longest = 0;
            for (long[] run : r.met) longest = Math.max(longest, run[1]);
            if (r.wideAtA || r.wideAtB && line(longest).profile().wide()) p.markWide(); // the one test that marks a line wide grows with m
            for (int l = 1; l < levels; l++) if (sum[l].signum() != 0) p.gates(sum[l], 0, l);
            p.addWires(sum[levels]);
            total.add(p, 1);
        }
    }

    /** {@code sum_{i < n} Q(a + i)} for Q(a + i) = q0 + i d1 + C(i, 2) d2: n q0 + C(n, 2) d1 + C(n, 3) d2. */
    static BigInteger prefix(BigInteger q0, BigInteger d1, BigInteger d2, long n) {
        BigInteger bn = BigInteger.valueOf(n);
        BigInteger c2 = bn.multiply(bn.subtract(BigInteger.ONE)).shiftRight(1);
        BigInteger c3 = c2.multiply(bn.subtract(BigInteger.TWO)).divide(BigInteger.valueOf(3));
        return bn.multiply(q0).add(c2.multiply(d1)).add(c3.multiply(d2));
    }

    /** The range of lengths from {@code a} on with a's stage-3 range, its polynomial where it has one. */
    private Range open(long a) {
        SoftmaxCount.ByKind first = line(a);
        long lo = a, hi = maxLength; // same range at lo; found the last such length by bisection (the range only falls with m)
        if (java.util.Arrays.equals(line(hi).steps(), first.steps())) lo = hi;
        hi--;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (java.util.Arrays.equals(line(mid).steps(), first.steps())) lo = mid;
            else hi = mid - 1;
        }
        Range r = new Range(a, lo, first.out()[0]);
        ranges.put(a, r);
        if (r.b - r.a < 3) return r;
        Profile p0 = first.profile(), p1 = line(a + 1).profile(), p2 = line(a + 2).profile();
        SoftmaxCount.ByKind last = line(r.b);
        int levels = Math.max(Math.max(p0.depth(), p1.depth()), Math.max(p2.depth(), last.profile().depth())) + 1;
        BigInteger[] q0 = figures(p0, levels), q1 = figures(p1, levels), q2 = figures(p2, levels), qb = figures(last.profile(), levels);
        BigInteger[] d1 = new BigInteger[levels + 1], d2 = new BigInteger[levels + 1];
        for (int l = 0; l <= levels; l++) {
            d1[l] = q1[l].subtract(q0[l]);
            d2[l] = q2[l].subtract(q1[l].shiftLeft(1)).add(q0[l]);
            BigInteger n = BigInteger.valueOf(r.b - r.a);
            BigInteger at = q0[l].add(n.multiply(d1[l])).add(n.multiply(n.subtract(BigInteger.ONE)).shiftRight(1).multiply(d2[l]));
            if (!at.equals(qb[l])) { // not the polynomial the argument says: line by line
                if (Engine.TRACE) System.err.println("count: lines of " + r.a + " .. " + r.b + " entries off their polynomial at level " + l + ": counted one by one");
                return r;
            }
        }
        if (last.out()[0] != r.out) return r;
        r.q0 = q0;
        r.d1 = d1;
        r.d2 = d2;
        r.wideAtA = p0.wide();
        r.wideAtB = last.profile().wide();
        return r;
    }

    /** Gates on levels 0 .. levels - 1, then the wires. */
    private static BigInteger[] figures(Profile p, int levels) {
        BigInteger[] f = new BigInteger[levels + 1];
        for (int l = 0; l < levels; l++) f[l] = p.exactAt(l);
        f[levels] = p.cost().wires();
        return f;
    }

    /** One line of m entries counted by itself. */
    /** Lines counted by themselves (for the trace). */
    long linesCounted;

    SoftmaxCount.ByKind line(long m) {
        linesCounted++;
        try {
            return SoftmaxCount.count(new ElemClass[] {kind}, new long[] {m}, new long[] {0}, new long[] {m - 1}, fx, fe, out);
        } catch (SumForm.Unmodelled u) {
            throw new NeedsLiterals(node + ": a masked softmax line not in closed form (" + u.getMessage() + ")");
        }
    }
}
