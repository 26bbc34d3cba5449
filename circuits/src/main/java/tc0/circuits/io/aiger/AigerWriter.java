package tc0.circuits.io.aiger;

import java.io.OutputStream;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitWriter;

/** Placeholder until the writer lands. */
public final class AigerWriter implements CircuitWriter {
    public AigerWriter(boolean binary) {}

    @Override
    public void write(Circuit c, OutputStream out) {
        throw new UnsupportedOperationException("AigerWriter is not implemented yet");
    }
}
