package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gadget equals its specification on every input at its widths: the quick and light cases by default,
 * the heavy ones with {@code -Dtc0.heavy}. Each prints its row of docs/LEMMAS.md's table. The light cases are split
 * in two classes, so that the module's two test JVMs prove them side by side (one class alone was the last ~1-3 min
 * of proofs-check's tests while the other JVM idled): the even places of the light list here, the odd ones in
 * {@link GadgetProofsOddTest}. The whole set: {@code -Dtest='GadgetProofs*'}.
 */
@Timeout(value = 400, unit = TimeUnit.SECONDS)
class GadgetProofsTest {

    /** The quick and light cases at even ({@code half} 0) or odd (1) places of their list, in the order of Gadgets.all(). */
    static Stream<GadgetCase> light(int half) {
        List<GadgetCase> light = Gadgets.all().stream().filter(g -> !g.heavy()).toList();
        return IntStream.range(0, light.size()).filter(i -> i % 2 == half).mapToObj(light::get);
    }

    static Stream<GadgetCase> light() {
        return light(0);
    }

    static Stream<GadgetCase> heavy() {
        return Gadgets.all().stream().filter(GadgetCase::heavy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("light")
    void isProved(GadgetCase g) {
        proves(g);
    }

    /** The two classes together hold every case that is not heavy once (by name and widths: the same row twice would show). */
    @Test
    void theTwoHalvesHoldEveryLightCaseOnce() {
        List<String> both = Stream.concat(light(0), light(1)).map(g -> g.name() + " | " + g.widths()).sorted().toList();
        List<String> all = Gadgets.all().stream().filter(g -> !g.heavy()).map(g -> g.name() + " | " + g.widths()).sorted().toList();
        assertEquals(all, both);
        assertTrue(light(0).count() >= 30 && light(1).count() >= 30, "halves of " + all.size());
    }

    @Tag("heavy")
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "{0}")
    @MethodSource("heavy")
    void heavyIsProved(GadgetCase g) {
        proves(g, 20 * 60_000);
    }

    static void proves(GadgetCase g) {
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
