package tc0.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.numerics.FixedFormat;

class InputGeneratorTest {
    private final TensorProgram gcn = Specs.example("gcn", Map.of("n", 4L));

    @Test
    void everyKindGivesValidCodesAndTheReferenceRunsOnAll() {
        for (var e : InputGenerator.all(gcn, 3).entrySet()) {
            Map<String, long[]> in = e.getValue();
            assertTrue(Arrays.stream(in.get("A")).allMatch(c -> c == 0 || c == 1), e.getKey());
            long[] y = ReferenceInterpreter.run(gcn, in).get("Y");
            assertEquals(2, y.length, e.getKey()); // the readout head's two class scores
        }
    }

    @Test
    void extremesAreTheFormatsEndsAndRandomIsDeterministicPerSeed() {
        FixedFormat f = gcn.precision();
        assertTrue(Arrays.stream(InputGenerator.generate(gcn, InputGenerator.Kind.MAX, 0).get("X")).allMatch(c -> c == f.maxCode()));
        assertTrue(Arrays.stream(InputGenerator.generate(gcn, InputGenerator.Kind.MIN, 0).get("X")).allMatch(c -> c == f.minCode()));
        long[] a = InputGenerator.generate(gcn, InputGenerator.Kind.RANDOM, 5).get("X");
        assertArrayEquals(a, InputGenerator.generate(gcn, InputGenerator.Kind.RANDOM, 5).get("X"));
        assertFalse(Arrays.equals(a, InputGenerator.generate(gcn, InputGenerator.Kind.RANDOM, 6).get("X")));
        long one = 1L << f.fracBits();
        assertTrue(Arrays.stream(InputGenerator.generate(gcn, InputGenerator.Kind.RANDOM_UNIT, 5).get("X")).allMatch(c -> c >= -one && c < one));
    }

    @Test
    void saturatingInputsGiveSaturatedButDefinedOutputs() {
        TensorProgram p = Specs.example("softmax_transformer", Map.of("n", 4L));
        Map<String, long[]> in = InputGenerator.generate(p, InputGenerator.Kind.ALTERNATING, 0);
        long[] y1 = ReferenceInterpreter.run(p, in).get("Y"), y2 = ReferenceInterpreter.run(p, in).get("Y");
        assertArrayEquals(y1, y2);
        assertTrue(Arrays.stream(y1).allMatch(p.precision()::contains));
    }
}
