package tc0.circuits.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;
import tc0.circuits.Circuit;

/** Reading and writing circuit files by extension; writes go to a temporary file renamed into place. */
public final class CircuitFiles {
    private CircuitFiles() {}

    /** Reads a circuit file in the format its extension names (.aag, .aig, .tc0c). */
    public static Circuit read(Path file) throws IOException, CircuitFormatException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Format format = Format.byFileName(name).filter(Format::readable).orElseThrow(() -> new CircuitFormatException(
                file + ": unknown circuit file type; expected one of " + readableExtensions()));
        if (Files.isDirectory(file)) throw new CircuitFormatException(file + ": is a directory, not a circuit file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return format.reader().read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new CircuitFormatException(file + ": no such file");
        }
    }

    /** Writes {@code c} to {@code file} in {@code format}, atomically: a reader never sees half a file. */
    public static void write(Circuit c, Path file, Format format) throws IOException {
        writeAtomically(file, out -> format.writer().write(c, out));
    }

    /** What {@link #writeAtomically} writes: the whole content, to a buffered stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code body} to a partial file beside {@code file} ({@link PartialFiles}: named so that it is
     * recognisable, never with a circuit file's extension, created as a plain new file would be), then renames
     * it over {@code file}: a reader never sees half a file, and a failure leaves the old one. Partial files of
     * the same target that killed runs left are removed first. A {@code file} that exists and is neither a
     * regular file nor a folder (a device such as /dev/null, a named pipe) is written straight through: renaming
     * over it would replace the device with a regular file. Creates the folder if needed.
     */
    public static void writeAtomically(Path file, Body body) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                body.writeTo(out);
            }
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        PartialFiles.removeStale(file);
        Path tmp = PartialFiles.create(file);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** ".aag, .aig, .tc0c". */
    public static String readableExtensions() {
        return Arrays.stream(Format.values()).filter(Format::readable).map(f -> "." + f.extension())
                .collect(Collectors.joining(", "));
    }
}
