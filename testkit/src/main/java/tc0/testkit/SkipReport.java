package tc0.testkit;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of a module's test run, every reason tests were skipped (a missing external tool, a
 * missing privilege) with how many and in which classes: Surefire's console shows only the counts, and a
 * skip must say why where people read, not only in target/surefire-reports. Registered for every module's
 * tests through META-INF/services.
 */
public final class SkipReport implements TestExecutionListener {
    /** reason -> the classes whose tests it skipped; counts beside. */
    private final Map<String, TreeSet<String>> classes = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final PrintStream out;

    /** Prints to standard output, which Surefire shows on the console. */
    public SkipReport() {
        this(System.out);
    }

    SkipReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            record(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (counts.isEmpty()) return;
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.println("[tc0] " + total + (total == 1 ? " test" : " tests") + " skipped, and why:");
        counts.forEach((reason, n) -> out.println("[tc0]   " + n + " x " + reason + " (" + String.join(", ", classes.get(reason)) + ")"));
        out.flush();
    }

    private synchronized void record(TestIdentifier test, String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.replaceFirst("^Assumption failed: ", "").strip();
        counts.merge(why, 1, Integer::sum);
        classes.computeIfAbsent(why, k -> new TreeSet<>()).add(className(test).orElse(test.getDisplayName()));
    }

    private static Optional<String> className(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance)
                .map(m -> ((MethodSource) m).getClassName().substring(((MethodSource) m).getClassName().lastIndexOf('.') + 1));
    }
}
