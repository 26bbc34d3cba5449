package tc0.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tc0.compiler.ir.IrPrinter;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.TensorProgram;
import tc0.dsl.CheckedModel;
import tc0.dsl.check.Binding;

class ExamplesElaborateTest {
    static List<Path> examples() {
        return Specs.exampleFiles();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleElaboratesAtNFourAndEightWithTheShapesTheCheckerPredicts(Path file) {
        for (long n : new long[] {4, 8}) {
            Map<String, Long> params = Map.of("n", n);
            CheckedModel m = Specs.check(file, params);
            TensorProgram p = Elaborator.elaborate(m, params);
            assertEquals(m.outputs().size(), p.outputs().size());
            assertEquals(m.inputs().size(), p.inputs().size());
            for (Binding b : m.bindings()) {
                if (b.scope().equals("model") && (b.role() == Binding.Role.OUTPUT || b.role() == Binding.Role.INPUT)) {
                    List<Long> shape = p.port(b.name()).shape();
                    assertEquals(List.of(shape), m.concreteShapes(b), file + " n=" + n + " " + b.name());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theGraphIsTheSameForEveryNAndOnlyItsTensorsGrow(Path file) {
        TensorProgram p4 = elaborate(file, Map.of("n", 4L)), p8 = elaborate(file, Map.of("n", 8L));
        assertEquals(p4.census(), p8.census(), file.toString());
        assertTrue(elements(p8) > elements(p4), file.toString());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void eachLayerAddsTheSameNumberOfNodes(Path file) {
        String layers = file.toString().contains("flowar") ? "steps" : "layers";
        // from 2 layers on: at one layer a slice of a weight stacked by layer (var's) is the whole weight, no node
        int n1 = elaborate(file, Map.of("n", 4L, layers, 2L)).nodes().size();
        int n2 = elaborate(file, Map.of("n", 4L, layers, 3L)).nodes().size();
        int n3 = elaborate(file, Map.of("n", 4L, layers, 4L)).nodes().size();
        assertTrue(n2 > n1, file + ": " + n1 + " " + n2);
        assertEquals(n2 - n1, n3 - n2, file + ": " + n1 + " " + n2 + " " + n3);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyNodeHasARegionAndElaborationIsDeterministic(Path file) {
        TensorProgram a = elaborate(file, Map.of("n", 4L)), b = elaborate(file, Map.of("n", 4L));
        for (Node n : a.nodes()) {
            assertFalse(n.region().isBlank());
        }
        assertEquals(a.nodes(), b.nodes());
        assertEquals(IrPrinter.print(a), IrPrinter.print(b));
    }

    static TensorProgram elaborate(Path file, Map<String, Long> params) {
        return Elaborator.elaborate(Specs.check(file, params), params);
    }

    static long elements(TensorProgram p) {
        return p.nodes().stream().mapToLong(Node::size).sum();
    }
}
