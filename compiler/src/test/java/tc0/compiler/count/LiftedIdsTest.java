package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LiftedIds} (lifted class ids cached in an int array) against {@link ElemClass#lifted} asked directly:
 * random classes lifted by 0 .. 5, asked twice (cached), from parallel threads, past the array's first size.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiftedIdsTest {
    @Test
    void liftedIdsAreTheClassesLifted() {
        Random r = new Random(3);
        int[] ids = new int[3000];
        for (int t = 0; t < ids.length; t++) ids[t] = ClassSamples.random(r, 1 + r.nextInt(40)).id;
        for (int d = 0; d <= 5; d++) {
            LiftedIds lift = new LiftedIds(d);
            final int delta = d;
            for (int pass = 0; pass < 2; pass++) {
                IntStream.range(0, ids.length).parallel().forEach(t -> assertEquals(ElemClass.byId(ids[t]).lifted(delta).id, lift.of(ids[t]), "delta " + delta));
            }
        }
    }
}
