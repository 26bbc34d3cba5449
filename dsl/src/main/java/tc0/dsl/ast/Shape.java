package tc0.dsl.ast;

import java.util.List;
import java.util.Objects;

/** A tensor shape {@code [d0, d1, ...]}: one size expression per axis, at least one axis. */
public record Shape(List<SizeExpr> dims, Pos pos) {
    public Shape {
        dims = List.copyOf(dims);
        if (dims.isEmpty()) {
            throw new IllegalArgumentException("a shape has at least one axis");
        }
        Objects.requireNonNull(pos);
    }

    public int rank() {
        return dims.size();
    }

    @Override
    public String toString() {
        return Printer.shape(this);
    }
}
