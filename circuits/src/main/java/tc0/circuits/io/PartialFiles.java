package tc0.circuits.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary files a write fills before renaming them into place: {@code .NAME.tc0-partial-PID-RANDOM} beside
 * the target NAME. The writer's process id in the name tells a leftover of a killed run (no such process, or a
 * process started after the file was last written: the id was reused) from the file of a run still writing.
 * A partial file's name never ends in a circuit file's extension, so no tc0 command takes it for a circuit.
 */
public final class PartialFiles {
    static final String MARK = ".tc0-partial-";

    private PartialFiles() {}

    /** The prefix of every partial file of {@code target}: {@code .NAME.tc0-partial-}. */
    static String prefix(Path target) {
        return "." + target.getFileName() + MARK;
    }

    /** A new, empty partial file for {@code target}, in the target's folder, named by this process. */
    static Path create(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String pid = Long.toString(ProcessHandle.current().pid());
        for (int attempt = 0; ; attempt++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createFile(dir.resolve(prefix(target) + pid + "-" + random));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 10) throw e;
            }
        }
    }

    /** Whether {@code file} (a partial file of any target) was left by a run that is no longer running. */
    private static boolean isStale(Path file) throws IOException {
        String name = file.getFileName().toString();
        int mark = name.lastIndexOf(MARK);
        if (mark < 0) return false;
        String rest = name.substring(mark + MARK.length());
        int dash = rest.indexOf('-');
        long pid;
        try {
            pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return false; // not named by tc0: leave it alone
        }
        if (pid == ProcessHandle.current().pid()) return false;
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) return true;
        Optional<Instant> started = p.get().info().startInstant();
        FileTime written = Files.getLastModifiedTime(file);
        return started.isPresent() && started.get().isAfter(written.toInstant());
    }

    /** Deletes the partial files of {@code target} that runs no longer running left. */
    static void removeStale(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, glob(prefix(target)) + "*")) {
            for (Path f : leftovers) {
                if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && isStale(f)) Files.deleteIfExists(f);
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // a leftover that cannot be listed or removed only costs disk space; the write goes on
        }
    }

    /** {@code text} as a glob matching only itself. */
    private static String glob(String text) {
        return text.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
