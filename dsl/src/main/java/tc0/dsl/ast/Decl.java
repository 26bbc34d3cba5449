package tc0.dsl.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A top-level declaration: a model or a function. */
public sealed interface Decl {
    String name();

    Pos pos();

    /** {@code model name(n = 8, d = n, layers = 2) { ... }}. */
    record Model(String name, List<Param> params, List<Stmt> body, Pos pos) implements Decl {
        public Model {
            Objects.requireNonNull(name);
            params = List.copyOf(params);
            body = List.copyOf(body);
            Objects.requireNonNull(pos);
        }
    }

    /** {@code fn name(X: [m, k], heads: int) -> [m, k] { ...; return e; }}. */
    record Function(String name, List<FnParam> params, Optional<Shape> result, List<Stmt> body, Pos pos)
            implements Decl {
        public Function {
            Objects.requireNonNull(name);
            params = List.copyOf(params);
            Objects.requireNonNull(result);
            body = List.copyOf(body);
            Objects.requireNonNull(pos);
        }
    }

    /** A model parameter: a size, with an optional default (a size expression of earlier parameters). */
    record Param(String name, Optional<SizeExpr> defaultValue, Pos pos) {
        public Param {
            Objects.requireNonNull(name);
            Objects.requireNonNull(defaultValue);
            Objects.requireNonNull(pos);
        }
    }

    /** A function parameter. */
    sealed interface FnParam {
        String name();

        Pos pos();

        /** {@code X: [m, k]}: a tensor; bare size names in the pattern are bound at each call. */
        record Tensor(String name, Shape pattern, ElemKind kind, Pos pos) implements FnParam {
            public Tensor {
                Objects.requireNonNull(name);
                Objects.requireNonNull(pattern);
                Objects.requireNonNull(kind);
                Objects.requireNonNull(pos);
            }
        }

        /** {@code heads: int}: a size, passed as a size expression. */
        record Size(String name, Pos pos) implements FnParam {
            public Size {
                Objects.requireNonNull(name);
                Objects.requireNonNull(pos);
            }
        }
    }
}
