package tc0.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tc0.dsl.ast.Pos;

/**
 * Collects the errors of every phase for one file; phases never stop at the first error. At most {@link #KEEP}
 * are kept, the rest only counted, so a file of garbage cannot fill the heap with errors.
 */
public final class Diagnostics {
    /** The most errors kept for one file; past it errors are counted ({@link #dropped()}). */
    public static final int KEEP = 1000;
    private final String file;
    private final Set<Diagnostic> errors = new LinkedHashSet<>();
    private int dropped;
    private boolean stopped;

    public Diagnostics(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** Records an error at {@code pos} (a position of 0 is moved to 1). */
    public void error(Pos pos, String message) {
        if (errors.size() < KEEP) {
            errors.add(new Diagnostic(file, Math.max(1, pos.line()), Math.max(1, pos.col()), message));
        } else {
            dropped++;
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors recorded, kept or not. */
    public int count() {
        return errors.size() + dropped;
    }

    /** Marks that a phase stopped looking for errors at {@link #KEEP} (the parser: see {@link #full()}). */
    public void stop() {
        stopped = true;
    }

    /** Whether a phase stopped early; then more errors may follow those recorded. */
    public boolean stopped() {
        return stopped;
    }

    /** Whether {@link #KEEP} errors are kept: a phase whose every error costs much (the lexer's) stops here. */
    public boolean full() {
        return errors.size() >= KEEP;
    }

    /** The errors counted past the {@link #KEEP} kept. */
    public int dropped() {
        return dropped;
    }

    /** The kept errors sorted by position, duplicates removed. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(errors);
        list.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::col));
        return List.copyOf(list);
    }
}
