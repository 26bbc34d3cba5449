package tc0.circuits.io.aiger;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitWriter;

/**
 * Writes any circuit as combinational AIGER, ASCII ({@code aag}) or binary ({@code aig}). Gates are decomposed
 * into ANDs by {@link ThresholdToAig}; inputs are variables 1..I in the circuit's order, ANDs follow in
 * topological order, and the symbol table names every bit {@code bus[k]} (a 1-bit bus by its plain name),
 * except the bits of unnamed buses ({@link tc0.circuits.io.BusNames}), so the names come back on reading.
 */
public final class AigerWriter implements CircuitWriter {
    private final boolean binary;

    public AigerWriter(boolean binary) {
        this.binary = binary;
    }

    @Override
    public void write(Circuit c, OutputStream out) throws IOException {
        AigBuilder.Aig aig;
        try {
            aig = ThresholdToAig.convert(c);
        } catch (IllegalStateException e) {
            throw new IOException("circuit too large for AIGER: " + e.getMessage());
        }
        out = new BufferedOutputStream(out, 1 << 16); // flushed, not closed: the caller owns the stream
        Text text = new Text(out);
        text.line((binary ? "aig " : "aag ") + aig.maxVar() + " " + aig.inputs() + " 0 " + aig.outputs().length + " " + aig.ands());
        if (!binary) for (int i = 0; i < aig.inputs(); i++) text.line(Integer.toString(2 * (i + 1)));
        for (int lit : aig.outputs()) text.line(Integer.toString(lit));
        for (int k = 0; k < aig.ands(); k++) {
            int lhs = 2 * (aig.inputs() + 1 + k);
            if (binary) {
                varint(out, lhs - aig.rhs0()[k]);
                varint(out, aig.rhs0()[k] - aig.rhs1()[k]);
            } else {
                text.line(lhs + " " + aig.rhs0()[k] + " " + aig.rhs1()[k]);
            }
        }
        symbols(text, 'i', c.inputBuses());
        symbols(text, 'o', c.outputBuses());
        text.line("c");
        text.line("written by tc0 from a threshold circuit of " + c.gateCount() + " gates");
        out.flush();
    }

    private static void symbols(Text text, char kind, List<Bus> buses) throws IOException {
        for (Bus b : buses) {
            for (int j = 0; j < b.width(); j++) {
                String name = SymbolBuses.bitName(b.name(), b.width(), j);
                if (name != null) text.line(kind + Integer.toString(b.offset() + j) + " " + name);
            }
        }
    }

    /** The AIGER binary number code: 7 bits a byte, least significant first, high bit set while more follow. */
    private static void varint(OutputStream out, int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private record Text(OutputStream out) {
        void line(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }
}
