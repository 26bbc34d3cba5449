package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Literal;

/**
 * The first compression round of a {@link WideSum} whose columns hold runs ({@link WideColumns#addRun}), counted
 * on a {@link TwinNet} from the columns' heights, without listing the runs' entries. The Chinese-remainder
 * reconstruction puts each bit of each prime's {@code y_i} and {@code F_i} at a weight of {@code bits} bits:
 * some {@code k bits^2 / 2} entries in all (p = 128: 3 x 10^8; p = 256: 6.5 x 10^9), where its groups need only
 * how many entries each holds, at which level, and which are constants or repeats.
 *
 * <p>Regular runs: a stretch of consecutive runs whose literals are variables of nodes found nowhere else in the
 * columns, all on one level L. Each column is then its single entries and other runs before them (listed), a count
 * of regular entries, and the entries after (listed, with the constant's TRUE last). The count is
 * {@code R_j = sum_runs sum_t [bit j - t of the run's weight]}, summed from each weight's set bits as a difference
 * array over the runs of t (O(set bits) per distinct weight and t-range, not per entry). A group, cut as
 * {@link WeightedSum#compress} cuts it, holds some listed entries and some regular ones: {@link CountBitsTwin}
 * counts it from those numbers; where it does not model the group (a listed literal repeated, fewer than two
 * variables) or the group is one entry passed on, its regular entries are listed (found by walking the runs) and
 * it goes as {@link WeightedSum#countBits} goes. The regular literals are read where some group holding them has
 * a live gate: every literal with an entry in a column whose groups all do is read; the others are found by
 * listing those columns' groups.
 */
final class WideRuns {
    /** Sums whose first round was counted here (tests read it to see the runs at work). */
    static long modelled;

    private WideRuns() {}

    /**
     * A regular run: its literals, its weight, the ranges of t it has literals at, and its weight's set bits (with
     * prefix counts) where the weight is kept (null where it is worked out again when asked: one per prime).
     */
    private record Regular(int[] lits, WideColumns.RunWeight weight, int[] ranges, Bits kept) {
        /** The weight's bits: kept, or worked out again (asked where a group is not modelled or for reads: rare). */
        Bits bits() { return kept != null ? kept : Bits.of(weight.words()); }

        /** Its entries in column j: {@code sum over ranges [t0, t1) of P(j - t0) - P(j - t1)}. */
        long count(Bits bits, int j) {
            long n = 0;
            for (int r = 0; r < ranges.length; r += 2) n += bits.upTo(j - ranges[r]) - bits.upTo(j - ranges[r + 1]);
            return n;
        }
    }

    /** A weight's bits as words, with the number of set bits below each word. */
    private record Bits(long[] words, int[] before) {
        static Bits of(long[] words) {
            int[] before = new int[words.length + 1];
            for (int i = 0; i < words.length; i++) before[i + 1] = before[i] + Long.bitCount(words[i]);
            return new Bits(words, before);
        }

        /** The set bits at positions {@code <= m}. */
        long upTo(int m) {
            if (m < 0) return 0;
            int i = m >> 6;
            if (i >= words.length) return before[words.length];
            long mask = (m & 63) == 63 ? -1L : (1L << ((m & 63) + 1)) - 1;
            return before[i] + Long.bitCount(words[i] & mask);
        }

        boolean test(int m) { return m >= 0 && (m >> 6) < words.length && (words[m >> 6] >>> (m & 63) & 1) != 0; }
    }

    /**
     * A stretch of the columns' items: listed entries (chunks and runs that are not regular: {@code listed} by
     * column, null where none) or consecutive regular runs on one level with their heights per column.
     */
    private record Segment(WeightedSum.IntList[] listed, Regular[] runs, int level, long[] height) {
        long size(int j) {
            if (listed != null) return listed[j] == null ? 0 : listed[j].size();
            return height[j];
        }
    }

