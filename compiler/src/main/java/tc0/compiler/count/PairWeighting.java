package tc0.compiler.count;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import tc0.compiler.gadgets.ColumnCut;
import tc0.compiler.gadgets.SpreadLiterals;
import tc0.compiler.numerics.FixedFormat;

/**
 * A resampling's two-tap weighting {@code (D - f, f)} over two words of one class, {@code D = 2^M}, named from the
 * weighting alone, before SPLIT's numbers and the {@link SplitMemo} key are made (var's and flowar's upsamples at
 * n = 2^20: millions of weightings, a few microseconds each for those).
 *
 * <p>Why f barely matters: both weights have f's lowest set bit z, and above z their bits are complements (below z
 * both are 0, from M up too). SPLIT by {@code 2^m} makes bit k's quotient {@code floor(x 2^(k+e) / 2^s)} (PowerSplit's
 * e, s; {@code r = s - e - k}): where {@code r <= z} it is x shifted, so the two words put one entry in each column
 * {@code b - r}, {@code z < b < M}, and two in column {@code z - r}; where {@code r > z} the two quotients are the bits
 * of x from r up, complements again (one entry in each column {@code b - r}, {@code r <= b < M}), and their remainders
 * sum to {@code 2^(M+k+e) mod 2^s} or 2^s more: both non-zero, the same total. So the column heights, the quotients'
 * sums, the carries (their count, fan-in and level), SPLIT's base, the route ({@code SplitRoute.certain}) and the slots
 * read are the same for every f of one z. Only three things can differ, and a key is made only where none does or it
 * is in the key: (1) which word an entry comes from, so the order of a column's entries (word 0's, then word 1's, then
 * the carries): a first-round group's highest level is fixed where the column's literal entries share one level, or
 * each group holds more of them than there are below their highest level (and the carries are at a level at least
 * theirs); in the other columns (a few, by the top and bottom) the groups' highest levels go in the key, read from the
 * weighting's quotients; the lowest column's entry where it is alone (its word) is refused; (2) which
 * quotients are zero (a word below 2^r): their count is the sum's distinct literals, in the key; (3) whether the
 * literals spread ({@link SpreadLiterals#safe}: which literal has bits in two columns where an entry may pass
 * every round ungrouped), checked per weighting against the shape's passing columns. A negative (top) literal with a remainder
 * rounds up, not down, and breaks the complement: refused. The column pass's exact sum is the same with no division
 * ({@code r = -k}, no carries). Equal keys then give equal spread sums (what {@link SplitMemo}'s key reads: the groups'
 * sizes and highest levels, the sums, the lowest column's entries), so one count serves every weighting of a key.
 */
final class PairWeighting {
    /** Which count a key names: SPLIT ({@link ClosedSplit#of}, any route or only a certain one), or the column pass. */
    static final int SPLIT = 0, SPLIT_CERTAIN = 1, EXACT = 2;

