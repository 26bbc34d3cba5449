package tc0.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.dsl.CheckResult;
import tc0.dsl.Diagnostic;
import tc0.dsl.Dsl;

/**
 * Specs built to make the checker work without end or compute values that do not exist: each is refused
 * with exactly one positioned error, within the class's timeout (seconds, where several of them took
 * minutes or hung before).
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class HostileSpecCheckTest {
    /** A model of {@code n} (default 4) with input X: [n, n] and {@code body} (indented lines) at line 4. */
    private static String model(String precision, String body) {
        return "model m(n = 4, d = 4) {\n    precision " + precision + ";\n    input X: [n, n];\n" + body + "\n}\n";
    }

    private static String model(String body) {
        return model("fixed(int: 8, frac: 6)", body);
    }

    /** The one error of checking {@code source} with {@code values}, as "line:col: message". */
    private static String oneError(String source, Map<String, Long> values) {
        CheckResult r = Dsl.check(source, "h.tc0", values);
        assertEquals(1, r.diagnostics().size(), r.render());
        Diagnostic d = r.diagnostics().getFirst();
        return d.line() + ":" + d.col() + ": " + d.message();
    }

    private static String oneError(String source) {
        return oneError(source, Map.of());
    }

    @Test
    void nestedLoopsUnrollingBillionsOfTimesAreRefusedByCountingNotByVisiting() {
        String s = model("    let H = X;\n    for i in 0 .. 65536 {\n        for j in 0 .. 65536 {\n            H = H + X;\n        }\n    }\n    output Y = H;");
        long expected = 65536L + 65536L * 65536L; // every body run of both loops
        assertEquals("5:5: loop 'i' and the loops inside it unroll to at least " + expected + " iterations; at most "
                + ConcreteChecker.MAX_UNROLLED + " unrolled iterations are allowed in all; lower the loop bounds or the parameters",
                oneError(s));
    }

    @Test
    void aLoopExpressionIsCountedAsLoopsAre() {
        // concat(for ..) unrolls as a loop statement does: refused by the check, not only later by the elaborator
        assertEquals("4:23: loop 'h' and the loops inside it unroll to at least 100000000 iterations; at most "
                + ConcreteChecker.MAX_UNROLLED + " unrolled iterations are allowed in all; lower the loop bounds or the parameters",
                oneError(model("    output Y = concat(for h in 0 .. 100000000 { X }, axis: 1);")));
        // inside a loop statement its iterations multiply
        String nested = model("    weight W: [1024*n, n] = random(seed: 1);\n    let H = X;\n    for i in 0 .. 2048 {\n"
                + "        H = concat(for h in 0 .. 1024 { X }, axis: 1) @ W;\n    }\n    output Y = H;");
        assertTrue(oneError(nested).startsWith("6:5: loop 'i' and the loops inside it unroll to at least 2099200 iterations"), oneError(nested));
        assertTrue(Dsl.check(model("    output Y = concat(for h in 0 .. 4 { X }, axis: 1);"), "h.tc0", Map.of()).ok());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS) // about a million body runs counted: 1-2 s idle, past 5 s at load 30
    void aTriangularNestUsingTheOuterVariableIsCountedUntilItPassesTheLimit() {
        String s = model("    let H = X;\n    for i in 0 .. n {\n        for j in 0 .. i {\n            H = H + X;\n        }\n    }\n    output Y = H;");
        // n + n (n - 1) / 2 body runs: n = 1449 gives 1,050,525, past 2^20 = 1,048,576; n = 1447 gives 1,047,628
        assertTrue(oneError(s, Map.of("n", 1449L)).startsWith("5:5: loop 'i' and the loops inside it unroll to at least "));
        long fits = 1447 + 1447L * 1446 / 2;
        assertTrue(fits <= ConcreteChecker.MAX_UNROLLED, "the case below must be under the limit");
        assertTrue(Dsl.check(s, "h.tc0", Map.of("n", 1447L)).ok());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS) // 200,000 statement visits: 1-3 s on a loaded machine
    void aStatementAfterLoopsOfTwoHundredThousandBodyRunsIsStillChecked() {
        // 1000 * 200 body runs (under the 2^20 unrolled in all) come before the weight whose size is 0 at n = 4:
        // the concrete checks visit every statement the loops unroll to, never stop part way without a word.
        String s = model("    let H = X;\n    for i in 0 .. 1000 {\n        for j in 0 .. 200 {\n            H = H + X;\n"
                + "        }\n    }\n    weight W: [n - 4, n] = random(seed: 1);\n    output Y = H;\n    output Z = W @ X;");
        CheckResult r = Dsl.check(s, "h.tc0", Map.of());
        assertEquals("10:5: size n - 4 of 'W' is 0 (n = 4); sizes must be at least 1",
                r.diagnostics().getFirst().line() + ":" + r.diagnostics().getFirst().col() + ": " + r.diagnostics().getFirst().message(),
                r.render());
    }

    /** {@code count} functions, each calling the next, the last the first; the model calls f0. */
    private static String cycle(int count) {
        String fns = IntStream.range(0, count).mapToObj(i -> "fn f" + i + "(X: [m, k]) -> [m, k] {\n    return f" + (i + 1) % count
                + "(X);\n}\n").collect(Collectors.joining());
        return fns + model("    output Y = f0(X);");
    }

    @Test
    void aCallCycleThroughFiveThousandFunctionsIsOneLineWithinTheClassTimeout() {
        // It took minutes before the cycle search was linear; the class's 5 s timeout is the bound (no wall-clock
        // assertion here: this machine's load would make one flaky).
        assertEquals("1:4: recursion is not allowed: f0 -> f1 -> f2 -> f3 -> f4 -> f5 -> f6 -> f7 -> ... -> f4999 -> f0 (5000 functions)",
                oneError(cycle(5000)));
    }

    @Test
    void aPrecisionPast61BitsIsRefusedWithTheLimitAndWhy() {
        assertEquals("2:5: precision fixed(31, 31) is 62 bits; at most 61 bits are allowed (words and their sums are held in "
                + "64-bit longs); lower int or frac", oneError(model("fixed(int: 31, frac: 31)", "    output Y = X;")));
        assertTrue(Dsl.check(model("fixed(int: 30, frac: 31)", "    output Y = X;"), "h.tc0").ok(), "61 bits are allowed");
        assertEquals("2:36: precision frac: n^40 is 1099511627776 (n = 2); a word has at most 61 bits (words and their sums are "
                + "held in 64-bit longs)", oneError(model("fixed(int: 8, frac: n^40)", "    output Y = X;"), Map.of("n", 2L)));
    }

    @Test
    void aParameterThatMakesAWeightPast2To31ValuesIsRefusedAtItsDeclaration() {
        String s = model("    weight W: [d, d] = random(seed: 1);\n    output Y = X @ W[0:n, 0:n];");
        assertEquals("4:5: weight 'W' of shape [d, d] is [50000, 50000] (d = 50000), 2500000000 values; a weight holds at most "
                + "2^31 - 1 values (they are stored in one array); use smaller sizes", oneError(s, Map.of("d", 50000L)));
        assertTrue(Dsl.check(s, "h.tc0", Map.of("d", 46340L)).ok(), "46340^2 < 2^31");
    }

    @Test
    void anInputWhoseElementCountPassesALongIsRefusedButOnePast2To31IsCounted() {
        String s = model("    input Z: [d, d, d];\n    output Y = Z[0:1, 0:1, 0:1];");
        assertEquals("4:5: 'Z' of shape [d, d, d] is [3000000, 3000000, 3000000] (d = 3000000), 2^63 elements or more; a tensor's "
                + "element count must fit in 64 bits; use smaller sizes", oneError(s, Map.of("d", 3_000_000L)));
        assertTrue(Dsl.check(s, "h.tc0", Map.of("d", 1L << 20)).ok(), "2^60 elements: counted in closed form, not stored");
    }

    @Test
    void constantsWithoutAValueAreRefusedWhereTheyAreWritten() {
        assertEquals("4:18: division by the constant 0; divide by a nonzero constant", oneError(model("    output Y = X / (2 - 2);")));
        assertEquals("4:20: recip of the constant 0 has no value; divide by a nonzero constant",
                oneError(model("    output Y = X * recip(0);")));
        assertEquals("4:20: sqrt of the negative constant -2 has no real value; take sqrt of a constant >= 0",
                oneError(model("    output Y = X * sqrt(-2);")));
        assertEquals("4:20: exp of the constant 1000 is past what a constant can hold (about 1.8e308); use a smaller argument",
                oneError(model("    output Y = X * exp(1000);")));
        assertEquals("4:23: the constant '2^5000' is past what a constant can hold (about 1.8e308); use smaller constants",
                oneError(model("    output Y = X * (2 ^ 5000);")));
        assertTrue(Dsl.check(model("    output Y = X * exp(700) / (3 - 2) + X * sqrt(0) * recip(2);"), "h.tc0").ok(), "values that exist pass");
    }

    @Test
    void literalsPastEveryFormatAreRefused() {
        assertEquals("4:20: the literal 1180591620717411303424 is past 2^63; no format holds it (a word has at most 61 bits); "
                + "use a smaller constant", oneError(model("    output Y = X * 1180591620717411303424;")));
        assertEquals("4:20: the literal 999999999999... (300 digits) is past 2^63; no format holds it (a word has at most 61 bits); "
                + "use a smaller constant", oneError(model("    output Y = X + " + "9".repeat(300) + ";")));
    }
}
