package tc0.dsl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The outcome of checking one file: the checked model when there are no errors, and all errors by position. */
public record CheckResult(String file, String source, Optional<CheckedModel> model, List<Diagnostic> diagnostics) {
    public CheckResult {
        Objects.requireNonNull(file);
        Objects.requireNonNull(source);
        Objects.requireNonNull(model);
        diagnostics = List.copyOf(diagnostics);
        if (model.isPresent() != diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a model comes exactly when there are no errors");
        }
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }

    /** The checked model; only when {@link #ok()}. */
    public CheckedModel orElseThrow() {
        return model.orElseThrow(() -> new IllegalStateException(render()));
    }

    /** Every diagnostic rendered with its source line and caret, separated by newlines. */
    public String render() {
        return diagnostics.stream().map(d -> d.render(d.file().equals(Prelude.FILE) ? Prelude.get().source() : source))
                .collect(Collectors.joining("\n"));
    }
}
