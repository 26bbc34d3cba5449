package tc0.circuits.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A size limit on what one kind of input file may hold, set by a system property (through TC0_JAVA_OPTS, e.g.
 * {@code TC0_JAVA_OPTS=-Dtc0.maxInputsBytes=1g}): a regular file past it is refused by its size before reading,
 * anything else (a device such as /dev/zero, a pipe, standard input) once that many bytes have been read.
 *
 * @param what the kind of file, for messages ("a patterns file")
 * @param property the system property that overrides the default
 */
public record ReadLimit(String what, String property, long defaultBytes) {
    /** Reading went past the limit; the message says the limit and how to raise it. */
    public static final class TooLarge extends IOException {
        public TooLarge(String message) {
            super(message, null);
        }
    }

    /** The limit: the property's value if set ({@code 4096}, {@code 512k}, {@code 64m}, {@code 2g}), else the default. */
    public long bytes() throws IOException {
        String v = System.getProperty(property);
        if (v == null) return defaultBytes;
        String t = v.strip().toLowerCase(Locale.ROOT);
        int shift = t.endsWith("k") ? 10 : t.endsWith("m") ? 20 : t.endsWith("g") ? 30 : 0;
        try {
            long n = Long.parseLong(shift == 0 ? t : t.substring(0, t.length() - 1));
            if (n < 0 || n > Long.MAX_VALUE >> shift) throw new NumberFormatException();
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IOException("-D" + property + "=" + v + " is not a size; give bytes, optionally with k, m or g (e.g. 512m)");
        }
    }

    /** "the limit of 256 MiB for a patterns file; raise it with TC0_JAVA_OPTS=-Dtc0.maxInputsBytes=BYTES". */
    public String limitText(long limit) {
        return "the limit of " + human(limit) + " for " + what + "; raise it with TC0_JAVA_OPTS=-D" + property + "=BYTES";
    }

    /** Refuses a regular {@code file} larger than the limit, by its size alone. */
    public void checkSize(Path file) throws IOException {
        long limit = bytes();
        if (Files.isRegularFile(file) && Files.size(file) > limit) {
            throw new TooLarge("it holds " + human(Files.size(file)) + ", past " + limitText(limit));
        }
    }

    /** {@code in}, failing with {@link TooLarge} once more than the limit has been read from it. */
    public InputStream bound(InputStream in) throws IOException {
        long limit = bytes();
        return new FilterInputStream(in) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count(1);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, left >= len ? len : (int) left + 1); // one past the limit tells it is passed
                if (n > 0) count(n);
                return n;
            }

            private void count(int n) throws TooLarge {
                left -= n;
                if (left < 0) throw new TooLarge("it holds more than " + limitText(limit) + " (an endless device such as /dev/zero?)");
            }
        };
    }

    /** {@code file}, opened: refused by its size if regular and past the limit, else bounded as it is read. */
    public InputStream open(Path file) throws IOException {
        checkSize(file);
        return bound(Files.newInputStream(file));
    }

    /** 268435456 -> "256 MiB"; 1000 -> "1,000 bytes". */
    static String human(long bytes) {
        if (bytes >= 1 << 30 && bytes % (1 << 30) == 0) return (bytes >> 30) + " GiB";
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes >= 1 << 20) return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
