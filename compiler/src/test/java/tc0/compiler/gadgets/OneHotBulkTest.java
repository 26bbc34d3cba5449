package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One-hot values counted as families ({@link OneHotBulk}: a residue's one-hots, a product's {@code [prod = g^u]}, the
 * square root's choice between its two series) count what the twins count with a literal per member: depth, gates,
 * wires and gates per level, every Chinese-remainder primitive at p = 4 .. 32, operands on their own levels. Gate by
 * gate equals the family count at p = 4, 8, 13, 16 in {@link PrimitiveTwinCountTest} (a {@link CountingNet} counts by
 * families now). The point of it: fewer nodes (a residue class's members hold none).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class OneHotBulkTest {
    private static final Primitive[] CRT = {Primitive.PRODUCT, Primitive.DIVIDE, Primitive.FLOAT_PRODUCT, Primitive.FLOAT_DIVIDE,
        Primitive.FLOAT_SQRT, Primitive.FLOAT_EXP, Primitive.FLOAT_LOG};

    @Test
    void familiesCountAsMembersOneByOne() {
        for (Primitive prim : CRT) {
            for (int p : new int[] {4, 8, 13, 16, 32}) {
                if (prim == Primitive.FLOAT_LOG && p > 16) continue; // log at 32 is 20 M gates a count: the others cover the families at 32
                CountingNet bulk = new CountingNet(), each = CountingNet.perMember();
                int operands = prim.operands(3), width = prim.width(p);
                int[][] xb = new int[operands][width], xe = new int[operands][width];
                for (int i = 0; i < operands; i++) {
                    for (int b = 0; b < width; b++) {
                        int lv = (3 * i + b) % 5;
                        xb[i][b] = bulk.inputAt(lv);
                        xe[i][b] = each.inputAt(lv);
                    }
                }
                prim.build(bulk, xb, WeightedSum.DEFAULT_ROUNDS);
                prim.build(each, xe, WeightedSum.DEFAULT_ROUNDS);
                String what = prim + " p " + p;
                assertEquals(each.cost(), bulk.cost(), what);
                long[] a = bulk.gatesPerLevel(), b = each.gatesPerLevel();
                int n = Math.max(a.length, b.length);
                assertArrayEquals(Arrays.copyOf(b, n), Arrays.copyOf(a, n), what);
                if (p == 32) assertTrue(bulk.nodes() < each.nodes(), what + ": nodes " + bulk.nodes() + " by families, " + each.nodes() + " by members");
            }
        }
    }
}
