package tc0.compiler.elaborate;

import java.util.Objects;
import tc0.dsl.Diagnostic;

/** An error found while elaborating, at a source position: render it like a checker's diagnostic. */
public final class ElaborationException extends RuntimeException {
    private final Diagnostic diagnostic;

    public ElaborationException(Diagnostic diagnostic) {
        super(diagnostic.headline());
        this.diagnostic = Objects.requireNonNull(diagnostic);
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
