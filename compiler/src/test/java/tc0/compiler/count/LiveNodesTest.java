package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LiveNodes} keeps every node's level and flags as plain arrays would, across the growth of its first page
 * and past it into whole pages (3 x 2^20 nodes), and refuses a level it cannot hold.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveNodesTest {
    private static final byte A = 1, B = 2, C = 4, D = 8;

    @Test
    void levelsAndFlagsMatchPlainArraysAcrossPages() {
        int size = 3 * (1 << 20) + 12_345;
        int[] level = new int[size];
        byte[] flags = new byte[size];
        LiveNodes nodes = new LiveNodes();
        SplittableRandom r = new SplittableRandom(17);
        for (int n = 0; n < size; n++) { // grown one node at a time, as LiveNet's newNode does
            nodes.ensure(n + 1);
            level[n] = r.nextInt(Character.MAX_VALUE + 1);
            nodes.setLevel(n, level[n]);
            byte f = (byte) r.nextInt(16);
            for (byte bit : new byte[] {A, B, C, D}) if ((f & bit) != 0) nodes.set(n, bit);
            flags[n] = f;
        }
        nodes.keepOnly((byte) (A | D));
        for (int n = 0; n < size; n++) flags[n] &= A | D;
        for (int n = 0; n < size; n++) {
            assertEquals(level[n], nodes.level(n), "level of node " + n);
            assertEquals(flags[n], nodes.flags(n), "flags of node " + n);
            assertEquals((flags[n] & D) != 0, nodes.has(n, D), "flag D of node " + n);
        }
        assertThrows(IllegalStateException.class, () -> nodes.setLevel(0, Character.MAX_VALUE + 1));
    }
}
