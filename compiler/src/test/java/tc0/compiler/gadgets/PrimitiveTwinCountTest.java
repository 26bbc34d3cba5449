package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.CircuitBuilder;

/**
 * Every {@link Primitive} counted on a twin net ({@link CountingNet}: compression groups, residues, tables, ladders
 * and carries in closed form, as {@code tc0 primitives} counts them) counts what it counts gate by gate on the same
 * net seen as a plain {@link Net}: depth, gates, wires and gates per level, at p = 4 .. 16, m = 3, operands on
 * their own levels (0 .. 3) so that a level error shows.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PrimitiveTwinCountTest {
    @Test
    void everyPrimitiveCountsAsGateByGate() {
        for (Primitive prim : Primitive.values()) {
            for (int p : new int[] {4, 8, 13, 16}) {
                if (prim == Primitive.FLOAT_LOG && p > 8) continue; // log at 16 is 78 M wires gate by gate: CountBitsTwinTest has it to 12
                CountingNet twin = new CountingNet(), plain = new CountingNet();
                int operands = prim.operands(3), width = prim.width(p);
                int[][] xt = new int[operands][width], xp = new int[operands][width];
                for (int i = 0; i < operands; i++) {
                    for (int b = 0; b < width; b++) {
                        int lv = (i + b) % 4;
                        xt[i][b] = twin.inputAt(lv);
                        xp[i][b] = plain.inputAt(lv);
                    }
                }
                prim.build(twin, xt, WeightedSum.DEFAULT_ROUNDS);
                prim.build(gateByGate(plain), xp, WeightedSum.DEFAULT_ROUNDS);
                String what = prim + " p " + p;
                assertEquals(plain.cost(), twin.cost(), what);
                long[] a = twin.gatesPerLevel(), b = plain.gatesPerLevel();
                int n = Math.max(a.length, b.length);
                assertArrayEquals(Arrays.copyOf(b, n), Arrays.copyOf(a, n), what);
            }
        }
    }

    /** The counting net seen as a plain {@link Net}: no twin applies. */
    static Net gateByGate(CountingNet c) {
        return new Net() {
            @Override public int gate(int[] lits, long[] weights, int count, long threshold) { return c.gate(lits, weights, count, threshold); }
            @Override public CircuitBuilder.Scope region(String name) { return () -> {}; }
        };
    }
}
