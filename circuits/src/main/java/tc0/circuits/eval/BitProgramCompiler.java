package tc0.circuits.eval;

import java.util.Arrays;
import tc0.circuits.Circuit;
import tc0.circuits.IntList;
import tc0.circuits.Literal;
import tc0.circuits.LongList;

/**
 * Compiles a {@link Circuit} into a {@link BitProgram}: classifies every gate (AND, OR, bit-sliced
 * threshold, per-pattern threshold, constant), and gives each live signal a slot from a free list,
 * returning it after the signal's last reader. Runs once per circuit, linear in its wires.
 */
final class BitProgramCompiler {
    /** Widest bit-sliced counter; wider sums (near 2^62 and beyond) go one pattern at a time. */
    static final int MAX_SLICED_WIDTH = 62;

    private final Circuit c;
    private final int[] lastUse;      // gate index of a node's last live reader; MAX_VALUE for outputs; -1 none
    private final int[] loc;          // node -> operand (slot << 1 | invert)
    private int[] free = new int[64];
    private int freeCount;
    private int slots = 1;            // slot 0 is the constant false
    private int maxWidth;
    private final IntList code = new IntList();
    private final LongList constants = new LongList();
    private long and, or, sliced, lanes, constant, dead, recompared;
    /** The last sliced gate's stored terms, counter mode and width, and where its instruction ended. */
    private int slicedStart = -1, slicedEnd, slicedWidth, slicedCodeEnd = -1;
    private boolean slicedUnit;

    private BitProgramCompiler(Circuit c) {
        this.c = c;
        this.lastUse = new int[c.nodeCount()];
        this.loc = new int[c.nodeCount()];
    }

    static BitProgram compile(Circuit c) {
        return new BitProgramCompiler(c).run();
    }

    private BitProgram run() {
        boolean[] live = liveness();
        int[] inputSlot = new int[c.inputCount()];
        for (int i = 0; i < c.inputCount(); i++) {
            int node = 1 + i;
            inputSlot[i] = lastUse[node] >= 0 ? take() : -1;
            loc[node] = Math.max(inputSlot[i], 0) << 1;
        }
        for (int g = 0; g < c.gateCount(); g++) {
            if (!live[g]) {
                dead++;
                continue;
            }
            int node = c.firstGate() + g;
            loc[node] = emit(g);
            release(g);
        }
        int[] outputs = new int[c.outputCount()];
        for (int o = 0; o < outputs.length; o++) {
            int lit = c.output(o);
            outputs[o] = loc[Literal.node(lit)] ^ (Literal.isNegated(lit) ? 1 : 0);
        }
        return new BitProgram(code.toArray(), constants.toArray(), maxWidth, inputSlot, outputs,
                new ProgramStats(and, or, sliced, lanes, constant, dead, slots, recompared));
    }

