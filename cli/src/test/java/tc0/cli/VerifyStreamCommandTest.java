package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tc0 verify --stream}: the circuit evaluated while lowered, batch by batch, never held. Same inputs, same
 * report as the built circuit's verify; its options refused one line at a time where they make no sense.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VerifyStreamCommandTest {

    /** Three batches of 64 (the last partial): the report is the built circuit's, word for word, errors included. */
    @ParameterizedTest
    @CsvSource({"examples/gin.tc0, 4", "examples/float/gin.tc0, 4"})
    void streamedVerifyReportsWhatTheBuiltCircuitsVerifyReports(String spec, String n) {
        String[] args = {"verify", "../" + spec, "--set", "n=" + n, "--samples", "150", "--seed", "9"};
        Cli built = Cli.run(args);
        Cli streamed = Cli.run(concat(args, "--stream"));
        assertEquals(0, built.exitCode(), built.err());
        assertEquals(0, streamed.exitCode(), streamed.err());
        assertTrue(streamed.out().contains("154 inputs (4 edge, 150 random): every output equals the reference bit for bit"), streamed.out());
        assertEquals(built.out(), streamed.out(), "the same inputs, the same report");
        assertTrue(streamed.err().contains("verify --stream: 64 of 154 inputs equal")
                && streamed.err().contains("verify --stream: 154 of 154 inputs equal"), streamed.err());
    }

    @Test
    void aWiderBatchGivesTheSameReport() {
        String[] args = {"verify", "../examples/gcn.tc0", "--set", "n=4", "--samples", "100", "--stream"};
        Cli narrow = Cli.run(args), wide = Cli.run(concat(args, "--batch", "128"));
        assertEquals(0, wide.exitCode(), wide.err());
        assertEquals(narrow.out(), wide.out());
        assertTrue(wide.err().contains("104 of 104 inputs equal") && !wide.err().contains("64 of 104"), wide.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--stream --batch 100 | give a multiple of 64",
        "--stream --batch 0 | give a multiple of 64",
        "--batch 128 | --batch is for --stream",
        "--stream --circuit x.tc0c | --stream lowers the spec, and --circuit checks a file",
        "--stream --max-gates 10 | --stream builds nothing",
        "--stream --backend gpu | leave --backend out"})
    void optionsThatMakeNoSenseWithStreamAreRefusedInOneLine(String options, String says) {
        Cli r = Cli.run(concat(new String[] {"verify", "../examples/gin.tc0", "--set", "n=4"}, options.split(" ")));
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError() && r.err().contains(says), r.err());
    }

    /** A spec too large for the guard: the refusal says that --stream verifies it without building. */
    @Test
    void theSizeGuardsRefusalPointsToStream() {
        Cli r = Cli.run("verify", "../examples/gin.tc0", "--set", "n=4", "--max-gates", "1000");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError() && r.err().contains("verify without building it: --stream"), r.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
