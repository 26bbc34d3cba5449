package tc0.circuits.io.verilog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;
import tc0.circuits.Regions;
import tc0.circuits.io.CircuitWriter;

/**
 * Writes a circuit as a hierarchy of Verilog modules: the top module (the circuit's ports, as
 * {@link VerilogWriter} names them) holds the root's gates and one instance per top region; each region is a
 * module with ports {@code in} (the wires entering it) and {@code out} (its gates read outside), holding its
 * own gates and one instance per child region ({@link RegionModules}); regions of the same structure share one
 * module. A module's own gates are bits of {@code reg} vectors of at most {@link #VECTOR} bits, computed in one
 * {@code always @*} block of blocking assignments in topological order, each the comparison {@link VerilogWriter}
 * writes. Why this form: Icarus runs the block once per change of its inputs and evaluates every gate once per
 * pattern in one thread (a module or continuous assign per gate sends an event through every gate, many times
 * per pattern as its inputs settle); bits of a few vectors rather than a reg per gate, because Icarus's code
 * generator looks a procedural signal up by a scan of its scope (a reg per gate made gcn n = 2's 30,712 gates
 * take 18 s to compile, the vectors 2 s); Yosys reads the block with {@code proc} as combinational logic.
 * That is {@link Style#SIMULATION}, the default; {@link Style#NETLIST} is the form for synthesis.
 */
public final class HierarchicalVerilogWriter implements CircuitWriter {
    private final String module;
    private final Style style;

    /** How a module's own gates are written. */
    public enum Style {
        /** Bits of reg vectors in one {@code always @*} block, each gate a signed sum: fast in Icarus. */
        SIMULATION,
        /**
         * A {@code wire} and a continuous {@code assign} per gate, each the narrowest expression of it
         * ({@link NarrowGate}: an AND, an OR or a short unsigned sum): for synthesis (Yosys), which reads it
         * without {@code proc} and without adders wider than the gate's weights need.
         */
        NETLIST
    }

    /** Gates per reg vector: a bit select loads the vector in Icarus, so a vector stays short; a module holds few. */
    static final int VECTOR = 512;

    public HierarchicalVerilogWriter() {
        this(VerilogNames.DEFAULT_MODULE);
    }

    public HierarchicalVerilogWriter(String module) {
        this(module, Style.SIMULATION);
    }

    public HierarchicalVerilogWriter(String module, Style style) {
        this.module = module;
        this.style = style;
    }

    @Override
    public void write(Circuit c, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
        new Run(c, w).write();
        w.flush();
    }

    /** One export: the plan, the threshold functions met so far, and the text. */
    private final class Run {
        private final Circuit c;
        private final Writer w;
        private final RegionModules plan;
        private final VerilogNames names;
        private final String[] inputBit;

        Run(Circuit c, Writer w) {
            this.c = style == Style.NETLIST ? GadgetParts.split(c) : c;
            this.w = w;
            this.plan = RegionModules.of(this.c);
            this.names = VerilogNames.of(c, module);
            this.inputBit = VerilogWriter.inputBitNames(c, names.inputs());
        }

        void write() throws IOException {
            w.write("// tc0 threshold circuit as a module hierarchy: " + c.inputCount() + " inputs, " + c.gateCount()
                    + " gates, " + c.wireCount() + " wires, " + c.outputCount() + " outputs; " + plan.modules
                    + " region modules for " + regionCount() + " regions.\n");
            w.write(style == Style.SIMULATION
                    ? "// A module's own gates are bits of regs v<k>: 1 iff the signed weighted fan-in sum is >= the threshold.\n"
                    : "// A module's own gates are wires g<k>: 1 iff the weighted fan-in sum is >= the threshold (negative weights turned around).\n");
            for (int m = 0; m < plan.modules; m++) regionModule(m);
            top();
        }

        private int regionCount() {
            int n = 0;
            for (int r = 1; r < c.regions().size(); r++) if (plan.moduleOf[r] >= 0) n++;
            return n;
        }

        private String moduleName(int m) {
            String name = VerilogNames.identifier(c.regions().name(plan.representative[m]));
            return names.module() + "_r" + m + "_" + (name.startsWith("\\") ? "region" : name);
        }

        private void regionModule(int m) throws IOException {
            int r = plan.representative[m];
            w.write("\n// region " + comment(c.regions().path(r)) + (plan.instances[m] > 1 ? " and " + (plan.instances[m] - 1) + " more of the same structure" : "") + "\n");
            w.write("module " + moduleName(m) + " (");
            String sep = "";
            if (plan.inputs[r].length > 0) {
                w.write("input wire [" + (plan.inputs[r].length - 1) + ":0] in");
                sep = ", ";
            }
            if (plan.outputs[r].length > 0) w.write(sep + "output wire [" + (plan.outputs[r].length - 1) + ":0] out");
            w.write(");\n");
            Map<Integer, Integer> inputIndex = new HashMap<>(); // per port: node -> in[] index
            for (int i = 0; i < plan.inputs[r].length; i++) inputIndex.put(plan.inputs[r][i], i);
            body(r, node -> "in[" + inputIndex.get(node) + "]", plan.outputs[r]);
            w.write("endmodule\n");
        }

