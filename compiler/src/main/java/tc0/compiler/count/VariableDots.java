package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.numerics.FixedFormat;

/**
 * The dot products of a product of two variable factors counted by groups of the inner axis, not term by term:
 * inner positions whose column group in A and row group in B are the same give the same pair of classes in
 * every dot, so a dot is its kinds of pair with how many of each, found in time of the groups. Where the sum
 * does not depend on the order of its pairs ({@link SumForm#orderFree}: every column's ANDs at one level) the
 * kinds go in bulk; otherwise as runs of equal pairs in position order ({@link SumForm#addDotRuns}). A causal
 * {@code P @ V} row is its kept entries, a few kinds; tensor attention's n^2 key pairs fall in about n groups.
 */
final class VariableDots {
    private final Engine e;
    private final ClassMap a, b;
    private final FixedFormat fa, fb, out;
    private final long scale;
    private final int shift;
    /** The inner positions' groups (A's column groups and B's row groups at once; a pair axis held factored); per group A's column group, B's row group and its positions. */
    private final AxisJoint inner;
    private final int[] aGroup, bGroup;
    private final long[] size;
    /** The groups along the inner axis as runs (made when a dot's order matters). */
    private int[] runGroup;
    private long[] runLength;
    /** Per inner group its keys on A's diagonal ({@link Diagonal#key}) (made when A is split). */
    private KeyedPositions positions;
    /** Per pair of class sets (A's ids, then B's, kinds in order met), whether the dot is order-free. */
    private final Map<Engine.IntsKey, Boolean> orderFree = new HashMap<>();

    /**
     * Whether each dot is met once (a causal product's rows: one per kept length), so its count is not
     * remembered: at n = 2^20 the memo would hold millions of results no later dot asks for.
     */
    boolean once;

    /** Dots counted, and of them in bulk (order-free): for the trace. */
    long dotsCounted, dotsInBulk;

    /** A dot's terms as runs: {@code count[r]} neighbouring terms of pair kind {@code pair[r]}. */
    record PairRuns(int[] pair, long[] count) {}

    /** One dot: its count, and per inner group the slots it reads of A's element and of B's. */
    record Dot(Instance.Result result, long[] readA, long[] readB) {}

    VariableDots(Engine e, ClassMap a, ClassMap b, FixedFormat fa, FixedFormat fb, FixedFormat out) {
        this.e = e;
        this.a = a;
        this.b = b;
        this.fa = fa;
        this.fb = fb;
        this.out = out;
        long[] sh = SumForm.toFormat(fa.fracBits() + fb.fracBits(), out);
        this.shift = (int) sh[0];
        this.scale = sh[1];
        inner = AxisJoint.of(new ClassMap[] {a, b}, new int[] {1, 0});
        int k = inner.count();
        aGroup = new int[k];
        bGroup = new int[k];
        for (int g = 0; g < k; g++) { aGroup[g] = inner.parts()[g][0]; bGroup[g] = inner.parts()[g][1]; }
        size = inner.counts();
    }

    /** Inner groups. */
    int groups() { return size.length; }

    /** The inner group of position {@code k}. */
    int groupOf(long k) { return inner.group(k); }

    /** A's column group of inner group {@code g}. */
    int aGroup(int g) { return aGroup[g]; }

    /** B's row group of inner group {@code g}. */
    int bGroup(int g) { return bGroup[g]; }

    /** The dot of A's row group {@code gi} and B's column group {@code gj}; null where every term is 0. */
    Dot dot(int gi, int gj) {
        return dot(gi, gj, -1);
    }

    /**
     * As {@link #dot(int, int)} for A split by a diagonal ({@link ClassMap#triangle}): the row's inner positions
     * below {@code cut} are on A's lower side, the others on its upper side ({@code cut < 0}: A is plain). Reads
     * are per slot, inner group g's lower side at {@code 2g}, its upper at {@code 2g + 1}.
     */
    Dot dot(int gi, int gj, int cut) {
        return dot(gi, gj, cut, 0);
    }

