package tc0.circuits.io;

import java.io.IOException;
import java.io.OutputStream;
import tc0.circuits.Circuit;

/** Writes one format (a circuit format or an export). */
public interface CircuitWriter {
    void write(Circuit c, OutputStream out) throws IOException;
}
