package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LongIds} numbers keys as a {@code HashMap<Long, Integer>} does, first seen first: packed pairs of group ids,
 * zero, negative and extreme keys, past several growths; each id gives its key back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LongIdsTest {
    @Test
    void numbersKeysAsAMapDoes() {
        Random rnd = new Random(32);
        long[] extremes = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, 1};
        LongIds ids = new LongIds();
        Map<Long, Integer> map = new HashMap<>();
        Map<Integer, Long> byId = new HashMap<>();
        int repeats = 0;
        for (int i = 0; i < 300_000; i++) {
            long key = rnd.nextInt(10) == 0 ? extremes[rnd.nextInt(extremes.length)]
                    : (long) rnd.nextInt(i < 5000 ? 30 : 400) << 32 | rnd.nextInt(i < 5000 ? 30 : 200);
            Integer want = map.get(key);
            if (want == null) { want = map.size(); map.put(key, want); byId.put(want, key); }
            else repeats++;
            assertEquals((int) want, ids.id(key), "key " + key);
        }
        assertEquals(map.size(), ids.size());
        for (int id = 0; id < ids.size(); id++) assertEquals((long) byId.get(id), ids.key(id));
        assertTrue(map.size() > 50_000 && repeats > 100_000, map.size() + " keys, " + repeats + " repeats");
    }
}
