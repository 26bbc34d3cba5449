package tc0.compiler.count;

import java.util.Arrays;

/**
 * {@link LiveNet}'s per-node state, three bytes a node in pages: a level (below 2^16: a part's levels are relative
 * to its lowest input, at most its depth) and a byte of flags. A float block at p = 128 (the logarithm of
 * softplus) holds over 5 x 10^8 nodes: as an int level, an int fan-out and three boolean arrays doubled by copying,
 * that was 11 bytes a node and more while growing (float mamba at n = 128: 6.1 GB of such arrays during that log); pages grow
 * without a copy.
 */
final class LiveNodes {
    private static final int SHIFT = 20, PAGE = 1 << SHIFT, MASK = PAGE - 1;
    private char[][] levels = {new char[1024]}; // page 0 grows by doubling up to PAGE (most parts are small), then whole pages
    private byte[][] flags = {new byte[1024]};
    private int pages = 1;
    private long size = 1024; // nodes with room

    /** Room for nodes {@code 0 .. n - 1}. */
    void ensure(int n) {
        if (n <= size) return;
        if (pages == 1 && levels[0].length < PAGE) {
            int cap = (int) Math.min(PAGE, Math.max(n, 2L * levels[0].length));
            levels[0] = Arrays.copyOf(levels[0], cap);
            flags[0] = Arrays.copyOf(flags[0], cap);
            size = cap;
            if (n <= size) return;
        }
        int need = (int) (((long) n + MASK) >>> SHIFT);
        if (need > levels.length) {
            levels = Arrays.copyOf(levels, Math.max(need, 2 * levels.length));
            flags = Arrays.copyOf(flags, levels.length);
        }
        for (; pages < need; pages++) { levels[pages] = new char[PAGE]; flags[pages] = new byte[PAGE]; }
        size = (long) pages << SHIFT;
    }

    int level(int n) { return levels[n >>> SHIFT][n & MASK]; }

    void setLevel(int n, int lv) {
        if (lv < 0 || lv > Character.MAX_VALUE) throw new IllegalStateException("a level past 2^16 in one part: " + lv);
        levels[n >>> SHIFT][n & MASK] = (char) lv;
    }

    int flags(int n) { return flags[n >>> SHIFT][n & MASK]; }

    boolean has(int n, byte flag) { return (flags[n >>> SHIFT][n & MASK] & flag) != 0; }

    void set(int n, byte flag) { flags[n >>> SHIFT][n & MASK] |= flag; }

    void clear(int n, byte flag) { flags[n >>> SHIFT][n & MASK] &= (byte) ~flag; }

    /** Every node's flags ANDed with {@code keep}. */
    void keepOnly(byte keep) {
        for (int p = 0; p < pages; p++) {
            byte[] f = flags[p];
            for (int i = 0; i < f.length; i++) f[i] &= keep;
        }
    }
}
