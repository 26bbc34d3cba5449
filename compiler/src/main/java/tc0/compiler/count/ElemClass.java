package tc0.compiler.count;

import java.util.Arrays;
import java.util.Map;
import tc0.circuits.Literal;

/**
 * What counting needs to know about one element's word instead of its literals: per bit, a constant (0 or
 * 1) or a variable slot with a polarity; bits with the same slot are the same node (sign extension, a
 * negated copy); each slot has the level of its node. Slots are numbered by first appearance from bit 0, so
 * a word cut to its low bits keeps a prefix of its slots. Interned: equal classes are the same object, with
 * a small id for keys and tables.
 */
final class ElemClass {
    static final int FALSE = -1;
    static final int TRUE = -2;

    // Looked up without a lock (counting runs RoPE's rows in parallel); a new class is numbered under the lock,
    // stored in BY_ID before it is published in INTERN, so whoever finds it can look its id up.
    private static final Map<Key, ElemClass> INTERN = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile ElemClass[] BY_ID = new ElemClass[1024];
    private static int count;

    final int id;
    private final int[] bits;
    private final int[] levels;

    private record Key(int[] bits, int[] levels) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bits, k.bits) && Arrays.equals(levels, k.levels);
        }

        @Override public int hashCode() { return 31 * Arrays.hashCode(bits) + Arrays.hashCode(levels); }
    }

    private ElemClass(int id, int[] bits, int[] levels) {
        this.id = id;
        this.bits = bits;
        this.levels = levels;
    }

    /** The class with these bits ({@link #FALSE}, {@link #TRUE} or {@code slot * 2 + negated}) and slot levels, renumbered canonically. */
    static ElemClass of(int[] bits, int[] levels) {
        int[] map = new int[levels.length];
        Arrays.fill(map, -1);
        int[] b = new int[bits.length];
        int slots = 0;
        int[] lv = new int[levels.length];
        for (int k = 0; k < bits.length; k++) {
            int x = bits[k];
            if (x < 0) { b[k] = x; continue; }
            int s = x >> 1;
            if (map[s] < 0) { map[s] = slots; lv[slots] = levels[s]; slots++; }
            b[k] = map[s] << 1 | (x & 1);
        }
        Key key = new Key(b, Arrays.copyOf(lv, slots));
        ElemClass c = INTERN.get(key);
        return c != null ? c : intern(key);
    }

    private static synchronized ElemClass intern(Key key) {
        ElemClass c = INTERN.get(key);
        if (c != null) return c;
        c = new ElemClass(count, key.bits, key.levels);
        ElemClass[] all = BY_ID;
        if (count == all.length) all = Arrays.copyOf(all, count * 2);
        all[count++] = c;
        BY_ID = all;
        INTERN.put(key, c);
        return c;
    }

    /** The class of a constant code in a word of {@code width} bits. */
    static ElemClass constant(long code, int width) {
        int[] b = new int[width];
        for (int k = 0; k < width; k++) b[k] = ((code >> Math.min(k, 63)) & 1) != 0 ? TRUE : FALSE;
        return of(b, new int[0]);
    }

    /** A word of {@code width} distinct fresh bits at {@code level} (a model input: level 0). */
    static ElemClass fresh(int width, int level) {
        int[] b = new int[width];
        int[] lv = new int[width];
        for (int k = 0; k < width; k++) { b[k] = k << 1; lv[k] = level; }
        return of(b, lv);
    }

    static ElemClass byId(int id) { return BY_ID[id]; }

    int width() { return bits.length; }

    int slots() { return levels.length; }

    int slotLevel(int s) { return levels[s]; }

    /** Bit k: {@link #FALSE}, {@link #TRUE} or {@code slot * 2 + negated}. */
    int bit(int k) { return bits[k]; }

    boolean isConstant() { return levels.length == 0; }

    /** The two's complement code of a constant word. */
    long code() {
        if (!isConstant()) throw new IllegalStateException("not a constant");
        long c = 0;
        for (int k = 0; k < bits.length; k++) if (bits[k] == TRUE) c |= 1L << k;
        int w = bits.length;
        return w < 64 ? (c << (64 - w)) >> (64 - w) : c;
    }

    /** Whether some bit is a constant. */
    boolean hasConstantBit() {
        for (int x : bits) if (x < 0) return true;
        return false;
    }

    /** Whether every variable bit is its own slot, unnegated, and no slot repeats (no aliasing in the word). */
    boolean plain() {
        int seen = 0;
        for (int x : bits) {
            if (x < 0) continue;
            if ((x & 1) != 0 || (x >> 1) != seen) return false;
            seen++;
        }
        return true;
    }

    /** The highest slot level, or -1 for a constant. */
    int maxLevel() {
        int m = -1;
        for (int l : levels) m = Math.max(m, l);
        return m;
    }

    /** The lowest slot level, or -1 for a constant. */
    int minLevel() {
        if (levels.length == 0) return -1;
        int m = Integer.MAX_VALUE;
        for (int l : levels) m = Math.min(m, l);
        return m;
    }

    /** The same word with every slot's level moved by {@code delta} (levels stay >= 0). */
    ElemClass lifted(int delta) {
        if (delta == 0 || levels.length == 0) return this;
        int[] lv = new int[levels.length];
        for (int s = 0; s < lv.length; s++) {
            lv[s] = levels[s] + delta;
            if (lv[s] < 0) throw new IllegalArgumentException("level " + lv[s]);
        }
        return of(bits, lv);
    }

    /** The literals of this word given the node of each slot. */
    int[] literals(int[] slotNode) {
        int[] w = new int[bits.length];
        for (int k = 0; k < bits.length; k++) {
            int x = bits[k];
            w[k] = x == FALSE ? Literal.FALSE : x == TRUE ? Literal.TRUE : Literal.of(slotNode[x >> 1], (x & 1) != 0);
        }
        return w;
    }

    /**
     * The word with its code unchanged in {@code width} bits, as wiring converts it: sign-extended (the top
     * bit repeated) or cut to the low bits.
     */
    ElemClass resized(int width) {
        if (width == bits.length) return this;
        int[] b = new int[width];
        for (int k = 0; k < width; k++) b[k] = bits[Math.min(k, bits.length - 1)];
        return of(b, levels);
    }

    /** The bitwise complement (free: every variable bit negated, constants flipped). */
    ElemClass not() {
        int[] b = new int[bits.length];
        for (int k = 0; k < b.length; k++) b[k] = bits[k] == FALSE ? TRUE : bits[k] == TRUE ? FALSE : bits[k] ^ 1;
        return of(b, levels);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int k = bits.length - 1; k >= 0; k--) {
            int x = bits[k];
            sb.append(x == FALSE ? "0" : x == TRUE ? "1" : ((x & 1) != 0 ? "~" : "") + "s" + (x >> 1) + "@" + levels[x >> 1]);
            if (k > 0) sb.append(' ');
        }
        return sb.append(']').toString();
    }
}
