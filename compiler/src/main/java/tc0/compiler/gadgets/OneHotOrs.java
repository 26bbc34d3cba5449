package tc0.compiler.gadgets;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import tc0.circuits.Literal;

/**
 * A table read from a one-hot value, as the Chinese-remainder gadgets read theirs: bit t of {@code table[a]} is the OR of
 * {@code hot(a)} over the a in {@code 1 .. q - 1} where that bit is 1 (FALSE where there is none, {@code hot(a)} itself
 * where there is one). Built gate by gate (each {@code hot(a)} asked in order of t, then a, as the gadgets always
 * asked them), or, on a {@link TwinNet} and where the one-hot literals are distinct variables, counted in closed
 * form: bit t is one gate whose fan-in is the table's popcount in bit t, on the level above its literals' highest,
 * a {@link TwinNet#outputAt} literal counted where it is live (each of its literals then read once). Time
 * O(q + bits) per table rather than O(q bits) literals gathered and normalised gate by gate.
 */
final class OneHotOrs {
    private OneHotOrs() {}

    /**
     * {@code out[t]} for the bits t that {@code need} marks ({@code need >>> t & 1}), FALSE elsewhere (not built).
     * {@code distinct}: whether every {@code hot(a)} asked is a variable (not constant) of a node no other is.
     */
    static int[] of(Net net, IntUnaryOperator hot, int q, long[] table, long need, boolean distinct) {
        return of(net, hot, null, q, table, need, distinct);
    }

    /** As {@link #of(Net, IntUnaryOperator, int, long[], long, boolean)}, the one-hot counted as a family where {@code bulk} is not null. */
    static int[] of(Net net, IntUnaryOperator hot, OneHotBulk bulk, int q, long[] table, long need, boolean distinct) {
        int bits = 64 - Long.numberOfLeadingZeros(need);
        int[] out = new int[bits];
        if (net instanceof TwinNet t && t.twins()) {
            if (bulk != null) return bulk(t, bulk, q, table, need, out);
            if (distinct) return counted(t, hot, q, table, need, out);
            if (constants(hot, q, table, need, out)) return out;
        }
        int[] lits = new int[q];
        for (int b = 0; b < bits; b++) {
            if ((need >>> b & 1) == 0) continue;
            int n = 0;
            for (int a = 1; a < q; a++) if ((table[a] >>> b & 1) != 0) lits[n++] = hot.applyAsInt(a);
            out[b] = n == 0 ? Literal.FALSE : net.or(Arrays.copyOf(lits, n));
        }
        return out;
    }

    /**
     * {@link #of} over a family for a table given by its bit counts {@code count} (over a = 1 .. q - 1, closed forms:
     * {@link TablePopcounts}) and the members it reads, {@code readFrom .. q - 1} (those whose entry has a bit of
     * {@code need}; -1: not known), on a net that keeps every gate: no pass over the classes. {@code topHolder}: the one
     * member whose entry has the table's top bit where only one has it (the table's largest entry, held once: a
     * literal of its own), else -1. Entry by entry from {@code table} where another bit is one member or the net may
     * drop gates.
     */
    static int[] family(Net net, OneHotBulk hot, int q, long[] count, long need, int readFrom, int topHolder,
            java.util.function.Supplier<long[]> table) {
        int bits = 64 - Long.numberOfLeadingZeros(need);
        boolean closed = readFrom >= 0 && net instanceof TwinNet t && t.twins() && t.keepsEveryGate();
        for (int b = 0; b < bits && closed; b++) {
            closed = (need >>> b & 1) == 0 || count[b] != 1 || b == count.length - 1 && topHolder >= 1;
        }
        if (!closed) return of(net, hot::literal, hot, q, table.get(), need, true);
        TwinNet t = (TwinNet) net;
        int[] out = new int[bits];
        int level = hot.level();
        boolean any = false;
        for (int b = 0; b < bits; b++) {
            if ((need >>> b & 1) == 0 || count[b] == 0) { out[b] = Literal.FALSE; continue; }
            if (count[b] == 1) { out[b] = hot.literal(topHolder); continue; }
            out[b] = t.outputAt(level + 1);
            t.counted(1, count[b], level + 1);
            any = true;
        }
        if (any) hot.countRange(readFrom, q - 1); // topHolder among them: counted once
        return out;
    }

