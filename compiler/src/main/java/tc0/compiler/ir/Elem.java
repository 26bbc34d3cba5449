package tc0.compiler.ir;

import java.util.Objects;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.FloatCodes;

/**
 * The element type of a tensor: fixed-point words of one format, p-bit floats of one format (a model under
 * {@code precision float(p: P)}), or single bits (values 0 and 1).
 */
public sealed interface Elem {
    /** The format in which the numerics read this element: its own, or {@link #BIT_AS_FIXED} for bits. */
    FixedFormat asFixed();

    /** Words of {@code format}. */
    record Word(FixedFormat format) implements Elem {
        public Word {
            Objects.requireNonNull(format);
        }

        @Override
        public FixedFormat asFixed() {
            return format;
        }

        @Override
        public String toString() {
            return format.toString();
        }
    }

    /**
     * Chiang's p-bit floats ({@link ChiangFloat}); their codes are the packed words of {@link FloatCodes}. They have
     * no fixed-point format: {@link #asFixed} refuses, and the fixed-point numerics never see them.
     */
    record Float(ChiangFloat.Format format) implements Elem {
        public Float {
            Objects.requireNonNull(format);
        }

        @Override
        public FixedFormat asFixed() {
            throw new UnsupportedOperationException("a p-bit float (" + this + ") has no fixed-point format");
        }

        @Override
        public String toString() {
            return "float(p: " + format.p() + ", e: " + format.q() + ")";
        }
    }

    /** A bit: code 0 or 1, read as the value 0 or 1 by every operation. */
    record Bit() implements Elem {
        @Override
        public FixedFormat asFixed() {
            return BIT_AS_FIXED;
        }

        @Override
        public String toString() {
            return "bit";
        }
    }

    /** Bits enter the numerics as codes 0 and 1 of {@code fixed(2, 0)}. */
    FixedFormat BIT_AS_FIXED = FixedFormat.of(2, 0);

    Elem BIT = new Bit();

    static Elem word(FixedFormat f) {
        return new Word(f);
    }
}
