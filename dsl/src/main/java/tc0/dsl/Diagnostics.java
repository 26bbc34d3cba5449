package tc0.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tc0.dsl.ast.Pos;

/** Collects the errors of every phase for one file; phases never stop at the first error. */
public final class Diagnostics {
    private final String file;
    private final Set<Diagnostic> errors = new LinkedHashSet<>();

    public Diagnostics(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** Records an error at {@code pos} (a position of 0 is moved to 1). */
    public void error(Pos pos, String message) {
        errors.add(new Diagnostic(file, Math.max(1, pos.line()), Math.max(1, pos.col()), message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public int count() {
        return errors.size();
    }

    /** The errors sorted by position, duplicates removed. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(errors);
        list.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::col));
        return List.copyOf(list);
    }
}
