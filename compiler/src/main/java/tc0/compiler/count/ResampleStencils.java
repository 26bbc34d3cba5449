package tc0.compiler.count;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.DivideWords;
import tc0.compiler.gadgets.SplitRoute;
import tc0.compiler.gadgets.SpreadLiterals;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.FixedFormat;

/**
 * One resampling stencil's division ({@link ResampleCount}): its weighting, the form the lowering builds
 * over words of given classes, the route {@code chooseSplit} gives that form (the lowering's route), and MULTIPLY's
 * one weighted sum counted in closed form; {@link Shared} shares routes and sums among stencils that are
 * the same up to the order of their taps.
 */
final class ResampleStencils {
    private ResampleStencils() {}

    /** The weights (one per variable bit, in the form's order) and constant of the form the lowering builds over words of these classes. */
    private record Form(long[] weights, long constant) {}

    private static Form form(ElemClass[] in, long[] w) {
        long[] weights = new long[64];
        int size = 0;
        long constant = 0;
        for (int t = 0; t < in.length; t++) {
            ElemClass c = in[t];
            int width = c.width();
            for (int k = 0; k < width; k++) {
                long bit = Math.multiplyExact(w[t], 1L << k);
                long wt = k == width - 1 ? Math.negateExact(bit) : bit;
                int x = c.bit(k);
                if (x == ElemClass.FALSE) continue;
                if (x == ElemClass.TRUE) { constant = Math.addExact(constant, wt); continue; } // LinearForm folds constant literals
                if (size == weights.length) weights = Arrays.copyOf(weights, size * 2);
                weights[size++] = wt;
            }
        }
        return new Form(Arrays.copyOf(weights, size), constant);
    }

    /** {@code DivideByConstant.choose} of the form the lowering builds over words of these classes (a mean's). */
    static DivideByConstant.Route route(ElemClass[] in, long[] w, FixedFormat out, long d, int rounds) {
        Form f = form(in, w);
        return DivideByConstant.choose(f.weights(), f.constant(), out.fracBits(), d, out, rounds);
    }

    /** {@code DivideByConstant.chooseSplit} of that form: a resampling stencil's route, as the lowering chooses it. */
    static DivideByConstant.Route stencilRoute(ElemClass[] in, long[] w, FixedFormat out, long d, int rounds) {
        Form f = form(in, w);
        return DivideByConstant.chooseSplit(f.weights(), f.constant(), out.fracBits(), d, out, rounds);
    }

    /** Refuses, in words, a division past a long whose SPLIT numbers pass a long too (no route builds it). */
    static void splitsOrRefuse(ElemClass[] in, long[] w, BigInteger d, FixedFormat out) {
        if (!DivideWords.splits(widths(in), w, out.fracBits(), d, out)) {
            throw new UnsupportedOperationException("resampling by " + d + " (" + d.bitLength() + " bits) into " + out
                    + ": even SPLIT's quotients and remainders pass a long");
        }
    }

    /** The divisor {@code D 2^Fx} of a stencil of weighting {@code k} over words of format {@code fx}. */
    static BigInteger divisor(Weighting k, FixedFormat fx) {
        return BigInteger.valueOf(k.den()).shiftLeft(fx.fracBits());
    }

    /** The widths of words of these classes. */
    static int[] widths(ElemClass[] in) {
        int[] w = new int[in.length];
        for (int t = 0; t < in.length; t++) w[t] = in[t].width();
        return w;
    }

    /** A stencil weighting: weights in stencil order and the denominator. */
    record Weighting(long[] w, long den) {
        Weighting sorted() {
            long[] s = w.clone();
            Arrays.sort(s);
            return new Weighting(s, den);
        }

        @Override public boolean equals(Object o) { return o instanceof Weighting k && den == k.den && Arrays.equals(w, k.w); }

        @Override public int hashCode() { return 31 * Arrays.hashCode(w) + Long.hashCode(den); }
    }

