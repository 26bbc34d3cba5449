package tc0.circuits;

import java.util.Objects;

/**
 * A named group of consecutive inputs or outputs, e.g. {@code X} with 64 bits. Bits of a bus are in
 * little-endian order within each word where the bus carries numbers.
 *
 * @param name   the bus name, unique among the circuit's input (or output) buses
 * @param offset index of the first bit among all inputs (or all outputs)
 * @param width  number of bits
 */
public record Bus(String name, int offset, int width) {
    public Bus {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("empty bus name");
        if (offset < 0 || width < 0) throw new IllegalArgumentException("bad bus range " + offset + "+" + width);
    }

    public int end() {
        return offset + width;
    }
}
