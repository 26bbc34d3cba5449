package tc0.compiler.gadgets;

import java.util.Arrays;
import tc0.circuits.Literal;

/**
 * A linear form {@code constant + sum_i weight_i * lit_i} over literals with integer weights: what
 * {@link WeightedSum} computes. Words enter as their bits with weights {@code coeff * 2^i} (the sign bit of a
 * two's complement word with {@code -coeff * 2^(w-1)}), so constants fold into weights and a product with a
 * fixed matrix is one form. Constant literals fold into the constant. Mutable while being filled.
 */
public final class LinearForm {
    private int[] lits = new int[16];
    private long[] weights = new long[16];
    private int size;
    private long constant;

    public LinearForm() {}

    /** Empties the form (no terms, constant 0), keeping its arrays for the next one. */
    public LinearForm clear() {
        size = 0;
        constant = 0;
        return this;
    }

    /** Adds {@code weight * lit}. */
    public LinearForm add(int lit, long weight) {
        if (weight == 0 || lit == Literal.FALSE) return this;
        if (lit == Literal.TRUE) { constant = Math.addExact(constant, weight); return this; }
        if (size == lits.length) { lits = Arrays.copyOf(lits, size * 2); weights = Arrays.copyOf(weights, size * 2); }
        lits[size] = lit;
        weights[size] = weight;
        size++;
        return this;
    }

    public LinearForm addConstant(long c) {
        constant = Math.addExact(constant, c);
        return this;
    }

    /** Adds {@code coeff * x} for a two's complement word {@code x}. */
    public LinearForm addWord(int[] word, long coeff) {
        int w = word.length;
        for (int i = 0; i < w; i++) {
            long bit = Math.multiplyExact(coeff, 1L << i);
            add(word[i], i == w - 1 ? Math.negateExact(bit) : bit);
        }
        return this;
    }

    /** Adds {@code coeff * x} for an unsigned word {@code x}. */
    public LinearForm addUnsignedWord(int[] word, long coeff) {
        for (int i = 0; i < word.length; i++) add(word[i], Math.multiplyExact(coeff, 1L << i));
        return this;
    }

    /** A copy with every weight and the constant multiplied by {@code factor}. */
    public LinearForm scaled(long factor) {
        LinearForm f = new LinearForm();
        for (int i = 0; i < size; i++) f.add(lits[i], Math.multiplyExact(weights[i], factor));
        f.addConstant(Math.multiplyExact(constant, factor));
        return f;
    }

    /** Adds every term and the constant of {@code o}. */
    public LinearForm addAll(LinearForm o) {
        for (int i = 0; i < o.size; i++) add(o.lits[i], o.weights[i]);
        return addConstant(o.constant);
    }

    public int size() { return size; }

    public int lit(int i) { return lits[i]; }

    public long weight(int i) { return weights[i]; }

    public long constant() { return constant; }

    /** Smallest value over all assignments (literals taken as independent). */
    public long min() {
        long s = constant;
        for (int i = 0; i < size; i++) if (weights[i] < 0) s = Math.addExact(s, weights[i]);
        return s;
    }

    /** Largest value over all assignments (literals taken as independent). */
    public long max() {
        long s = constant;
        for (int i = 0; i < size; i++) if (weights[i] > 0) s = Math.addExact(s, weights[i]);
        return s;
    }

    /** Value under an assignment of the literals' nodes (for tests and interpreters). */
    public long eval(java.util.function.IntPredicate literalValue) {
        long s = constant;
        for (int i = 0; i < size; i++) if (literalValue.test(lits[i])) s += weights[i];
        return s;
    }

    /**
     * {@code out[i] = atLeast(net, ts[i])} for {@code from <= i < to}, in that order: the same gates, built
     * through {@link Net#gates} so a builder normalises the terms once, not once per threshold.
     */
    public void atLeastAll(Net net, long[] ts, int from, int to, int[] out) {
        int n = to - from;
        long[] shifted = new long[n];
        for (int k = 0; k < n; k++) shifted[k] = Math.subtractExact(ts[from + k], constant);
        int[] r = new int[n];
        net.gates(lits, weights, size, shifted, n, r);
        System.arraycopy(r, 0, out, from, n);
    }

    /** A gate {@code [form >= t]}: one threshold gate. */
    public int atLeast(Net net, long t) {
        // No copies: a net neither keeps nor changes the arrays it is given (a table lookup asks for up to
        // 2^w - 1 gates on one form, and copying each was most of a compile's garbage).
        return net.gate(lits, weights, size, Math.subtractExact(t, constant));
    }
}
