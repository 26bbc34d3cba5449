package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile specs through the command line: every one is exit 2 with one positioned line ({@code tc0:
 * file:line:col: what is wrong; what to do}), no stack trace, in seconds, where before they printed a Java
 * exception, hung in elaboration or counting, or compiled something meaningless.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HostileSpecTest {
    @TempDir
    Path dir;

    /** A spec of m(n = 4, d = 4) with input X: [n, n] and {@code body} from line 4. */
    private Path spec(String name, String precision, String body) throws IOException {
        return Files.writeString(dir.resolve(name + ".tc0"),
                "model m(n = 4, d = 4) {\n    precision " + precision + ";\n    input X: [n, n];\n" + body + "\n}\n");
    }

    private Path spec(String name, String body) throws IOException {
        return spec(name, "fixed(int: 8, frac: 6)", body);
    }

    /** Runs tc0 and checks exit 2, one "tc0: " line without a stack trace, starting with {@code file:where: message}. */
    private static void refused(Path file, String where, String message, String... args) {
        Cli r = Cli.run(args);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.saysOneLineError(), r.err());
        String first = r.err().strip().lines().findFirst().orElseThrow();
        assertEquals("tc0: " + file + ":" + where + ": " + message, first);
    }

    /** A little-endian float64 .npy file of shape [2, 2] (NumPy format 1.0: magic, header padded to 128 bytes, data). */
    private Path npy(String name, double... values) throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";
        header = header + " ".repeat(128 - 10 - header.length() - 1) + "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (double v : values) b.putDouble(v);
        return Files.write(dir.resolve(name), b.array());
    }

    /** A bit weight read from a file holds 0 and 1; any other value was read as 1 (non-zero), silently. */
    @Test
    void aBitWeightLoadedWithValuesOtherThanZeroAndOneIsRefusedAtItsPlace() throws IOException {
        npy("half.npy", 1, 0, 0.5, 1);
        Path s = Files.writeString(dir.resolve("bits.tc0"), "model m(n = 2) {\n    precision fixed(int: 4, frac: 2);\n"
                + "    input X: [n, n];\n    weight W: [n, n] bit = load(\"half.npy\");\n    output Y = X @ W;\n}\n");
        refused(s, "4:28", "cannot load 'half.npy': its value at [1, 0] is 0.5; a bit weight holds 0 and 1 only",
                "compile", s.toString(), "-o", dir.resolve("bits.tc0c").toString());
        npy("half.npy", 1, 0, 0, 1);
        assertEquals(0, Cli.run("compile", s.toString(), "-o", dir.resolve("bits.tc0c").toString()).exitCode(), "0 and 1 load");
    }

    @Test
    void aNotANumberInAWordWeightIsRefusedAtItsPlace() throws IOException {
        npy("nan.npy", 1, 0, 0.25, Double.NaN);
        Path s = Files.writeString(dir.resolve("nan.tc0"), "model m(n = 2) {\n    precision fixed(int: 4, frac: 2);\n"
                + "    input X: [n, n];\n    weight W: [n, n] = load(\"nan.npy\");\n    output Y = X @ W;\n}\n");
        refused(s, "4:24", "cannot load 'nan.npy': value 3 is NaN",
                "stats", s.toString(), "--count-only");
    }

    @Test
    void nestedLoopsOfBillionsOfIterationsAreRefusedBeforeElaboration() throws IOException {
        Path s = spec("loops", "    let H = X;\n    for i in 0 .. 65536 {\n        for j in 0 .. 65536 {\n            H = H + X;\n        }\n    }\n    output Y = H;");
        refused(s, "5:5", "loop 'i' and the loops inside it unroll to at least 4295032832 iterations; at most 1048576 unrolled "
                + "iterations are allowed in all; lower the loop bounds or the parameters", "stats", s.toString(), "--count-only");
    }

    @Test
    void aRecursionCycleOfFiveThousandFunctionsIsOneLine() throws IOException {
        String fns = IntStream.range(0, 5000).mapToObj(i -> "fn f" + i + "(X: [m, k]) -> [m, k] {\n    return f" + (i + 1) % 5000
                + "(X);\n}\n").collect(Collectors.joining());
        Path s = Files.writeString(dir.resolve("cycle.tc0"), fns
                + "model m(n = 4) {\n    precision fixed(int: 8, frac: 6);\n    input X: [n, n];\n    output Y = f0(X);\n}\n");
        refused(s, "1:4", "recursion is not allowed: f0 -> f1 -> f2 -> f3 -> f4 -> f5 -> f6 -> f7 -> ... -> f4999 -> f0 (5000 functions)",
                "stats", s.toString(), "--count-only");
    }

    @Test
    void aPrecisionPast61BitsIsRefusedWithTheLimit() throws IOException {
        Path s = spec("wide", "fixed(int: 31, frac: 31)", "    output Y = X + X;");
        refused(s, "2:5", "precision fixed(31, 31) is 62 bits; at most 61 bits are allowed (words and their sums are held in 64-bit "
                + "longs); lower int or frac", "compile", s.toString(), "-o", dir.resolve("o.tc0c").toString());
        assertTrue(Files.notExists(dir.resolve("o.tc0c")));
    }

    @Test
    void aTableCountingWouldScanIsRefusedBeforeCounting() throws IOException {
        Path s = spec("table", "fixed(int: 30, frac: 31)", "    output Y = exp(X);");
        refused(s, "4:16", "exp on fixed(30, 31) needs a table of 2^61 entries, past the 2^20 that tc0 tabulates, or the 2^30 it "
                + "counts (a smaller n or precision keeps values narrower)", "stats", s.toString(), "--count-only");
    }

    @Test
    void aParameterOverflowingAWeightsArrayIsRefusedWithTheShape() throws IOException {
        Path s = spec("big", "    weight W: [d, d] = random(seed: 1);\n    output Y = X @ W[0:n, 0:n];");
        refused(s, "4:5", "weight 'W' of shape [d, d] is [50000, 50000] (d = 50000), 2500000000 values; a weight holds at most "
                + "2^31 - 1 values (they are stored in one array); use smaller sizes", "stats", s.toString(), "--count-only", "--set", "d=50000");
    }

    @Test
    void aTensorPastALongInsideAnExpressionIsRefusedByTheElaborator() throws IOException {
        Path s = spec("kron", "    input Z: [n, d];\n    output Y = sum(rowkron(Z, Z), axis: 1);");
        refused(s, "5:20", "a tensor of shape [4, 9000000000000000000] has 2^63 elements or more; a tensor's element count must fit "
                + "in 64 bits; use smaller sizes", "stats", s.toString(), "--count-only", "--set", "d=3000000000");
    }

    @Test
    void constantsWithoutAValueAreRefusedAtTheExpression() throws IOException {
        Path div = spec("div", "    output Y = X / (n - 4);");
        refused(div, "4:18", "division by the constant 0 (n = 4); divide by a nonzero constant", "compile", div.toString(), "-o",
                dir.resolve("o.tc0c").toString());
        Path recip = spec("recip", "    output Y = X * recip(0);");
        refused(recip, "4:20", "recip of the constant 0 has no value; divide by a nonzero constant", "stats", recip.toString(), "--count-only");
        Path sqrt = spec("sqrt", "    output Y = X * sqrt(-2);");
        refused(sqrt, "4:20", "sqrt of the negative constant -2 has no real value; take sqrt of a constant >= 0", "stats", sqrt.toString());
        Path exp = spec("exp", "    output Y = X * exp(1000);");
        refused(exp, "4:20", "exp of the constant 1000 is past what a constant can hold (about 1.8e308); use a smaller argument",
                "verify", exp.toString());
    }

    @Test
    void literalsPastTheFormatAreRefusedNamingItsRange() throws IOException {
        Path huge = spec("huge", "    output Y = X * 1180591620717411303424;");
        refused(huge, "4:20", "the literal 1180591620717411303424 is past 2^63; no format holds it (a word has at most 61 bits); use a "
                + "smaller constant", "compile", huge.toString(), "-o", dir.resolve("o.tc0c").toString());
        Path digits = spec("digits", "    output Y = X + " + "9".repeat(300) + ";");
        refused(digits, "4:20", "the literal 999999999999... (300 digits) is past 2^63; no format holds it (a word has at most 61 bits); "
                + "use a smaller constant", "stats", digits.toString(), "--count-only");
        Path range = spec("range", "    output Y = X + 200;");
        refused(range, "4:18", "the constant 200 is past the range of fixed(8, 6), -128 to 127.984375; use a constant in that range or "
                + "more int bits", "stats", range.toString(), "--count-only");
    }

    @Test
    void downsamplingToALargerOrUpsamplingToASmallerShapeIsRefused() throws IOException {
        Path down = spec("down", "    output Y = downsample(X, to: [2 * n, 2 * n], mode: nearest);");
        refused(down, "4:16", "downsample from [4, 4] to [8, 8] would grow axis 0 (4 to 8); downsample needs a target at most as large "
                + "on each axis; use upsample to go the other way", "stats", down.toString(), "--count-only");
        Path up = spec("up", "    output Y = upsample(X, to: [n, n / 2], mode: bilinear);");
        refused(up, "4:16", "upsample from [4, 4] to [4, 2] would shrink axis 1 (4 to 2); upsample needs a target at least as large on "
                + "each axis; use downsample to go the other way", "compile", up.toString(), "-o", dir.resolve("o.tc0c").toString());
    }

    @Test
    void aDuplicatedSetIsRefusedNamingBoth() throws IOException {
        Path s = spec("ok", "    output Y = X + X;");
        Cli r = Cli.run("parse", s.toString(), "--set", "n=4", "--set", "n=8");
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError(), r.err());
        assertEquals("tc0: --set n=8: 'n' is already set by --set n=4; give each parameter once", r.err().strip());
    }
}
