package tc0.circuits.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A view of a stream the caller owns: closing it flushes, never closes. A JSON generator or a Base64 encoder
 * must be closed to finish its output (padding, the last bytes), while the page or file around it goes on.
 */
public final class NonClosingOutputStream extends FilterOutputStream {

    public NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