    /**
     * A weighting's key: the count, the class, the division and output, D's and f's exponents, the non-zero quotients, and
     * the first-round groups' highest levels in the columns where they depend on the order of the entries ({@code tops}).
     */
    record Key(int kind, int classId, int m, int frac, int width, int rounds, int bigM, int z, int lits, long[] tops) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && kind == k.kind && classId == k.classId && m == k.m && frac == k.frac && width == k.width
                    && rounds == k.rounds && bigM == k.bigM && z == k.z && lits == k.lits && Arrays.equals(tops, k.tops);
        }

        @Override public int hashCode() {
            long h = kind;
            h = ((((((((h * 31 + classId) * 31 + m) * 31 + frac) * 31 + width) * 31 + rounds) * 31 + bigM) * 31 + z) * 31 + lits) * 31 + Arrays.hashCode(tops);
            return Long.hashCode(h * 0x9E3779B97F4A7C15L);
        }
    }

    /**
     * What every f of one z shares: the columns where an entry may reach the final stage; whether a key can be made; the columns whose groups' highest
     * levels depend on the order of their entries ({@code sensitive}), each with its entries (carries included) and
     * the carries' count and level there; f's lowest set bit, D's exponent, and every column's entries (carries
     * included; what tests compare with SPLIT's own numbers).
     */
    record Shape(long passing, boolean keyed, int[] sensitive, long[] height, long carries, int carryLevel, int z, int bigM, long[] columns) {}

    private record ShapeKey(int classId, int e, int s, int z, int bigM, int rounds, boolean divides) {}

    /** A shape with its key's fields, in {@code recentShapes} (final fields: threads may share the slots). */
    private record RecentShape(int classId, int e, int s, int z, int bigM, int rounds, boolean divides, Shape shape) {}

    private final RecentShape[] recentShapes = new RecentShape[256];

    private static final int KEPT = 1 << 12;
    private final Map<Key, Instance.Result> results = new ConcurrentHashMap<>();
    private final Map<ShapeKey, Shape> shapes = new ConcurrentHashMap<>();

    /** Weightings asked about, keyed, and answered (for tests and traces). */
    final LongAdder asked = new LongAdder(), keyed = new LongAdder(), hits = new LongAdder();

    /** The result counted for this key (null: none yet, or no key). */
    Instance.Result get(Key k) {
        asked.increment();
        if (k == null) return null;
        keyed.increment();
        Instance.Result r = results.get(k);
        if (r != null) hits.increment();
        return r;
    }

    void put(Key k, Instance.Result r) {
        if (k == null || r == null) return;
        if (results.size() >= KEPT) results.clear();
        results.put(k, r);
    }

    @Override public String toString() { return hits.sum() + " of " + asked.sum() + " weightings by pair key (" + keyed.sum() + " keyed), " + results.size() + " kept"; }

    /**
     * The key of {@code ClosedSplit.of(in, w, d, out, rounds)} ({@code certain}: only where the route is surely SPLIT), or
     * null where the weighting is not such a pair or f may matter.
     */
    Key split(ElemClass[] in, long[] w, BigInteger d, FixedFormat out, int rounds, boolean certain) {
        if (d.signum() <= 0 || d.bitCount() != 1) return null;
        int m = d.getLowestSetBit(), a = out.fracBits();
        int zz = Math.min(a, m), e = a - zz + 1, s = m - zz + 1; // PowerSplit's: each weight times 2^e split at 2^s
        if (s > 62) return null;
        return key(certain ? SPLIT_CERTAIN : SPLIT, in, w, e, s, true, m, a, out.width(), rounds);
    }

    /** The key of {@code ResampleStencils.closedExact(in, w, rounds)}, or null (as {@link #split}). */
    Key exact(ElemClass[] in, long[] w, int rounds) {
        return key(EXACT, in, w, 0, 0, false, -1, 0, 0, rounds);
    }

    /**
     * The bits of the weights {@link #split}'s key reads beyond z and their bit lengths: weightings of one class, division
     * and sum {@code w[0] + w[1]}, with equal lowest set bit of {@code w[1]}, equal bit lengths and equal bits here
     * ({@code w[0] & mask}, {@code w[1] & mask}) have equal keys, null or not ({@link ResampleMerge}); -1 where no key is
     * made for any of them (no such pair, a shape not keyed, or a sum of 2^61 or more, where the shape reads f).
     */
    long splitMask(ElemClass[] in, long[] w, BigInteger d, FixedFormat out, int rounds) {
        if (d.signum() <= 0 || d.bitCount() != 1) return -1;
        int m = d.getLowestSetBit(), a = out.fracBits(), zz = Math.min(a, m), e = a - zz + 1, s = m - zz + 1;
        return s > 62 ? -1 : mask(in, w, e, s, true, rounds);
    }

    /** {@link #splitMask} for {@link #exact}'s key. */
    long exactMask(ElemClass[] in, long[] w, int rounds) {
        return mask(in, w, 0, 0, false, rounds);
    }

    /**
     * What {@link #key} reads of each weight x beyond the shape and x's bit length: bit j of quotient {@code x 2^(k+e) / 2^s}
     * (bit {@code j + s - e - k} of x) for every variable bit k and every column j it checks (the passing columns where
     * two or more pass, the sensitive ones).
     */
    private long mask(ElemClass[] in, long[] w, int e, int s, boolean divides, int rounds) {
        if (in.length != 2 || w[0] <= 0 || w[1] <= 0 || w[0] + w[1] >= 1L << 61) return -1;
        Shape sh = shape(in, w, e, s, divides, rounds);
        if (sh == null || !sh.keyed()) return -1;
        long columns = Long.bitCount(sh.passing()) >= 2 ? sh.passing() : 0;
        for (int j : sh.sensitive()) columns |= 1L << j;
        long mask = 0;
        for (int k : bits(in[0]).ks()) {
            int r = s - e - k;
            for (long c = columns; c != 0; c &= c - 1) {
                int at = Long.numberOfTrailingZeros(c) + r;
                if (at >= 0 && at < 64) mask |= 1L << at;
            }
        }
        return mask;
    }

    /** The shape {@link #split}'s key is made from (keyed or not), or null where none is made: for tests. */
    Shape splitShape(ElemClass[] in, long[] w, BigInteger d, FixedFormat out, int rounds) {
        if (d.signum() <= 0 || d.bitCount() != 1) return null;
        int m = d.getLowestSetBit(), a = out.fracBits(), zz = Math.min(a, m), e = a - zz + 1, s = m - zz + 1;
        return s > 62 ? null : shape(in, w, e, s, true, rounds);
    }

    /** The shape {@link #exact}'s key is made from, or null: for tests. */
    Shape exactShape(ElemClass[] in, long[] w, int rounds) {
        return shape(in, w, 0, 0, false, rounds);
    }

    /** What every f of w[1]'s lowest set bit shares (kept per class and division), or null where w is no such pair. */
    private Shape shape(ElemClass[] in, long[] w, int e, int s, boolean divides, int rounds) {
        if (in.length != 2 || in[0] != in[1] || w[0] <= 0 || w[1] <= 0 || rounds < 0) return null;
        if (w[0] >= 1L << 61 || w[1] >= 1L << 61 || Long.bitCount(w[0] + w[1]) != 1) return null;
        int bigM = Long.numberOfTrailingZeros(w[0] + w[1]), z = Long.numberOfTrailingZeros(w[1]);
        ElemClass c = in[0];
        Bits b = bits(c);
        int top = b.top();
        if (top < 0 || !b.fresh()) return null;
        if (bigM + top + e - s > 61) return null; // every quotient below 2^61 (SPLIT's numbers and spread weights fit)
        if (c.bit(c.width() - 1) >= 0 && s - e - (c.width() - 1) > z) return null; // a negative literal with a remainder
        // A small table by the key's hash first (no key object, no map: a node asks millions of times for a few shapes).
        int slot = (((((c.id * 31 + e) * 31 + s) * 31 + z) * 31 + bigM) * 31 + rounds) * 2 + (divides ? 1 : 0);
        slot = (slot ^ slot >>> 8 ^ slot >>> 16) & (recentShapes.length - 1);
        RecentShape hit = recentShapes[slot];
        if (hit != null && hit.classId() == c.id && hit.e() == e && hit.s() == s && hit.z() == z && hit.bigM() == bigM && hit.rounds() == rounds
                && hit.divides() == divides) return hit.shape();
        ShapeKey sk = new ShapeKey(c.id, e, s, z, bigM, rounds, divides);
        Shape sh = shapes.get(sk);
        if (sh == null) {
            if (shapes.size() >= KEPT) shapes.clear();
            sh = shape(c, e, s, divides, z, bigM, rounds);
            shapes.put(sk, sh);
        }
        recentShapes[slot] = new RecentShape(c.id, e, s, z, bigM, rounds, divides, sh);
        return sh;
    }

    /** A class's variable bits in order, their slots' levels, the highest one (-1: none), and whether every slot occurs once. */
    private record Bits(ElemClass c, int[] ks, int[] levels, int top, boolean fresh) {}

    /**
     * Classes' bits by their id's low bits (a node's weightings read a few classes, in turn): records with final fields, so
     * threads may share the slots; a slot holding another class is overwritten.
     */
    private final Bits[] recent = new Bits[16];

    private Bits bits(ElemClass c) {
        int slot = c.id & (recent.length - 1);
        Bits b = recent[slot];
        if (b != null && b.c() == c) return b;
        int n = 0;
        for (int k = 0; k < c.width(); k++) if (c.bit(k) >= 0) n++;
        int[] ks = new int[n], levels = new int[n];
        n = 0;
        for (int k = 0; k < c.width(); k++) {
            if (c.bit(k) < 0) continue;
            ks[n] = k;
            levels[n++] = c.slotLevel(c.bit(k) >> 1);
        }
        b = new Bits(c, ks, levels, n == 0 ? -1 : ks[n - 1], ResampleStencils.Shared.freshSlots(c));
        recent[slot] = b;
        return b;
    }

    private Key key(int kind, ElemClass[] in, long[] w, int e, int s, boolean divides, int m, int frac, int width, int rounds) {
        Shape sh = shape(in, w, e, s, divides, rounds);
        if (sh == null || !sh.keyed()) return null;
        ElemClass c = in[0];
        int z = sh.z(), bigM = sh.bigM();
        // The quotients per weighting: how many are non-zero, whether they spread, the sensitive columns' levels in order.
        int[] sens = sh.sensitive();
        int[][] levels = new int[sens.length][];
        int[] filled = new int[sens.length];
        for (int i = 0; i < sens.length; i++) levels[i] = new int[(int) sh.height()[i]];
        // The sensitive columns as a mask, and each one's index in sens (ascending, so each column fills in the literals' order).
        long sensMask = 0;
        int[] sensAt = sens.length == 0 ? null : new int[64];
        for (int i = 0; i < sens.length; i++) { sensMask |= 1L << sens[i]; sensAt[sens[i]] = i; }
        long passing = sh.passing();
        boolean mayPass = Long.bitCount(passing) >= 2; // else no quotient has bits in two passing columns
        Bits b = bits(c);
        int[] ks = b.ks(), lv = b.levels();
        int lits = 0;
        for (long x : w) {
            // Bit k's quotient floor(x 2^(k+e) / 2^s), r = s - e - k: a shift left where r <= 0 (below 2^61 by shape()),
            // else zero exactly where r >= x's bit length; so the non-zero ones are the variable bits above s - e - len(x).
            int from = ks.length, zeroBelow = s - e - (64 - Long.numberOfLeadingZeros(x));
            while (from > 0 && ks[from - 1] > zeroBelow) from--;
            lits += ks.length - from;
            for (int i = from; i < ks.length; i++) {
                int r = s - e - ks[i];
                long q = r <= 0 ? x << -r : x >>> r; // floor; exact where r <= z (the top one is)
                if (mayPass && Long.bitCount(q & passing) >= 2) return null; // does not spread
                for (long hit = q & sensMask; hit != 0; hit &= hit - 1) {
                    int j = sensAt[Long.numberOfTrailingZeros(hit)];
                    levels[j][filled[j]++] = lv[i];
                }
            }
        }
        if (lits < 2) return null;
        long[] tops = new long[0];
        int n = 0;
        for (int i = 0; i < sens.length; i++) {
            long all = sh.height()[i];
            if (filled[i] != all - (sens[i] == 0 ? sh.carries() : 0)) throw new IllegalStateException("column " + sens[i] + " of a pair weighting");
            while (filled[i] < all) levels[i][filled[i]++] = sh.carryLevel(); // the carries, after the literals
            long groups = ColumnCut.groups(all, rounds), base = ColumnCut.base(all, groups), extra = ColumnCut.extra(all, groups);
            tops = Arrays.copyOf(tops, n + (int) groups);
            int at = 0;
            for (long gi = 0; gi < groups; gi++) {
                int size = (int) ColumnCut.size(gi, base, extra), highest = -1;
                for (int u = at; u < at + size; u++) highest = Math.max(highest, levels[i][u]);
                tops[n++] = highest;
                at += size;
            }
        }
        return new Key(kind, c.id, m, frac, width, rounds, bigM, z, lits, tops);
    }

    /**
     * The columns every f of this z fills: those where an entry may reach the final stage (literal entries and carries, as {@link SpreadLiterals#safe}
     * counts them), and whether the groups' highest levels and the lowest column's entry are free of f.
     */
    private static Shape shape(ElemClass c, int e, int s, boolean divides, int z, int bigM, int rounds) {
        long[] h = new long[64];
        int[] topLevel = new int[64];
        long[] atTop = new long[64];
        Arrays.fill(topLevel, -1);
        int carryLevel = -1;
        long small = 0, big = 0; // remainders' sums: pairs worth 2^s, and those below it
        for (int k = 0; k < c.width(); k++) {
            if (c.bit(k) < 0) continue;
            int level = c.slotLevel(c.bit(k) >> 1), r = s - e - k;
            for (int b = Math.max(z, r); b < bigM; b++) {
                int j = b - r, count = b == z ? 2 : 1; // both words at z (where r <= z), one of them above
                h[j] += count;
                if (level > topLevel[j]) { topLevel[j] = level; atTop[j] = 0; }
                if (level == topLevel[j]) atTop[j] += count;
            }
            if (divides && r > z) { // a remainder in both words
                carryLevel = Math.max(carryLevel, level + 1);
                if (bigM + k + e >= s) big++;
                else small = Math.addExact(small, 1L << (bigM + k + e));
            }
        }
        long carries = 0;
        if (divides && carryLevel >= 0) {
            // PowerSplit's: the constant's remainder plus the literals', in units of 2^s
            BigInteger constant = BigInteger.ZERO;
            for (int k = 0; k < c.width(); k++) {
                if (c.bit(k) != ElemClass.TRUE) continue;
                BigInteger v = BigInteger.ONE.shiftLeft(bigM + k);
                constant = constant.add(k == c.width() - 1 ? v.negate() : v);
            }
            long rc = constant.shiftLeft(e).add(BigInteger.ONE.shiftLeft(s - 1)).and(BigInteger.ONE.shiftLeft(s).subtract(BigInteger.ONE)).longValueExact();
            carries = big + (Math.addExact(rc, small) >>> s);
        }
        boolean keyed = true;
        int[] sensitive = new int[0];
        long[] height = new long[0];
        for (int j = 0; j < 64 && keyed; j++) {
            long lits = h[j], all = lits + (j == 0 ? carries : 0);
            if (all == 0) continue;
            long below = lits - atTop[j]; // literal entries below their highest level (their order is f's)
            if (all == 1 || below == 0) {
                keyed = all > 1 || j > firstColumn(h, carries); // one entry: one k; refused where it is the lowest (its word is f's)
                continue;
            }
            if (rounds == 0) { keyed = false; continue; } // the final stage reads the levels in order
            boolean fixed = ColumnCut.base(all, ColumnCut.groups(all, rounds)) > below; // every group of literals holds one at their highest level
            if (j == 0 && carries > 0) fixed &= carryLevel >= topLevel[0]; // a group reaching the carries: their level
            if (fixed) continue;
            if (sensitive.length == MOST_SENSITIVE || all > MOST_ENTRIES) { keyed = false; continue; }
            sensitive = Arrays.copyOf(sensitive, sensitive.length + 1);
            height = Arrays.copyOf(height, height.length + 1);
            sensitive[sensitive.length - 1] = j;
            height[height.length - 1] = all;
        }
        h[0] += carries;
        return new Shape(SpreadLiterals.passing(h, rounds), keyed, sensitive, height, carries, carryLevel, z, bigM, h);
    }

    /** Columns whose groups' levels go in the key, and their most entries: beyond these the weighting is not keyed. */
    private static final int MOST_SENSITIVE = 16, MOST_ENTRIES = 1 << 10;

    private static int firstColumn(long[] h, long carries) {
        if (carries > 0) return 0;
        for (int j = 0; j < 64; j++) if (h[j] > 0) return j;
        return 64;
    }
}
