package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * A fault in tc0 itself (an exception no check foresaw: float Mamba at n = 256 once met one deep in counting) ends
 * with one line and exit 4, no Java class name or stack trace; a user error keeps its own line and code.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InternalErrorTest {
    @CommandLine.Command(name = "fails")
    static final class Fails implements Callable<Integer> {
        @CommandLine.Option(names = "--how") String how = "message";

        @Override
        public Integer call() {
            switch (how) {
                case "message" -> throw new IllegalArgumentException("literal -2147483648 names no node built yet");
                case "none" -> throw new IllegalStateException();
                default -> throw new UserError("spec.tc0:1:1: no such thing", ExitCodes.BAD_INPUT);
            }
        }
    }

    private static String[] run(String how) {
        CommandLine cl = ExitCodes.commandLine(new Fails());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("--how", how);
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void anUnforeseenExceptionIsOneLineAndExitFour() {
        String[] r = run("message");
        assertEquals(String.valueOf(ExitCodes.INTERNAL_ERROR), r[0], r[1]);
        assertTrue(r[1].startsWith("tc0: internal error: literal -2147483648 names no node built yet -- a bug in tc0"), r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        assertFalse(r[1].contains("Exception") || r[1].contains("\tat "), r[1]);
    }

    @Test
    void oneWithoutAMessageSaysWhereItCameFrom() {
        String[] r = run("none");
        assertEquals(String.valueOf(ExitCodes.INTERNAL_ERROR), r[0], r[1]);
        assertTrue(r[1].startsWith("tc0: internal error: no message (at InternalErrorTest.java:"), r[1]);
        assertFalse(r[1].contains("Exception"), r[1]);
    }

    @Test
    void aUserErrorKeepsItsLineAndCode() {
        String[] r = run("user");
        assertEquals(String.valueOf(ExitCodes.BAD_INPUT), r[0], r[1]);
        assertEquals("tc0: spec.tc0:1:1: no such thing", r[1].strip());
    }
}
