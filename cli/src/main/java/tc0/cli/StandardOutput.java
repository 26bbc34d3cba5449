package tc0.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Standard output with its write errors kept. PrintStream and PrintWriter swallow them, so {@code tc0 stats x >
 * /dev/full} would exit 0 having written nothing; here every command's output is checked once it returns, and a
 * failed write is one line on standard error and exit 2 ({@link #afterCommand}). Binary output ({@code export -o
 * -}) goes through {@link #bytes}, the same stream.
 */
final class StandardOutput extends PrintWriter {
    private final Recording stream;

    private StandardOutput(Recording stream) {
        super(new OutputStreamWriter(stream, System.out.charset()));
        this.stream = stream;
    }

    /** The process's standard output (file descriptor 1). */
    static StandardOutput ofProcess() {
        return new StandardOutput(new Recording(new FileOutputStream(FileDescriptor.out)));
    }

    /**
     * Bytes to {@code out}: the stream under it for the process's standard output, else each byte as the char of
     * the same value (ISO-8859-1), failing at flush when the writer has failed (a test's writer).
     */
    static OutputStream bytes(PrintWriter out) {
        if (out instanceof StandardOutput s) {
            s.flush();
            return s.stream;
        }
        return new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b & 0xff);
            }

            @Override
            public void flush() throws IOException {
                if (out.checkError()) throw new IOException("write failed");
            }
        };
    }

    /**
     * {@code code} if everything the command printed to standard output was written, else {@link
     * ExitCodes#BAD_INPUT} after one line on standard error saying why.
     */
    static int afterCommand(CommandLine cl, int code) {
        PrintWriter out = cl.getOut();
        if (!out.checkError()) return code; // checkError flushes first
        cl.getErr().println("tc0: " + cannotWrite(out instanceof StandardOutput s ? s.stream.error : null));
        cl.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    /** "cannot write standard output: no space left on device (...)", for {@code cause} or an unknown one (null). */
    static String cannotWrite(IOException cause) {
        String why = cause != null && cause.getMessage() != null ? cause.getMessage().toLowerCase(java.util.Locale.ROOT)
                : "the write failed";
        return "cannot write standard output: " + why + " (a full disk, a closed output or a pipe whose reader stopped);"
                + " nothing more was written";
    }

    /** A stream that keeps the first error of a write or flush, then throws it as before. */
    private static final class Recording extends FilterOutputStream {
        volatile IOException error;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw keep(e);
            }
        }

        private IOException keep(IOException e) {
            if (error == null) error = e;
            return e;
        }
    }
}
