package tc0.proofs.smt;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quick and light gadget cases at odd places of their list ({@link GadgetProofsTest} proves the even ones and
 * the heavy ones): a class of its own so that the module's second test JVM proves them while the first proves the
 * others.
 */
@Timeout(value = 400, unit = TimeUnit.SECONDS)
class GadgetProofsOddTest {

    static Stream<GadgetCase> light() {
        return GadgetProofsTest.light(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("light")
    void isProved(GadgetCase g) {
        GadgetProofsTest.proves(g);
    }
}
