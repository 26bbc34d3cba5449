package tc0.circuits.gpu;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the GPU tests without Maven, for a CUDA machine that has no Java build tools (bench/gpu-check.sh):
 * {@link GpuEvaluatorTest} (the evaluator contract and the EPFL suite on the device), {@link NvrtcTest} and the
 * simulator's tests beside them. Prints JUnit's summary and every failure; exits 1 when a test failed (or, with
 * {@code --require-gpu}, was skipped for want of a GPU), 2 when none ran.
 */
public final class GpuTests {
    private GpuTests() {}

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(GpuEvaluatorTest.class), selectClass(NvrtcTest.class), selectClass(SimulatedGpuEvaluatorTest.class),
                        selectClass(SimulatedGpuEpflTest.class))
                .build();
        Launcher launcher = LauncherFactory.create();
        var summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        TestExecutionSummary s = summary.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        s.printTo(out);
        s.printFailuresTo(out, 20);
        boolean requireGpu = java.util.List.of(args).contains("--require-gpu");
        if (requireGpu && s.getTestsAbortedCount() > 0) {
            out.println("GpuTests: " + s.getTestsAbortedCount() + " tests were skipped (no usable GPU?), and --require-gpu was given");
            System.exit(1);
        }
        System.exit(s.getTotalFailureCount() > 0 ? 1 : s.getTestsSucceededCount() == 0 ? 2 : 0);
    }
}
