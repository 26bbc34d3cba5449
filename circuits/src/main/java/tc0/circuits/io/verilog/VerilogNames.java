package tc0.circuits.io.verilog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.io.BusNames;

/**
 * The Verilog identifiers the writer uses for a circuit: the module name and one port name per bus, in bus
 * order (inputs, then outputs). A port keeps its bus's exact name wherever Verilog can carry it, so that a
 * tool reading the module (Yosys, then its AIGER symbols) sees the names of the source: a plain identifier
 * as it is, any other name of printable ASCII without white space as an escaped identifier ({@code b[0]} is
 * {@code [0] }, with the space that ends it; its bits are {@code [0] [0]}).
 *
 * <p>Renamed: a name with white space or characters outside ASCII (an escaped identifier cannot hold them),
 * where every character outside {@code [A-Za-z0-9_]} becomes {@code _} and a leading digit (or an empty
 * name) gets a {@code _} prefix; a reserved word, or a name of the form {@code g<digits>} (the writer's gate
 * wires), gets a {@code _} suffix; an unnamed bus ({@link BusNames}: {@code ?in}) is port {@code in}. A name
 * already taken gets {@code _2}, {@code _3}, ... Input and output buses share one name space, inputs first.
 * A zero-width bus gets a name too, but no port (Verilog has no empty vectors).
 *
 * @param module  the module name
 * @param inputs  the port name of each input bus
 * @param outputs the port name of each output bus
 */
public record VerilogNames(String module, List<String> inputs, List<String> outputs) {
    /** The module name used when none is given. */
    public static final String DEFAULT_MODULE = "tc0_circuit";

    private static final Pattern GATE_WIRE = Pattern.compile("g[0-9]+");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ESCAPABLE = Pattern.compile("[!-~]+"); // printable ASCII, no space

    /** Ports for {@code c} in a module called {@code module} (sanitised). */
    public static VerilogNames of(Circuit c, String module) {
        Set<String> taken = new HashSet<>();
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (Bus b : c.inputBuses()) in.add(port(b.name(), taken));
        for (Bus b : c.outputBuses()) out.add(port(b.name(), taken));
        return new VerilogNames(identifier(module), in, out);
    }

    public VerilogNames {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** A legal Verilog identifier for {@code name} that is no keyword and no gate wire name. */
    public static String identifier(String name) {
        StringBuilder s = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            boolean ok = ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_');
            s.append(ok ? ch : '_');
        }
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) s.insert(0, '_');
        String id = s.toString();
        if (VerilogKeywords.ALL.contains(id) || GATE_WIRE.matcher(id).matches()) id += "_";
        return id;
    }

    /** The port of a bus: its name, plain or escaped, or renamed as the class comment says; unique among {@code taken}. */
    private static String port(String busName, Set<String> taken) {
        String name = BusNames.plain(busName);
        boolean kept = !BusNames.isUnnamed(busName) && !PLAIN.matcher(name).matches() && ESCAPABLE.matcher(name).matches();
        String id = unique(kept ? name : identifier(name), taken);
        return PLAIN.matcher(id).matches() ? id : "\\" + id + " ";
    }

    /** The name a port identifier stands for: an escaped identifier without its backslash and ending space. */
    public static String unescaped(String id) {
        return id.startsWith("\\") ? id.substring(1, id.length() - 1) : id;
    }

    /** The wire of the gate at node {@code node}. */
    public static String gateWire(int node) {
        return "g" + node;
    }

    private static String unique(String id, Set<String> taken) {
        String name = id;
        for (int k = 2; !taken.add(name); k++) name = id + "_" + k;
        return name;
    }
}
