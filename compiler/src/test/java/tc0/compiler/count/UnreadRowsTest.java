package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static tc0.compiler.count.CountAsserts.program;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tc0.compiler.elaborate.Elaborator;
import tc0.compiler.elaborate.Specs;
import tc0.compiler.interp.InputGenerator;
import tc0.compiler.interp.ReferenceInterpreter;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;

/** The rewrite before counting computes the same outputs, without the rows of z that scanexp never reads. */
class UnreadRowsTest {
    @Test
    void sameOutputsOnEveryKindOfInput() {
        Map<String, Long> params = Map.of("n", 4L, "d", 2L, "state", 1L, "layers", 2L);
        TensorProgram p = Elaborator.elaborate(Specs.check(Specs.examples().resolve("mamba.tc0"), params), params);
        assertSameOutputs(p, UnreadRows.apply(p));
        TensorProgram q = program("input X: [5, 2]; input Y: [5, 2]; output H = scanexp(-(relu(X) * 0.5), Y); output R = relu(X);");
        assertSameOutputs(q, UnreadRows.apply(q));
    }

    @Test
    void rowsOneOnArePushedUpThroughRowWiseOps() {
        // -(relu(X) * 0.5): scale of scale of relu, each read only by the next: all three computed from row 1 on.
        TensorProgram p = UnreadRows.apply(program("input X: [5, 2]; input Y: [5, 2]; output H = scanexp(-(relu(X) * 0.5), Y);"));
        Node z = p.node(scan(p).z());
        Op.Concat c = assertInstanceOf(Op.Concat.class, z.op());
        assertInstanceOf(Op.Fill.class, p.node(c.left()).op());
        Node rest = p.node(c.right());
        int trimmed = 0;
        for (Node x = rest; !(x.op() instanceof Op.Slice); x = p.node(x.op().operands().getFirst()), trimmed++) assertEquals(4L, x.dim(0), x.toString());
        assertEquals(3, trimmed); // scale, scale, relu; then a slice of the input
    }

    @Test
    void aNodeReadElsewhereIsSlicedNotTrimmed() {
        // relu(X) is also an output: it stays whole, and z reads a slice of it.
        TensorProgram p = UnreadRows.apply(program("input X: [3, 2]; input Y: [3, 2]; let R = relu(X); output H = scanexp(R, Y); output S = R;"));
        Op.Concat c = assertInstanceOf(Op.Concat.class, p.node(scan(p).z()).op());
        assertInstanceOf(Op.Slice.class, p.node(c.right()).op());
    }

    @Test
    void programsWithoutComputedLogDecaysAreKept() {
        TensorProgram p = program("input Z: [3, 2]; input B: [3, 2]; output H = scanexp(Z, relu(B));");
        assertSame(p, UnreadRows.apply(p));
    }

    private static Op.ScanExp scan(TensorProgram p) {
        return p.nodes().stream().map(Node::op).filter(Op.ScanExp.class::isInstance).map(Op.ScanExp.class::cast).findFirst().orElseThrow();
    }

    private static void assertSameOutputs(TensorProgram p, TensorProgram q) {
        for (Map.Entry<String, Map<String, long[]>> in : InputGenerator.all(p, 11).entrySet()) {
            Map<String, long[]> a = ReferenceInterpreter.run(p, in.getValue()), b = ReferenceInterpreter.run(q, in.getValue());
            assertEquals(a.keySet(), b.keySet());
            for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), in.getKey() + " " + k);
        }
    }
}
