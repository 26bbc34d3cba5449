package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.circuits.analysis.CircuitStats;

/**
 * Which circuit {@code tc0 primitives} counts: every {@link Primitive} counted on a {@link CountingNet} with its twins
 * (as the command counts it) is the circuit built without hashing with every gate asked for kept (each an output):
 * depth, gates, wires, at p = 4 and 8 (log at 4), m = 3. A {@link CountingNet} keeps every gate, read or not; built
 * with the primitive's bits alone as outputs, the gates no bit reads are dropped (the float rows' rounding and
 * alignment, the integer division at p = 13: a few to some hundreds), so that circuit has at most the count.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PrimitiveBuiltCountTest {
    @Test
    void everyPrimitiveCountsTheCircuitWithEveryGateKept() {
        for (Primitive prim : Primitive.values()) {
            for (int p : new int[] {4, 8}) {
                if (prim == Primitive.FLOAT_LOG && p > 4) continue; // 5.4 M wires at 8: PrimitiveTwinCountTest has it gate by gate
                int operands = prim.operands(3), width = prim.width(p);
                CountingNet net = new CountingNet();
                prim.build(net, net.inputs(operands, width), WeightedSum.DEFAULT_ROUNDS);
                Cost all = built(prim, p, operands, width, true), read = built(prim, p, operands, width, false);
                String what = prim + " p " + p;
                assertEquals(net.cost(), all, what + ": counted vs built, every gate kept");
                assertTrue(read.gates() <= all.gates() && read.wires() <= all.wires() && read.depth() <= all.depth(), what + ": built, bits read only: " + read);
            }
        }
    }

    private static Cost built(Primitive prim, int p, int operands, int width, boolean everyGate) {
        CircuitBuilder b = new CircuitBuilder(false);
        int[][] xs = new int[operands][];
        for (int i = 0; i < operands; i++) xs[i] = b.inputBus("x" + i, width);
        b.outputBus("y", prim.build(Net.of(b), xs, WeightedSum.DEFAULT_ROUNDS));
        if (everyGate) {
            int[] gates = new int[b.gateCount()];
            for (int g = 0; g < gates.length; g++) gates[g] = Literal.of(1 + operands * width + g, false); // no hashing: gate g is node 1 + inputs + g
            b.outputBus("gates", gates);
        }
        Circuit c = b.build();
        CircuitStats s = CircuitStats.of(c);
        return new Cost(s.depth(), s.gates(), s.wires());
    }
}