    /**
     * Routes and MULTIPLY's closed sums, shared by stencils that are the same up to the order of their taps.
     * Where every tap has one class, a route depends only on the multiset of the weights ({@code choose}
     * costs the routes over fresh literals at one level, where the order of the terms changes nothing).
     * Where that class is also plain (no slot twice) at one level, so does the weighted sum: a column then
     * holds distinct literals at one level, so its groups cost the same whatever the order, and a group of
     * one always shares its column with another group's bit, so no literal reaches the final stage by the
     * order (a sign-extended word's slot twice in one column would merge in a group: not shared). So
     * bilinear weightings mirrored or transposed ({@code (a, b) x (c, d)} against {@code (b, a) x (c, d)},
     * {@code (c, d) x (a, b)}) are counted once.
     */
    static final class Shared {
        private final FixedFormat out, fx;
        private final int rounds;
        // Bounded: a resampling to n x n from a map of 3 has ~n^2 / 4 distinct stencils up to order (var
        // at n = 4096: hundreds of thousands, a few hundred bytes each with its profile). Cleared when full.
        private static final int ROUTES_KEPT = 1 << 22, SUMS_KEPT = 1 << 22;
        private final Map<List<Object>, DivideByConstant.Route> routes = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<List<Object>, Optional<Instance.Result>> sums = new java.util.concurrent.ConcurrentHashMap<>();
        // certainSplit's answers by taps' classes and weighting in order: an upsample's single-tap rows against its
        // two-tap columns weigh as its two-tap rows against its single-tap columns (flowar's final upsample: ~2n/3 of
        // each at n = 2^20, a few hundred bytes an entry). Bounded as the others.
        private static final int SPLITS_KEPT = 1 << 20;
        private final Map<List<Object>, Instance.Result> splits = new java.util.concurrent.ConcurrentHashMap<>();
        /** Spread closed sums by shape ({@link SplitMemo}): one count per distinct shape among this node's weightings. */
        final SplitMemo memo = new SplitMemo();

        Shared(FixedFormat out, FixedFormat fx, int rounds) {
            this.out = out;
            this.fx = fx;
            this.rounds = rounds;
        }

        /**
         * The lowering's route for a stencil of weighting {@code k} over taps of these classes (its form's own route;
         * SPLIT over exact numbers past a long; where even SPLIT's numbers pass one, the division refuses it).
         */
        DivideByConstant.Route route(ElemClass[] in, Weighting k) {
            BigInteger wide = divisor(k, fx);
            // Past a long only SPLIT builds it; where even SPLIT's numbers pass a long, the division refuses it (splitsOrRefuse).
            if (!DivideWords.fitsLong(widths(in), k.w(), wide)) return DivideByConstant.Route.SPLIT;
            long d = wide.longValueExact();
            if (!oneClass(in)) {
                int[] ids = new int[in.length];
                for (int t = 0; t < ids.length; t++) ids[t] = in[t].id;
                return kept(routes, ROUTES_KEPT).computeIfAbsent(List.of(k, new Engine.IntsKey(ids)), x -> stencilRoute(in, k.w(), out, d, rounds));
            }
            Weighting sorted = k.sorted();
            return kept(routes, ROUTES_KEPT).computeIfAbsent(List.of(sorted, in[0].id), x -> stencilRoute(in, sorted.w(), out, d, rounds));
        }

        /**
         * A stencil over distinct taps whose route is SPLIT for certain, counted by {@link ClosedSplit} at once (what
         * {@link ResampleCount} counts it by once the route is known); null: the route is decided as before. Where the
         * form fits a long, {@code chooseSplit} takes SPLIT whenever SPLIT's numbers fit and its closed cost over fresh
         * literals at level 0 exists; {@link SplitRoute#certain} tells that from SPLIT's numbers alone (small enough that
         * the sum cannot be wide nor its wires pass a long), whatever the words' slots, so the route's own closed count
         * (half of each such stencil's time: var's write-backs at n = 2^20 count ~10^6) is not made, over sign-extended
         * words too.
         */
        Instance.Result certainSplit(ElemClass[] in, Weighting k) {
            BigInteger wide = divisor(k, fx);
            if (!DivideWords.fitsLong(widths(in), k.w(), wide)) return null; // route() says SPLIT at no cost there
            return ClosedSplit.certain(in, k.w(), wide, out, rounds, memo);
        }

