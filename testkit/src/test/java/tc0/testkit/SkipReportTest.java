package tc0.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SkipReportTest {
    /** Run only by the test below (Surefire leaves nested classes alone): two tools missing, one disabled test. */
    static class Sample {
        @Test
        void needsAbc() {
            Assumptions.assumeTrue(false, "skipped: berkeley-abc not installed");
        }

        @Test
        void needsAbcToo() {
            Assumptions.assumeTrue(false, "skipped: berkeley-abc not installed");
        }

        @Test
        @Disabled("skipped: yosys not installed")
        void needsYosys() {}

        @Test
        void runs() {}
    }

    @Test
    void eachReasonIsPrintedOnceWithItsCountAndClass() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SkipReport report = new SkipReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        var launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Sample.class)).build(), report);
        assertEquals("""
                [tc0] 3 tests skipped, and why:
                [tc0]   2 x skipped: berkeley-abc not installed (SkipReportTest$Sample)
                [tc0]   1 x skipped: yosys not installed (SkipReportTest$Sample)
                """, bytes.toString(StandardCharsets.UTF_8));
    }
}