    /**
     * As {@link #dot(int, int, int)}; with {@code weight > 0} (the times the caller adds the dot) a row counted
     * from its family is added to the family's sums instead: its result's profile is then null, and its figures
     * reach the count by {@link #flushInto}.
     */
    Dot dot(int gi, int gj, int cut, long weight) {
        int k = groups(), sides = cut < 0 ? 1 : 2, slots = k * sides;
        int kinds = fill(gi, gj, cut);
        byFamily = false;
        if (kinds == 0) return null; // every term 0: counted by the caller as before
        boolean bulk = kinds(kinds);
        ElemClass[] xs = lastXs, ys = lastYs;
        PairRuns runs;
        dotsCounted++;
        if (bulk) { // one kind of pair is one run, in any order
            dotsInBulk++;
            runs = bulkRuns(kinds);
        } else {
            runs = inOrder(pairOf, cut);
        }
        Instance.Result res = once ? family(xs, ys, runs, weight) : null;
        if (res != null && weight > 0 && !ScanTail.CHECK_SWEEP) { // added to the family's sums: later cuts may follow as a range
            byFamily = true;
            lastRuns = runs;
            lastKinds = kinds;
        }
        if (res == null) res = count(xs, ys, runs);
        if (res == null) { // the gadget over the dot's nonzero terms in order (the zero ones make no gate)
            if (bulk && kinds > 1) runs = inOrder(pairOf, cut);
            res = built(xs, ys, runs);
        }
        int n = runs.pair().length;
        Arrays.fill(usedX, 0, kinds, 0);
        Arrays.fill(usedY, 0, kinds, 0);
        for (int r = 0; r < n; r++) { usedX[runs.pair()[r]] |= res.usedSlots()[r]; usedY[runs.pair()[r]] |= res.usedSlots()[n + r]; }
        long[] readA = new long[slots], readB = new long[slots];
        for (int slot = 0; slot < slots; slot++) {
            int p = pairOf[slot];
            if (p < 0) continue;
            readA[slot] = usedX[p];
            readB[slot] = usedY[p];
        }
        return new Dot(res, readA, readB);
    }

    /** The dot's pair kinds into the scratch ({@link #pairOf}, {@link #kx}, {@link #ky}, {@link #kc}); returns how many. */
    private int fill(int gi, int gj, int cut) {
        int k = groups(), sides = cut < 0 ? 1 : 2, slots = k * sides;
        buffers(slots);
        int kinds = 0;
        long lastKey = -1;
        int last = -1;
        if (++stamp == 0) { Arrays.fill(tableStamp, 0); stamp = 1; } // wrapped: no entry may look current
        for (int g = 0; g < k; g++) {
            long lower = cut < 0 ? size[g] : below(g, cut); // one search per group, both sides from it
            int y = b.id(bGroup[g], gj);
            boolean yZero = zero(y);
            for (int side = 0; side < sides; side++) {
                int slot = g * sides + side;
                long c = side == 0 ? lower : size[g] - lower;
                int x = cut < 0 ? a.id(gi, aGroup[g]) : a.id(gi, aGroup[g], side);
                if (c == 0 || yZero || zero(x)) { pairOf[slot] = -1; continue; } // no AND, nothing read: the pair is left out
                long key = (long) x << 32 | y;
                int p = key == lastKey ? last : kindOf(key, kinds);
                if (p == kinds) { kx[p] = x; ky[p] = y; kc[p] = 0; kinds++; }
                kc[p] += c;
                pairOf[slot] = p;
                lastKey = key;
                last = p;
            }
        }
        return kinds;
    }

    /** Whether the last {@link #dot} was added to its family's sums, and that dot's runs and kinds. */
    private boolean byFamily;
    private PairRuns lastRuns;
    private int lastKinds;

    /**
     * After a dot {@link #dot(int, int, int, long)} added to its family's sums at {@code cut} (else {@code cut}): the
     * last cut up to {@code maxCut} up to which every cut is that dot but for its last run's count ({@link DotRange}),
     * the last counts of cuts {@code cut + i} into {@code counts[i]}.
     */
    int familyRun(int gi, int gj, int cut, int maxCut, long[] counts) {
        if (!byFamily || maxCut <= cut || cut < 0) return cut;
        return new DotRange(this, gi, gj, cut, lastRuns, Arrays.copyOf(pairOf, 2 * groups()), Arrays.copyOf(kx, lastKinds), Arrays.copyOf(ky, lastKinds))
                .last(maxCut, counts);
    }

    /** The scratch's kinds at a cut as DotRange compares them: the kind count, then per kind x and y ids and the slots' kinds. */
    int kindsAt(int gi, int gj, int cut) { return fill(gi, gj, cut); }

