package tc0.proofs.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Mamba paper's printed depth formulas re-added from its own steps (docs/LEMMAS.md's findings): the catalog's
 * definitions expanded to primitives and evaluated on hand-computed values.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MambaFormulasTest {
    static final Paper MAMBA = Catalog.load().paper("2412.06148").orElseThrow();
    static final Map<String, DepthFormula> DEFS = Catalog.definitions(MAMBA);
    static final Set<String> PRIMITIVES = Set.of("d_std", "d_sum", "d_prod", "d_exp", "d_sqrt", "d_dup");

    static Map<String, Integer> allPrimitives(int depth) {
        Map<String, Integer> m = new HashMap<>();
        for (String p : PRIMITIVES) m.put(p, depth);
        return m;
    }

    static Finding finding(String claim, int number) {
        return MAMBA.claim(claim).orElseThrow().findings().stream().filter(f -> f.number() == number).findFirst().orElseThrow();
    }

    @Test
    void everyNameInTheMambaFormulasIsAPrimitiveOrAnotherLemmasBlock() {
        for (Claim c : MAMBA.claims()) {
            for (String form : c.depth()) {
                for (String name : DepthFormula.parse(form).names()) {
                    assertTrue(PRIMITIVES.contains(name) || DEFS.containsKey(name), c.id() + ": unknown depth name " + name);
                }
            }
        }
    }

    @Test
    void thm45AsPrintedDiffersFromTheSumOfItsStages() {
        Finding f1 = finding("Thm 4.5", 1);
        DepthFormula printed = MAMBA.claim("Thm 4.5").orElseThrow().depthFormula().substitute(DEFS);
        DepthFormula stages = DepthFormula.parse(f1.readded().get(0)).substitute(DEFS);
        // By hand, every primitive depth 1: printed d_1dconv 4 + d_exp 1 + d_select (2 + 1 + 1 + d_sp (1 + 1 + d_log 7))
        // 13 + 4 + 1 = 23; the stages 20 + 10 + 2 + 4 + 1 = 37.
        assertEquals(23, printed.evaluate(allPrimitives(1)));
        assertEquals(37, stages.evaluate(allPrimitives(1)));
        assertNotEquals(printed, stages);
        // The stages expanded from the paper's own lemmas give the total the finding states.
        assertEquals(DepthFormula.parse(f1.readded().get(1)), stages);
        assertEquals(DepthFormula.parse("20 d_std + 10 d_sum + 2 d_prod + 4 d_exp + d_dup"), stages);
        // What the printed formula leaves out is d_disc + d_recur + d_sum: 8 d_std + 2 d_exp + 4 d_sum.
        assertEquals(DepthFormula.parse("8 d_std + 2 d_exp + 4 d_sum"), stages.plus(printed.times(-1)));
    }

    @Test
    void logAsPrintedMatchesNeitherItsSerialNorItsParallelReAddition() {
        Finding f2 = finding("Lemma 4.1 / B.3", 2);
        Map<String, Integer> d = Map.of("d_std", 2, "d_sum", 3, "d_prod", 5);
        long printed = MAMBA.claim("Lemma 4.1 / B.3").orElseThrow().depthFormula().evaluate(d);
        assertEquals(2 * 3 + 2 * 5 + 3 * 2, printed);
        assertEquals(4 * 2 + 2 * 3 + 2 * 5, DepthFormula.parse(f2.readded().get(0)).evaluate(d));
        assertEquals(3 * 2 + 3 + 5, DepthFormula.parse(f2.readded().get(1)).evaluate(d));
        for (String readded : f2.readded()) assertNotEquals(printed, DepthFormula.parse(readded).evaluate(d));
    }

    @Test
    void discretisationInParallelIsShorterThanPrinted() {
        Map<String, Integer> d = Map.of("d_std", 1, "d_exp", 4, "d_sum", 2);
        long printed = MAMBA.claim("Lemma B.2").orElseThrow().depthFormula().evaluate(d);
        long parallel = DepthFormula.parse(finding("Lemma B.2", 6).readded().getFirst()).evaluate(d);
        assertEquals(5 + 8 + 2, printed);
        assertEquals(4 + 4 + 2, parallel);
    }

    @Test
    void theSelectiveSsmHasBothItsRecurrentAndItsConvolutionForm() {
        var forms = MAMBA.claim("Thm 4.4").orElseThrow().depth();
        assertEquals(2, forms.size());
        assertEquals(1, DepthFormula.parse(forms.get(0)).coefficient("d_recur"));
        assertEquals(1, DepthFormula.parse(forms.get(1)).coefficient("d_conv"));
    }
}