        /**
         * {@link #certainSplit}, shared by stencils with the same taps' classes and weighting (in order: no symmetry
         * assumed). Only answers are kept: a null (numbers too large, or the closed sum not modelled) is not remembered,
         * so the cache never says "no" for a key; the caller then decides the route as before.
         */
        Instance.Result certainSplitShared(ElemClass[] in, Weighting k) {
            // A weighting PairWeighting names is counted once per key already: no entry here (var's write-backs at
            // n = 2^20: millions of weightings, each its own entry and a miss, the lookups a tenth of the count).
            BigInteger wide = divisor(k, fx);
            if (!DivideWords.fitsLong(widths(in), k.w(), wide)) return null; // as certainSplit
            PairWeighting.Key pair = memo.pairs.split(in, k.w(), wide, out, rounds, true);
            if (pair != null) return ClosedSplit.keyed(in, k.w(), wide, out, rounds, true, memo, pair);
            int[] ids = new int[in.length];
            for (int t = 0; t < ids.length; t++) ids[t] = in[t].id;
            List<Object> key = List.of(k, new Engine.IntsKey(ids));
            Instance.Result r = splits.get(key);
            if (r != null) return r;
            r = ClosedSplit.keyed(in, k.w(), wide, out, rounds, true, memo, null); // certainSplit, its divisor, bound and (null) key known
            if (r != null) kept(splits, SPLITS_KEPT).put(key, r);
            return r;
        }

        /**
         * The count {@link ResampleCount} makes of a stencil over distinct taps by SPLIT where {@link PairWeighting} keys it:
         * {@link #certainSplit}'s where the form fits a long, else SPLIT's past a long ({@code divide}); null where that
         * weighting is not keyed or its keyed count is not made (the caller then goes its own way, f by f).
         */
        Instance.Result keyedSplit(ElemClass[] in, Weighting k) {
            BigInteger wide = divisor(k, fx);
            boolean fits = DivideWords.fitsLong(widths(in), k.w(), wide);
            PairWeighting.Key pair = memo.pairs.split(in, k.w(), wide, out, rounds, fits);
            return pair == null ? null : ClosedSplit.keyed(in, k.w(), wide, out, rounds, fits, memo, pair);
        }

        /** The bits of k's weights {@link #keyedSplit}'s key reads ({@link PairWeighting#splitMask}). */
        long splitMask(ElemClass[] in, Weighting k) {
            return memo.pairs.splitMask(in, k.w(), divisor(k, fx), out, rounds);
        }

        /** MULTIPLY over distinct taps in closed form; null where that does not apply (another route, or the closed sum does not). */
        Instance.Result closed(ElemClass[] in, Weighting k, DivideByConstant.Route route) {
            if (route != DivideByConstant.Route.MULTIPLY) return null; // MULTIPLY fits a long: so does d
            long d = k.den() << fx.fracBits();
            if (!oneClass(in) || !in[0].plain() || !oneLevel(in[0])) return traced(closedMultiply(in, k.w(), d, out, rounds));
            Weighting sorted = k.sorted();
            return kept(sums, SUMS_KEPT).computeIfAbsent(List.of(sorted, in[0].id), x -> Optional.ofNullable(traced(closedMultiply(in, sorted.w(), d, out, rounds))))
                    .orElse(null);
        }

        private static <K, V> Map<K, V> kept(Map<K, V> cache, int most) {
            if (cache.size() >= most) cache.clear();
            return cache;
        }

        private static Instance.Result traced(Instance.Result r) {
            if (r == null && Engine.TRACE) System.err.println("count: a resample stencil runs the gadget");
            return r;
        }

        private static boolean oneClass(ElemClass[] in) {
            for (ElemClass c : in) if (c != in[0]) return false;
            return true;
        }

        /** Whether every variable slot of c occurs once in its word (each a fresh literal of the form). */
        static boolean freshSlots(ElemClass c) {
            int[] uses = new int[c.slots()];
            for (int b = 0; b < c.width(); b++) if (c.bit(b) >= 0 && ++uses[c.bit(b) >> 1] > 1) return false;
            return true;
        }

