package tc0.compiler.count;

/**
 * The cuts after a causal row's dot that are the same dot but for its last run's count: as the cut moves up, inner
 * positions cross from A's upper side to its lower. Where, between the dot's cut and a later one, the positions that
 * crossed are all of one inner group g, g's upper side makes no AND (its pair is left out) and its lower side's pair is
 * the kind of the dot's last run, and the runs at the later cut are the dot's with only the last count grown, then
 * every cut between is that dot with the last run grown by the positions of g crossed so far: each slot's count moves
 * one way with the cut (lower up, upper down), so a slot with or without an AND at both ends has or lacks it between,
 * and positions crossing into g's lower side join the last run at both ends, so they do between. The test holds
 * for a later cut if it holds for the last one: the last cut where it holds is found by bisection.
 */
final class DotRange {
    private final VariableDots dots;
    private final int gi, gj, cut;
    private final VariableDots.PairRuns runs;
    private final int[] slots, x, y;
    /** Positions below the dot's cut per inner group; the group that crossed at the last cut tested (-1: none). */
    private final long[] lower;
    private int crossed = -1;

    DotRange(VariableDots dots, int gi, int gj, int cut, VariableDots.PairRuns runs, int[] slots, int[] x, int[] y) {
        this.dots = dots;
        this.gi = gi;
        this.gj = gj;
        this.cut = cut;
        this.runs = runs;
        this.slots = slots;
        this.x = x;
        this.y = y;
        lower = new long[dots.groups()];
        for (int g = 0; g < lower.length; g++) lower[g] = dots.lowerAt(g, cut);
    }

    /** The last cut in {@code [cut, maxCut]} that is the dot but for its last count; {@code counts[i]}: the last count at cut + i. */
    int last(int maxCut, long[] counts) {
        int good = cut, bad = maxCut + 1;
        if (holds(maxCut)) good = maxCut;
        else {
            bad = maxCut;
            while (bad - good > 1) {
                int mid = good + (bad - good) / 2;
                if (holds(mid)) good = mid; else bad = mid;
            }
        }
        if (good > cut && !holds(good)) throw new IllegalStateException("a causal row range that held does not"); // sets crossed for good
        long[] c = runs.count();
        long base = c[c.length - 1];
        for (int at = cut; at <= good; at++) counts[at - cut] = crossed < 0 ? base : base + dots.lowerAt(crossed, at) - lower[crossed];
        return good;
    }

    /** Whether cut {@code to > cut} is the dot but for its last run's count (sets {@link #crossed}). */
    private boolean holds(int to) {
        int kinds = dots.kindsAt(gi, gj, to);
        if (!dots.sameKinds(kinds, x, y, slots)) return false;
        crossed = -1;
        long moved = 0;
        for (int g = 0; g < lower.length; g++) {
            long d = dots.lowerAt(g, to) - lower[g];
            if (d == 0) continue;
            if (crossed >= 0) return false;
            crossed = g;
            moved = d;
        }
        int[] p = runs.pair();
        int last = p.length - 1;
        if (crossed >= 0 && (slots[2 * crossed] != p[last] || slots[2 * crossed + 1] >= 0)) return false;
        VariableDots.PairRuns r = dots.runsAt(kinds, to);
        if (r.pair().length != p.length) return false;
        for (int i = 0; i <= last; i++) {
            if (r.pair()[i] != p[i]) return false;
            if (r.count()[i] != runs.count()[i] + (i == last ? moved : 0)) return false;
        }
        return true;
    }
}
