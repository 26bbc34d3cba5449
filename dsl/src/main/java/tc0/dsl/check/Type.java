package tc0.dsl.check;

import java.util.Objects;
import tc0.dsl.ast.ElemKind;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.Shape;

/** What an expression denotes: a tensor of a symbolic shape, a scalar constant, or unknown after an error. */
public sealed interface Type {
    /** A tensor with a shape of size expressions. */
    record Tensor(Shape shape, ElemKind kind) implements Type {
        public Tensor {
            Objects.requireNonNull(shape);
            Objects.requireNonNull(kind);
        }

        @Override
        public String toString() {
            return Printer.shape(shape) + (kind == ElemKind.BIT ? " bit" : "");
        }
    }

    /** A scalar constant (a number, a size, or arithmetic of them): known before any input is seen. */
    record Scalar() implements Type {
        @Override
        public String toString() {
            return "scalar";
        }
    }

    /** The type of an expression that already has an error: no further errors are reported about it. */
    record Unknown() implements Type {
        @Override
        public String toString() {
            return "?";
        }
    }

    Type SCALAR = new Scalar();
    Type UNKNOWN = new Unknown();
}
