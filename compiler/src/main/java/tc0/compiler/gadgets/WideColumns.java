package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tc0.circuits.Literal;

/**
 * The input of {@link WideSum}: literals placed in bit columns {@code 0 .. width - 1}, standing for
 * {@code sum_j 2^j (bits in column j)} modulo {@code 2^width}. Any integer weight of any size enters
 * through its binary digits. A negative weight costs no more than a positive one: {@code w x = |w| (1 - x) + w}
 * puts the complemented literal (free) at {@code |w|}'s digits and adds w to the constant (taking
 * {@code -w mod 2^width} instead would fill every column above w's lowest digit). The constant enters, once,
 * as {@link Literal#TRUE} bits, which every gate folds into its threshold. A caller that knows the true
 * result lies in {@code [0, 2^width)} gets it exactly.
 *
 * <p>Entries are kept in the order added: chunks of single entries, and runs ({@link #addRun}: one weight times
 * a word's powers of two), which a sum counted on a {@link TwinNet} reads by their weights' bits
 * ({@link WideRuns}) rather than entry by entry.
 */
public final class WideColumns {
    private final BigInteger modulus;
    private final int width;
    private final List<Object> items = new ArrayList<>(); // chunks (IntList[] by column, null where empty) and runs, in order
    private WeightedSum.IntList[] chunk; // where single entries go now (the last item), null after a run
    private BigInteger constant = BigInteger.ZERO;
    private List<WeightedSum.IntList> cols; // listed once summed
    private boolean sealed;
    private boolean colsWithConstant; // whether cols holds the constant's TRUE bits
    private BigInteger lastWeight; // the last kept run's weight (by identity)
    private RunWeight.Kept lastReduced; // and its reduction modulo 2^width, made when first placed

    /**
     * {@code lits[t]} at {@code weight 2^t} for every t (FALSE: none), {@code weight} positive and reduced modulo
     * {@code 2^width}, each literal complemented where the weight added was negative: column j holds
     * {@code lits[t]} for the t (ascending) with bit {@code j - t} of weight set, as {@link #add} places them.
     */
    record Run(int[] lits, RunWeight weight) {}

    /**
     * A run's weight, positive and reduced modulo {@code 2^width}, as little-endian words: kept once where runs share it
     * (the reconstruction's M), or worked out again each time it is asked where each run has its own (the coefficients
     * {@code c_i}, one per prime, of 10^5 bits and more: 4.5 GB kept for a log at p = 512).
     */
    sealed interface RunWeight {
        long[] words();

        record Kept(long[] words) implements RunWeight {}

        record Derived(Supplier<long[]> of) implements RunWeight {
            @Override public long[] words() { return of.get(); }
        }
    }

    public WideColumns(int width) {
        if (width < 1) throw new IllegalArgumentException("width " + width);
        modulus = BigInteger.ONE.shiftLeft(width);
        this.width = width;
    }

    public int width() { return width; }

    /** Whether {@code weight * lit} places any bit (its weight is not 0 modulo {@code 2^width}). */
    public boolean places(BigInteger weight) { return places(weight, 0); }

