package tc0.circuits.io.verilog;

import java.io.OutputStream;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitWriter;

/** Placeholder until the writer lands. */
public final class VerilogWriter implements CircuitWriter {

    @Override
    public void write(Circuit c, OutputStream out) {
        throw new UnsupportedOperationException("VerilogWriter is not implemented yet");
    }
}
