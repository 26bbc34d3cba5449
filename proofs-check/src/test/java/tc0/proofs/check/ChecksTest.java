package tc0.proofs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import tc0.proofs.catalog.DepthRegion;
import tc0.proofs.catalog.Paper;

/** Each check holds on a sound instance and fails, readably, on a planted fault. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChecksTest {
    static final Path ROOT = Files.isDirectory(Path.of("..", "examples")) ? Path.of("..") : Path.of(".");
    private final Instances in = new Instances(ROOT);

    @Test
    void structHoldsOnABlockWhoseDepthIsConstant() {
        Outcome o = StructCheck.run(new Target("p", "Lemma B.1", "examples/blocks/hadamard.tc0", List.of(2L, 4L, 8L, 16L)), 1.0, in);
        assertInstanceOf(Verdict.Holds.class, o.verdict(), o.toString());
        assertTrue(o.instances().contains("built"), o.instances());
        // a product's top partial weight is 2^(2w - 2) for words of w = log2(n) + 12 bits: 2 log2(n) + 23 bits
        assertTrue(o.figures().stream().anyMatch(f -> f.startsWith("largest weight bits 25, 27, 29, 31, max fan-in ")), o.figures().toString());
    }

    @Test
    void structHoldsTheSizeToTheClaimsDegree() {
        // the n x n product of n x 4 by 4 x n: n^2 outputs, each a sum of 4 products of words of log2(n) + 12 bits;
        // n^2 up to polylog factors, so degree 2 holds and degree 1 does not
        Target t = new Target("p", "Lemma 3.16", "examples/blocks/matmul.tc0", List.of(2L, 4L, 8L, 16L));
        assertInstanceOf(Verdict.Holds.class, StructCheck.run(t, 2.0, in).verdict());
        Verdict.Fails f = assertInstanceOf(Verdict.Fails.class, StructCheck.run(t, 1.0, in).verdict());
        assertEquals("n=16", f.instance());
        assertTrue(f.figure().matches("size grows like n\\^2\\.\\d\\d \\(last step n\\^2\\.\\d\\d\\), beyond the claim's allowance n\\^1 "
                + "up to polylog factors \\(degree 1\\.5 at most\\)"), f.figure());
        assertInstanceOf(Verdict.Undecided.class, StructCheck.run(t, null, in).verdict());
    }

    @Test
    void structFailsOnTreeSumWhoseDepthGrowsWithN() {
        Outcome o = StructCheck.run(new Target("contrast", "tree", "examples/contrast/tree_sum.tc0", List.of(4L, 8L, 16L, 32L)), 2.0, in);
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

        tc0.compiler.lower.Verification.Reference offByOne = (p, inputs) -> {
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
    void depthSetsTheFormulaBesideTheBlockAndReportsADeeperBlockAboveByHowMuch() {
        Paper mamba = Catalog.load().paper("2412.06148").orElseThrow();
        Claim hadamard = mamba.claim("Lemma B.1").orElseThrow(); // d_std, on blocks/hadamard: d_std is measured there
        Outcome ok = DepthCheck.run(mamba, hadamard, new Target(mamba.id(), hadamard.id(), "examples/blocks/hadamard.tc0", List.of(4L, 8L)), in);
        assertInstanceOf(Verdict.Holds.class, ok.verdict(), ok.toString());
        assertTrue(ok.figures().stream().anyMatch(f -> f.contains("n=4: depth 7, formula 7 (within by 0)")), ok.figures().toString());
        // the same formula set beside a deeper block is ABOVE (a finding about tc0's construction), not a failure
        Outcome deeper = DepthCheck.run(mamba, hadamard, new Target(mamba.id(), hadamard.id(), "examples/blocks/layer_norm.tc0", List.of(4L)), in);
        Verdict.Above a = assertInstanceOf(Verdict.Above.class, deeper.verdict(), deeper.toString());
        assertFalse(deeper.failed());
        var m = java.util.regex.Pattern.compile("examples/blocks/layer_norm.tc0's depth (\\d+) is above the formula d_std = 7 "
                + "by (\\d+) levels \\((\\d+\\.\\d\\d) times\\), with d_std = 7").matcher(a.figure());
        assertTrue(m.matches(), a.figure());
        int depth = Integer.parseInt(m.group(1));
        assertEquals(depth - 7, Integer.parseInt(m.group(2)));
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", depth / 7.0), m.group(3));
    }

    @Test
    void depthFailsWhereTheDepthChangesWithNButTheFormulaDoesNot() {
        Paper mamba = Catalog.load().paper("2412.06148").orElseThrow();
        Claim conv = mamba.claim("Lemma B.9").orElseThrow(); // 2 d_std + 2 d_sum: no n in it
        // conv1d's kernel is cut to 2 taps at n = 2 (depth 12), 4 taps from n = 4 (depth 24): docs/LEMMAS.md's block table
        Outcome o = DepthCheck.run(mamba, conv, new Target(mamba.id(), conv.id(), "examples/blocks/conv1d.tc0", List.of(2L, 4L)), in);
        Verdict.Fails f = assertInstanceOf(Verdict.Fails.class, o.verdict(), o.toString());
        assertEquals("n=4", f.instance());
        assertTrue(f.figure().startsWith("the depth changes with n (12 at n=2, 24 at n=4) while the formula's value is 14 at every n"), f.figure());
    }

    @Test
    void depthReadsTheClaimsRegionOfTheCompiledModel() {
        Paper mamba = Catalog.load().paper("2412.06148").orElseThrow();
        Claim thm = mamba.claim("Thm 4.5").orElseThrow();
        DepthRegion block = new DepthRegion("examples/mamba.tc0", "mamba_block", Map.of("n", List.of(4L), "layers", List.of(1L)));
        Outcome o = DepthCheck.run(mamba, thm, DepthSource.of(block, List.of(4L), null, in), List.of(4L), in);
        assertTrue(o.figures().getFirst().startsWith("depth of the region mamba_block of examples/mamba.tc0 (layers=1, built)"), o.figures().toString());
        // the region's depth, read from the circuit's own region breakdown, not the whole model's (two layer norms more)
        int region = in.regions("examples/mamba.tc0", Map.of("n", 4L, "layers", 1L)).stream()
                .filter(s -> s.path().equals("l[0]/mamba_block")).findFirst().orElseThrow().depth();
        assertTrue(region < in.count("examples/mamba.tc0", Map.of("n", 4L, "layers", 1L)).depth());
        assertTrue(o.figures().stream().anyMatch(f -> f.contains("n=4: depth " + region + ", formula ")), o.figures().toString());

        // a region the circuit does not have: the block spec's depth instead, saying so; with no block, DEPTH fails naming it
        DepthRegion renamed = new DepthRegion("examples/mamba.tc0", "mamba_block/no_such_stage", Map.of("n", List.of(4L), "layers", List.of(1L)));
        Target hadamard = new Target(mamba.id(), thm.id(), "examples/blocks/hadamard.tc0", List.of(4L));
        DepthSource fallback = DepthSource.of(renamed, List.of(4L), hadamard, in);
        assertEquals("examples/blocks/hadamard.tc0", fallback.spec());
        assertTrue(fallback.what().contains("region mamba_block/no_such_stage of examples/mamba.tc0 at layers=1, n=4 is not in its circuit yet"), fallback.what());
        Outcome missing = DepthCheck.run(mamba, thm, DepthSource.of(renamed, List.of(4L), null, in), List.of(4L), in);
        Verdict.Fails f = assertInstanceOf(Verdict.Fails.class, missing.verdict(), missing.toString());
        assertTrue(f.figure().contains("is not in its circuit (regions under mamba_block: "), f.figure());
    }

    @Test
    void strictDepthTurnsAboveIntoAFailure() {
        Catalog catalog = Catalog.load();
        Paper mamba = catalog.paper("2412.06148").orElseThrow();
        Claim step = mamba.claim("Lemma 4.3").orElseThrow(); // d_std + 2 d_sum beside tc0's scan, deeper
        LemmaRun.Options lenient = new LemmaRun.Options(mamba.id(), step.id(), 16, 0, false);
        LemmaRun.Options strict = new LemmaRun.Options(mamba.id(), step.id(), 16, 0, true);
        Outcome a = LemmaRun.depth(mamba, step, in, lenient);
        assertInstanceOf(Verdict.Above.class, a.verdict(), a.toString());
        Verdict.Fails f = assertInstanceOf(Verdict.Fails.class, LemmaRun.depth(mamba, step, in, strict).verdict());
        assertTrue(f.figure().endsWith("(--strict-depth)"), f.figure());
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
