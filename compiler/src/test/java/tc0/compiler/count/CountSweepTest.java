package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;

/**
 * Not a unit test: counts every example for n = 4, 8, ..., 4096 and prints depth, gates, wires, width and
 * the time of the count (elaboration excluded), twice per n so the second figure is warm. An example stops
 * at the first n it cannot count, with the reason.
 */
@Tag("heavy")
class CountSweepTest {
    @Test
    void everyExampleUpTo4096() {
        int counted = 0;
        for (Path f : Specs.exampleFiles()) {
            for (long n = 4; n <= 4096; n *= 2) {
                Map<String, Long> params = Map.of("n", n);
                TensorProgram p;
                try {
                    p = tc0.compiler.elaborate.Elaborator.elaborate(Specs.check(f, params), params);
                } catch (RuntimeException e) {
                    System.out.printf("%s n=%d: does not elaborate: %s%n", f.getFileName(), n, e.getMessage());
                    break;
                }
                try {
                    long t0 = System.nanoTime();
                    CountedCost c = TensorIrToCost.summaryOnly(p, 2);
                    long t1 = System.nanoTime();
                    TensorIrToCost.summaryOnly(p, 2);
                    long t2 = System.nanoTime();
                    System.out.printf("%s n=%d: depth %d, gates %d, wires %d, width %d; %.0f ms (again %.0f ms)%n", f.getFileName(), n,
                            c.depth(), c.gates(), c.wires(), c.width(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
                    counted++;
                } catch (UnsupportedOperationException e) {
                    System.out.printf("%s n=%d: not counted: %s%n", f.getFileName(), n, e.getMessage());
                    break;
                }
            }
        }
        assertTrue(counted > 0);
    }
}
