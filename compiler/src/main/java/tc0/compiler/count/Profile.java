package tc0.compiler.count;

import java.math.BigInteger;

/**
 * Gates per level and wires of some part of a circuit: what width and depth are made of. Levels are absolute
 * (inputs at level 0), so profiles of parts add up level by level. Mutable accumulator.
 *
 * <p>Every figure is exact to 2^126: one gadget's figures fit a long, but a model's totals ({@code count x
 * times} summed over its instances) pass 2^63 for large n (RoPE tensor attention at n = 1024 has 2.8 x 10^20
 * wires). A figure is two longs, {@code hi * 2^63 + lo} with {@code 0 <= lo < 2^63}: the common step is one
 * long addition whose sign says whether to carry, so {@link #gates} (once per gate of a recorded gadget) and
 * {@link #add} stay as cheap as plain longs and allocate nothing; {@link BigInteger}s are made only by
 * {@link #cost}. Past 2^126 - 1 the gate sums throw {@link ArithmeticException}; the wires go on past it in a
 * {@link BigInteger} (tensor attention at n = 2^20: its softmax's stage 3 alone has about 2^126 wires).
 */
final class Profile {
    private static final long LOW = Long.MAX_VALUE;

    /**
     * Gates per level from {@link #base} up: high and low limbs (base 2^63). One gadget's profile sits at
     * its level: stored from its lowest level, it is a few entries, not one per level below it (resampling
     * caches many thousands of them).
     */
    private long[] hi = new long[0], lo = new long[0];
    private int base;
    private long wiresHi, wiresLo;
    /** Wires past what {@code wiresHi, wiresLo} hold (2^126), exactly; zero while none. */
    private BigInteger wiresPast = BigInteger.ZERO;
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
        room(level, level);
        int i = level - base;
        long s = lo[i] + count;
        if (s < 0) { s &= LOW; hi[i] = Math.addExact(hi[i], 1); } // both below 2^63: the sum wrapped into the sign bit
        lo[i] = s;
        if ((count | fanIn) >>> 31 == 0) addWires(0, count * fanIn);     // the common case: the product fits
        else addWires(high(count, fanIn), count * fanIn & LOW);
        depth = Math.max(depth, level);
    }

    /**
     * Adds {@code count >= 0} gates of fan-in {@code fanIn} at {@code level >= 1}, the count past a long where it
     * must be (a maximum over 2^40 kept pairs has 2^79 comparators); exact to 2^126 as every figure.
     */
    void gates(BigInteger count, long fanIn, int level) {
        if (count.signum() < 0 || fanIn < 0) throw new IllegalArgumentException("negative gates " + count + " or fan-in " + fanIn);
        if (count.bitLength() < 63) { gates(count.longValueExact(), fanIn, level); return; }
        if (count.bitLength() > 126) throw new ArithmeticException("gates past 2^126");
        room(level, level);
        int i = level - base;
        long s = lo[i] + (count.longValue() & LOW), h = Math.addExact(hi[i], count.shiftRight(63).longValueExact());
        if (s < 0) { s &= LOW; h = Math.addExact(h, 1); } // both below 2^63: the sum wrapped into the sign bit
        lo[i] = s;
        hi[i] = h;
        BigInteger w = count.multiply(BigInteger.valueOf(fanIn));
        if (w.bitLength() > 126) wiresPast = wiresPast.add(w);
        else addWires(w.shiftRight(63).longValueExact(), w.longValue() & LOW);
        depth = Math.max(depth, level);
    }

    /** Adds {@code w >= 0} wires, past a long too. */
    void addWires(BigInteger w) {
        if (w.signum() < 0) throw new IllegalArgumentException("negative wires " + w);
        if (w.bitLength() > 126) wiresPast = wiresPast.add(w);
        else addWires(w.shiftRight(63).longValueExact(), w.longValue() & LOW);
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
        if (o.depth > 0) room(o.base, o.depth);
        for (int l = Math.max(1, o.base); l <= o.depth; l++) {
            long a = o.lo[l - o.base], b = o.hi[l - o.base];
            if ((a | b) == 0) continue;
            // (b 2^63 + a) times = (b times + high) 2^63 + low
            int i = l - base;
            long h = Math.addExact(high(a, times), b == 0 ? 0 : Math.multiplyExact(b, times));
            long s = lo[i] + (a * times & LOW);
            if (s < 0) { s &= LOW; h = Math.addExact(h, 1); }
            lo[i] = s;
            if (h != 0) hi[i] = Math.addExact(hi[i], h);
        }
        long a = o.wiresLo, b = o.wiresHi;
        long h;
        try {
            h = Math.addExact(high(a, times), b == 0 ? 0 : Math.multiplyExact(b, times));
        } catch (ArithmeticException past) { // the copies' wires pass 2^126: exactly, in a BigInteger
            wiresPast = wiresPast.add(big(b, a).multiply(BigInteger.valueOf(times)));
            h = -1;
        }
        if (h >= 0) addWires(h, a * times & LOW);
        if (o.wiresPast.signum() != 0) wiresPast = wiresPast.add(o.wiresPast.multiply(BigInteger.valueOf(times)));
        if (o.depth > 0) depth = Math.max(depth, o.depth); // a profile with depth has gates: gates(0, ...) adds nothing
    }

    /** This profile moved up by {@code d >= 0} levels: the same gates and wires, exactly. */
    Profile movedUp(int d) {
        if (d < 0) throw new IllegalArgumentException("move down by " + -d);
        Profile p = new Profile();
        p.lo = lo.clone();
        p.hi = hi.clone();
        p.base = base + d;
        p.wiresHi = wiresHi;
        p.wiresLo = wiresLo;
        p.wiresPast = wiresPast;
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
        if (wiresHi != 0 || wiresPast.signum() != 0) throw new ArithmeticException("wires exceed 2^63 - 1");
        return wiresLo;
    }

    int depth() { return depth; }

    /** Levels held in storage: from the lowest level with gates up, not from level 1. */
    int stored() { return lo.length; }

    /** Gates on level {@code l}, if they fit a long. */
    long at(int l) {
        int i = l - base;
        if (i < 0 || i >= lo.length) return 0;
        if (hi[i] != 0) throw new ArithmeticException("gates on level " + l + " exceed 2^63 - 1");
        return lo[i];
    }

    /** Gates on level {@code l}, exactly. */
    BigInteger exactAt(int l) {
        int i = l - base;
        return i >= 0 && i < lo.length ? big(hi[i], lo[i]) : BigInteger.ZERO;
    }

    /** The totals, exactly: depth, gates, wires and width (the most gates on one level). */
    CountedCost cost() {
        BigInteger gates = BigInteger.ZERO, width = BigInteger.ZERO;
        for (int l = 1; l <= depth; l++) {
            BigInteger g = exactAt(l);
            gates = gates.add(g);
            width = width.max(g);
        }
        return new CountedCost(depth, gates, big(wiresHi, wiresLo).add(wiresPast), width, wide);
    }

    /** Adds {@code h * 2^63 + l}, {@code 0 <= l < 2^63}, to the wires. */
    private void addWires(long h, long l) {
        long s = wiresLo + l;
        if (s < 0) { s &= LOW; h = Math.addExact(h, 1); }
        wiresLo = s;
        if (h == 0) return;
        long t = wiresHi + h;
        if (((wiresHi ^ t) & (h ^ t)) < 0) { // the high limb overflows (past 2^126): carried into the BigInteger
            wiresPast = wiresPast.add(BigInteger.valueOf(wiresHi).add(BigInteger.valueOf(h)).shiftLeft(63));
            wiresHi = 0;
        } else {
            wiresHi = t;
        }
    }

    /** Makes levels {@code low..high} storable: the first gates fix the base; a lower level moves it down. */
    private void room(int low, int high) {
        if (lo.length == 0) base = low;
        if (low >= base && high - base < lo.length) return;
        int from = Math.min(base, low), to = Math.max(base + lo.length - 1, high);
        int n = Math.max(to - from + 1, 2 * lo.length);
        long[] l = new long[n], h = new long[n];
        System.arraycopy(lo, 0, l, base - from, lo.length);
        System.arraycopy(hi, 0, h, base - from, hi.length);
        lo = l;
        hi = h;
        base = from;
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
