package tc0.compiler.count;

import java.math.BigInteger;
import java.util.Arrays;
import tc0.compiler.gadgets.ClosedSum;
import tc0.compiler.gadgets.RepeatedRange;

/**
 * The rows of one family (rows that differ only in their last run's count c: a causal {@code P @ V}'s, a scan's)
 * summed as they are counted, instead of a {@link Profile} and an {@link Instance.Result} per row: each row's
 * closed sum adds its gates per level and wires times the row's weight into a running {@link Profile}, and the
 * family's fixed ANDs and per-pair ANDs are added once at the end, times the summed weights and the summed
 * {@code c x weight}. The sum is exact and does not depend on the order the rows come in, so the total is the one
 * the rows added one by one give ({@code RowSumsTest}). An output class is made only where a row's output bits
 * differ from the previous row's (most neighbouring rows share it).
 */
final class RowSums {
    private final Profile fixed, perPair;
    private Profile acc = new Profile();
    /** Summed weights and {@code c x weight}, while they fit a long (else added to {@link #acc} at once). */
    private long rows, pairs;
    private boolean lastGates;
    private ClosedSum lastSum;
    private ElemClass lastOut;
    private int lastWidth = -1;
    /** Rows added and output classes made (tests, trace). */
    long added, classesMade;

    /** Sums for rows whose form adds {@code fixed} once and {@code perPair} once per pair of the last run. */
    RowSums(Profile fixed, Profile perPair) {
        this.fixed = fixed;
        this.perPair = perPair;
    }

    /**
     * Adds the row whose last run has {@code c} pairs and whose sum is {@code cs}, {@code weight} times: what
     * {@code SumForm.profile(cs)}, plus {@code fixed} and {@code c x perPair}, added {@code weight} times gives.
     * Returns whether that row has a gate.
     */
    boolean add(ClosedSum cs, long c, long weight) {
        added++;
        if (weight <= 0) throw new IllegalArgumentException("row weight " + weight);
        if (cs.wide()) acc.markWide();
        long[] perLevel = cs.gatesPerLevel();
        boolean first = true; // SumForm.profile puts the wires with the first gate level: none without a gate
        for (int l = 1; l < perLevel.length; l++) {
            long g = perLevel[l];
            if (g == 0) continue;
            if (Math.multiplyHigh(g, weight) == 0 && g * weight >= 0) acc.gates(g * weight, 0, l);
            else acc.gates(BigInteger.valueOf(g).multiply(BigInteger.valueOf(weight)), 0, l);
            if (first) {
                addWires(cs.wires(), weight);
                if (cs.wiresPast() != null) acc.addWires(cs.wiresPast().multiply(BigInteger.valueOf(weight)));
                first = false;
            }
        }
        ands(c, weight);
        lastGates = !first || fixed.depth() > 0 || c > 0 && perPair.depth() > 0;
        return lastGates;
    }

    /**
     * Adds the rows {@code from .. to - 1} whose last runs have {@code counts[i]} pairs and whose sums {@code range}
     * summed ({@link RepeatedRange#sum}, totals of exactly those rows), each {@code weight} times: what {@link #add}
     * row by row gives. Returns whether the last of them has a gate.
     */
    boolean addRange(RepeatedRange range, long[] counts, int from, int to, long weight) {
        if (to <= from) return lastGates;
        if (weight <= 0) throw new IllegalArgumentException("row weight " + weight);
        added += to - from;
        if (range.wide()) acc.markWide();
        BigInteger w = BigInteger.valueOf(weight);
        for (int l = 1; l < range.levels(); l++) {
            BigInteger g = range.gatesAt(l);
            if (g.signum() != 0) acc.gates(g.multiply(w), 0, l);
        }
        BigInteger wires = range.wires();
        if (wires.signum() != 0) acc.addWires(wires.multiply(w));
        for (int i = from; i < to; i++) ands(counts[i], weight);
        long c = counts[to - 1];
        lastGates = range.lastGates() || fixed.depth() > 0 || c > 0 && perPair.depth() > 0;
        return lastGates;
    }

    /** The row's fixed ANDs once and its pairs' ANDs c times, {@code weight} times: summed, added at {@link #flushInto}. */
    private void ands(long c, long weight) {
        long cw = Math.multiplyHigh(c, weight) == 0 ? c * weight : -1;
        long r = rows + weight, p = cw < 0 ? -1 : pairs + cw;
        if (cw < 0 || r < 0 || p < 0) { // past a long: these rows' ANDs now
            acc.add(fixed, weight);
            if (cw >= 0) acc.add(perPair, cw);
            else { // c x weight past a long: c copies, weight times
                Profile one = new Profile();
                one.add(perPair, c);
                acc.add(one, weight);
            }
        } else {
            rows = r;
            pairs = p;
        }
    }

    private void addWires(long w, long weight) {
        if (Math.multiplyHigh(w, weight) == 0 && w * weight >= 0) acc.addWires(w * weight);
        else acc.addWires(BigInteger.valueOf(w).multiply(BigInteger.valueOf(weight)));
    }

    /** The output class of a row's sum, {@code SumForm.outputClass(cs, width, -1, 0)}: the previous row's where its bits are the same. */
    ElemClass out(ClosedSum cs, int width) {
        ClosedSum l = lastSum;
        if (l != null && width == lastWidth && Arrays.equals(l.bitKind(), cs.bitKind()) && Arrays.equals(l.bitLevel(), cs.bitLevel())
                && Arrays.equals(l.bitNegated(), cs.bitNegated())) {
            lastSum = cs;
            return lastOut;
        }
        classesMade++;
        lastOut = SumForm.outputClass(cs, width, -1, 0);
        lastSum = cs;
        lastWidth = width;
        return lastOut;
    }

    /** Adds everything summed so far to {@code total} and starts again from nothing. */
    void flushInto(Profile total) {
        acc.add(fixed, rows);
        acc.add(perPair, pairs);
        rows = pairs = 0;
        total.add(acc, 1);
        acc = new Profile();
    }
}