    boolean sameKinds(int kinds, int[] x, int[] y, int[] slots) {
        if (kinds != x.length) return false;
        for (int p = 0; p < kinds; p++) if (kx[p] != x[p] || ky[p] != y[p]) return false;
        for (int s = 0; s < slots.length; s++) if (pairOf[s] != slots[s]) return false;
        return true;
    }

    /** The scratch's runs at {@code cut} (after {@link #kindsAt}, with the kinds of the family's dot). */
    PairRuns runsAt(int kinds, int cut) { return kinds(kinds) ? bulkRuns(kinds) : inOrder(pairOf, cut); }

    /** Positions of inner group {@code g} below {@code cut} (A's lower side). */
    long lowerAt(int g, int cut) { return below(g, cut); }

    /** Rows {@code from .. to - 1} of the family's range ({@link RowFamily#range}); returns the first not counted. */
    int familyRange(long[] counts, int from, int to, long weight, ElemClass[] out) {
        int stop = family.range(counts, from, to, weight, out);
        dotsCounted += stop - from;
        dotsByFamily += stop - from;
        dotsInRanges += stop - from;
        ranges++;
        return stop;
    }

    // Per-dot scratch, reused from dot to dot (a causal product asks n dots of the same few kinds): no lists, maps
    // or boxed keys per row.
    /** Per slot its pair kind, or -1 (no AND). */
    private int[] pairOf = new int[0];
    /** Per pair kind (first met first) A's class id, B's class id, terms; the slots' OR of the usage. */
    private int[] kx = new int[0], ky = new int[0];
    private long[] kc = new long[0], usedX = new long[0], usedY = new long[0];
    /** Pair keys to kinds, open addressing; an entry is this dot's where its stamp is {@link #stamp}. */
    private long[] tableKey = new long[0];
    private int[] tableKind = new int[0], tableStamp = new int[0];
    int stamp; // package-private: a test sets it just below the wrap
    /** The kinds of the dot before, as classes (never changed once made: callers may keep them), and whether it went in bulk. */
    private ElemClass[] lastXs = new ElemClass[0], lastYs = new ElemClass[0];
    private boolean lastBulk;

    /** Sizes the scratch for a dot of {@code slots} slots (at most that many kinds). */
    private void buffers(int slots) {
        if (pairOf.length >= slots) return;
        pairOf = new int[slots];
        kx = new int[slots];
        ky = new int[slots];
        kc = new long[slots];
        usedX = new long[slots];
        usedY = new long[slots];
        int t = Integer.highestOneBit(Math.max(2, 2 * slots - 1)) << 1; // at most half full
        tableKey = new long[t];
        tableKind = new int[t];
        tableStamp = new int[t];
        stamp = 0;
    }

    /** The kind of pair {@code key} in this dot; {@code kinds} (the next kind) where it is new, then entered as that. */
    private int kindOf(long key, int kinds) {
        int mask = tableKey.length - 1;
        for (int h = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask; ; h = (h + 1) & mask) {
            if (tableStamp[h] != stamp) { tableStamp[h] = stamp; tableKey[h] = key; tableKind[h] = kinds; return kinds; }
            if (tableKey[h] == key) return tableKind[h];
        }
    }

    /**
     * Sets {@link #lastXs}, {@link #lastYs} to this dot's kinds as classes and returns whether it goes in bulk
     * (one kind, or order-free, memoised by the kinds' ids in order): kept from the dot before where its kinds
     * are the same.
     */
    private boolean kinds(int kinds) {
        boolean same = lastXs.length == kinds;
        for (int p = 0; same && p < kinds; p++) same = lastXs[p].id == kx[p] && lastYs[p].id == ky[p];
        if (same) return lastBulk;
        ElemClass[] xs = new ElemClass[kinds], ys = new ElemClass[kinds];
        for (int p = 0; p < kinds; p++) { xs[p] = ElemClass.byId(kx[p]); ys[p] = ElemClass.byId(ky[p]); }
        lastXs = xs;
        lastYs = ys;
        if (kinds == 1) return lastBulk = true;
        int[] ids = new int[2 * kinds];
        System.arraycopy(kx, 0, ids, 0, kinds);
        System.arraycopy(ky, 0, ids, kinds, kinds);
        return lastBulk = orderFree.computeIfAbsent(new Engine.IntsKey(ids), q -> SumForm.orderFree(xs, ys, scale));
    }

