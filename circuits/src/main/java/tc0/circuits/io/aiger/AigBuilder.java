package tc0.circuits.io.aiger;

import java.util.Arrays;

/**
 * A growing and-inverter graph in AIGER numbering: variable 0 the constant, 1..I the inputs, then ANDs in
 * creation order, so every AND reads only earlier variables, as binary AIGER requires. {@link #and} folds
 * constants and trivial cases and hashes structure, so a decomposition never builds the same AND twice.
 * {@link #compact} drops the ANDs no output needs.
 */
final class AigBuilder {
    static final int FALSE = 0;
    static final int TRUE = 1;

    private final int inputs;
    private int ands;
    private int[] rhs0 = new int[1024]; // the larger input literal
    private int[] rhs1 = new int[1024];
    private int[] table = new int[2048]; // AND index + 1, 0 = empty

    AigBuilder(int inputs) {
        this.inputs = inputs;
    }

    /** The literal of input {@code k} (0-based). */
    int input(int k) {
        return 2 * (k + 1);
    }

    int and(int a, int b) {
        if (a < b) { int t = a; a = b; b = t; }
        if (b == FALSE || a == (b ^ 1)) return FALSE;
        if (b == TRUE || a == b) return a;
        int mask = table.length - 1;
        for (int i = hash(a, b) & mask; ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == 0) {
                table[i] = add(a, b) + 1;
                if (2L * ands > table.length) rehash();
                return 2 * (inputs + ands);
            }
            if (rhs0[slot - 1] == a && rhs1[slot - 1] == b) return 2 * (inputs + slot);
        }
    }

    int or(int a, int b) {
        return and(a ^ 1, b ^ 1) ^ 1;
    }

    int xor(int a, int b) {
        return or(and(a, b ^ 1), and(a ^ 1, b));
    }

    /** The conjunction of {@code count} literals as a balanced tree (depth ceil(log2 count)); true when empty. */
    int andAll(int[] lits, int count) {
        if (count == 0) return TRUE;
        int[] level = Arrays.copyOf(lits, count);
        for (int n = count; n > 1; ) {
            int half = 0;
            for (int i = 0; i + 1 < n; i += 2) level[half++] = and(level[i], level[i + 1]);
            if ((n & 1) != 0) level[half++] = level[n - 1];
            n = half;
        }
        return level[0];
    }

    /** The disjunction of {@code count} literals; false when empty. */
    int orAll(int[] lits, int count) {
        int[] negated = new int[count];
        for (int i = 0; i < count; i++) negated[i] = lits[i] ^ 1;
        return andAll(negated, count) ^ 1;
    }

    /**
     * The AIG restricted to what {@code outputs} need, renumbered densely: inputs keep their variables, live
     * ANDs keep their order. {@code outputs} is rewritten in place.
     */
    Aig compact(int[] outputs) {
        boolean[] live = new boolean[ands];
        for (int lit : outputs) mark(live, lit);
        for (int k = ands - 1; k >= 0; k--) {
            if (live[k]) { mark(live, rhs0[k]); mark(live, rhs1[k]); }
        }
        int[] newVar = new int[1 + inputs + ands];
        for (int v = 0; v <= inputs; v++) newVar[v] = v;
        int kept = 0;
        for (int k = 0; k < ands; k++) if (live[k]) newVar[1 + inputs + k] = 1 + inputs + kept++;
        int[] r0 = new int[kept], r1 = new int[kept];
        for (int k = 0, j = 0; k < ands; k++) {
            if (!live[k]) continue;
            r0[j] = renumber(rhs0[k], newVar);
            r1[j] = renumber(rhs1[k], newVar);
            j++;
        }
        for (int i = 0; i < outputs.length; i++) outputs[i] = renumber(outputs[i], newVar);
        return new Aig(inputs, r0, r1, outputs);
    }

    private void mark(boolean[] live, int lit) {
        int k = (lit >>> 1) - inputs - 1;
        if (k >= 0) live[k] = true;
    }

    private static int renumber(int lit, int[] newVar) {
        return 2 * newVar[lit >>> 1] | (lit & 1);
    }

    private int add(int a, int b) {
        if (inputs + ands + 1L > AigerHeader.MAX_VAR) {
            throw new IllegalStateException("more than " + AigerHeader.MAX_VAR + " AIGER variables");
        }
        if (ands == rhs0.length) {
            rhs0 = Arrays.copyOf(rhs0, 2 * ands);
            rhs1 = Arrays.copyOf(rhs1, 2 * ands);
        }
        rhs0[ands] = a;
        rhs1[ands] = b;
        return ands++;
    }

    private void rehash() {
        int[] next = new int[table.length * 2];
        int mask = next.length - 1;
        for (int k = 0; k < ands; k++) {
            int i = hash(rhs0[k], rhs1[k]) & mask;
            while (next[i] != 0) i = (i + 1) & mask;
            next[i] = k + 1;
        }
        table = next;
    }

    private static int hash(int a, int b) {
        long h = ((long) a << 32 | (b & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    /**
     * A finished AIG: ANDs in order, AND {@code k} is variable {@code inputs + 1 + k} and reads
     * {@code rhs0[k] >= rhs1[k]}, both smaller than its own literal.
     */
    record Aig(int inputs, int[] rhs0, int[] rhs1, int[] outputs) {
        int ands() {
            return rhs0.length;
        }

        int maxVar() {
            return inputs + rhs0.length;
        }
    }
}