        private static boolean oneLevel(ElemClass c) {
            for (int s = 1; s < c.slots(); s++) if (c.slotLevel(s) != c.slotLevel(0)) return false;
            return true;
        }
    }

    /**
     * A separable stencil's column pass {@code WeightedSum.exact(sum w_t x_t)} over words of these classes (distinct
     * elements), in closed form ({@link SumForm}: each variable bit at its slot's level, fresh or identified, the word
     * just wide enough for the form's range); null where the closed sum does not apply.
     */
    static Instance.Result closedExact(ElemClass[] in, long[] w, int rounds) {
        return closedExact(in, w, rounds, null);
    }

    /** {@link #closedExact} where {@link PairWeighting} keys it, else null ({@link ResampleMerge}). */
    static Instance.Result keyedExact(ElemClass[] in, long[] w, int rounds, SplitMemo memo) {
        return memo.pairs.exact(in, w, rounds) == null ? null : closedExact(in, w, rounds, memo);
    }

    /** {@link #closedExact}, spread sums looked up in (and added to) {@code memo} where not null. */
    static Instance.Result closedExact(ElemClass[] in, long[] w, int rounds, SplitMemo memo) {
        PairWeighting.Key pair = memo == null ? null : memo.pairs.exact(in, w, rounds);
        Instance.Result known = memo == null ? null : memo.pairs.get(pair);
        if (known != null) return known;
        Instance.Result r = closedExact(in, w, rounds, memo, pair != null);
        if (pair != null) memo.pairs.put(pair, r);
        return r;
    }

    /** {@link #closedExact}; {@code spreads}: the caller's {@link PairWeighting} key said the sum spreads (checked). */
    private static Instance.Result closedExact(ElemClass[] in, long[] w, int rounds, SplitMemo memo, boolean pairSpreads) {
        ClosedSplit.Lowest low = new ClosedSplit.Lowest();
        long min = 0, max = 0, constant = 0;
        long[] used = new long[in.length];
        // Words of fresh slots only: their bits' weights may go in spread (SpreadLiterals), in the same order.
        boolean fresh = true;
        for (int t = 0; t < in.length && fresh; t++) fresh = w[t] == 0 || Shared.freshSlots(in[t]);
        long[] spread = fresh ? spreadWeights(in, w) : null;
        boolean spreads = spread != null && SpreadLiterals.safe(spread, spread.length, 0, rounds);
        if (pairSpreads && !spreads) throw new IllegalStateException("a pair weighting's key on a sum that does not spread");
        try {
            for (int t = 0; t < in.length; t++) {
                ElemClass c = in[t];
                if (w[t] == 0) continue;
                used[t] = Usage.all(c);
                int width = c.width();
                int[] uses = new int[c.slots()];
                for (int k = 0; k < width; k++) if (c.bit(k) >= 0) uses[c.bit(k) >> 1]++;
                for (int k = 0; k < width; k++) {
                    int x = c.bit(k);
                    if (x == ElemClass.FALSE) continue;
                    long bit = Math.multiplyExact(w[t], 1L << k), wt = k == width - 1 ? Math.negateExact(bit) : bit;
                    if (x == ElemClass.TRUE) { min = Math.addExact(min, wt); max = Math.addExact(max, wt); constant = Math.addExact(constant, wt); continue; }
                    if (wt < 0) min = Math.addExact(min, wt);
                    else max = Math.addExact(max, wt);
                    low.offer(wt, 1, c.slotLevel(x >> 1), true, t, x >> 1, (x & 1) == 0 && uses[x >> 1] == 1);
                }
            }
            int width = WeightedSum.exactWidth(min, max);
            SplitMemo.Builder key = null;
            if (spreads && memo != null) {
                key = new SplitMemo.Builder();
                int next = 0;
                for (int t = 0; t < in.length; t++) {
                    ElemClass c = in[t];
                    if (w[t] == 0) continue;
                    for (int k = 0; k < c.width(); k++) if (c.bit(k) >= 0) key.literal(spread[next++], c.slotLevel(c.bit(k) >> 1));
                }
                key.close(low, used, rounds, 0, width, constant);
                Instance.Result r = memo.get(key);
                if (r != null) return r;
            }
            SumForm f = new SumForm();
            int next = 0;
            for (int t = 0; t < in.length; t++) {
                ElemClass c = in[t];
                if (w[t] == 0) continue;
                if (!spreads) f.addWord(c, w[t], t);
                else {
                    for (int k = 0; k < c.width(); k++) {
                        int x = c.bit(k);
                        if (x == ElemClass.FALSE) continue;
                        if (x == ElemClass.TRUE) f.shape.addConstant(bitWeight(k, c.width(), w[t]));
                        else SpreadLiterals.add(f.shape, spread[next++], c.slotLevel(x >> 1));
                    }
                }
            }
            Instance.Result r = ClosedSplit.close(f, width, false, rounds, used, low, constant);
            if (key != null) memo.put(key, r);
            return r;
        } catch (SumForm.Unmodelled | ArithmeticException u) {
            return null;
        }
    }

