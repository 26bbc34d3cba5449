package tc0.circuits.eval;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A bit matrix with one row per signal (an input or an output) and one column per pattern (an assignment).
 * Row {@code r} is {@link #wordsPerRow()} longs; bit {@code p % 64} of word {@code p / 64} is pattern
 * {@code p}. Bits past the last pattern are always 0, so equal contents mean equal arrays and equal hashes.
 * Mutable: evaluators fill the matrix they return.
 */
public final class BitMatrix {
    private final int rows;
    private final int patterns;
    private final int words;
    private final long[] bits;

    /** An all-zero matrix. */
    public BitMatrix(int rows, int patterns) {
        if (rows < 0 || patterns < 0) throw new IllegalArgumentException("negative size " + rows + " x " + patterns);
        this.rows = rows;
        this.patterns = patterns;
        this.words = (int) ((patterns + 63L) >>> 6);
        long size = (long) rows * words;
        if (size > Integer.MAX_VALUE - 16) throw new IllegalArgumentException(rows + " x " + patterns + " bits is too large");
        this.bits = new long[(int) size];
    }

    /** Uniformly random bits drawn from {@code SplittableRandom(seed)}, row by row, word by word. */
    public static BitMatrix random(int rows, int patterns, long seed) {
        BitMatrix m = new BitMatrix(rows, patterns);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < m.bits.length; i++) m.bits[i] = rnd.nextLong();
        m.clearTails();
        return m;
    }

    /** One pattern per array, each {@code rows} long: {@code patterns[p][r]} is row r of pattern p. */
    public static BitMatrix fromPatterns(int rows, boolean[][] patterns) {
        BitMatrix m = new BitMatrix(rows, patterns.length);
        for (int p = 0; p < patterns.length; p++) {
            if (patterns[p].length != rows) throw new IllegalArgumentException("pattern " + p + " has " + patterns[p].length + " bits, expected " + rows);
            for (int r = 0; r < rows; r++) if (patterns[p][r]) m.set(r, p, true);
        }
        return m;
    }

    public int rows() { return rows; }

    public int patterns() { return patterns; }

    /** Longs per row: ceil(patterns / 64). */
    public int wordsPerRow() { return words; }

    public boolean get(int row, int pattern) {
        checkIndex(row, pattern);
        return (bits[row * words + (pattern >>> 6)] >>> pattern & 1) != 0;
    }

    public void set(int row, int pattern, boolean value) {
        checkIndex(row, pattern);
        int i = row * words + (pattern >>> 6);
        if (value) bits[i] |= 1L << pattern;
        else bits[i] &= ~(1L << pattern);
    }

    /** Word {@code w} of row {@code row}: patterns 64w .. 64w+63. */
    public long word(int row, int w) {
        return bits[row * words + w];
    }

    /** Sets a word; bits past the last pattern are cleared. */
    public void setWord(int row, int w, long value) {
        bits[row * words + w] = w == words - 1 ? value & tailMask() : value;
    }

    /** A copy of the first {@code n} patterns. */
    public BitMatrix firstPatterns(int n) {
        if (n < 0 || n > patterns) throw new IllegalArgumentException("cannot take " + n + " of " + patterns + " patterns");
        BitMatrix m = new BitMatrix(rows, n);
        for (int r = 0; r < rows; r++) System.arraycopy(bits, r * words, m.bits, r * m.words, m.words);
        m.clearTails();
        return m;
    }

    /** Pattern {@code p} as one boolean per row. */
    public boolean[] pattern(int p) {
        boolean[] out = new boolean[rows];
        for (int r = 0; r < rows; r++) out[r] = get(r, p);
        return out;
    }

    /** Every pattern: {@code result[p][r]}. The inverse of {@link #fromPatterns}. */
    public boolean[][] toPatterns() {
        boolean[][] out = new boolean[patterns][];
        for (int p = 0; p < patterns; p++) out[p] = pattern(p);
        return out;
    }

    /**
     * SHA-256 of the shape and the bits (rows and patterns as 32-bit big-endian, then every word
     * little-endian, row by row), in lower-case hex. Stable across runs, machines and evaluators.
     */
    public String sha256() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        md.update(ByteBuffer.allocate(8).putInt(rows).putInt(patterns).array());
        ByteBuffer buf = ByteBuffer.allocate(8 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        for (long word : bits) {
            if (!buf.hasRemaining()) {
                md.update(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putLong(word);
        }
        md.update(buf.array(), 0, buf.position());
        return HexFormat.of().formatHex(md.digest());
    }

    /** The backing array, row-major; for evaluators in this package. */
    long[] array() {
        return bits;
    }

    /** Mask of the valid bits of a row's last word. */
    long tailMask() {
        int r = patterns & 63;
        return r == 0 ? -1L : (1L << r) - 1;
    }

    /** Clears the bits past the last pattern in every row, restoring the invariant after bulk writes. */
    void clearTails() {
        if (words == 0) return;
        long mask = tailMask();
        for (int r = 0; r < rows; r++) bits[r * words + words - 1] &= mask;
    }

    private void checkIndex(int row, int pattern) {
        if (row < 0 || row >= rows || pattern < 0 || pattern >= patterns) {
            throw new IndexOutOfBoundsException("bit (" + row + ", " + pattern + ") outside " + rows + " x " + patterns);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitMatrix m && rows == m.rows && patterns == m.patterns && Arrays.equals(bits, m.bits);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + patterns) + Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "BitMatrix[" + rows + " rows x " + patterns + " patterns]";
    }
}
