package tc0.compiler.elaborate;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc0.circuits.io.ReadLimit;

/**
 * A small reader of NumPy {@code .npy} files: format version 1.0, 2.0 or 3.0, little-endian {@code float64}
 * ({@code <f8}) or {@code float32} ({@code <f4}), C order. Anything else is an {@link NpyException} with a
 * one-line reason.
 */
public final class NpyReader {
    private NpyReader() {}

    /** A file this reader rejects, with the reason. */
    public static final class NpyException extends Exception {
        public NpyException(String message) {
            super(message);
        }
    }

    /** The array: its shape and its values in C order. */
    public record Array(List<Long> shape, double[] values) {
        public Array {
            shape = List.copyOf(shape);
        }
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** What a .npy file may hold: 1 GiB, 2^27 float64 values (1 GiB of heap as doubles). */
    public static final ReadLimit LIMIT = new ReadLimit("a .npy weight file", "tc0.maxNpyBytes", 1L << 30);

    /**
     * The array of {@code file}, read as a stream: the header first, then exactly the data its shape claims, so a
     * shape past {@link #LIMIT}, past 2^31 elements or past what a regular file holds is refused from the header
     * alone, and an endless device after at most the header.
     */
    public static Array read(Path file) throws NpyException {
        if (Files.isDirectory(file)) throw new NpyException("is a directory, not a .npy file");
        try (InputStream in = new BufferedInputStream(LIMIT.open(file), 1 << 16)) {
            return read(in, Files.isRegularFile(file) ? Files.size(file) : -1);
        } catch (NoSuchFileException e) {
            throw new NpyException("no such file");
        } catch (IOException e) {
            throw new NpyException(e instanceof ReadLimit.TooLarge ? e.getMessage() : "cannot read: " + e.getMessage());
        }
    }

    public static Array parse(byte[] bytes) throws NpyException {
        try {
            return read(new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new NpyException("cannot read: " + e.getMessage()); // not from a byte array
        }
    }

    /** Reads from {@code in}, whose length is {@code length} bytes, or -1 if unknown (a device, a pipe). */
    private static Array read(InputStream in, long length) throws NpyException, IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 8 || !java.util.Arrays.equals(pre, 0, 6, MAGIC, 0, 6)) {
            throw new NpyException("not a .npy file (no \\x93NUMPY magic)");
        }
        int major = pre[6];
        int start = major == 1 ? 10 : 12;
        if (major < 1 || major > 3) throw new NpyException("unsupported .npy version " + major + "." + pre[7]);
        byte[] lenBytes = in.readNBytes(start - 8);
        if (lenBytes.length < start - 8) throw new NpyException("truncated header");
        ByteBuffer lb = ByteBuffer.wrap(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen = major == 1 ? lb.getShort(0) & 0xffff : lb.getInt(0) & 0xffffffffL;
        if (headerLen > MAX_HEADER || (length >= 0 && start + headerLen > length)) {
            throw new NpyException(headerLen > MAX_HEADER ? "header of " + headerLen + " bytes; NumPy writes a few hundred" : "truncated header");
        }
        byte[] headerBytes = in.readNBytes((int) headerLen);
        if (headerBytes.length < headerLen) throw new NpyException("truncated header");
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, "descr");
        int item = switch (descr) {
            case "<f8" -> 8;
            case "<f4" -> 4;
            default -> throw new NpyException("dtype '" + descr + "' is not supported; use little-endian float64 or float32");
        };
        if (find(ORDER, header, "fortran_order").equals("True")) {
            throw new NpyException("Fortran order is not supported; save in C order");
        }
        List<Long> shape = shape(find(SHAPE, header, "shape"));
        long count = elements(shape);
        long expected = count * item; // count < 2^31: no overflow
        long limit = LIMIT.bytes();
        if (start + headerLen + expected > limit) {
            throw new NpyException("shape " + shape + " of " + descr + " needs " + expected + " bytes of data, past "
                    + LIMIT.limitText(limit));
        }
        long dataStart = start + headerLen;
        if (length >= 0 && length - dataStart != expected) {
            throw new NpyException("data has " + (length - dataStart) + " bytes; shape " + shape + " of " + descr + " needs " + expected);
        }
        double[] v = new double[(int) count];
        byte[] chunk = new byte[1 << 16]; // a multiple of both item sizes
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        for (long done = 0; done < expected; ) {
            int want = (int) Math.min(chunk.length, expected - done);
            int got = in.readNBytes(chunk, 0, want);
            if (got < want) {
                throw new NpyException("data has " + (done + got) + " bytes; shape " + shape + " of " + descr + " needs " + expected);
            }
            int first = (int) (done / item);
            for (int i = 0; i < want / item; i++) {
                double x = item == 8 ? buf.getDouble(8 * i) : buf.getFloat(4 * i);
                if (!Double.isFinite(x)) throw new NpyException("value " + (first + i) + " is " + x);
                v[first + i] = x;
            }
            done += want;
        }
        if (in.read() != -1) throw new NpyException("data has more than the " + expected + " bytes shape " + shape + " of " + descr + " needs");
        return new Array(shape, v);
    }

    /** NumPy pads the header to a multiple of 64 bytes and keeps it short; this bounds what a bad length makes us read. */
    private static final int MAX_HEADER = 1 << 16;

    /** The most elements one Java array holds (the VM refuses 2^31 - 1 itself). */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** The element count of {@code shape}, refused past {@link #MAX_ELEMENTS} or when a dimension is negative. */
    private static long elements(List<Long> shape) throws NpyException {
        long count = 1;
        for (long d : shape) {
            if (d < 0) throw new NpyException("shape " + shape + " has a negative dimension");
            if (d != 0 && count > MAX_ELEMENTS / d) { // checked before multiplying: no overflow
                throw new NpyException("shape " + shape + " has more than 2^31 elements; tc0 reads at most " + String.format("%,d", MAX_ELEMENTS));
            }
            count *= d;
        }
        return count;
    }

    private static String find(Pattern p, String header, String key) throws NpyException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new NpyException("header has no valid '" + key + "'");
        return m.group(1);
    }

    private static List<Long> shape(String text) throws NpyException {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.strip();
            if (t.isEmpty()) continue;
            try {
                dims.add(Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
            } catch (NumberFormatException e) {
                throw new NpyException("bad shape (" + text + ")");
            }
        }
        return dims;
    }
}
