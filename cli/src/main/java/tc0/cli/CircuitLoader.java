package tc0.cli;

import java.io.IOException;
import java.nio.file.Path;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.CircuitFormatException;

/** Loads the circuit a command names, turning every way that can fail into a one-line {@link UserError}. */
final class CircuitLoader {
    private CircuitLoader() {}

    static Circuit load(Path file) {
        try {
            return CircuitFiles.read(file);
        } catch (CircuitFormatException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new UserError(file + ": the circuit does not fit in memory (heap " + ExitCodes.heap() + "); raise it through TC0_JAVA_OPTS,"
                    + " e.g. TC0_JAVA_OPTS=-Xmx20g", ExitCodes.OUT_OF_MEMORY);
        }
    }
}
