package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every module's tests run under a default timeout in a thread of their own, so a test class without an
 * {@code @Timeout} of its own still fails rather than hangs {@code mvn verify}. The root pom gives Surefire the two
 * JUnit configuration parameters once for every module; this test sees them in force in its own run and in the
 * pom every module inherits.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TestTimeoutsTest {
    private static final String TIMEOUT = "junit.jupiter.execution.timeout.default";
    private static final String THREAD_MODE = "junit.jupiter.execution.timeout.thread.mode.default";

    /** Reads the configuration parameters JUnit runs this class with. */
    static final class Parameters implements BeforeAllCallback {
        String timeout;
        String threadMode;

        @Override
        public void beforeAll(ExtensionContext context) {
            timeout = context.getConfigurationParameter(TIMEOUT).orElse("");
            threadMode = context.getConfigurationParameter(THREAD_MODE).orElse("");
        }
    }

    @RegisterExtension
    static final Parameters RUN = new Parameters();

    @Test
    void theDefaultTimeoutIsInForceInASeparateThread() {
        assertTrue(RUN.timeout.matches("\\d+ ?(s|m)"), "no default timeout in this run: '" + RUN.timeout + "'");
        assertEquals("SEPARATE_THREAD", RUN.threadMode,
                "a busy loop is only interrupted, never stopped, unless the timeout runs in a separate thread");
    }

    @Test
    void theRootPomGivesThemToEveryModulesSurefire() throws IOException {
        String pom = Files.readString(repositoryRoot().resolve("pom.xml"));
        int surefire = pom.indexOf("<artifactId>maven-surefire-plugin</artifactId>");
        assertTrue(surefire >= 0, "no Surefire in the root pom");
        String config = pom.substring(surefire, pom.indexOf("</plugin>", surefire));
        assertTrue(config.contains(TIMEOUT + " = ${tc0.testTimeout}"), "Surefire's configuration has no default timeout");
        assertTrue(config.contains(THREAD_MODE + " = SEPARATE_THREAD"), "Surefire's timeouts do not run in a separate thread");
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("cli"))) return p;
        }
        throw new AssertionError("repository root not found above " + Path.of("").toAbsolutePath());
    }
}
