package tc0.circuits.io.binary;

import java.io.OutputStream;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitWriter;

/** Placeholder until the writer lands. */
public final class Tc0cWriter implements CircuitWriter {

    @Override
    public void write(Circuit c, OutputStream out) {
        throw new UnsupportedOperationException("Tc0cWriter is not implemented yet");
    }
}
