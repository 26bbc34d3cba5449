package tc0.circuits.io.binary;

import java.io.InputStream;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFormatException;
import tc0.circuits.io.CircuitReader;

/** Placeholder until the reader lands. */
public final class Tc0cReader implements CircuitReader {
    @Override
    public Circuit read(InputStream in, String sourceName) throws CircuitFormatException {
        throw new CircuitFormatException(sourceName + ": Tc0cReader is not implemented yet");
    }
}
