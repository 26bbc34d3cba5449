package tc0.circuits.io.graph;

import java.io.OutputStream;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitWriter;

/** Placeholder until the writer lands. */
public final class JsonExporter implements CircuitWriter {

    @Override
    public void write(Circuit c, OutputStream out) {
        throw new UnsupportedOperationException("JsonExporter is not implemented yet");
    }
}
