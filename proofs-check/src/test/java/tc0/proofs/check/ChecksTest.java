package tc0.proofs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.proofs.catalog.Catalog;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.catalog.Claim;
import tc0.proofs.catalog.Paper;

/** Each check holds on a sound instance and fails, readably, on a planted fault. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChecksTest {
    static final Path ROOT = Files.isDirectory(Path.of("..", "examples")) ? Path.of("..") : Path.of(".");
    private final Instances in = new Instances(ROOT);

    @Test
    void structHoldsOnABlockWhoseDepthIsConstant() {
        Outcome o = StructCheck.run(new Target("p", "Lemma B.1", "examples/blocks/hadamard.tc0", List.of(2L, 4L, 8L, 16L)), in);
        assertInstanceOf(Verdict.Holds.class, o.verdict(), o.toString());
        assertTrue(o.instances().contains("built"), o.instances());
    }

    @Test
    void structFailsOnTreeSumWhoseDepthGrowsWithN() {
        Outcome o = StructCheck.run(new Target("contrast", "tree", "examples/contrast/tree_sum.tc0", List.of(4L, 8L, 16L, 32L)), in);
        Verdict.Fails f = assertInstanceOf(Verdict.Fails.class, o.verdict(), o.toString());
        assertEquals("n=8", f.instance());
        assertTrue(f.figure().startsWith("depth is not constant"), f.figure());
        // and CONTRAST, which wants exactly that, holds
        assertInstanceOf(Verdict.Holds.class, ContrastCheck.run(new Target("c", "t", "examples/contrast/tree_sum.tc0", List.of(4L, 8L, 16L)), in).verdict());
        assertInstanceOf(Verdict.Fails.class, ContrastCheck.run(new Target("c", "t", "examples/blocks/hadamard.tc0", List.of(4L, 8L)), in).verdict());
    }

    @Test
    void funcHoldsAgainstTheExactReferenceAndShowsTheInputWhereAWrongOneDiffers() {
        Target t = new Target("p", "Lemma 3.16", "examples/blocks/matmul.tc0", List.of(2L));
        Outcome ok = FuncCheck.run(t, 2, 8, 1, in, FuncCheck.EXACT);
        assertInstanceOf(Verdict.Holds.class, ok.verdict(), ok.toString());
        assertTrue(ok.figures().stream().anyMatch(f -> f.startsWith("error against float64, output C")), ok.figures().toString());

        FuncCheck.Reference offByOne = (p, inputs) -> {
            Map<String, long[]> r = new HashMap<>(FuncCheck.EXACT.run(p, inputs));
            long[] c = r.get("C").clone();
            c[3] += 1; // a planted wrong reference: one code of one output off by one
            r.put("C", c);
            return r;
        };
        Verdict.Fails f = assertInstanceOf(Verdict.Fails.class, FuncCheck.run(t, 2, 8, 1, in, offByOne).verdict());
        assertEquals("n=2, input 0 (zeros)", f.instance());
        assertTrue(f.figure().startsWith("output C element 3: reference 1, circuit 0; input codes A = [0, 0"), f.figure());
    }

    @Test
    void depthSetsTheFormulaBesideTheBlockAndFailsWhereTheBlockIsDeeper() {
        Paper mamba = Catalog.load().paper("2412.06148").orElseThrow();
        Claim hadamard = mamba.claim("Lemma B.1").orElseThrow(); // d_std, on blocks/hadamard: d_std is measured there
        Outcome ok = DepthCheck.run(mamba, hadamard, new Target(mamba.id(), hadamard.id(), "examples/blocks/hadamard.tc0", List.of(4L, 8L)), in);
        assertInstanceOf(Verdict.Holds.class, ok.verdict(), ok.toString());
        assertTrue(ok.figures().stream().anyMatch(f -> f.contains("n=4: block 7, formula 7 (within by 0)")), ok.figures().toString());
        // the same formula set beside a deeper block (the matrix product, d_std + d_sum) fails, with the figure
        Outcome deeper = DepthCheck.run(mamba, hadamard, new Target(mamba.id(), hadamard.id(), "examples/blocks/layer_norm.tc0", List.of(4L)), in);
        Verdict.Fails f = assertInstanceOf(Verdict.Fails.class, deeper.verdict(), deeper.toString());
        assertTrue(f.figure().matches("examples/blocks/layer_norm.tc0's depth \\d+ is above the formula d_std = 7 by \\d+"), f.figure());
    }

    @Test
    void depthReportsThm45sFormulaThatItsOwnStagesDoNotAddUpTo() {
        Paper mamba = Catalog.load().paper("2412.06148").orElseThrow();
        Claim thm = mamba.claim("Thm 4.5").orElseThrow();
        Outcome o = DepthCheck.run(mamba, thm, new Target(mamba.id(), thm.id(), "examples/mamba.tc0", List.of(4L)), in);
        String all = String.join("\n", o.figures());
        assertTrue(all.contains("finding 1 about the paper"), all);
        assertTrue(all.contains("expands to 12 d_std + 6 d_sum + 2 d_exp + d_dup + 2 d_prod"), all);
        assertTrue(all.contains("expands to 20 d_std + 10 d_sum + 2 d_prod + 4 d_exp + d_dup"), all);
        assertTrue(all.contains("difference 8 d_std + 4 d_sum + 2 d_exp"), all);
        assertEquals(CheckKind.DEPTH, o.kind());
    }
}
