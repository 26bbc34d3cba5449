package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link PrimeMemo#lazy}: a prime's residue is made when the reconstruction first reads that prime, once, and let go
 * when it reads the next, so that one prime's residue is held at a time (every prime's, made up front, was some 1.5 GB
 * at p = 512).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PrimeMemoTest {
    /** A stand-in residue: its prime and a payload, so that holding it shows. */
    private record Made(int prime, long[] payload) {}

    @Test
    void eachPrimeIsMadeWhenFirstReadAndOnce() {
        CrtBasis basis = CrtBasis.covering(60);
        List<Integer> made = new ArrayList<>();
        PrimeMemo memo = PrimeMemo.lazy(basis, i -> { made.add(i); return new Made(i, new long[1]); }, (r, y) -> 1000 * r.prime() + y, r -> null);
        assertEquals(List.of(), made, "nothing made before the first read");
        assertEquals(1, memo.applyAsInt(0, 1));
        assertEquals(2, memo.applyAsInt(0, 2));
        assertEquals(1, memo.applyAsInt(0, 1));
        assertEquals(List.of(0), made);
        assertNull(memo.bulk(1));
        assertEquals(List.of(0, 1), made, "the family read makes the prime too");
        assertEquals(1003, memo.applyAsInt(1, 3));
        assertEquals(3002, memo.applyAsInt(3, 2));
        assertEquals(List.of(0, 1, 3), made, "a prime never read is never made");
        assertThrows(IllegalStateException.class, () -> memo.applyAsInt(1, 1));
    }

    @Test
    void theLastPrimesResidueIsLetGo() throws InterruptedException {
        CrtBasis basis = CrtBasis.covering(60);
        List<WeakReference<Made>> refs = new ArrayList<>();
        PrimeMemo memo = PrimeMemo.lazy(basis, i -> {
            Made m = new Made(i, new long[1 << 16]);
            refs.add(new WeakReference<>(m));
            return m;
        }, (r, y) -> r.prime(), r -> null);
        for (int i = 0; i < 4; i++) assertEquals(i, memo.applyAsInt(i, 1));
        for (int tries = 0; tries < 20 && refs.subList(0, 3).stream().anyMatch(r -> r.get() != null); tries++) {
            System.gc();
            Thread.sleep(10);
        }
        for (int i = 0; i < 3; i++) assertNull(refs.get(i).get(), "prime " + i + "'s residue still held after prime 3 was read");
        assertEquals(3, refs.get(3).get().prime(), "the current prime's residue is kept");
    }
}
