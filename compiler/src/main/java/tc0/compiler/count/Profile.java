package tc0.compiler.count;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Gates per level and wires of some part of a circuit: what width and depth are made of. Levels are absolute
 * (inputs at level 0), so profiles of parts add up level by level. Mutable accumulator.
 *
 * <p>Every figure is exact to 2^126: one gadget's figures fit a long, but a model's totals ({@code count x
 * times} summed over its instances) pass 2^63 for large n (RoPE tensor attention at n = 1024 has 2.8 x 10^20
 * wires). A figure is two longs, {@code hi * 2^63 + lo} with {@code 0 <= lo < 2^63}: the common step is one
 * long addition whose sign says whether to carry, so {@link #gates} (once per gate of a recorded gadget) and
 * {@link #add} stay as cheap as plain longs and allocate nothing; {@link BigInteger}s are made only by
 * {@link #cost}. Past 2^126 - 1 the sums throw {@link ArithmeticException}.
 */
final class Profile {
    private static final long LOW = Long.MAX_VALUE;

    /** Gates per level: high and low limbs (base 2^63). */
    private long[] hi = new long[8], lo = new long[8];
    private long wiresHi, wiresLo;
    private int depth;
    /** Whether some gadget counted here holds a number past a long (see {@link CountedCost#wide}). */
    private boolean wide;

    /** Marks this part as holding a weight, threshold or value range past a long: counted, not buildable by tc0. */
    void markWide() { wide = true; }

    boolean wide() { return wide; }

    /** Adds {@code count} gates of fan-in {@code fanIn} at {@code level >= 1}. */
    void gates(long count, long fanIn, int level) {
        if (count == 0) return;
        if (level < 1) throw new IllegalArgumentException("gate level " + level);
        if ((count | fanIn) < 0) throw new IllegalArgumentException("negative gates " + count + " or fan-in " + fanIn);
        if (level >= lo.length) grow(level);
        long s = lo[level] + count;
        if (s < 0) { s &= LOW; hi[level] = Math.addExact(hi[level], 1); } // both below 2^63: the sum wrapped into the sign bit
        lo[level] = s;
        if ((count | fanIn) >>> 31 == 0) addWires(0, count * fanIn);     // the common case: the product fits
        else addWires(high(count, fanIn), count * fanIn & LOW);
        depth = Math.max(depth, level);
    }

    /** Adds {@code w >= 0} wires. */
    void addWires(long w) {
        if (w < 0) throw new IllegalArgumentException("negative wires " + w);
        addWires(0, w);
    }

    /** Adds {@code times >= 0} copies of {@code o}. */
    void add(Profile o, long times) {
        if (times == 0) return;
        if (times < 0) throw new IllegalArgumentException("negative times " + times);
        wide |= o.wide;
        if (o.depth >= lo.length) grow(o.depth);
        for (int l = 1; l <= o.depth; l++) {
            long a = o.lo[l], b = o.hi[l];
            if ((a | b) == 0) continue;
            // (b 2^63 + a) times = (b times + high) 2^63 + low
            long h = Math.addExact(high(a, times), b == 0 ? 0 : Math.multiplyExact(b, times));
            long s = lo[l] + (a * times & LOW);
            if (s < 0) { s &= LOW; h = Math.addExact(h, 1); }
            lo[l] = s;
            if (h != 0) hi[l] = Math.addExact(hi[l], h);
        }
        long a = o.wiresLo, b = o.wiresHi;
        addWires(Math.addExact(high(a, times), b == 0 ? 0 : Math.multiplyExact(b, times)), a * times & LOW);
        if (o.depth > 0) depth = Math.max(depth, o.depth); // a profile with depth has gates: gates(0, ...) adds nothing
    }

    /** This profile moved up by {@code d >= 0} levels: the same gates and wires, exactly. */
    Profile movedUp(int d) {
        if (d < 0) throw new IllegalArgumentException("move down by " + -d);
        Profile p = new Profile();
        p.grow(depth + d);
        System.arraycopy(lo, 0, p.lo, d, depth + 1);
        System.arraycopy(hi, 0, p.hi, d, depth + 1);
        p.wiresHi = wiresHi;
        p.wiresLo = wiresLo;
        p.depth = depth == 0 ? 0 : depth + d;
        p.wide = wide;
        return p;
    }

    /** All gates, if they fit a long (parts of a circuit do; totals: {@link #cost}). */
    long gates() {
        long g = 0;
        for (int l = 1; l <= depth; l++) g = Math.addExact(g, at(l));
        return g;
    }

    /** All wires, if they fit a long (parts of a circuit do; totals: {@link #cost}). */
    long wires() {
        if (wiresHi != 0) throw new ArithmeticException("wires exceed 2^63 - 1");
        return wiresLo;
    }

    int depth() { return depth; }

    /** Gates on level {@code l}, if they fit a long. */
    long at(int l) {
        if (l >= lo.length) return 0;
        if (hi[l] != 0) throw new ArithmeticException("gates on level " + l + " exceed 2^63 - 1");
        return lo[l];
    }

    /** Gates on level {@code l}, exactly. */
    BigInteger exactAt(int l) { return l < lo.length ? big(hi[l], lo[l]) : BigInteger.ZERO; }

    /** The totals, exactly: depth, gates, wires and width (the most gates on one level). */
    CountedCost cost() {
        BigInteger gates = BigInteger.ZERO, width = BigInteger.ZERO;
        for (int l = 1; l <= depth; l++) {
            BigInteger g = exactAt(l);
            gates = gates.add(g);
            width = width.max(g);
        }
        return new CountedCost(depth, gates, big(wiresHi, wiresLo), width, wide);
    }

    /** Adds {@code h * 2^63 + l}, {@code 0 <= l < 2^63}, to the wires. */
    private void addWires(long h, long l) {
        long s = wiresLo + l;
        if (s < 0) { s &= LOW; h = Math.addExact(h, 1); }
        wiresLo = s;
        if (h != 0) wiresHi = Math.addExact(wiresHi, h);
    }

    private void grow(int level) {
        int n = Math.max(level + 1, lo.length * 2);
        lo = Arrays.copyOf(lo, n);
        hi = Arrays.copyOf(hi, n);
    }

    /** {@code floor(x y / 2^63)} for {@code x, y >= 0}: the high limb of their product. */
    private static long high(long x, long y) {
        return Math.multiplyHigh(x, y) << 1 | (x * y) >>> 63;
    }

    /** {@code h * 2^63 + l}. */
    static BigInteger big(long h, long l) {
        BigInteger low = BigInteger.valueOf(l);
        return h == 0 ? low : BigInteger.valueOf(h).shiftLeft(63).add(low);
    }
}
