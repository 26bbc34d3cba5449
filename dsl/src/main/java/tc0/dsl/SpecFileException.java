package tc0.dsl;

import java.io.IOException;

/** A spec file refused before parsing (missing, too large, not UTF-8); the message is one line naming the file. */
public final class SpecFileException extends IOException {
    public SpecFileException(String message) {
        super(message);
    }
}
