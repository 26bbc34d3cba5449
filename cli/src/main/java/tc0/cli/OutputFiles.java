package tc0.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.Format;

/**
 * Files the commands write: checked before the (possibly long) work that fills them, then written to a partial
 * file in the same folder and renamed into place, so a reader never sees half a file; a device or named pipe is
 * written straight through ({@link CircuitFiles#writeAtomically}). {@code -} names standard output where a
 * command takes it. Every failure is one {@link UserError}.
 */
final class OutputFiles {
    /** Writes a file's bytes. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFiles() {}

    /** Whether an output option's value names standard output. */
    static boolean isStandardOutput(String name) {
        return name.equals("-");
    }

    /**
     * Refuses, before any work, an output that is one of the inputs (the same file by any name: {@code ./x},
     * a link): writing it would replace the input. {@code option} is how the output was given, e.g. "-o".
     */
    static void checkNotInput(String option, Path output, Path... inputs) {
        if (!Files.exists(output)) return; // an input that exists cannot be a file that does not
        for (Path in : inputs) {
            boolean same;
            try {
                same = Files.exists(in) && Files.isSameFile(output, in);
            } catch (IOException e) {
                same = false; // cannot tell: reading the input will say what is wrong with it
            }
            if (same) {
                throw new UserError(option + " " + output + " is the input " + in
                        + "; writing it would overwrite the input: give another output file");
            }
        }
    }

    /** Refuses, before any work, an output that cannot be written ({@link #checkWritable}) or is an input ({@link #checkNotInput}). */
    static void checkOutput(String option, Path output, Path... inputs) {
        checkWritable(output);
        checkNotInput(option, output, inputs);
    }

    /**
     * A report file a command writes beside the table it prints ({@code --csv}, {@code --junit}, ...), or null for
     * none: refused where it names standard output (the table goes there), cannot be written or is an input.
     */
    static void checkReportFile(String option, Path file, Path... inputs) {
        if (file == null) return;
        if (isStandardOutput(file.toString())) {
            throw new UserError(option + " -: the table goes to standard output; give " + option + " a file name");
        }
        checkOutput(option, file, inputs);
    }

    /** Refuses a path that cannot be written: its folder is a file, or it is a folder itself. */
    static void checkWritable(Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new UserError("cannot write " + file + ": it is a directory");
        for (Path dir = abs.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir)) {
                if (!Files.isWritable(dir)) throw new UserError("cannot write " + file + ": " + dir + " is not writable");
                return;
            }
            if (Files.exists(dir)) throw new UserError("cannot write " + file + ": " + dir + " is not a directory");
        }
    }

    /** Writes {@code body} to {@code file} atomically ({@link CircuitFiles#writeAtomically}). */
    static void write(Path file, Body body) {
        try {
            CircuitFiles.writeAtomically(file, body::writeTo);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + reason(e));
        }
    }

    /** A circuit written atomically ({@link CircuitFiles#write}), every failure one {@link UserError}. */
    static void write(Circuit c, Path file, Format format) {
        write(c, file, format.writer());
    }

    /** As {@link #write(Circuit, Path, Format)}, with a given writer. */
    static void write(Circuit c, Path file, tc0.circuits.io.CircuitWriter writer) {
        try {
            CircuitFiles.writeAtomically(file, out -> writer.write(c, out));
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + reason(e));
        } catch (OutOfMemoryError e) {
            throw new UserError("cannot write " + file + ": out of memory; raise -Xmx through TC0_JAVA_OPTS", ExitCodes.OUT_OF_MEMORY);
        }
    }

    /** A circuit to standard output ({@code -o -}): the bytes of {@code stdout}, every failure one {@link UserError}. */
    static void writeStandardOutput(Circuit c, Format format, java.io.PrintWriter stdout) {
        writeStandardOutput(c, format.writer(), stdout);
    }

    /** As {@link #writeStandardOutput(Circuit, Format, java.io.PrintWriter)}, with a given writer. */
    static void writeStandardOutput(Circuit c, tc0.circuits.io.CircuitWriter writer, java.io.PrintWriter stdout) {
        try {
            OutputStream out = new java.io.BufferedOutputStream(StandardOutput.bytes(stdout), 1 << 16);
            writer.write(c, out);
            out.flush();
        } catch (IOException e) {
            throw new UserError(StandardOutput.cannotWrite(e));
        }
    }

    /** A temporary file is created owner-only; the file it becomes is an ordinary one (rw-r--r--). */
    private static String reason(IOException e) {
        return switch (e) {
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.NotDirectoryException x -> "a folder on its path is a file";
            case java.nio.file.FileAlreadyExistsException x -> "a folder on its path is a file";
            case java.nio.file.FileSystemException x when x.getReason() != null -> x.getReason();
            default -> String.valueOf(e.getMessage());
        };
    }
}
