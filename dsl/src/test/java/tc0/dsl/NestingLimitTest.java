package tc0.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deep nesting is refused by counting, before anything recursive runs: at the limit a spec is checked, one
 * past it and at 100,000 levels it is refused with the same positioned error on every run and on a small stack.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NestingLimitTest {
    private static final int LIMIT = 200;
    private static final String MESSAGE = "nested too deeply: more than 200 levels of brackets, blocks and operators in a row;"
            + " split the expression with 'let'";
    /** Y = <expr>: the model's block is one level, so an expression may nest LIMIT - 1 levels. */
    private static final String SPEC = "model m(n = 4) {\n    precision fixed(int: 8, frac: 4);\n    input X: [n, n];\n"
            + "    output Y = %s;\n}\n";
    /** A quarter of the JVM's default: refusing 100,000 levels takes no recursion at all. */
    private static final long SMALL_STACK = 256 << 10;
    private static final int EXPR_COL = "    output Y = ".length() + 1;

    /** Each shape of nesting: levels, as source. */
    private static final List<IntFunction<String>> NESTINGS = List.of(
            k -> "(".repeat(k) + "X" + ")".repeat(k),
            k -> "X" + " + X".repeat(k),
            k -> "-".repeat(k) + "X",
            k -> "X" + " ^ 2".repeat(k),
            k -> "X" + "[0:n, 0:n]".repeat(k)); // each slice nests the one before it

    @Test
    void atTheLimitTheSpecIsCheckedOnePastItIsRefusedAtTheTokenThatPassesIt() throws Exception {
        for (IntFunction<String> nest : NESTINGS) {
            // checked through every stage on the JVM's default stack (1 MB, the CLI's main thread): the stages take
            // about 1 KB of stack a level (150-250 KB at the limit, measured; more once the JIT has inlined)
            List<String> at = onStack(SPEC.formatted(nest.apply(LIMIT - 1)), 1 << 20);
            assertTrue(at.stream().noneMatch(h -> h.contains("nested too deeply")), nest.apply(3) + ": " + at);
            String past = nest.apply(LIMIT);
            CheckResult r = Dsl.check(SPEC.formatted(past), "deep.tc0");
            assertEquals(List.of("deep.tc0:4:" + (EXPR_COL + lastOpening(past)) + ": " + MESSAGE), headlines(r));
        }
    }

    @Test
    void blocksCountToo() {
        String loops = "for i in 0..2 {\n".repeat(LIMIT) + "}\n".repeat(LIMIT);
        CheckResult r = Dsl.check("model m(n = 4) {\n" + loops + "}\n", "loops.tc0");
        // the model's block is level 1 on line 1; loop j opens level j + 1 on line j + 1: loop 200 passes the limit
        assertEquals(List.of("loops.tc0:" + (LIMIT + 1) + ":15: " + MESSAGE), headlines(r));
    }

    @Test
    void aHundredThousandLevelsGiveTheSameAnswerEveryRunOnASmallStack() throws Exception {
        for (IntFunction<String> nest : NESTINGS) {
            String source = SPEC.formatted(nest.apply(100_000));
            List<String> first = onStack(source, SMALL_STACK);
            assertEquals(1, first.size(), first.toString());
            assertTrue(first.getFirst().endsWith(MESSAGE), first.getFirst());
            for (int run = 0; run < 3; run++) {
                assertEquals(first, onStack(source, SMALL_STACK));
            }
        }
    }

    /** The headlines of checking {@code source} on a thread of {@code stackBytes}. */
    private static List<String> onStack(String source, long stackBytes) throws InterruptedException {
        AtomicReference<List<String>> out = new AtomicReference<>();
        Thread t = new Thread(null, () -> out.set(headlines(Dsl.check(source, "deep.tc0"))), "stack", stackBytes);
        t.start();
        t.join();
        return out.get();
    }

    /** Where the 200th level opens in an expression that nests 200 levels: the token that passes the limit. */
    private static int lastOpening(String expr) {
        // the block is level 1, so the expression's 200th level is the 201st: its 200th opening token
        int seen = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '(' || c == '+' || c == '-' || c == '^' || c == '[') {
                if (++seen == LIMIT) return i;
            }
        }
        throw new AssertionError("fewer than " + LIMIT + " levels in " + expr);
    }

    private static List<String> headlines(CheckResult r) {
        return r.diagnostics().stream().map(Diagnostic::headline).toList();
    }
}
