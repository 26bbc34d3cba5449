package tc0.circuits.gpu;

import java.util.Arrays;
import tc0.circuits.Circuit;
import tc0.circuits.IntList;
import tc0.circuits.Literal;
import tc0.circuits.LongList;

/**
 * Compiles a {@link Circuit} into {@link KernelArrays}: classifies every live gate (constant, AND, OR,
 * comparator of a bank, per-pattern), groups consecutive gates over the same stored terms into one bank,
 * puts each operation on its level (one more than its deepest operand), and gives value slots out level by
 * level, taking a slot back after the last level that reads it. Linear in the circuit's wires.
 */
final class KernelArraysCompiler {
    private final Circuit c;
    private final int first;
    // per gate
    private final long[] gateValue;   // a comparator's threshold (scaled and shifted), a LANES gate's threshold
    private final boolean[] gateOr;   // an OR, stored complemented
    // per node
    private final int[] loc;          // operand: slot << 1 | invert (constants: slot 0)
    private final int[] level;
    private final boolean[] hasSlot;    // inputs and computed gates
    // operations in gate order
    private final IntList opKind = new IntList(), opStart = new IntList(), opEnd = new IntList(), opWidth = new IntList(), opGateStart = new IntList();
    private final LongList opScale = new LongList();
    private final IntList opGates = new IntList();
    private long gates;

    private KernelArraysCompiler(Circuit c) {
        this.c = c;
        this.first = c.firstGate();
        this.gateValue = new long[c.gateCount()];
        this.gateOr = new boolean[c.gateCount()];
        this.loc = new int[c.nodeCount()];
        this.level = new int[c.nodeCount()];
        this.hasSlot = new boolean[c.nodeCount()];
    }

    static KernelArrays compile(Circuit c) {
        return new KernelArraysCompiler(c).run();
    }

    private KernelArrays run() {
        boolean[] live = liveness();
        for (int i = 0; i < c.inputCount(); i++) hasSlot[1 + i] = true;
        for (int g = 0; g < c.gateCount(); g++) if (live[g]) classify(g);
        opGateStart.add(opGates.size());
        int ops = opKind.size();
        int depth = 0;
        int[] opLevel = new int[ops];
        for (int o = 0; o < ops; o++) {
            int lv = 0;
            for (int e = opStart.get(o); e < opEnd.get(o); e++) lv = Math.max(lv, level[c.faninNode(e)]);
            opLevel[o] = lv + 1;
            depth = Math.max(depth, lv + 1);
            for (int i = opGateStart.get(o); i < opGateStart.get(o + 1); i++) level[first + opGates.get(i)] = lv + 1;
        }
        int[] order = byLevel(opLevel, depth);
        int slots = allocate(order, opLevel, depth);
        return emit(order, opLevel, depth, slots);
    }

