package tc0.circuits.io.verilog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * module. Each gate is an instance of a threshold-function module {@code <top>_t<k>}, one per distinct list of
 * weights and threshold, whose body is the comparison {@link VerilogWriter} writes. So Icarus compiles and
 * Yosys synthesises each distinct gadget and each distinct gate function once.
 */
public final class HierarchicalVerilogWriter implements CircuitWriter {
    private final String module;

    public HierarchicalVerilogWriter() {
        this(VerilogNames.DEFAULT_MODULE);
    }

    public HierarchicalVerilogWriter(String module) {
        this.module = module;
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
        private final Map<Function, Integer> functions = new HashMap<>();
        private final StringBuilder functionText = new StringBuilder();

        Run(Circuit c, Writer w) {
            this.c = c;
            this.w = w;
            this.plan = RegionModules.of(c);
            this.names = VerilogNames.of(c, module);
            this.inputBit = VerilogWriter.inputBitNames(c, names.inputs());
        }

        void write() throws IOException {
            w.write("// tc0 threshold circuit as a module hierarchy: " + c.inputCount() + " inputs, " + c.gateCount()
                    + " gates, " + c.wireCount() + " wires, " + c.outputCount() + " outputs; " + plan.modules
                    + " region modules for " + regionCount() + " regions.\n");
            w.write("// Gate function modules " + names.module() + "_t<k>: 1 iff the signed weighted sum of x is >= the threshold.\n");
            for (int m = 0; m < plan.modules; m++) regionModule(m);
            top();
            w.write(functionText.toString());
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
            body(r, node -> {
                int s = plan.signal(r, node);
                return s >= 0 ? "s" + s : "in[" + inputIndex.get(node) + "]";
            });
            for (int i = 0; i < plan.outputs[r].length; i++) w.write("  assign out[" + i + "] = s" + plan.signal(r, plan.outputs[r][i]) + ";\n");
            w.write("endmodule\n");
        }

        private void top() throws IOException {
            w.write("\n");
            VerilogWriter.header(c, names, w);
            int r = Regions.ROOT;
            body(r, node -> {
                int s = plan.signal(r, node);
                return s >= 0 ? "s" + s : inputBit[node];
            });
            for (int i = 0; i < names.outputs().size(); i++) {
                Bus b = c.outputBuses().get(i);
                for (int k = 0; k < b.width(); k++) {
                    int lit = c.output(b.offset() + k);
                    int node = Literal.node(lit);
                    String s = node == 0 ? "1'b0" : c.isGate(node) ? "s" + plan.signal(r, node) : inputBit[node];
                    if (Literal.isNegated(lit)) s = node == 0 ? "1'b1" : "~" + s;
                    w.write("  assign " + names.outputs().get(i) + "[" + k + "] = " + s + ";\n");
                }
            }
            w.write("endmodule\n");
        }

        /** Signal declarations, own gates and child instances of region r, names of outside nodes from {@code ref}. */
        private void body(int r, Ref ref) throws IOException {
            int[] signals = plan.signals[r];
            for (int i = 0; i < signals.length; i++) w.write("  wire s" + i + ";\n");
            int[] children = plan.tree.children(r);
            for (int item : plan.items(r)) {
                if (item >= 0) gate(r, item, ref);
                else child(r, children[-1 - item], -1 - item, ref);
            }
        }

        private void gate(int r, int g, Ref ref) throws IOException {
            String y = "s" + plan.signal(r, c.firstGate() + g);
            int terms = 0;
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) if (SumWidth.emitted(c, e)) terms++;
            if (terms == 0) { // no terms: the constant [0 >= t]
                w.write("  assign " + y + " = " + (c.threshold(g) <= 0 ? "1'b1" : "1'b0") + ";\n");
                return;
            }
            long[] weights = new long[terms];
            String[] x = new String[terms];
            int k = 0;
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                if (!SumWidth.emitted(c, e)) continue;
                weights[k] = c.weight(e);
                x[k++] = ref.name(c.faninNode(e));
            }
            int f = function(new Function(weights, c.threshold(g)), SumWidth.of(c, g));
            w.write("  " + names.module() + "_t" + f + " u" + y.substring(1) + " (.x(" + concat(x) + "), .y(" + y + "));\n");
        }

        private void child(int r, int child, int index, Ref ref) throws IOException {
            int[] in = plan.inputs[child];
            int[] out = plan.outputs[child];
            String[] x = new String[in.length];
            for (int i = 0; i < in.length; i++) x[i] = ref.name(in[i]);
            String[] y = new String[out.length];
            for (int i = 0; i < out.length; i++) y[i] = "s" + plan.signal(r, out[i]);
            w.write("  " + moduleName(plan.moduleOf[child]) + " c" + index + " (");
            String sep = "";
            if (x.length > 0) {
                w.write(".in(" + concat(x) + ")");
                sep = ", ";
            }
            if (y.length > 0) w.write(sep + ".out(" + concat(y) + ")");
            w.write("); // " + comment(c.regions().name(child)) + "\n");
        }

        /** The id of a threshold function, written out the first time it is met. */
        private int function(Function f, int width) {
            Integer id = functions.get(f);
            if (id != null) return id;
            int k = functions.size();
            functions.put(f, k);
            StringBuilder s = functionText;
            // One always block, not a continuous assign: a simulator runs it once per change of x and adds the
            // terms in sequence, where an assign's chain of adders ripples an event through every partial sum.
            s.append("\nmodule ").append(names.module()).append("_t").append(k).append(" (input wire [")
                    .append(f.weights.length - 1).append(":0] x, output reg y);\n  reg signed [").append(width - 1)
                    .append(":0] sum;\n  always @* begin\n    sum = ").append(width).append("'sd0;\n");
            for (int i = 0; i < f.weights.length; i++) {
                s.append("    if (x[").append(i).append("]) sum = sum + ").append(VerilogWriter.literal(width, f.weights[i])).append(";\n");
            }
            s.append("    y = sum >= ").append(VerilogWriter.literal(width, f.threshold)).append(";\n  end\nendmodule\n");
            return k;
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

    /** A gate's function: its emitted weights in order and its threshold. */
    private record Function(long[] weights, long threshold) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Function f && threshold == f.threshold && java.util.Arrays.equals(weights, f.weights);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(weights) + Long.hashCode(threshold);
        }
    }
}
