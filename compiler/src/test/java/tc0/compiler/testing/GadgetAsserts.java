package tc0.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import tc0.circuits.Circuit;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.gadgets.Cost;

/** Shared checks: a gadget's stated cost against what it builds, with hashing off and on. */
public final class GadgetAsserts {
    private GadgetAsserts() {}

    /**
     * Builds with {@code body} twice (hashing off, then on) and checks: hashing off gives exactly
     * {@code stated}; hashing on gives no more gates and wires, and no more depth. Returns the hashed circuit.
     */
    public static Circuit assertCost(Cost stated, Consumer<CircuitBuilder> body) {
        CircuitBuilder plain = new CircuitBuilder(false);
        body.accept(plain);
        CircuitStats s = CircuitStats.of(plain.build());
        assertEquals(stated, new Cost(s.depth(), s.gates(), s.wires()), "stated cost vs built without hashing");
        CircuitBuilder hashed = new CircuitBuilder(true);
        body.accept(hashed);
        Circuit c = hashed.build();
        CircuitStats h = CircuitStats.of(c);
        assertTrue(h.gates() <= stated.gates() && h.wires() <= stated.wires() && h.depth() <= stated.depth(),
                "hashed " + h.gates() + "/" + h.wires() + "/" + h.depth() + " exceeds stated " + stated);
        return c;
    }

    /** Builds once with hashing and returns the circuit. */
    public static Circuit build(Consumer<CircuitBuilder> body) {
        CircuitBuilder b = new CircuitBuilder();
        body.accept(b);
        return b.build();
    }

    /** Stats of a circuit. */
    public static CircuitStats stats(Circuit c) {
        return CircuitStats.of(c);
    }

    /** Runs {@code f} on every combination of {@code count} words of {@code width} bits (signed codes). */
    public static void forAllWords(int count, int width, Consumer<long[]> f) {
        long n = 1L << (count * width);
        long[] words = new long[count];
        for (long a = 0; a < n; a++) {
            for (int i = 0; i < count; i++) words[i] = DirectEval.signExtend(a >>> (i * width), width);
            f.accept(words);
        }
    }
}
