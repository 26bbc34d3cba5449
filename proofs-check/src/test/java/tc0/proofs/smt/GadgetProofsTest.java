package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gadget equals its specification on every input at its widths: the quick and light cases by default,
 * the heavy ones with {@code -Dtc0.heavy}. Each prints its row of docs/LEMMAS.md's table.
 */
@Timeout(value = 400, unit = TimeUnit.SECONDS)
class GadgetProofsTest {

    static Stream<GadgetCase> light() {
        return Gadgets.all().stream().filter(g -> !g.heavy());
    }

    static Stream<GadgetCase> heavy() {
        return Gadgets.all().stream().filter(GadgetCase::heavy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("light")
    void isProved(GadgetCase g) {
        proves(g);
    }

    @Tag("heavy")
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "{0}")
    @MethodSource("heavy")
    void heavyIsProved(GadgetCase g) {
        proves(g, 20 * 60_000);
    }

    private static void proves(GadgetCase g) {
        proves(g, Prover.DEFAULT_TIMEOUT_MS);
    }

    private static void proves(GadgetCase g, int timeoutMs) {
        Proof p = Prover.prove(g, timeoutMs);
        System.out.println(row(p));
        assertTrue(p.proved(), p.gadget() + ": " + p.resultLine());
    }

    /** A proof as its row of docs/LEMMAS.md's table: gadget, widths, gates, solver CPU ms, wall ms, result. */
    static String row(Proof p) {
        return String.format("| %s | %s | %d | %d | %d | %s |", p.gadget(), p.widths(), p.gates(), p.cpuMillis(), p.millis(), p.resultLine());
    }
}