    /** The weights of the variable bits of the words of non-zero weight, in order; null where one passes a long. */
    private static long[] spreadWeights(ElemClass[] in, long[] w) {
        int n = 0;
        for (int t = 0; t < in.length; t++) if (w[t] != 0) n += in[t].width();
        long[] out = new long[n];
        int size = 0;
        try {
            for (int t = 0; t < in.length; t++) {
                if (w[t] == 0) continue;
                ElemClass c = in[t];
                for (int k = 0; k < c.width(); k++) {
                    long wt = bitWeight(k, c.width(), w[t]); // of every bit, as SumForm.addWords (which refuses a word past a long)
                    if (c.bit(k) >= 0) out[size++] = wt;
                }
            }
        } catch (ArithmeticException past) {
            return null;
        }
        return Arrays.copyOf(out, size);
    }

    /** Bit k's weight in a word of this width times {@code coeff} (the top bit negated), as {@code SumForm.addWords}. */
    private static long bitWeight(int k, int width, long coeff) {
        long b = Math.multiplyExact(coeff, 1L << k);
        return k == width - 1 ? Math.negateExact(b) : b;
    }

    /**
     * {@code DivideByConstant.build(form, out.fracBits(), d, out, rounds, MULTIPLY)} of the form {@code sum w_t x_t}
     * over distinct words of these classes, in closed form: MULTIPLY's one weighted sum ({@link SumForm}), each
     * variable bit with its weight in the form's order, fresh where its slot occurs once in the word, else
     * identified. Null where MULTIPLY is not available or the closed sum does not apply.
     */
    static Instance.Result closedMultiply(ElemClass[] in, long[] w, long d, FixedFormat out, int rounds) {
        Form form = form(in, w);
        DivideByConstant.MultiplyForm mf = DivideByConstant.multiplyForm(form.weights(), form.constant(), out.fracBits(), d, out);
        if (mf == null) return null;
        SumForm f = new SumForm();
        long[] used = new long[in.length];
        int i = 0;
        try {
            for (int t = 0; t < in.length; t++) {
                ElemClass c = in[t];
                int[] uses = new int[c.slots()];
                for (int b = 0; b < c.width(); b++) if (c.bit(b) >= 0) uses[c.bit(b) >> 1]++;
                for (int b = 0; b < c.width(); b++) {
                    int x = c.bit(b);
                    if (x < 0) continue; // constant bits are in the form's constant
                    long a = mf.weights()[i++];
                    int slot = x >> 1;
                    if (uses[slot] == 1) f.shape.add(1, a, c.slotLevel(slot));
                    else f.identified(t, slot, (x & 1) != 0, a, c.slotLevel(slot));
                }
                used[t] = Usage.all(c);
            }
            f.shape.addConstant(mf.constant());
            return f.close(mf.shift(), out.width(), true, rounds, used);
        } catch (SumForm.Unmodelled u) {
            return null;
        }
    }
}