    /** The kinds as one run each, by (x id, y id): a canonical order, so that equal dots share one memo entry. */
    private PairRuns bulkRuns(int kinds) {
        int[] pair = new int[kinds];
        long[] count = new long[kinds];
        if (kinds == 1) {
            count[0] = kc[0];
            return new PairRuns(pair, count);
        }
        long[] keys = new long[kinds]; // distinct (x id, y id), both ids >= 0: sorted as longs is by x, then y
        for (int p = 0; p < kinds; p++) keys[p] = (long) kx[p] << 32 | ky[p];
        Arrays.sort(keys);
        for (int r = 0; r < kinds; r++) {
            int p = kindOf(keys[r], -1); // every key is entered
            pair[r] = p;
            count[r] = kc[p];
        }
        return new PairRuns(pair, count);
    }

    /** Positions of inner group {@code g} on A's lower side (below {@code cut}) or upper side. */
    long onSide(int g, int side, int cut) {
        return side == 0 ? below(g, cut) : size[g] - below(g, cut);
    }

    /** Positions of inner group {@code g} whose key is below {@code cut}. */
    private long below(int g, int cut) {
        if (positions == null) positions = inner.keyed(a.diagonal()).cursor(); // the cuts mostly grow (a range's rows)
        return positions.atMost(g, cut - 1L);
    }

    /** The closed count of the runs (memoised, made at level 0 and moved up); usage: each run's x slots, then its y slots. */
    private Instance.Result count(ElemClass[] xs, ElemClass[] ys, PairRuns pr) {
        int[] runPair = pr.pair();
        long[] runCount = pr.count();
        int runs = runPair.length;
        ElemClass[] in = new ElemClass[2 * runs];
        for (int r = 0; r < runs; r++) { in[r] = xs[runPair[r]]; in[runs + r] = ys[runPair[r]]; }
        java.util.function.Function<ElemClass[], Instance.Result> closed = lifted -> {
            long[] ux = new long[runs], uy = new long[runs];
            SumForm f = new SumForm().addDotRuns(Arrays.copyOfRange(lifted, 0, runs), Arrays.copyOfRange(lifted, runs, 2 * runs), runCount, scale, ux, uy);
            long[] used = new long[2 * runs];
            System.arraycopy(ux, 0, used, 0, runs);
            System.arraycopy(uy, 0, used, runs, runs);
            return f.close(shift, out.width(), true, e.rounds, used);
        };
        try {
            if (once) return closed.apply(in); // met once (a causal row's length): remembering it would only hold memory
            List<Long> counts = Arrays.stream(runCount).boxed().toList();
            return e.closedLifted(List.of("dot-runs", fa, fb, out, e.rounds, counts), in, closed);
        } catch (SumForm.Unmodelled u) {
            return null;
        }
    }

    /** The family of the rows met last (a causal product's rows, one per kept length), or null. */
    private RowFamily family;

    /** Rows counted from a family's closed form, of them in ranges, and the ranges (for the trace). */
    long dotsByFamily, dotsInRanges, ranges;

    /**
     * A row met once ({@link #once}) counted from its family, the rows whose runs are its own but for the last
     * run's count ({@link RowFamily}); null where the family cannot count it (the caller counts it by itself).
     */
    private Instance.Result family(ElemClass[] xs, ElemClass[] ys, PairRuns pr, long weight) {
        int runs = pr.pair().length;
        if (runs == 0 || e.rounds != 2) return null;
        if (family == null || !family.holds(xs, ys, pr.pair(), pr.count())) {
            if (family != null) family.flushInto(summed);
            family = RowFamily.of(xs, ys, pr.pair(), pr.count(), scale, shift, out.width(), e.rounds, e.rangeMemo);
        }
        if (family == null) return null;
        long c = pr.count()[runs - 1];
        // Checking: the row's own profile, compared with the row counted by itself (the sums are RowSumsTest's).
        Instance.Result r = weight > 0 && !ScanTail.CHECK_SWEEP ? family.at(c, weight) : family.at(c);
        if (r == null) return null;
        dotsByFamily++;
        if (ScanTail.CHECK_SWEEP) { // tests: the row counted by itself too, and compared
            Instance.Result own = count(xs, ys, pr);
            if (own == null || !sameCount(r, own)) throw new IllegalStateException("a causal row of " + c + " in its last run: its family counts "
                    + r.profile().cost() + ", the row by itself " + (own == null ? "nothing" : own.profile().cost()));
        }
        return r;
    }

    /** Rows of families met before the current one, summed. */
    private final Profile summed = new Profile();

    /** The last family's sweep figures (the trace). */
    String familyTrace() { return family == null ? "no family" : family.trace(); }