    /** Test-only: list the first round's outputs even where {@link UnlistedRound} could hold them unlisted (tests compare the two). */
    static boolean listAlways;

    /** Columns after {@code rounds} compression rounds. */
    record Columns(List<WeightedSum.IntList> cols, int rounds) {}

    /**
     * The columns after the first round, as {@link WeightedSum#compress} would make them, or null where not modelled;
     * after the second too where that is the last and the net keeps every gate (the first round's outputs then held
     * by count and level, {@link UnlistedRound}).
     */
    static Columns firstRound(TwinNet net, WideColumns in, int roundsLeft, boolean withConstant) {
        if (WeightedSum.plantedCountFault != 0) return null;
        List<Object> items = in.items();
        int width = in.width();
        int[] repeated = repeatedNodes(items);
        List<Segment> segments = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < items.size(); ) {
            int lv = items.get(i) instanceof WideColumns.Run run ? regularLevel(net, run, repeated) : -1;
            int e = i + 1;
            while (e < items.size() && (items.get(e) instanceof WideColumns.Run run ? regularLevel(net, run, repeated) : -1) == lv) e++;
            if (lv < 0) segments.add(new Segment(listed(items.subList(i, e), width), null, -1, null));
            else {
                Regular[] runs = regular(items.subList(i, e));
                segments.add(new Segment(null, runs, lv, heights(runs, width)));
                any = true;
            }
            i = e;
        }
        if (!any) return null;
        modelled++;
        BigInteger ones = withConstant ? in.trueBits() : BigInteger.ZERO; // else the caller adds it in the blocks' ladders
        WeightedSum.IntList[] trues = new WeightedSum.IntList[width];
        for (int j = 0; j < width; j++) if (ones.testBit(j)) (trues[j] = new WeightedSum.IntList()).add(Literal.TRUE);
        segments.add(new Segment(trues, null, -1, null));
        // Unlisted on a net that keeps every gate; as families (a node per column) on one that settles them.
        SharedTermsNet families = net instanceof SharedTermsNet s && s.countFamilies() && !net.keepsEveryGate() ? s : null;
        UnlistedRound unlisted = roundsLeft == 2 && (net.keepsEveryGate() || families != null) && !listAlways ? new UnlistedRound(width, families) : null;
        List<WeightedSum.IntList> cols = new Round(net, width, roundsLeft, segments.toArray(new Segment[0]), unlisted).run();
        return unlisted == null ? new Columns(cols, 1) : new Columns(unlisted.last(net), 2);
    }

    /** The first round over one set of columns: groups cut, counted, and the regular literals' reads. */
    private static final class Round {
        private final TwinNet net;
        private final int width, roundsLeft;
        private final Segment[] segments;
        private final boolean[] unsure; // a column with a regular entry in a group that is not a live twin group
        private final Map<Integer, long[]> liveSlices = new HashMap<>(); // per unsure column: (segment, u, v) of its live twin groups' regular entries
        private final UnlistedRound unlisted; // where the outputs go unlisted (then run returns no columns)

        Round(TwinNet net, int width, int roundsLeft, Segment[] segments, UnlistedRound unlisted) {
            this.net = net;
            this.unlisted = unlisted;
            this.width = width;
            this.roundsLeft = roundsLeft;
            this.segments = segments;
            this.unsure = new boolean[width];
        }

        List<WeightedSum.IntList> run() {
            List<WeightedSum.IntList> next = new ArrayList<>(unlisted == null ? width : 0);
            if (unlisted == null) for (int j = 0; j < width; j++) next.add(new WeightedSum.IntList());
            boolean[] live = new boolean[1];
            long[] slices = new long[48];
            long[] sizes = new long[segments.length];
            WeightedSum.IntList listed = new WeightedSum.IntList();
            for (int j = 0; j < width; j++) {
                long h = 0, reg = 0;
                for (int s = 0; s < segments.length; s++) {
                    h += sizes[s] = segments[s].size(j);
                    if (segments[s].runs() != null) reg += sizes[s];
                }
                if (h == 0) continue;
                int hh = Math.toIntExact(h), nSlices = 0;
                int g = hh == 1 ? 1 : Math.min(hh, Math.max(2, (int) Math.ceil(Math.pow(hh, 1.0 / roundsLeft) - 1e-9)));
                int groups = (hh + g - 1) / g;
                int base = hh / groups, extra = hh % groups, at = 0;
                for (int q = 0; q < groups; q++) {
                    int size = base + (q < extra ? 1 : 0);
                    // The group's listed entries, and its regular ones: how many, on which level at most.
                    listed = new WeightedSum.IntList();
                    long regular = 0, pos = 0;
                    int level = 0, first = nSlices;
                    for (int s = 0; s < segments.length && pos < at + size; s++) {
                        long from = Math.max(at, pos), to = Math.min(at + size, pos + sizes[s]);
                        if (from < to) {
                            Segment seg = segments[s];
                            if (seg.runs() == null) for (long k = from; k < to; k++) listed.add(seg.listed()[j].get((int) (k - pos)));
                            else {
                                regular += to - from;
                                level = Math.max(level, seg.level());
                                if (3 * nSlices + 3 > slices.length) slices = Arrays.copyOf(slices, 2 * slices.length);
                                slices[3 * nSlices] = s;
                                slices[3 * nSlices + 1] = from - pos;
                                slices[3 * nSlices++ + 2] = to - pos;
                            }
                        }
                        pos += sizes[s];
                    }
                    int[] count = null;
                    CountBitsTwin.Unmade unmade = null;
                    if (regular > 0 && size >= 2) {
                        if (unlisted != null && unlisted.families()) count = unlisted.family(listed.toArray(), (int) regular, level, j, live);
                        else if (unlisted != null) unmade = CountBitsTwin.countUnmade(net, listed.toArray(), (int) regular, level, width - j, live);
                        else count = CountBitsTwin.countBits(net, listed.toArray(), (int) regular, level, width - j, live);
                        if ((count != null || unmade != null) && !live[0]) unsure[j] = true;
                    }
                    boolean twin = count != null || unmade != null;
                    if (!twin || !live[0]) nSlices = first; // only live twin groups' slices are kept
                    if (!twin) {
                        if (regular > 0) unsure[j] = true;
                        int[] bits = entries(j, at, at + size, sizes);
                        count = size == 1 ? bits : WeightedSum.countBits(net, bits, width - j);
                    }
                    at += size;
                    if (unmade != null) unlisted.add(j, unmade);
                    else if (unlisted != null) for (int l = 0; l < count.length; l++) { if (j + l < width) unlisted.add(j + l, count[l]); }
                    else for (int l = 0; l < count.length; l++) if (j + l < width) next.get(j + l).add(count[l]);
                }
                if (unsure[j] && !net.keepsEveryGate()) liveSlices.put(j, Arrays.copyOf(slices, 3 * nSlices));
            }
            if (!net.keepsEveryGate()) markReads(); // a net that keeps every gate needs no reads (nor the set of the unsure columns' live entries)
            return next;
        }

        /** Every entry at positions {@code from .. to} of column j, in order (regular ones found by walking their runs). */
        private int[] entries(int j, int from, int to, long[] sizes) {
            int[] out = new int[to - from];
            int[] k = {0};
            long pos = 0;
            for (int s = 0; s < segments.length && pos < to; s++) {
                long a = Math.max(from, pos), b = Math.min(to, pos + sizes[s]);
                if (a < b) {
                    Segment seg = segments[s];
                    if (seg.runs() == null) for (long i = a; i < b; i++) out[k[0]++] = seg.listed()[j].get((int) (i - pos));
                    else walk(seg.runs(), j, a - pos, b - pos, (f, t) -> out[k[0]++] = seg.runs()[f].lits()[t]);
                }
                pos += sizes[s];
            }
            return out;
        }

        /** Visits the entries at offsets {@code u .. v - 1} of column j among these runs, in order: (run, t). */
        private static void walk(Regular[] runs, int j, long u, long v, java.util.function.BiConsumer<Integer, Integer> visit) {
            long at = 0;
            for (int f = 0; f < runs.length && at < v; f++) {
                Regular run = runs[f];
                Bits bits = run.bits();
                long n = run.count(bits, j);
                if (at + n <= u) { at += n; continue; }
                for (int r = 0; r < run.ranges().length && at < v; r += 2) {
                    for (int t = run.ranges()[r]; t < run.ranges()[r + 1] && at < v; t++) {
                        if (!bits.test(j - t)) continue;
                        if (at >= u) visit.accept(f, t);
                        at++;
                    }
                }
            }
        }

        /**
         * Each regular literal read once where a live twin group holds it: surely where it has an entry in a column
         * that is not unsure; else found in the unsure columns' live groups. (Groups counted gate by gate read their
         * literals themselves.)
         */
        private void markReads() {
            java.util.Set<Long> found = null;
            for (int s = 0; s < segments.length; s++) {
                Regular[] runs = segments[s].runs();
                if (runs == null) continue;
                for (int f = 0; f < runs.length; f++) {
                    Regular run = runs[f];
                    long[] w = run.weight().words(); // once per run, not per literal
                    for (int r = 0; r < run.ranges().length; r += 2) {
                        for (int t = run.ranges()[r]; t < run.ranges()[r + 1]; t++) {
                            if (sure(w, t)) { net.reads(run.lits()[t], 1); continue; }
                            if (found == null) found = liveInUnsure();
                            if (found.contains(key(s, f, t))) net.reads(run.lits()[t], 1);
                        }
                    }
                }
            }
        }

        private static long key(int segment, int run, int t) { return ((long) segment << 40) | ((long) run << 16) | t; }

        /** Whether literal t of a run of weight w has an entry in a column that is not unsure. */
        private boolean sure(long[] w, int t) {
            for (int i = 0; i < w.length; i++) {
                for (long s = w[i]; s != 0; s &= s - 1) {
                    int j = t + 64 * i + Long.numberOfTrailingZeros(s);
                    if (j >= width) return false;
                    if (!unsure[j]) return true;
                }
            }
            return false;
        }

        /** The (segment, run, t) with an entry in a live twin group of an unsure column. */
        private java.util.Set<Long> liveInUnsure() {
            java.util.Set<Long> found = new java.util.HashSet<>();
            for (Map.Entry<Integer, long[]> e : liveSlices.entrySet()) {
                long[] sl = e.getValue();
                for (int i = 0; i < sl.length; i += 3) {
                    int s = (int) sl[i];
                    walk(segments[s].runs(), e.getKey(), sl[i + 1], sl[i + 2], (f, t) -> found.add(key(s, f, t)));
                }
            }
            return found;
        }
    }

    /** The level every literal of the run has, where the run is regular (no literal constant or repeated anywhere); else -1. */
    private static int regularLevel(TwinNet net, WideColumns.Run run, int[] repeated) {
        int level = -1;
        for (int lit : run.lits()) {
            if (lit == Literal.FALSE) continue;
            if (Literal.isConstant(lit) || Arrays.binarySearch(repeated, Literal.node(lit)) >= 0) return -1;
            int lv = net.level(lit);
            if (level >= 0 && lv != level) return -1;
            level = lv;
        }
        return level;
    }

    /** The nodes that occur more than once among all entries' literals (each run literal counted once), sorted. */
    private static int[] repeatedNodes(List<Object> items) {
        WeightedSum.IntList nodes = new WeightedSum.IntList();
        for (Object item : items) {
            if (item instanceof WideColumns.Run run) {
                for (int lit : run.lits()) if (!Literal.isConstant(lit)) nodes.add(Literal.node(lit));
            } else {
                for (WeightedSum.IntList c : (WeightedSum.IntList[]) item) {
                    if (c == null) continue;
                    for (int i = 0; i < c.size(); i++) if (!Literal.isConstant(c.get(i))) nodes.add(Literal.node(c.get(i)));
                }
            }
        }
        int[] all = nodes.toArray();
        Arrays.sort(all);
        WeightedSum.IntList rep = new WeightedSum.IntList();
        for (int i = 1; i < all.length; i++) if (all[i] == all[i - 1] && (rep.size() == 0 || rep.get(rep.size() - 1) != all[i])) rep.add(all[i]);
        return rep.toArray();
    }

    /** The items' entries by column (null where none). */
    private static WeightedSum.IntList[] listed(List<Object> items, int width) {
        List<WeightedSum.IntList> cols = new ArrayList<>(width);
        for (int j = 0; j < width; j++) cols.add(new WeightedSum.IntList());
        for (Object item : items) WideColumns.list(item, cols);
        WeightedSum.IntList[] out = new WeightedSum.IntList[width];
        for (int j = 0; j < width; j++) if (cols.get(j).size() > 0) out[j] = cols.get(j);
        return out;
    }

    private static Regular[] regular(List<Object> runs) {
        Map<WideColumns.RunWeight, Bits> kept = new HashMap<>(); // the F runs of every prime share one weight
        Regular[] out = new Regular[runs.size()];
        for (int f = 0; f < out.length; f++) {
            WideColumns.Run run = (WideColumns.Run) runs.get(f);
            WeightedSum.IntList ranges = new WeightedSum.IntList();
            int[] lits = run.lits();
            for (int t = 0; t < lits.length; t++) {
                if (lits[t] == Literal.FALSE) continue;
                int t1 = t;
                while (t1 < lits.length && lits[t1] != Literal.FALSE) t1++;
                ranges.add(t);
                ranges.add(t1);
                t = t1;
            }
            WideColumns.RunWeight w = run.weight();
            out[f] = new Regular(lits, w, ranges.toArray(), w instanceof WideColumns.RunWeight.Kept k ? kept.computeIfAbsent(k, x -> Bits.of(x.words())) : null);
        }
        return out;
    }

    /**
     * {@code R_j} for every column: each set bit m of a weight adds one to the columns {@code m + t0 .. m + t1 - 1} of
     * each range, summed run by run into one difference array (a weight not kept is worked out, read and dropped: the
     * memory is the columns', not the runs' times the bits).
     */
    private static long[] heights(Regular[] regular, int width) {
        Map<WideColumns.RunWeight, Map<String, int[]>> same = new HashMap<>(); // runs alike (weight and ranges) counted once, times how many
        for (Regular r : regular) same.computeIfAbsent(r.weight(), k -> new HashMap<>()).computeIfAbsent(Arrays.toString(r.ranges()), k -> new int[] {0, 0})[0]++;
        long[] diff = new long[width + 1];
        for (Regular r : regular) {
            int[] times = same.get(r.weight()).get(Arrays.toString(r.ranges()));
            if (times[1]++ > 0) continue;
            long[] w = r.weight().words(); // a kept weight's array, or one worked out for this run alone
            for (int i = 0; i < w.length; i++) {
                for (long s = w[i]; s != 0; s &= s - 1) {
                    int m = 64 * i + Long.numberOfTrailingZeros(s);
                    if (m >= width) break;
                    for (int k = 0; k < r.ranges().length; k += 2) {
                        int a = m + r.ranges()[k], b = m + r.ranges()[k + 1];
                        if (a >= width) continue;
                        diff[a] += times[0];
                        diff[Math.min(width, b)] -= times[0];
                    }
                }
            }
        }
        long[] h = new long[width];
        long run = 0;
        for (int j = 0; j < width; j++) h[j] = run += diff[j];
        return h;
    }
}
