package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Literal;

/**
 * The input of {@link WideSum}: literals placed in bit columns {@code 0 .. width - 1}, standing for
 * {@code sum_j 2^j (bits in column j)} modulo {@code 2^width}. Any integer weight, of any size and sign, enters
 * as its residue modulo {@code 2^width} (so a negative weight costs nothing: the sum is taken modulo 2^width,
 * and a caller that knows the true result lies in {@code [0, 2^width)} gets it exactly). Constants enter as
 * {@link Literal#TRUE} bits, which every gate folds into its threshold.
 */
public final class WideColumns {
    private final BigInteger modulus;
    final List<WeightedSum.IntList> cols = new ArrayList<>();

    public WideColumns(int width) {
        if (width < 1) throw new IllegalArgumentException("width " + width);
        modulus = BigInteger.ONE.shiftLeft(width);
        for (int j = 0; j < width; j++) cols.add(new WeightedSum.IntList());
    }

    public int width() { return cols.size(); }

    /** Adds {@code weight * lit}. */
    public WideColumns add(int lit, BigInteger weight) {
        if (lit == Literal.FALSE) return this;
        BigInteger w = weight.mod(modulus);
        for (int j = 0, n = Math.min(width(), w.bitLength()); j < n; j++) if (w.testBit(j)) cols.get(j).add(lit);
        return this;
    }

    /** Whether {@code weight * lit} places any bit (its weight is not 0 modulo {@code 2^width}). */
    public boolean places(BigInteger weight) { return weight.mod(modulus).signum() != 0; }

    /** Adds {@code 2^shift * lit}. */
    public WideColumns addShifted(int lit, int shift) {
        if (lit != Literal.FALSE && shift < width()) cols.get(shift).add(lit);
        return this;
    }

    /** Adds {@code coeff * x} for an unsigned word {@code x}. */
    public WideColumns addUnsigned(int[] word, BigInteger coeff) {
        for (int i = 0; i < word.length; i++) add(word[i], coeff.shiftLeft(i));
        return this;
    }

    public WideColumns addConstant(BigInteger c) { return add(Literal.TRUE, c); }

    /** Bits placed so far (constants included). */
    public long bits() {
        long n = 0;
        for (WeightedSum.IntList c : cols) n += c.size();
        return n;
    }
}
