package tc0.dsl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking one file: the checked model when there are no errors, and the errors by position
 * (at most {@link Diagnostics#KEEP}; {@code dropped} counts those past it, {@code stopped} says the parser
 * stopped there and more may follow).
 */
public record CheckResult(String file, String source, Optional<CheckedModel> model, List<Diagnostic> diagnostics,
        int dropped, boolean stopped) {
    /** The most errors {@link #render()} prints; it ends with how many more there are. */
    public static final int SHOWN = 50;

    public CheckResult {
        Objects.requireNonNull(file);
        Objects.requireNonNull(source);
        Objects.requireNonNull(model);
        diagnostics = List.copyOf(diagnostics);
        if (model.isPresent() != diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a model comes exactly when there are no errors");
        }
        if (dropped < 0 || (dropped > 0 && diagnostics.isEmpty())) {
            throw new IllegalArgumentException("dropped errors come after kept ones: " + dropped);
        }
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }

    /** Every error found, kept or only counted. */
    public int errorCount() {
        return diagnostics.size() + dropped;
    }

    /** The checked model; only when {@link #ok()}. */
    public CheckedModel orElseThrow() {
        return model.orElseThrow(() -> new IllegalStateException(render()));
    }

    /**
     * The first {@link #SHOWN} diagnostics rendered with their source window and caret, separated by newlines,
     * then "... and N more errors" when there are more: bounded output for any input.
     */
    public String render() {
        StringBuilder b = new StringBuilder();
        SourceLines lines = null;
        for (Diagnostic d : diagnostics.subList(0, Math.min(SHOWN, diagnostics.size()))) {
            if (!b.isEmpty()) b.append('\n');
            if (d.file().equals(Prelude.FILE)) {
                b.append(d.render(Prelude.get().source()));
            } else {
                if (lines == null) lines = SourceLines.of(source);
                b.append(d.render(lines));
            }
        }
        int more = errorCount() - Math.min(SHOWN, diagnostics.size());
        if (more > 0) b.append("\n... and ").append(more).append(more == 1 ? " more error" : " more errors");
        if (stopped) b.append(more > 0 ? "" : "\n...").append(" (tc0 stops reading a file at ").append(Diagnostics.KEEP)
                .append(" errors; fix these first)");
        return b.toString();
    }
}
