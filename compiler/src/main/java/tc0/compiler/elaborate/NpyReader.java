package tc0.compiler.elaborate;

import java.io.IOException;
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

    public static Array read(Path file) throws NpyException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NpyException("no such file");
        } catch (IOException e) {
            throw new NpyException("cannot read: " + e.getMessage());
        }
        return parse(bytes);
    }

    public static Array parse(byte[] bytes) throws NpyException {
        if (bytes.length < 10 || !java.util.Arrays.equals(bytes, 0, 6, MAGIC, 0, 6)) {
            throw new NpyException("not a .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int start;
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw new NpyException("truncated header");
            headerLen = buf.getInt(8) & 0xffffffffL;
            start = 12;
        } else {
            throw new NpyException("unsupported .npy version " + major + "." + bytes[7]);
        }
        if (start + headerLen > bytes.length) throw new NpyException("truncated header");
        String header = new String(bytes, start, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
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
        long count = 1;
        for (long d : shape) count = Math.multiplyExact(count, d);
        int dataStart = (int) (start + headerLen);
        long expected = count * item;
        if (bytes.length - dataStart != expected) {
            throw new NpyException("data has " + (bytes.length - dataStart) + " bytes; shape " + shape + " of "
                    + descr + " needs " + expected);
        }
        double[] v = new double[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = item == 8 ? buf.getDouble(dataStart + 8 * i) : buf.getFloat(dataStart + 4 * i);
            if (!Double.isFinite(v[i])) throw new NpyException("value " + i + " is " + v[i]);
        }
        return new Array(shape, v);
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
