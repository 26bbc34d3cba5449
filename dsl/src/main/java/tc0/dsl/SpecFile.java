package tc0.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a spec file as text with bounded work: at most {@link #maxBytes()} bytes are read (a device such as
 * {@code /dev/zero} reports size 0, so the size is never trusted: the stream is cut one byte past the limit),
 * and the bytes must be UTF-8, a leading byte-order mark allowed. Every refusal is a {@link SpecFileException}
 * whose message is one line naming the file.
 */
public final class SpecFile {
    /** The default limit: 4 MiB, about 2,000 times the largest example (s5_word.tc0, 2,120 bytes). */
    public static final long DEFAULT_MAX_BYTES = 4L << 20;
    /** The system property that overrides the limit, e.g. {@code -Dtc0.maxSpecBytes=16M} in TC0_JAVA_OPTS. */
    public static final String MAX_BYTES_PROPERTY = "tc0.maxSpecBytes";

    private SpecFile() {}

    /** Reads {@code file} with the limit of {@link #maxBytes()}. */
    public static String read(Path file) throws IOException {
        long max;
        try {
            max = maxBytes();
        } catch (IllegalArgumentException e) {
            throw new SpecFileException(e.getMessage());
        }
        return read(file, max);
    }

    /** Reads {@code file}, refusing it past {@code maxBytes} bytes or when it is not UTF-8. */
    public static String read(Path file, long maxBytes) throws IOException {
        String name = Escape.controls(file.toString());
        if (Files.isDirectory(file)) {
            throw new SpecFileException(name + ": is a directory, not a spec file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (NoSuchFileException e) {
            throw new SpecFileException(name + ": no such file");
        } catch (IOException e) {
            throw new SpecFileException(name + ": cannot read: " + Escape.controls(String.valueOf(e.getMessage())));
        }
        if (bytes.length > maxBytes) {
            throw new SpecFileException(name + ": larger than " + size(maxBytes) + ", the limit for a spec"
                    + " (a spec is text of a few KB; raise the limit with -D" + MAX_BYTES_PROPERTY + "=16M in TC0_JAVA_OPTS)");
        }
        return decode(bytes, name);
    }

    /** UTF-8 text of {@code bytes}, a byte-order mark dropped; anything else is refused naming the encoding or the offset. */
    static String decode(byte[] bytes, String name) throws SpecFileException {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        } else {
            String utf16 = utf16(bytes);
            if (utf16 != null) throw new SpecFileException(name + ": " + utf16 + " is not supported; save the file as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw new SpecFileException(name + ": invalid UTF-8 at byte offset " + in.position()
                    + "; a spec is UTF-8 text, save the file as UTF-8");
        }
        return out.flip().toString();
    }

    /** The UTF-16 flavour {@code bytes} start with (a byte-order mark, or ASCII with a zero byte beside it), or null. */
    private static String utf16(byte[] b) {
        if (b.length < 2) return null;
        int b0 = b[0] & 0xff, b1 = b[1] & 0xff;
        if (b0 == 0xFF && b1 == 0xFE) return "UTF-16 (little-endian, byte-order mark FF FE)";
        if (b0 == 0xFE && b1 == 0xFF) return "UTF-16 (big-endian, byte-order mark FE FF)";
        if (b0 != 0 && b0 < 0x80 && b1 == 0) return "UTF-16 (little-endian, no byte-order mark: a zero byte after '" + (char) b0 + "')";
        if (b0 == 0 && b1 != 0 && b1 < 0x80) return "UTF-16 (big-endian, no byte-order mark: a zero byte before '" + (char) b1 + "')";
        return null;
    }

    /** "4 MiB (4194304 bytes)", or "1000 bytes". */
    private static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + " MiB (" + bytes + " bytes)";
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) return (bytes >> 10) + " KiB (" + bytes + " bytes)";
        return bytes + " bytes";
    }

    /** The limit: the {@value #MAX_BYTES_PROPERTY} property (bytes, or with a K, M or G suffix), else 4 MiB. */
    public static long maxBytes() {
        String v = System.getProperty(MAX_BYTES_PROPERTY);
        return v == null ? DEFAULT_MAX_BYTES : parseBytes(v);
    }

    /** {@code 4194304}, {@code 4096K}, {@code 4M}, {@code 1G}; anything else is an {@link IllegalArgumentException} with a one-line message. */
    static long parseBytes(String v) {
        String s = v.strip().toUpperCase(Locale.ROOT);
        long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n >= 0 && n <= (Integer.MAX_VALUE - 16) / unit) return n * unit;
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(MAX_BYTES_PROPERTY + "=" + Escape.controls(v)
                + ": expected a byte count below 2G, e.g. 4194304 or 16M");
    }
}