        private void top() throws IOException {
            w.write("\n");
            VerilogWriter.header(c, names, w);
            int r = Regions.ROOT;
            Ref ref = body(r, node -> inputBit[node], new int[0]);
            for (int i = 0; i < names.outputs().size(); i++) {
                Bus b = c.outputBuses().get(i);
                for (int k = 0; k < b.width(); k++) {
                    int lit = c.output(b.offset() + k);
                    int node = Literal.node(lit);
                    String s = node == 0 ? "1'b0" : ref.name(node);
                    if (Literal.isNegated(lit)) s = node == 0 ? "1'b1" : "~" + s;
                    w.write("  assign " + names.outputs().get(i) + "[" + k + "] = " + s + ";\n");
                }
            }
            w.write("endmodule\n");
        }

        /**
         * Region r's child-output wires, child instances, own-gate vectors and the always block computing them;
         * outside nodes named by {@code outside}. Returns how r names a node of its own (an own gate or a child output).
         */
        private Ref body(int r, Ref outside, int[] outputs) throws IOException {
            int[] own = plan.ownGates(r); // gate indices, ascending, as the always block computes them
            int first = c.firstGate();
            String[] name = new String[own.length];
            int computed = 0;
            for (int k = 0; k < own.length; k++) {
                name[k] = constant(own, name, own[k]);
                if (name[k] == null) name[k] = style == Style.NETLIST ? "g" + computed++ : "v" + computed / VECTOR + "[" + computed++ % VECTOR + "]";
            }
            Ref ref = node -> {
                int k = c.isGate(node) ? Arrays.binarySearch(own, node - first) : -1;
                if (k >= 0) return name[k];
                int s = plan.signal(r, node);
                return s >= 0 ? "s" + s : outside.name(node);
            };
            int[] signals = plan.signals[r];
            for (int i = 0; i < signals.length; i++) {
                int node = signals[i];
                if (!c.isGate(node) || Arrays.binarySearch(own, node - first) < 0) w.write("  wire s" + i + ";\n");
            }
            if (style == Style.NETLIST) { // declared before the instances that may read them
                for (int k = 0; k < own.length; k++) {
                    if (name[k].startsWith("g")) w.write("  wire " + name[k] + " = " + NarrowGate.expression(c, own[k], ref::name) + ";\n");
                }
            }
            int[] children = plan.tree.children(r);
            for (int k = 0; k < children.length; k++) child(r, children[k], k, ref);
            String[] out = new String[outputs.length];
            for (int i = 0; i < out.length; i++) out[i] = ref.name(outputs[i]);
            if (computed == 0 || style == Style.NETLIST) {
                for (int i = 0; i < out.length; i++) w.write("  assign out[" + i + "] = " + out[i] + ";\n");
                return ref;
            }
            for (int v = 0; v * VECTOR < computed; v++) w.write("  reg [" + (Math.min(VECTOR, computed - v * VECTOR) - 1) + ":0] v" + v + ";\n");
            if (out.length > 0) w.write("  reg [" + (out.length - 1) + ":0] o;\n  assign out = o;\n");
            w.write("  always @* begin\n");
            for (int k = 0; k < own.length; k++) {
                if (name[k].startsWith("v")) w.write("    " + name[k] + " = " + VerilogWriter.comparison(c, own[k], ref::name) + ";\n");
            }
            // the outputs change once per run of the block: bit by bit, each bit's event would run the readers again
            if (out.length > 0) w.write("    o = " + concat(out) + ";\n");
            w.write("  end\n");
            return ref;
        }

        /**
         * {@code 1'b1}/{@code 1'b0} for gate g whose emitted terms all read constant gates among {@code own} (named
         * so in {@code name}), else null. Such gates are not computed in the always block: a block that reads no
         * signal never runs in a simulator, and its regs would stay x.
         */
        private String constant(int[] own, String[] name, int g) {
            java.math.BigInteger sum = java.math.BigInteger.ZERO; // weights up to 2^63 each: a long could overflow
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                if (!SumWidth.emitted(c, e)) continue;
                int node = c.faninNode(e);
                int k = c.isGate(node) ? Arrays.binarySearch(own, node - c.firstGate()) : -1;
                if (k < 0 || !name[k].startsWith("1'b")) return null;
                if (name[k].equals("1'b1")) sum = sum.add(java.math.BigInteger.valueOf(c.weight(e)));
            }
            return sum.compareTo(java.math.BigInteger.valueOf(c.threshold(g))) >= 0 ? "1'b1" : "1'b0";
        }

        private void child(int r, int child, int index, Ref ref) throws IOException {
            int[] in = plan.inputs[child];
            int[] out = plan.outputs[child];
            String[] x = new String[in.length];
            for (int i = 0; i < in.length; i++) x[i] = ref.name(in[i]);
            String[] y = new String[out.length];
            for (int i = 0; i < out.length; i++) y[i] = ref.name(out[i]);
            w.write("  " + moduleName(plan.moduleOf[child]) + " c" + index + " (");
            String sep = "";
            if (x.length > 0) {
                w.write(".in(" + concat(x) + ")");
                sep = ", ";
            }
            if (y.length > 0) w.write(sep + ".out(" + concat(y) + ")");
            w.write("); // " + comment(c.regions().name(child)) + "\n");
        }

    }

    /** Verilog's concatenation lists the most significant bit first: bit i of the port is x[i]. */
    private static String concat(String[] x) {
        StringBuilder s = new StringBuilder("{");
        for (int i = x.length - 1; i >= 0; i--) {
            s.append(x[i]);
            if (i > 0) s.append(", ");
        }
        return s.append('}').toString();
    }

    private static String comment(String s) {
        return VerilogWriter.comment(s);
    }

    @FunctionalInterface
    private interface Ref {
        String name(int node);
    }

}