    private static int[] counted(TwinNet net, IntUnaryOperator hot, int q, long[] table, long need, int[] out) {
        int bits = out.length;
        long[] count = new long[bits];
        int[] last = new int[bits], level = new int[bits];
        int[] lit = new int[q];
        for (int a = 1; a < q; a++) {
            long set = table[a] & need;
            if (set == 0) continue;
            lit[a] = hot.applyAsInt(a);
            int lv = net.level(lit[a]);
            for (long m = set; m != 0; m &= m - 1) {
                int b = Long.numberOfTrailingZeros(m);
                count[b]++;
                last[b] = a;
                level[b] = Math.max(level[b], lv);
            }
        }
        long live = 0; // the bits that are live gates
        for (int b = 0; b < bits; b++) {
            if (count[b] == 0) out[b] = Literal.FALSE;
            else if (count[b] == 1) out[b] = lit[last[b]];
            else {
                out[b] = net.outputAt(level[b] + 1);
                if (!net.alive(out[b])) continue;
                net.counted(1, count[b], level[b] + 1);
                live |= 1L << b;
            }
        }
        if (live != 0) {
            for (int a = 1; a < q; a++) {
                int reads = Long.bitCount(table[a] & live);
                if (reads > 0) net.reads(lit[a], reads);
            }
        }
        return out;
    }

    /**
     * {@link #counted} over a family: no literal made but where a bit is one member. A member is counted where a live
     * bit's gate reads it (on a net that drops dead gates, {@link TwinNet#alive}; on one that keeps every gate, every
     * bit), as the builder keeps a one-hot gate only where a live gate reads it; one read alone is its literal.
     */
    private static int[] bulk(TwinNet net, OneHotBulk hot, int q, long[] table, long need, int[] out) {
        int bits = out.length, level = hot.level();
        long[] count = new long[bits];
        int[] last = new int[bits];
        for (int a = 1; a < q; a++) {
            for (long m = table[a] & need; m != 0; m &= m - 1) {
                int b = Long.numberOfTrailingZeros(m);
                count[b]++;
                last[b] = a;
            }
        }
        long live = 0; // the bits that are live gates
        for (int b = 0; b < bits; b++) {
            if (count[b] == 0) out[b] = Literal.FALSE;
            else if (count[b] == 1) out[b] = hot.literal(last[b]);
            else {
                out[b] = net.outputAt(level + 1);
                if (!net.alive(out[b])) continue;
                net.counted(1, count[b], level + 1); // the members it reads are counted below: no read to report
                live |= 1L << b;
            }
        }
        if (live != 0) for (int a = 1; a < q; a++) if ((table[a] & live) != 0) hot.count(a);
        return out;
    }

    /**
     * Where every {@code hot(a)} asked is a constant (the value is: a reciprocal's constant dividend), each bit folds
     * as a counting net folds its OR: TRUE where some TRUE {@code hot(a)} has it, else FALSE; O(q) instead of q
     * literals gathered per bit. False (out untouched) where some {@code hot(a)} is a variable. On a counting net
     * only: the literals are asked in order of a, not of t then a.
     */
    private static boolean constants(IntUnaryOperator hot, int q, long[] table, long need, int[] out) {
        long ones = 0;
        for (int a = 1; a < q; a++) {
            if ((table[a] & need) == 0) continue;
            int lit = hot.applyAsInt(a);
            if (lit == Literal.TRUE) ones |= table[a] & need;
            else if (lit != Literal.FALSE) return false;
        }
        for (int b = 0; b < out.length; b++) out[b] = (ones >>> b & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        return true;
    }

    /** Whether the literals (-1 where none) are variables of distinct nodes. */
    static boolean distinct(int[] lits) {
        int n = 0;
        int[] nodes = new int[lits.length];
        for (int lit : lits) {
            if (lit == -1) continue;
            if (Literal.isConstant(lit)) return false;
            nodes[n++] = Literal.node(lit);
        }
        Arrays.sort(nodes, 0, n);
        for (int i = 1; i < n; i++) if (nodes[i] == nodes[i - 1]) return false;
        return true;
    }
}
