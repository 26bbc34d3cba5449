package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TupleIds} numbers tuples as a {@code HashMap} keyed by the boxed list does, first seen first: tuples of mixed
 * lengths (a prefix of another among them, the empty one, negative and extreme entries) drawn from a small alphabet so
 * most repeat, past several growths of the table; each id gives its tuple back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TupleIdsTest {
    @Test
    void numbersTuplesAsAMapOfListsDoes() {
        Random rnd = new Random(42);
        long[] alphabet = {0, 1, -1, 2, 7, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, 3L << 40};
        TupleIds ids = new TupleIds();
        Map<List<Long>, Integer> map = new HashMap<>();
        List<List<Long>> byId = new ArrayList<>();
        long[] t = new long[6];
        int repeats = 0;
        for (int i = 0; i < 200_000; i++) {
            int len = rnd.nextInt(t.length + 1);
            List<Long> list = new ArrayList<>();
            for (int k = 0; k < len; k++) list.add(t[k] = alphabet[rnd.nextInt(i < 1000 ? 3 : alphabet.length)]);
            if (len < t.length) t[len] = 99; // junk past the length must not count
            Integer want = map.get(list);
            if (want == null) { want = map.size(); map.put(list, want); byId.add(list); }
            else repeats++;
            assertEquals((int) want, ids.id(t, len), "tuple " + list);
        }
        assertEquals(map.size(), ids.size());
        for (int id = 0; id < ids.size(); id++) {
            List<Long> list = byId.get(id);
            assertEquals(list.size(), ids.length(id));
            for (int k = 0; k < list.size(); k++) assertEquals((long) list.get(k), ids.get(id, k));
        }
        assertTrue(map.size() > 10_000 && repeats > 100_000, map.size() + " tuples, " + repeats + " repeats");
    }
}
