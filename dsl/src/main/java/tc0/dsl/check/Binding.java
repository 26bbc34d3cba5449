package tc0.dsl.check;

import java.util.Objects;
import tc0.dsl.ast.Pos;
import tc0.dsl.ast.Stmt;

/**
 * A name a statement binds, with its checked type. {@code scope} reads like a path:
 * {@code model}, {@code model/for l}, {@code fn attention}. The shape's sizes are the scope's own
 * names (model parameters and loop variables, or a function's size names).
 */
public record Binding(String scope, String name, Role role, Type type, Stmt stmt, Pos pos) {
    /** What introduced the name. */
    public enum Role { INPUT, WEIGHT, LET, OUTPUT }

    public Binding {
        Objects.requireNonNull(scope);
        Objects.requireNonNull(name);
        Objects.requireNonNull(role);
        Objects.requireNonNull(type);
        Objects.requireNonNull(stmt);
        Objects.requireNonNull(pos);
    }
}
