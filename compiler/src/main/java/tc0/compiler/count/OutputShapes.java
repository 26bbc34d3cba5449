package tc0.compiler.count;

import java.util.concurrent.ConcurrentHashMap;
import tc0.compiler.gadgets.ClosedSum;

/**
 * {@link SumForm#outputClass} of a closed sum without a sole literal, interned by a key of its bits' shapes: per
 * output bit its kind, negation and level in one byte, 32 bits in four longs. What {@code outputClass} reads of
 * the sum is exactly that, so equal keys give the same class; the key skips its per-call arrays, the canonical
 * renumbering and the class table's array hashing (RoPE's plain rows asked it 4 million times at n = 2^20 for a
 * few hundred classes). Sums past the key (wider than 32 bits, a level past 15) go to {@code outputClass}.
 */
final class OutputShapes {
    private OutputShapes() {}

    private record Key(long a, long b, long c, long d, int width) {}

    private static final ConcurrentHashMap<Key, ElemClass> BY_KEY = new ConcurrentHashMap<>();

    /**
     * The class cached for the key {@code key[from .. from + 3]} ({@link tc0.compiler.gadgets.RopeRow}'s, the same bytes
     * as {@link #of}'s) of a sum {@code width} bits wide, null where no sum with that key was asked for yet.
     */
    static ElemClass cached(long[] key, int from, int width) {
        return BY_KEY.get(new Key(key[from], key[from + 1], key[from + 2], key[from + 3], width));
    }

    /** {@code SumForm.outputClass(cs, width, -1, 0)}, from the cache where the key holds the sum's bits. */
    static ElemClass of(ClosedSum cs, int width) {
        if (width > 32) return SumForm.outputClass(cs, width, -1, 0);
        long[] k = new long[4];
        ClosedSum.Kind[] kind = cs.bitKind();
        int[] level = cs.bitLevel();
        boolean[] neg = cs.bitNegated();
        for (int b = 0; b < width; b++) {
            ClosedSum.Kind x = kind[b];
            if (x == ClosedSum.Kind.SOLE) return SumForm.outputClass(cs, width, -1, 0); // it throws there
            // constants' levels are not read (-1 in FinalStage): keep them out of the key
            int lv = x == ClosedSum.Kind.FALSE || x == ClosedSum.Kind.TRUE ? 0 : level[b];
            if (lv < 0 || lv > 15) return SumForm.outputClass(cs, width, -1, 0);
            long byt = x.ordinal() | (neg[b] ? 8 : 0) | (long) lv << 4;
            k[b >> 3] |= byt << ((b & 7) * 8);
        }
        Key key = new Key(k[0], k[1], k[2], k[3], width);
        ElemClass c = BY_KEY.get(key);
        if (c != null) return c;
        c = SumForm.outputClass(cs, width, -1, 0);
        BY_KEY.putIfAbsent(key, c);
        return c;
    }
}
