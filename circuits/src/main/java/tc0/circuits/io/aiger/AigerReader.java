package tc0.circuits.io.aiger;

import java.io.InputStream;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFormatException;
import tc0.circuits.io.CircuitReader;

/** Placeholder until the reader lands. */
public final class AigerReader implements CircuitReader {
    @Override
    public Circuit read(InputStream in, String sourceName) throws CircuitFormatException {
        throw new CircuitFormatException(sourceName + ": AigerReader is not implemented yet");
    }
}
