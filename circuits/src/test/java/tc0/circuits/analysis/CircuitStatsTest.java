package tc0.circuits.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.Literal;
import tc0.circuits.testkit.RawCircuit;

class CircuitStatsTest {

    @Test
    void figuresOfAHandBuiltCircuitAreExact() {
        var b = new CircuitBuilder();
        int[] x = b.inputBus("x", 4);
        int maj = b.majority(x[0], x[1], x[2]);                                    // level 1, 3 wires
        int and = b.and(x[2], Literal.not(x[3]));                                  // level 1, 2 wires
        int top = b.gate(new int[] {maj, and, x[0]}, new long[] {5, -3, 9}, 4);    // level 2, 3 wires
        b.outputBus("y", top, Literal.not(and));
        CircuitStats s = CircuitStats.of(b.build());
        assertEquals(4, s.inputs());
        assertEquals(2, s.outputs());
        assertEquals(3, s.gates());
        assertEquals(8, s.wires());
        assertEquals(2, s.depth());
        assertEquals(2, s.width());
        assertEquals(3, s.maxFanin());
        assertEquals(4, s.maxWeightBits());            // |9| needs 4 bits
        assertEquals(3 + 2 + 5 + 3 + 9, s.majoritySize());
        assertArrayEquals(new long[] {0, 2, 1}, s.levelProfile());
    }

    @Test
    void extremeWeightsSaturateInsteadOfThrowing() {
        var r = new RawCircuit();
        int[] x = r.input("x", 2);
        int g = r.gate(new int[] {x[0], x[1]}, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 0);
        r.output("y", Literal.of(g, false));
        Circuit c = r.build();
        CircuitStats s = CircuitStats.of(c);
        assertEquals(64, s.maxWeightBits());
        assertEquals(Long.MAX_VALUE, s.majoritySize());
        assertEquals(RegionBreakdown.of(c).root().majoritySize(), s.majoritySize());
    }
}