    /**
     * Whether {@code weight 2^shift} is not 0 modulo {@code 2^width}: its lowest set bit below the width, read without
     * a remainder or a shifted copy (the reconstruction asks this per prime and bit of weights of 10^5 bits and more).
     */
    public boolean places(BigInteger weight, int shift) {
        return weight.signum() != 0 && (long) weight.getLowestSetBit() + shift < width;
    }

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
                if (j < width) place(j, lit);
            }
        }
        return this;
    }

    /**
     * Adds {@code weight 2^t lits[t]} for every t, as {@link #add} for each t in turn would, kept as one run (the
     * Chinese-remainder reconstruction's {@code y_i} and {@code F_i} words: each bit at a weight of {@code bits}
     * bits).
     */
    public WideColumns addRun(int[] lits, BigInteger weight) {
        if (weight.signum() == 0) return this;
        if (weight != lastWeight) { // the reconstruction's F runs and j gates share one weight M: one reduced copy, not one per prime
            lastWeight = weight;
            lastReduced = null;
        }
        return addRun(lits, weight.signum() < 0, weight.getLowestSetBit(), () -> {
            if (lastReduced == null) lastReduced = new RunWeight.Kept(words(weight.abs().mod(modulus), width));
            return lastReduced;
        });
    }

    /**
     * As {@link #addRun(int[], BigInteger)} for a positive weight that is not kept: {@code weight} gives its bits
     * modulo {@code 2^width} as little-endian words each time they are needed (listed, or the first round's heights),
     * {@code lowestSetBit} its lowest set bit. The reconstruction's {@code c_i}: one weight per prime, worked out again
     * from the basis rather than kept.
     */
    public WideColumns addRun(int[] lits, int lowestSetBit, Supplier<long[]> weight) {
        return addRun(lits, false, lowestSetBit, () -> new RunWeight.Derived(weight));
    }

    /**
     * Both addRuns: {@code (negative ? -1 : 1) |w|}, {@code |w| mod 2^width} from {@code reduced}, asked only where a
     * literal is placed or goes to the constant (which is read modulo {@code 2^width} alone, so the reduced weight
     * gives it as the full one would).
     */
    private WideColumns addRun(int[] lits, boolean negative, int lowestSetBit, Supplier<RunWeight> reduced) {
        if (sealed) throw new IllegalStateException("columns already summed");
        int[] placed = new int[lits.length];
        boolean any = false;
        BigInteger toConstant = BigInteger.ZERO; // sum of the 2^t whose weight 2^t lits[t] goes to the constant: one product
        for (int t = 0; t < lits.length; t++) {
            placed[t] = Literal.FALSE;
            if (lits[t] == Literal.FALSE || (long) lowestSetBit + t >= width) continue;
            if (lits[t] == Literal.TRUE) { toConstant = toConstant.setBit(t); continue; }
            if (negative) toConstant = toConstant.setBit(t);
            placed[t] = negative ? Literal.not(lits[t]) : lits[t];
            any = true;
        }
        if (toConstant.signum() == 0 && !any) return this;
        RunWeight w = reduced.get();
        if (toConstant.signum() != 0) {
            BigInteger c = value(w.words()).multiply(toConstant);
            constant = negative ? constant.subtract(c) : constant.add(c);
        }
        if (any) {
            items.add(new Run(placed, w));
            chunk = null;
        }
        return this;
    }

    /** A non-negative value below {@code 2^width} as {@code ceil(width / 64)} little-endian words. */
    public static long[] words(BigInteger v, int width) {
        byte[] b = v.toByteArray(); // big-endian, perhaps a leading zero byte
        long[] w = new long[(width + 63) >>> 6];
        for (int k = 0; k < b.length && k < 8 * w.length; k++) w[k >>> 3] |= (long) (b[b.length - 1 - k] & 0xff) << (8 * (k & 7));
        return w;
    }

    /** The value of little-endian words. */
    static BigInteger value(long[] words) {
        byte[] b = new byte[8 * words.length + 1]; // big-endian, a leading zero byte: non-negative
        for (int k = 0; k < 8 * words.length; k++) b[b.length - 1 - k] = (byte) (words[k >>> 3] >>> (8 * (k & 7)));
        return new BigInteger(b);
    }

    /** Adds {@code 2^shift * lit}. */
    public WideColumns addShifted(int lit, int shift) {
        if (sealed) throw new IllegalStateException("columns already summed");
        if (lit == Literal.TRUE) constant = constant.add(BigInteger.ONE.shiftLeft(shift));
        else if (lit != Literal.FALSE && shift < width) place(shift, lit);
        return this;
    }

    /** Adds {@code -2^shift * lit} (as {@link #add} places it: the complement at {@code 2^shift}, {@code -2^shift} to the constant). */
    public WideColumns subtractShifted(int lit, int shift) {
        if (sealed) throw new IllegalStateException("columns already summed");
        if (lit == Literal.FALSE || shift >= width) return this;
        constant = constant.subtract(BigInteger.ONE.shiftLeft(shift));
        if (lit != Literal.TRUE) place(shift, Literal.not(lit));
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

    /**
     * The columns without the constant, which {@link #constantBits} gives (once: nothing can be added afterwards):
     * for a sum that adds the constant where it reads a block of columns, not in the compression.
     */
    List<WeightedSum.IntList> variableColumns() { return columns(false); }

    /** The constant modulo {@code 2^width}. */
    BigInteger constantBits() { return trueBits(); }

    private void place(int j, int lit) {
        if (chunk == null) {
            chunk = new WeightedSum.IntList[width];
            items.add(chunk);
        }
        if (chunk[j] == null) chunk[j] = new WeightedSum.IntList();
        chunk[j].add(lit);
    }

    /** The columns with the constant's bits placed (once: nothing can be added afterwards). */
    List<WeightedSum.IntList> columns() { return columns(true); }

    /** The columns listed once, with the constant's TRUE bits or without them; asking for the other kind later is a bug. */
    private List<WeightedSum.IntList> columns(boolean withConstant) {
        if (cols == null) {
            sealed = true;
            cols = new ArrayList<>(width);
            for (int j = 0; j < width; j++) cols.add(new WeightedSum.IntList());
            for (Object item : items) list(item, cols);
            colsWithConstant = withConstant;
            BigInteger c = withConstant ? trueBits() : BigInteger.ZERO;
            for (int j = 0; j < width; j++) if (c.testBit(j)) cols.get(j).add(Literal.TRUE);
        } else if (colsWithConstant != withConstant) throw new IllegalStateException("columns already listed " + (colsWithConstant ? "with" : "without") + " the constant");
        return cols;
    }

    /** The chunks and runs in the order added (then nothing more can be added). */
    List<Object> items() {
        sealed = true;
        return items;
    }

    /** The constant modulo {@code 2^width}: one TRUE at the end of each column where its bit is set. */
    BigInteger trueBits() { return constant.mod(modulus); }

    /** Appends one item's entries to the columns, in the order {@link #add} would have placed them. */
    static void list(Object item, List<WeightedSum.IntList> cols) {
        if (item instanceof WeightedSum.IntList[] c) {
            for (int j = 0; j < c.length; j++) if (c[j] != null) cols.get(j).addAll(c[j]);
            return;
        }
        Run run = (Run) item;
        long[] w = run.weight().words();
        int[] lits = run.lits();
        for (int t = 0; t < lits.length; t++) {
            if (lits[t] == Literal.FALSE) continue;
            for (int k = 0; k < w.length; k++) {
                for (long v = w[k]; v != 0; v &= v - 1) {
                    long j = t + 64L * k + Long.numberOfTrailingZeros(v);
                    if (j < cols.size()) cols.get((int) j).add(lits[t]);
                }
            }
        }
    }
}
