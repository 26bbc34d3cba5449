package tc0.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.IrPrinter;
import tc0.compiler.ir.TensorProgram;

class ExampleErrorTest {
    static List<Path> examples() {
        return Specs.exampleFiles();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleInterpretsDeterministicallyAndReportsItsFloat64Error(Path file) {
        Map<String, Long> params = Map.of("n", 4L);
        TensorProgram p = Elaborator.elaborate(Specs.check(file, params), params);
        Map<String, long[]> in = InputGenerator.generate(p, InputGenerator.Kind.RANDOM_UNIT, 7);
        Map<String, long[]> a = ReferenceInterpreter.run(p, in), b = ReferenceInterpreter.run(p, in);
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k));
        List<ApproximationError> err = ApproximationError.measure(p, in);
        System.out.println(file.getFileName() + " n=4 " + p.nodes().size() + " nodes: " + err);
        if (file.toString().contains("rope_transformer")) System.out.println(IrPrinter.print(p));
    }
}
