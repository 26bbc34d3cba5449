package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Plans are made once per table (by identity) and output width, and made again once pushed out. */
class TablePlansTest {
    @Test
    void aPlanIsMadeOncePerTableAndWidth() {
        AtomicInteger made = new AtomicInteger();
        TablePlans<String> plans = new TablePlans<>((t, w) -> "plan " + made.incrementAndGet() + " w" + w);
        long[] a = {1, 2, 3}, equalToA = {1, 2, 3};
        String p = plans.of(a, 4);
        assertSame(p, plans.of(a, 4));
        assertEquals(1, made.get());
        assertNotSame(p, plans.of(a, 5), "another output width is another plan");
        assertNotSame(p, plans.of(equalToA, 4), "keyed by identity: an equal array is another table");
        assertEquals(3, made.get());
    }

    @Test
    void theOldestEntryMakesRoomForANewOne() {
        AtomicInteger made = new AtomicInteger();
        TablePlans<Integer> plans = new TablePlans<>((t, w) -> made.incrementAndGet());
        long[][] tables = new long[9][1];
        for (long[] t : tables) plans.of(t, 1);
        assertEquals(9, made.get());
        plans.of(tables[8], 1);
        plans.of(tables[1], 1);
        assertEquals(9, made.get(), "the last eight are kept");
        plans.of(tables[0], 1);
        assertEquals(10, made.get(), "the first was pushed out by the ninth");
    }
}