    /** Gates some output needs. */
    private boolean[] liveness() {
        boolean[] live = new boolean[c.gateCount()];
        for (int o = 0; o < c.outputCount(); o++) {
            int node = Literal.node(c.output(o));
            if (node >= first) live[node - first] = true;
        }
        for (int g = c.gateCount() - 1; g >= 0; g--) {
            if (!live[g]) continue;
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
                int src = c.faninNode(e);
                if (src >= first) live[src - first] = true;
            }
        }
        return live;
    }

    /** Decides what gate {@code g} is and appends it to an operation (a new one, or the bank before it). */
    private void classify(int g) {
        int node = first + g, start = c.faninStart(g), end = c.faninEnd(g);
        long t = c.threshold(g);
        long minSum = 0, maxSum = 0;
        long magnitude = end > start ? c.weight(start) : 0;
        boolean sameMagnitude = true;
        try {
            for (int e = start; e < end; e++) {
                long w = c.weight(e);
                if (w > 0) maxSum = Math.addExact(maxSum, w);
                else minSum = Math.addExact(minSum, w);
                sameMagnitude &= w == magnitude || w == -magnitude;
            }
            magnitude = Math.absExact(magnitude);
            Math.subtractExact(maxSum, minSum);
        } catch (ArithmeticException tooWide) {
            gateValue[g] = t;
            newOp(KernelArrays.LANES, g, 0, 1);
            return;
        }
        if (t <= minSum || t > maxSum) { // the same whatever the inputs
            loc[node] = t <= minSum ? 1 : 0;
            return;
        }
        long range = maxSum - minSum;
        int width = 64 - Long.numberOfLeadingZeros(range);
        if (width > KernelArrays.MAX_WIDTH) {
            gateValue[g] = t;
            newOp(KernelArrays.LANES, g, 0, 1);
            return;
        }
        // sum = minSum + sum_i |w_i| y_i, y_i the operand complemented where w_i < 0; with one magnitude m
        // throughout, sum >= t iff sum_i y_i >= ceil((t - minSum) / m)
        long scale = sameMagnitude ? magnitude : 1;
        long units = Math.ceilDiv(t - minSum, scale);
        int last = opKind.size() - 1;
        if (last >= 0 && opKind.get(last) == KernelArrays.SLICED && opStart.get(last) == start && opEnd.get(last) == end) {
            gateValue[g] = units; // another comparator of the bank: its sum is already counted
            hasSlot[node] = true;
            opGates.add(g);
            gates++;
            return;
        }
        if (sameMagnitude && (units == end - start || units == 1)) { // all y_i, or any y_i
            gateOr[g] = units == 1 && end - start > 1;
            newOp(KernelArrays.AND, g, 0, 1);
            return;
        }
        gateValue[g] = units;
        newOp(KernelArrays.SLICED, g, sameMagnitude ? 64 - Long.numberOfLeadingZeros(end - start) : width, scale);
    }

    private void newOp(int kind, int g, int width, long scale) {
        opKind.add(kind);
        opStart.add(c.faninStart(g));
        opEnd.add(c.faninEnd(g));
        opWidth.add(width);
        opScale.add(scale);
        opGateStart.add(opGates.size());
        opGates.add(g);
        hasSlot[first + g] = true;
        gates++;
    }

    /** Operations ordered by level, gate order kept within a level (a counting sort). */
    private static int[] byLevel(int[] opLevel, int depth) {
        int[] count = new int[depth + 2];
        for (int lv : opLevel) count[lv + 1]++;
        for (int l = 1; l < count.length; l++) count[l] += count[l - 1];
        int[] order = new int[opLevel.length];
        for (int o = 0; o < opLevel.length; o++) order[count[opLevel[o]]++] = o;
        return order;
    }

    /**
     * Gives every input slot 1 + i and every computed gate a slot when its level comes, reusing the slots of
     * signals whose last reader was on an earlier level (a level's operations run at once, so a slot read on
     * level l is free from level l + 1 on). Returns the number of slots.
     */
    private int allocate(int[] order, int[] opLevel, int depth) {
        int nodes = c.nodeCount();
        int[] lastLevel = new int[nodes];
        Arrays.fill(lastLevel, -1);
        for (int o = 0; o < opLevel.length; o++) {
            for (int e = opStart.get(o); e < opEnd.get(o); e++) {
                int src = c.faninNode(e);
                lastLevel[src] = Math.max(lastLevel[src], opLevel[o]);
            }
        }
        for (int o = 0; o < c.outputCount(); o++) lastLevel[Literal.node(c.output(o))] = Integer.MAX_VALUE;
        // nodes to release after each level (index depth + 1: never); inputs no one reads go before level 1
        int[] count = new int[depth + 3];
        for (int n = 1; n < nodes; n++) if (hasSlot[n]) count[releaseLevel(lastLevel[n], level[n], depth) + 1]++;
        for (int l = 1; l < count.length; l++) count[l] += count[l - 1];
        int[] releaseStart = count.clone();
        int[] release = new int[count[count.length - 1]];
        for (int n = 1; n < nodes; n++) if (hasSlot[n]) release[count[releaseLevel(lastLevel[n], level[n], depth)]++] = n;

        int[] free = new int[16];
        int freeCount = 0;
        int slots = 1 + c.inputCount();
        for (int i = 0; i < c.inputCount(); i++) loc[1 + i] = (1 + i) << 1;
        int next = 0;
        for (int l = 0; l <= depth; l++) {
            if (l > 0) {
                for (; next < order.length && opLevel[order[next]] == l; next++) {
                    int o = order[next];
                    for (int i = opGateStart.get(o); i < opGateStart.get(o + 1); i++) {
                        int g = opGates.get(i);
                        int slot = freeCount > 0 ? free[--freeCount] : slots++;
                        loc[first + g] = slot << 1 | (gateOr[g] ? 1 : 0);
                    }
                }
            }
            for (int k = releaseStart[l]; k < releaseStart[l + 1]; k++) {
                if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
                free[freeCount++] = loc[release[k]] >>> 1;
            }
        }
        return slots;
    }

    /**
     * After which level a node's slot can be reused: its last reader's, or its own for a node no operation
     * reads (a gate only constant gates read is live but has no reader here); never for an output.
     */
    private static int releaseLevel(int lastLevel, int ownLevel, int depth) {
        return lastLevel == Integer.MAX_VALUE ? depth + 1 : Math.max(lastLevel, ownLevel);
    }

    private KernelArrays emit(int[] order, int[] opLevel, int depth, int slots) {
        int ops = order.length;
        int[] levelStart = new int[depth + 2];
        for (int lv : opLevel) levelStart[lv + 1]++;
        levelStart = Arrays.copyOfRange(levelStart, 1, levelStart.length); // levels 1..depth become 0..depth-1
        for (int l = 1; l < levelStart.length; l++) levelStart[l] += levelStart[l - 1];
        int[] kind = new int[ops], width = new int[ops], fanin = new int[ops + 1], out = new int[ops + 1];
        IntList operand = new IntList(), outSlot = new IntList();
        LongList weight = new LongList(), threshold = new LongList();
        for (int k = 0; k < ops; k++) {
            int o = order[k];
            kind[k] = opKind.get(o);
            width[k] = opWidth.get(o);
            long scale = opScale.get(o);
            int g0 = opGates.get(opGateStart.get(o));
            boolean or = gateOr[g0];
            for (int e = opStart.get(o); e < opEnd.get(o); e++) {
                long w = c.weight(e);
                int at = loc[c.faninNode(e)];
                switch (kind[k]) {
                    case KernelArrays.AND -> { operand.add(at ^ (w < 0 ^ or ? 1 : 0)); weight.add(0); }
                    case KernelArrays.SLICED -> { operand.add(at ^ (w < 0 ? 1 : 0)); weight.add(Math.abs(w) / scale); }
                    default -> { operand.add(at); weight.add(w); }
                }
            }
            for (int i = opGateStart.get(o); i < opGateStart.get(o + 1); i++) {
                int g = opGates.get(i);
                outSlot.add(loc[first + g] >>> 1);
                threshold.add(gateValue[g]);
            }
            fanin[k + 1] = operand.size();
            out[k + 1] = outSlot.size();
        }
        int[] outputs = new int[c.outputCount()];
        for (int o = 0; o < outputs.length; o++) {
            int lit = c.output(o);
            outputs[o] = loc[Literal.node(lit)] ^ (Literal.isNegated(lit) ? 1 : 0);
        }
        return new KernelArrays(c.inputCount(), slots, levelStart, kind, width, fanin, out, operand.toArray(),
                weight.toArray(), outSlot.toArray(), threshold.toArray(), outputs, gates);
    }
}
