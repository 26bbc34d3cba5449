package tc0.circuits.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Compiled kernels kept on disk, one file per kernel source and GPU architecture: the key is the SHA-256
 * of the source and the architecture ("sm_90"), so an edited kernel or another GPU compiles afresh and
 * nothing else does. A folder that cannot be written costs a compile per process, never a failure.
 */
final class PtxCache {
    /** Compiles source for an architecture. */
    @FunctionalInterface
    interface Compiler {
        byte[] compile(String source, String arch);
    }

    private final Path folder;

    PtxCache(Path folder) {
        this.folder = folder;
    }

    /** $XDG_CACHE_HOME/tc0/ptx, else ~/.cache/tc0/ptx. */
    static PtxCache standard() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new PtxCache(base.resolve("tc0").resolve("ptx"));
    }

    /** The file {@code source} compiled for {@code arch} is kept in. */
    Path file(String source, String arch) {
        return folder.resolve("levels-" + key(source, arch).substring(0, 32) + "-" + arch + ".ptx");
    }

    /** The cached image, or {@code compiler}'s (then stored). */
    byte[] get(String source, String arch, Compiler compiler) {
        Path f = file(source, arch);
        try {
            if (Files.isRegularFile(f)) return Files.readAllBytes(f);
        } catch (IOException unreadable) {
            // compile instead
        }
        byte[] image = compiler.compile(source, arch);
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".levels", ".tmp");
            Files.write(tmp, image);
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException notWritable) {
            // the next process compiles again
        }
        return image;
    }

    static String key(String source, String arch) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(source.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(arch.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
