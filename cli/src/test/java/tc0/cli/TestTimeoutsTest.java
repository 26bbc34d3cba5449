package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every module's tests run under a default timeout in a thread of their own (junit-platform.properties), so a
 * test class without an {@code @Timeout} of its own still fails rather than hangs {@code mvn verify}; a new
 * module without the file fails here.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TestTimeoutsTest {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void everyModuleWithTestsHasADefaultTimeoutInASeparateThread() throws IOException {
        Path root = repositoryRoot();
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (m.find()) modules.add(m.group(1));
        assertFalse(modules.isEmpty(), "no <module> in the root pom");
        for (String module : modules) {
            if (!Files.isDirectory(root.resolve(module).resolve("src/test/java"))) continue;
            Path file = root.resolve(module).resolve("src/test/resources/junit-platform.properties");
            assertTrue(Files.isRegularFile(file), module + " has tests but no " + root.relativize(file));
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            assertTrue(p.getProperty("junit.jupiter.execution.timeout.default", "").matches("\\d+ ?(s|m)"),
                    module + ": no default timeout in " + file);
            assertTrue("SEPARATE_THREAD".equals(p.getProperty("junit.jupiter.execution.timeout.thread.mode.default")),
                    module + ": a busy loop is only interrupted, never stopped, unless the timeout runs in a separate thread");
        }
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("cli"))) return p;
        }
        throw new AssertionError("repository root not found above " + Path.of("").toAbsolutePath());
    }
}