    /** Adds the rows that {@link #dot(int, int, int, long)} summed by family (their results' profiles null) to {@code total}. */
    void flushInto(Profile total) {
        if (family != null) family.flushInto(summed);
        total.add(summed, 1);
    }

    /** Whether two counts agree: gates on every level, wires, output class and slots read. */
    static boolean sameCount(Instance.Result a, Instance.Result b) {
        CountedCost x = a.profile().cost(), y = b.profile().cost();
        boolean same = x.equals(y) && a.out()[0] == b.out()[0] && Arrays.equals(a.usedSlots(), b.usedSlots());
        for (int l = 0; same && l <= x.depth(); l++) same = a.profile().exactAt(l).equals(b.profile().exactAt(l));
        return same;
    }

    /** The dot's nonzero pairs in position order, as runs of equal neighbours ({@code cut}: as {@link #dot(int, int, int)}'s). */
    private PairRuns inOrder(int[] pairOf, int cut) {
        if (cut >= 0 && a.diagonal().paired()) throw new NeedsLiterals("a dot over a pair axis whose order matters (kept pairs are no prefix of it)");
        runs();
        int[] rp = new int[2 * runGroup.length];
        long[] rc = new long[2 * runGroup.length];
        int n = 0;
        long start = 0;
        for (int r = 0; r < runGroup.length; r++) {
            long end = start + runLength[r];
            for (int side = 0; side < (cut < 0 ? 1 : 2); side++) {
                long len = cut < 0 ? runLength[r] : side == 0 ? Math.max(0, Math.min(end, cut) - start) : end - Math.max(start, Math.min(end, cut));
                int p = pairOf[cut < 0 ? runGroup[r] : 2 * runGroup[r] + side];
                if (len == 0 || p < 0) continue;
                if (n > 0 && rp[n - 1] == p) { rc[n - 1] += len; continue; }
                rp[n] = p;
                rc[n++] = len;
            }
            start = end;
        }
        return new PairRuns(Arrays.copyOf(rp, n), Arrays.copyOf(rc, n));
    }

    /** The dot's gadget run over its nonzero terms (memoised, {@link Engine#instance}); usage per run as {@link #count}'s. */
    private Instance.Result built(ElemClass[] xs, ElemClass[] ys, PairRuns pr) {
        int[] runPair = pr.pair();
        long[] runCount = pr.count();
        int terms = 0;
        for (long c : runCount) terms = Math.addExact(terms, Math.toIntExact(c));
        int d = terms, rounds = e.rounds;
        ElemClass[] both = new ElemClass[2 * d];
        for (int r = 0, t = 0; r < runPair.length; r++) {
            for (long c = 0; c < runCount[r]; c++, t++) { both[t] = xs[runPair[r]]; both[d + t] = ys[runPair[r]]; }
        }
        Instance.Gadget g = (net, in) -> new int[][] {tc0.compiler.gadgets.Multiply.dot(net, Arrays.copyOfRange(in, 0, d), fa,
                Arrays.copyOfRange(in, d, 2 * d), fb, out, rounds)};
        Instance.Result r = e.instance(List.of("matmul-var", fa, fb, out, rounds), g, both, Instance.distinct(2 * d));
        int runs = runPair.length;
        long[] used = new long[2 * runs];
        for (int q = 0, t = 0; q < runs; q++) {
            for (long c = 0; c < runCount[q]; c++, t++) { used[q] |= r.usedSlots()[t]; used[runs + q] |= r.usedSlots()[d + t]; }
        }
        return new Instance.Result(r.profile(), r.out(), used, r.passthrough(), r.disjoint());
    }

    private static boolean zero(int id) {
        ElemClass c = ElemClass.byId(id);
        return c.isConstant() && c.code() == 0;
    }

    /** The inner groups along the axis as runs of equal neighbours. */
    private void runs() {
        if (runGroup != null) return;
        int[] groupOf = inner.ids() != null ? inner.ids() : inner.pairs().listed();
        int n = 0;
        for (int i = 0; i < groupOf.length; i++) if (i == 0 || groupOf[i] != groupOf[i - 1]) n++;
        runGroup = new int[n];
        runLength = new long[n];
        int r = -1;
        for (int i = 0; i < groupOf.length; i++) {
            if (i == 0 || groupOf[i] != groupOf[i - 1]) runGroup[++r] = groupOf[i];
            runLength[r]++;
        }
    }
}
