package tc0.circuits.io.aiger;

import java.util.Arrays;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.circuits.io.CircuitFormatException;

/**
 * {@link AigerModel} to {@link Circuit}: each AND becomes {@code b.and(lit0, lit1)}, a threshold gate
 * {@code x + y >= 2} with inverted inputs folded into weights, so inverters cost no gate and no depth. ASCII
 * AIGER may list ANDs in any order: they are put in topological order here, and a cycle, a variable defined
 * twice or a literal no input or AND defines is an error naming its line.
 */
final class AigerToCircuit {
    private final AigerModel m;
    private final AigerInput in;
    private final int inputs;
    private final int ands;
    private long[] byVariable; // (variable << 32 | definition), sorted; definition k < I: input k, else AND k - I
    private boolean dense;     // variables are exactly 1..I+A: a variable's entry is at index variable - 1

    private AigerToCircuit(AigerModel m, AigerInput in) {
        this.m = m;
        this.in = in;
        this.inputs = m.inputs().length;
        this.ands = m.andCount();
    }

    static Circuit convert(AigerModel m, AigerInput in) throws CircuitFormatException {
        return new AigerToCircuit(m, in).convert();
    }

    private Circuit convert() throws CircuitFormatException {
        indexDefinitions();
        checkUses();
        int[] order = topologicalOrder();
        CircuitBuilder b = new CircuitBuilder();
        int[] litOf = new int[inputs + ands]; // circuit literal of each definition
        for (Bus bus : SymbolBuses.of(m.inputNames(), "in")) {
            int[] lits = b.inputBus(bus.name(), bus.width());
            System.arraycopy(lits, 0, litOf, bus.offset(), bus.width());
        }
        for (int k : order) {
            litOf[inputs + k] = b.and(circuitLiteral(m.ands()[3 * k + 1], litOf), circuitLiteral(m.ands()[3 * k + 2], litOf));
        }
        List<Bus> outputBuses = SymbolBuses.of(m.outputNames(), "out");
        for (Bus bus : outputBuses) {
            int[] lits = new int[bus.width()];
            for (int i = 0; i < lits.length; i++) lits[i] = circuitLiteral(m.outputs()[bus.offset() + i], litOf);
            b.outputBus(bus.name(), lits);
        }
        return b.build();
    }

    private int circuitLiteral(int aigerLiteral, int[] litOf) {
        int var = aigerLiteral >>> 1;
        int lit = var == 0 ? Literal.FALSE : litOf[definition(var)];
        return lit ^ (aigerLiteral & 1);
    }

    /** Sorts the definitions by variable, so lookups need no array as large as M (M may be far above I + A). */
    private void indexDefinitions() throws CircuitFormatException {
        byVariable = new long[inputs + ands];
        for (int k = 0; k < inputs; k++) byVariable[k] = (long) (m.inputs()[k] >>> 1) << 32 | k;
        for (int k = 0; k < ands; k++) byVariable[inputs + k] = (long) (m.ands()[3 * k] >>> 1) << 32 | (inputs + k);
        Arrays.sort(byVariable);
        dense = true;
        for (int i = 0; i < byVariable.length && dense; i++) dense = byVariable[i] >>> 32 == i + 1;
        for (int i = 1; i < byVariable.length; i++) {
            if (byVariable[i] >>> 32 == byVariable[i - 1] >>> 32) {
                int first = (int) byVariable[i - 1], second = (int) byVariable[i];
                throw in.errorAtLine(line(second), "variable " + (byVariable[i] >>> 32) + " is defined twice (also on line " + line(first) + ")");
            }
        }
    }

    /** Definition index of a variable, or -1 if nothing defines it. */
    private int definition(int var) {
        if (dense) return var >= 1 && var <= byVariable.length ? (int) byVariable[var - 1] : -1;
        int lo = 0, hi = byVariable.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = byVariable[mid] >>> 32;
            if (v < var) lo = mid + 1;
            else if (v > var) hi = mid - 1;
            else return (int) byVariable[mid];
        }
        return -1;
    }

    private void checkUses() throws CircuitFormatException {
        for (int k = 0; k < ands; k++) {
            for (int j = 1; j <= 2; j++) checkDefined(m.ands()[3 * k + j], m.header().andLine(k), "AND input");
        }
        for (int k = 0; k < m.outputs().length; k++) checkDefined(m.outputs()[k], m.header().outputLine(k), "output");
    }

    private void checkDefined(int lit, int line, String what) throws CircuitFormatException {
        if (lit >>> 1 != 0 && definition(lit >>> 1) < 0) {
            throw in.errorAtLine(line, what + " literal " + lit + " uses variable " + (lit >>> 1) + ", which no input or AND defines");
        }
    }

    /** ANDs in an order where each comes after the ANDs it reads: iterative depth-first search, no recursion. */
    private int[] topologicalOrder() throws CircuitFormatException {
        if (inFileOrderAlready()) {
            int[] order = new int[ands];
            for (int k = 0; k < ands; k++) order[k] = k;
            return order;
        }
        byte[] state = new byte[ands]; // 0 new, 1 on the stack, 2 done
        int[] order = new int[ands];
        int[] stack = new int[ands];
        byte[] next = new byte[ands];  // which fan-in of the AND on the stack to visit next: 1, 2, then done
        int placed = 0;
        for (int root = 0; root < ands; root++) {
            if (state[root] != 0) continue;
            int top = 0;
            stack[0] = root;
            state[root] = 1;
            next[root] = 1;
            while (top >= 0) {
                int k = stack[top];
                if (next[k] > 2) {
                    state[k] = 2;
                    order[placed++] = k;
                    top--;
                    continue;
                }
                int child = definition(m.ands()[3 * k + next[k]] >>> 1) - inputs;
                next[k]++;
                if (child < 0) continue; // an input or the constant
                if (state[child] == 1) {
                    throw in.errorAtLine(m.header().andLine(k), "cycle: AND " + m.ands()[3 * k] + " reads AND " + m.ands()[3 * child] + ", which depends on it");
                }
                if (state[child] == 0) {
                    state[child] = 1;
                    next[child] = 1;
                    stack[++top] = child;
                }
            }
        }
        return order;
    }

    /** True if every AND reads only variables below its own and the ANDs come in increasing order (binary AIGER always). */
    private boolean inFileOrderAlready() {
        int[] a = m.ands();
        for (int k = 0; k < ands; k++) {
            int lhs = a[3 * k] >>> 1;
            if ((a[3 * k + 1] >>> 1) >= lhs || (a[3 * k + 2] >>> 1) >= lhs) return false;
            if (k > 0 && (a[3 * k - 3] >>> 1) >= lhs) return false;
        }
        return true;
    }

    /** The file line of a definition (ASCII); binary AIGER never gets here with an error. */
    private int line(int definition) {
        return definition < inputs ? 2 + definition : m.header().andLine(definition - inputs);
    }
}
