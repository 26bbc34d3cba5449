package tc0.compiler.ir;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tc0.compiler.numerics.FixedFormat;

/**
 * An elaborated model: the nodes of the tensor DAG in topological order (each node's operands come
 * before it; {@code nodes.get(i).id() == i}), the named inputs and outputs, the parameter values and the
 * model's precision. Immutable.
 *
 * @param model      the model's name
 * @param parameters every parameter's value (defaults and given values), in declaration order
 * @param precision  the model's format {@code fixed(I, F)}
 * @param nodes      the DAG, topologically ordered
 * @param inputs     the model's inputs in declaration order (each an {@link Op.Input} node)
 * @param outputs    the model's outputs in declaration order
 */
public record TensorProgram(String model, Map<String, Long> parameters, FixedFormat precision, List<Node> nodes,
        List<Port> inputs, List<Port> outputs) {

    /** A named input or output and its node. */
    public record Port(String name, int node) {
        public Port {
            Objects.requireNonNull(name);
        }
    }

    public TensorProgram {
        Objects.requireNonNull(model);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(precision);
        nodes = List.copyOf(nodes);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id() != i) {
                throw new IllegalArgumentException("node at " + i + " has id " + nodes.get(i).id());
            }
        }
        Set<String> names = new HashSet<>();
        for (Port p : inputs) {
            if (!(nodes.get(p.node()).op() instanceof Op.Input in) || !in.name().equals(p.name())) {
                throw new IllegalArgumentException("input " + p.name() + " is not an input node");
            }
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("duplicate input " + p.name());
            }
        }
        for (Port p : outputs) {
            if (p.node() < 0 || p.node() >= nodes.size() || !names.add(p.name())) {
                throw new IllegalArgumentException("bad output " + p);
            }
        }
    }

    public Node node(int id) {
        return nodes.get(id);
    }

    /** The node of input or output {@code name}. */
    public Node port(String name) {
        for (Port p : inputs) {
            if (p.name().equals(name)) return node(p.node());
        }
        for (Port p : outputs) {
            if (p.name().equals(name)) return node(p.node());
        }
        throw new IllegalArgumentException("no input or output '" + name + "'");
    }

    /** Whether node {@code id} is a weight or fill constant. */
    public boolean isConstant(int id) {
        Op op = node(id).op();
        return op instanceof Op.Constant || op instanceof Op.Fill;
    }

    /** The p-bit float format of a program under {@code precision float(p: P)}: its float nodes' format; empty under fixed point. */
    public java.util.Optional<tc0.compiler.numerics.ChiangFloat.Format> floats() {
        for (Node n : nodes) {
            if (n.elem() instanceof Elem.Float f) return java.util.Optional.of(f.format());
        }
        return java.util.Optional.empty();
    }

    /** How many nodes of each op label. */
    public Map<String, Integer> census() {
        Map<String, Integer> m = new java.util.TreeMap<>();
        for (Node n : nodes) {
            m.merge(n.op().label(), 1, Integer::sum);
        }
        return m;
    }
}