    /** Marks the gates an output needs and records each node's last reader among them. */
    private boolean[] liveness() {
        int first = c.firstGate();
        boolean[] live = new boolean[c.gateCount()];
        Arrays.fill(lastUse, -1);
        for (int o = 0; o < c.outputCount(); o++) {
            int node = Literal.node(c.output(o));
            lastUse[node] = Integer.MAX_VALUE;
            if (node >= first) live[node - first] = true;
        }
        for (int g = c.gateCount() - 1; g >= 0; g--) {
            if (!live[g]) continue;
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
                int src = c.faninNode(e);
                if (lastUse[src] == -1) lastUse[src] = g; // the first reader met going backwards is the last
                if (src >= first) live[src - first] = true;
            }
        }
        return live;
    }

    /** Emits gate {@code g}; returns where its value lives (a new slot, or slot 0 for a constant). */
    private int emit(int g) {
        int start = c.faninStart(g), end = c.faninEnd(g);
        long t = c.threshold(g);
        long minSum = 0, maxSum = 0;
        long magnitude = end > start ? c.weight(start) : 0;
        boolean sameMagnitude = true;
        int positive = 0;
        try {
            for (int e = start; e < end; e++) {
                long w = c.weight(e);
                if (w > 0) { maxSum = Math.addExact(maxSum, w); positive++; }
                else minSum = Math.addExact(minSum, w);
                sameMagnitude &= w == magnitude || w == -magnitude;
            }
            magnitude = Math.absExact(magnitude);
            Math.subtractExact(maxSum, minSum);
        } catch (ArithmeticException tooWide) {
            return emitLanes(g);
        }
        if (t <= minSum) return constant(true);
        if (t > maxSum) return constant(false);
        if (sameMagnitude) { // magnitude * (#positive ones - #negative ones) >= t
            long units = Math.ceilDiv(t, magnitude);
            int negative = end - start - positive;
            if (units == positive) return emitAnd(g, false);
            if (units == 1 - negative) return emitAnd(g, true);
            return emitSliced(g, units + negative, end - start, true);
        }
        long range = maxSum - minSum;
        if (64 - Long.numberOfLeadingZeros(range) > MAX_SLICED_WIDTH) return emitLanes(g);
        return emitSliced(g, t - minSum, range, false);
    }

    private int constant(boolean value) {
        constant++;
        return value ? 1 : 0;
    }

    /** AND of the fan-ins, those with negative weight complemented; an OR as the AND of the complements. */
    private int emitAnd(int g, boolean isOr) {
        int start = c.faninStart(g), n = c.fanin(g);
        int dst = take();
        code.add(n == 2 ? BitProgram.AND2 : BitProgram.AND);
        code.add(dst);
        if (n != 2) code.add(n);
        for (int e = start; e < start + n; e++) {
            int flip = (c.weight(e) < 0 ? 1 : 0) ^ (isOr ? 1 : 0);
            code.add(loc[c.faninNode(e)] ^ flip);
        }
        if (isOr) or++;
        else and++;
        return dst << 1 | (isOr ? 1 : 0);
    }

    /**
     * A threshold gate over positive weights: a fan-in with weight w < 0 is read complemented with weight
     * |w| (w x = w + |w| (1 - x)), which moves the threshold to {@code t - minSum} = {@code shifted}.
     */
    private int emitSliced(int g, long shifted, long range, boolean unitWeights) {
        int start = c.faninStart(g), n = c.fanin(g);
        int width = 64 - Long.numberOfLeadingZeros(range);
        int dst = take();
        if (start == slicedStart && c.faninEnd(g) == slicedEnd && unitWeights == slicedUnit && width == slicedWidth
                && code.size() == slicedCodeEnd) {
            // The same stored terms as the sliced gate just before (a bank): its counter is still there.
            code.add(BitProgram.RECOMPARE);
            code.add(dst);
            code.add(width);
            code.add(constants.size());
            constants.add(shifted);
            slicedCodeEnd = code.size();
            sliced++;
            recompared++;
            return dst << 1;
        }
        code.add(BitProgram.SLICED);
        code.add(dst);
        code.add(n);
        code.add(width);
        code.add(constants.size());
        constants.add(shifted);
        for (int e = start; e < start + n; e++) {
            long w = c.weight(e);
            code.add(loc[c.faninNode(e)] ^ (w < 0 ? 1 : 0));
            constants.add(unitWeights ? 1 : Math.abs(w));
        }
        maxWidth = Math.max(maxWidth, width);
        sliced++;
        slicedStart = start;
        slicedEnd = c.faninEnd(g);
        slicedUnit = unitWeights;
        slicedWidth = width;
        slicedCodeEnd = code.size();
        return dst << 1;
    }

    /** The plain definition, one pattern at a time: for gates whose sums do not fit a sliced counter. */
    private int emitLanes(int g) {
        int start = c.faninStart(g), n = c.fanin(g);
        int dst = take();
        code.add(BitProgram.LANES);
        code.add(dst);
        code.add(n);
        code.add(constants.size());
        constants.add(c.threshold(g));
        for (int e = start; e < start + n; e++) {
            code.add(loc[c.faninNode(e)]);
            constants.add(c.weight(e));
        }
        lanes++;
        return dst << 1;
    }

    /** Returns the slots of fan-ins whose last reader is gate {@code g}. */
    private void release(int g) {
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
            int src = c.faninNode(e);
            if (lastUse[src] == g) {
                lastUse[src] = -1; // a repeated fan-in is released once
                int slot = loc[src] >>> 1;
                if (slot != 0) give(slot);
            }
        }
    }

    private int take() {
        if (freeCount > 0) return free[--freeCount];
        if (slots == (1 << 30)) throw new IllegalArgumentException("circuit too wide: more than 2^30 live signals");
        return slots++;
    }

    private void give(int slot) {
        if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
        free[freeCount++] = slot;
    }
}
