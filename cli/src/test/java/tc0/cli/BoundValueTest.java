package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tc0.dsl.ast.Pos;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.SizeExpr.SizeFn;
import tc0.dsl.ast.SizeExpr.SizeOp;

/** An asserted bound's exact value: the language's size arithmetic, in big integers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BoundValueTest {
    static final Pos P = Pos.NONE;
    static final SizeExpr N = new SizeExpr.Sym("n", P);

    static SizeExpr lit(long v) {
        return new SizeExpr.Lit(v, P);
    }

    static SizeExpr bin(SizeOp op, SizeExpr l, SizeExpr r) {
        return new SizeExpr.Bin(op, l, r, P);
    }

    static BigInteger at(SizeExpr e, long n) {
        return BoundValue.of(e, Map.of("n", n), "t.tc0:1:1");
    }

    @Test
    void divisionRoundsDownAndLog2RoundsUp() {
        assertEquals(BigInteger.valueOf(2), at(bin(SizeOp.DIV, lit(7), lit(3)), 0));
        assertEquals(BigInteger.valueOf(-3), at(bin(SizeOp.DIV, lit(-7), lit(3)), 0)); // floor(-2.33)
        assertEquals(BigInteger.valueOf(3), at(new SizeExpr.Fn(SizeFn.LOG2, List.of(N), P), 5)); // 2^3 = 8 >= 5
        assertEquals(BigInteger.valueOf(3), at(new SizeExpr.Fn(SizeFn.LOG2, List.of(N), P), 8));
        assertEquals(BigInteger.ZERO, at(new SizeExpr.Fn(SizeFn.LOG2, List.of(N), P), 1));
        assertEquals(BigInteger.ONE.negate(), at(bin(SizeOp.POW, lit(-1), lit(3)), 0));
    }

    @Test
    void aBoundPast2To63IsExactNotSaturated() {
        // 100000 * n^4 at n = 4096 = 10^5 * 2^48, past 2^63 - 1
        BigInteger v = at(bin(SizeOp.MUL, lit(100000), bin(SizeOp.POW, N, lit(4))), 4096);
        assertEquals(BigInteger.valueOf(100000).shiftLeft(48), v);
        assertTrue(v.bitLength() > 63);
    }

    @Test
    void anUnevaluableBoundIsOneLineAtTheAssert() {
        UserError e = assertThrows(UserError.class, () -> at(bin(SizeOp.DIV, N, bin(SizeOp.SUB, N, N)), 4));
        assertTrue(e.getMessage().startsWith("t.tc0:1:1: division by zero in the bound"), e.getMessage());
        e = assertThrows(UserError.class, () -> at(bin(SizeOp.POW, N, N), 100000));
        assertTrue(e.getMessage().contains("bits at these values"), e.getMessage());
    }

    @TempDir
    Path dir;

    /** RoPE tensor attention at n = 1024 has about 2.8 x 10^20 wires: bounds on either side of it, both past 2^63, are told apart. */
    @Test
    void countedWiresPast2To63AreComparedWithTheExactBound() throws Exception {
        // The unmasked tensor attention (the example's causal pair mask is held entry by entry, and not counted past n = 128).
        String text = Files.readString(Path.of("../examples/rope_tensor_attention.tc0")).replaceAll("(?m)^\\s*assert [^\\n]*\\n", "")
                .replace("causal_rope_tensor_attention", "rope_tensor_attention");
        int close = text.lastIndexOf('}');
        Path spec = dir.resolve("rta.tc0");
        Files.writeString(spec, text.substring(0, close) + "    assert wires <= n^7;\n    assert wires <= 100 * n^6;\n}\n");
        Cli r = Cli.run("check", spec.toString(), "--n", "1024", "--count-only", "--json");
        assertEquals(1, r.exitCode(), r.err());
        JsonNode checks = new ObjectMapper().readTree(r.out()).get("checks");
        BigInteger wires = checks.get(0).get("measured").bigIntegerValue();
        assertTrue(wires.bitLength() > 63, "wires " + wires);
        assertEquals(BigInteger.TWO.pow(70), checks.get(0).get("boundValue").bigIntegerValue());
        assertTrue(checks.get(0).get("holds").asBoolean());
        assertEquals(BigInteger.valueOf(100).shiftLeft(60), checks.get(1).get("boundValue").bigIntegerValue());
        assertTrue(!checks.get(1).get("holds").asBoolean());
        assertTrue(r.err().contains("assert wires <= 100*n^6 fails"), r.err());
    }
}
