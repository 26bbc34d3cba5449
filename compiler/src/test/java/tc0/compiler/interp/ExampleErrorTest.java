package tc0.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.elaborate.Specs;
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
        List<Float64Errors.OutputError> err = errors(p, in);
        System.out.println(file.getFileName() + " n=4 " + p.nodes().size() + " nodes: " + err);
        for (Float64Errors.OutputError e : err) {
            assertTrue(e.ulps() <= 16, file + ": " + e);
            assertTrue(e.ulps() > 0, file + ": a float64 run equal to the codes is suspicious: " + e);
        }
    }

    @org.junit.jupiter.api.Test
    void theRopeTransformersErrorAtNEightIsAFewUnitsOfTheLastPlace() {
        Map<String, Long> params = Map.of("n", 8L);
        TensorProgram p = Specs.example("rope_transformer", params);
        for (InputGenerator.Kind k : new InputGenerator.Kind[] {InputGenerator.Kind.RANDOM_UNIT, InputGenerator.Kind.ZEROS}) {
            List<Float64Errors.OutputError> err = errors(p, InputGenerator.generate(p, k, 11));
            System.out.println("rope_transformer n=8 " + k + ": " + err);
            assertTrue(err.getFirst().ulps() <= 16, err.toString());
        }
    }

    /** Every output's error against float64 on one input. */
    private static List<Float64Errors.OutputError> errors(TensorProgram p, Map<String, long[]> in) {
        Float64Errors e = new Float64Errors(p);
        e.add(in);
        return e.results();
    }
}
