package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * gat at n = 2^20 counts: its {@code eye(n)} (self-loops) held by its diagonal, not as 2^40 entries, and ELU's exp
 * table over 32-bit words (2^32 entries) from its shape. Depth as the spec's own bound says for every n
 * (69 per layer and 20 for the readout: 158 at the defaults), size past a long.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GatAtAMillionTest {
    @Test
    void gatCountsAtAMillionAtItsDepthOfEveryN() throws Exception {
        Cli r = Cli.run("stats", Path.of("../examples/gat.tc0").toString(), "--set", "n=1048576", "--count-only", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode big = new ObjectMapper().readTree(r.out());
        assertEquals(69 * 2 + 20, big.get("depth").asLong(), big.toString());
        BigInteger gates = big.get("gates").bigIntegerValue(), n = BigInteger.ONE.shiftLeft(20);
        assertTrue(gates.bitLength() > 63, big.toString());
        // Per head and layer n^2 attention weights of 16 n output comparators each: at least 2 x 2 x 16 n^3 gates.
        assertTrue(gates.compareTo(n.pow(3).shiftLeft(6)) > 0, big.toString());
        assertEquals(true, big.get("weightsPast63Bits").asBoolean(), big.toString());
    }
}
