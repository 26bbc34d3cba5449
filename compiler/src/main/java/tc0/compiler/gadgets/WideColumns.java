package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Literal;

/**
 * The input of {@link WideSum}: literals placed in bit columns {@code 0 .. width - 1}, standing for
 * {@code sum_j 2^j (bits in column j)} modulo {@code 2^width}. Any integer weight of any size enters
 * through its binary digits. A negative weight costs no more than a positive one: {@code w x = |w| (1 - x) + w}
 * puts the complemented literal (free) at {@code |w|}'s digits and adds w to the constant (taking
 * {@code -w mod 2^width} instead would fill every column above w's lowest digit). The constant enters, once,
 * as {@link Literal#TRUE} bits, which every gate folds into its threshold. A caller that knows the true
 * result lies in {@code [0, 2^width)} gets it exactly.
 */
public final class WideColumns {
    private final BigInteger modulus;
    private final List<WeightedSum.IntList> cols = new ArrayList<>();
    private BigInteger constant = BigInteger.ZERO;
    private boolean sealed;

    public WideColumns(int width) {
        if (width < 1) throw new IllegalArgumentException("width " + width);
        modulus = BigInteger.ONE.shiftLeft(width);
        for (int j = 0; j < width; j++) cols.add(new WeightedSum.IntList());
    }

    public int width() { return cols.size(); }

    /** Whether {@code weight * lit} places any bit (its weight is not 0 modulo {@code 2^width}). */
    public boolean places(BigInteger weight) { return weight.mod(modulus).signum() != 0; }

    /** Adds {@code weight * lit}. */
    public WideColumns add(int lit, BigInteger weight) {
        if (sealed) throw new IllegalStateException("columns already summed");
        if (lit == Literal.FALSE || !places(weight)) return this;
        if (lit == Literal.TRUE) { constant = constant.add(weight); return this; }
        if (weight.signum() < 0) {
            constant = constant.add(weight);
            lit = Literal.not(lit);
            weight = weight.negate();
        }
        byte[] w = weight.mod(modulus).toByteArray(); // big-endian: its set bits found a byte at a time, not bit by bit
        for (int k = 0; k < w.length; k++) {
            for (int v = w[w.length - 1 - k] & 0xff; v != 0; v &= v - 1) {
                int j = 8 * k + Integer.numberOfTrailingZeros(v);
                if (j < width()) cols.get(j).add(lit);
            }
        }
        return this;
    }

    /** Adds {@code 2^shift * lit}. */
    public WideColumns addShifted(int lit, int shift) {
        if (sealed) throw new IllegalStateException("columns already summed");
        if (lit == Literal.TRUE) constant = constant.add(BigInteger.ONE.shiftLeft(shift));
        else if (lit != Literal.FALSE && shift < width()) cols.get(shift).add(lit);
        return this;
    }

    /** Adds {@code -2^shift * lit} (as {@link #add} places it: the complement at {@code 2^shift}, {@code -2^shift} to the constant). */
    public WideColumns subtractShifted(int lit, int shift) {
        if (sealed) throw new IllegalStateException("columns already summed");
        if (lit == Literal.FALSE || shift >= width()) return this;
        constant = constant.subtract(BigInteger.ONE.shiftLeft(shift));
        if (lit != Literal.TRUE) cols.get(shift).add(Literal.not(lit));
        return this;
    }

    /** Adds {@code coeff * x} for an unsigned word {@code x}. */
    public WideColumns addUnsigned(int[] word, BigInteger coeff) {
        for (int i = 0; i < word.length; i++) add(word[i], coeff.shiftLeft(i));
        return this;
    }

    public WideColumns addConstant(BigInteger c) {
        if (sealed) throw new IllegalStateException("columns already summed");
        constant = constant.add(c);
        return this;
    }

    /** The columns with the constant's bits placed (once: nothing can be added afterwards). */
    List<WeightedSum.IntList> columns() {
        if (!sealed) {
            sealed = true;
            BigInteger c = constant.mod(modulus);
            for (int j = 0; j < width(); j++) if (c.testBit(j)) cols.get(j).add(Literal.TRUE);
        }
        return cols;
    }
}
