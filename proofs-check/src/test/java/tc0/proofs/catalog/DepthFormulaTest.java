package tc0.proofs.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Depth formulas as the papers print them: parsing, evaluating on hand-computed values, expanding definitions. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DepthFormulaTest {
    @Test
    void theDiscretisationFormulaReadsAsCoefficientsPerPrimitive() {
        DepthFormula f = DepthFormula.parse("5 d_std + 2 d_exp + d_sum");
        assertEquals(Map.of("d_std", 5L, "d_exp", 2L, "d_sum", 1L), f.coefficients());
        assertEquals(0, f.coefficient("d_prod"));
        // 5*3 + 2*10 + 4 = 39
        assertEquals(39, f.evaluate(Map.of("d_std", 3, "d_exp", 10, "d_sum", 4)));
        assertEquals("5 d_std + 2 d_exp + d_sum", f.toString());
    }

    @Test
    void starsConstantsAndRepeatedNamesAddUp() {
        DepthFormula f = DepthFormula.parse("2*d_std + d_sum + 3 + d_std");
        assertEquals(3, f.coefficient("d_std"));
        assertEquals(3, f.constant());
        assertEquals(3 * 2 + 5 + 3, f.evaluate(Map.of("d_std", 2, "d_sum", 5)));
    }

    @Test
    void aMissingDepthIsAnErrorNamingIt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> DepthFormula.parse("d_exp + d_std + d_log").evaluate(Map.of("d_exp", 1, "d_std", 1)));
        assertTrue(e.getMessage().contains("d_log"), e.getMessage());
    }

    @Test
    void malformedFormulasSayWhereTheyStopReading() {
        for (String bad : new String[] {"", "5 + + d_std", "d_std - d_sum", "3 *", "d_std d_sum"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> DepthFormula.parse(bad), bad);
            assertTrue(e.getMessage().contains("column"), e.getMessage());
        }
    }

    @Test
    void substitutionExpandsNestedDefinitionsDownToPrimitives() {
        // softplus (B.4) over log (B.3): d_exp + d_std + (2 d_sum + 2 d_prod + 3 d_std)
        DepthFormula sp = DepthFormula.parse("d_exp + d_std + d_log")
                .substitute(Map.of("d_log", DepthFormula.parse("2 d_sum + 2 d_prod + 3 d_std")));
        assertEquals(DepthFormula.parse("d_exp + 4 d_std + 2 d_sum + 2 d_prod"), sp);
        DepthFormula twice = DepthFormula.parse("2 d_sp").substitute(Map.of("d_sp", sp));
        assertEquals(8, twice.coefficient("d_std"));
    }

    @Test
    void aCycleOfDefinitionsIsAnErrorNamingIt() {
        var defs = Map.of("d_a", DepthFormula.parse("d_b + 1"), "d_b", DepthFormula.parse("d_a"));
        var e = assertThrows(IllegalArgumentException.class, () -> DepthFormula.parse("d_a").substitute(defs));
        assertTrue(e.getMessage().contains("d_a -> d_b -> d_a"), e.getMessage());
    }
}
