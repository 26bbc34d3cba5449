package tc0.circuits.io;

import java.io.IOException;
import java.io.InputStream;
import tc0.circuits.Circuit;

/** Reads one circuit format. Never throws anything but these two for any input bytes. */
public interface CircuitReader {
    /**
     * @param in         the bytes, buffered by the caller
     * @param sourceName the file name, for messages
     */
    Circuit read(InputStream in, String sourceName) throws IOException, CircuitFormatException;
}
