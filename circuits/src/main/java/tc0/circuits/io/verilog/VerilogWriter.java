package tc0.circuits.io.verilog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.circuits.io.BusNames;
import tc0.circuits.io.CircuitWriter;

/**
 * Writes a circuit as one structural Verilog module. Each gate {@code g<node>} is one continuous assignment
 * comparing a signed sum with its threshold:
 *
 * <pre>
 *   wire g7;
 *   assign g7 = ((x[0] ? 36'sd34359738368 : 36'sd0) + (x[1] ? -36'sd7 : 36'sd0)) &gt;= -36'sd4;
 * </pre>
 *
 * Every operand of the sum and of the comparison is a signed literal of the same width W (see
 * {@link SumWidth}), so Verilog's sizing rules make the whole expression W-bit signed arithmetic, which
 * cannot overflow. A fan-in bit selects its weight or zero instead of being multiplied: a bare 1-bit wire in
 * a signed product would be unsigned and widen the product to unsigned, a classic trap; the selection has
 * no arithmetic on the bit at all, and Yosys turns it into plain AND gates. Output is ASCII and
 * deterministic.
 */
public final class VerilogWriter implements CircuitWriter {
    private final String module;

    /** A writer for a module called {@value VerilogNames#DEFAULT_MODULE}. */
    public VerilogWriter() {
        this(VerilogNames.DEFAULT_MODULE);
    }

    /** A writer for a module called {@code module}, sanitised as {@link VerilogNames#identifier} says. */
    public VerilogWriter(String module) {
        this.module = module;
    }

    @Override
    public void write(Circuit c, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
        write(c, w);
        w.flush();
    }

    /** Writes to {@code w} without flushing or closing it. */
    public void write(Circuit c, Writer w) throws IOException {
        VerilogNames names = VerilogNames.of(c, module);
        String[] inputBit = inputBitNames(c, names.inputs());
        header(c, names, w);
        int previousRegion = -1;
        for (int g = 0; g < c.gateCount(); g++) {
            if (c.region(g) != previousRegion) {
                previousRegion = c.region(g);
                String path = c.regions().path(previousRegion);
                w.write("  // region " + (path.isEmpty() ? "(root)" : comment(path)) + "\n");
            }
            gate(c, g, inputBit, w);
        }
        outputs(c, names.outputs(), inputBit, w);
        w.write("endmodule\n");
    }

    static void header(Circuit c, VerilogNames names, Writer w) throws IOException {
        w.write("// tc0 threshold circuit: " + c.inputCount() + " inputs, " + c.gateCount() + " gates, "
                + c.wireCount() + " wires, " + c.outputCount() + " outputs.\n");
        w.write("// Gate gN is 1 iff its signed weighted fan-in sum is >= its threshold (no overflow: see docs/EXPORTS.md).\n");
        renamed(c.inputBuses(), names.inputs(), "input", w);
        renamed(c.outputBuses(), names.outputs(), "output", w);
        w.write("module " + names.module() + " (");
        String sep = "\n";
        sep = ports(c.inputBuses(), names.inputs(), "input ", sep, w);
        ports(c.outputBuses(), names.outputs(), "output", sep, w);
        w.write("\n);\n");
    }

    private static void renamed(List<Bus> buses, List<String> ids, String kind, Writer w) throws IOException {
        for (int i = 0; i < buses.size(); i++) {
            Bus b = buses.get(i);
            if (b.width() == 0) w.write("// " + kind + " bus \"" + comment(b.name()) + "\" has no bits and no port\n");
            else if (BusNames.isUnnamed(b.name()) || !BusNames.plain(b.name()).equals(VerilogNames.unescaped(ids.get(i)))) w.write("// " + kind + " bus \"" + comment(b.name()) + "\" is port " + ids.get(i) + "\n");
        }
    }

    private static String ports(List<Bus> buses, List<String> ids, String dir, String sep, Writer w) throws IOException {
        for (int i = 0; i < buses.size(); i++) {
            int width = buses.get(i).width();
            if (width == 0) continue;
            w.write(sep + "  " + dir + " wire [" + (width - 1) + ":0] " + ids.get(i));
            sep = ",\n";
        }
        return sep;
    }

    static String[] inputBitNames(Circuit c, List<String> ids) {
        String[] bit = new String[c.inputCount() + 1];
        bit[0] = "1'b0";
        for (int i = 0; i < ids.size(); i++) {
            Bus b = c.inputBuses().get(i);
            for (int k = 0; k < b.width(); k++) bit[1 + b.offset() + k] = ids.get(i) + "[" + k + "]";
        }
        return bit;
    }

    private static String signal(Circuit c, int node, String[] inputBit) {
        return c.isGate(node) ? VerilogNames.gateWire(node) : inputBit[node];
    }

    private static void gate(Circuit c, int g, String[] inputBit, Writer w) throws IOException {
        String wire = VerilogNames.gateWire(c.firstGate() + g);
        w.write("  wire " + wire + ";\n  assign " + wire + " = " + comparison(c, g, node -> signal(c, node, inputBit)) + ";\n");
    }

    /**
     * Gate g as one Verilog expression, its fan-in named by {@code name}: {@code ((a ? W'sd3 : W'sd0) + ...) >= W'sdt},
     * or {@code 1'b1}/{@code 1'b0} where no term is left (the constant [0 >= t]).
     */
    static String comparison(Circuit c, int g, java.util.function.IntFunction<String> name) {
        int width = SumWidth.of(c, g);
        StringBuilder sum = new StringBuilder();
        for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
            if (!SumWidth.emitted(c, e)) continue;
            if (!sum.isEmpty()) sum.append(" + ");
            sum.append('(').append(name.apply(c.faninNode(e))).append(" ? ")
                    .append(literal(width, c.weight(e))).append(" : ").append(width).append("'sd0)");
        }
        if (sum.isEmpty()) return c.threshold(g) <= 0 ? "1'b1" : "1'b0";
        return "(" + sum + ") >= " + literal(width, c.threshold(g));
    }

    /** A signed literal of {@code width} bits; the magnitude is printed unsigned so MIN_VALUE is exact. */
    static String literal(int width, long value) {
        String magnitude = width + "'sd" + Long.toUnsignedString(Math.abs(value));
        return value < 0 ? "-" + magnitude : magnitude;
    }

    private static void outputs(Circuit c, List<String> ids, String[] inputBit, Writer w) throws IOException {
        for (int i = 0; i < ids.size(); i++) {
            Bus b = c.outputBuses().get(i);
            for (int k = 0; k < b.width(); k++) {
                int lit = c.output(b.offset() + k);
                w.write("  assign " + ids.get(i) + "[" + k + "] = " + literal(c, lit, inputBit) + ";\n");
            }
        }
    }

    private static String literal(Circuit c, int lit, String[] inputBit) {
        int node = Literal.node(lit);
        boolean negated = Literal.isNegated(lit);
        if (node == 0) return negated ? "1'b1" : "1'b0";
        String s = signal(c, node, inputBit);
        return negated ? "~" + s : s;
    }

    /** Text safe inside a // comment: printable ASCII only, anything else as \\uXXXX. */
    static String comment(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 && ch < 0x7f) b.append(ch);
            else b.append(String.format("\\u%04x", (int) ch));
        }
        return b.toString();
    }
}
