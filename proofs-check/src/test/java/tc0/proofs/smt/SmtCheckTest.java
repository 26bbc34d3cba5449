package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.proofs.catalog.Catalog;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.catalog.Claim;
import tc0.proofs.check.Outcome;
import tc0.proofs.check.Verdict;

/** The catalog's SMT rows: the claim -> gadget file agrees with the catalog, and a claim's row proves its gadgets. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SmtCheckTest {

    @Test
    void everyMappedClaimIsACatalogClaimWithAnSmtCheckAndEveryGadgetNameSelectsACase() {
        List<Claim> catalog = Catalog.load().claims();
        for (ClaimGadgets m : ClaimGadgets.load()) {
            Claim c = catalog.stream().filter(k -> k.paper().equals(m.paper()) && k.id().equals(m.claim())).findFirst()
                    .orElseThrow(() -> new AssertionError(m.paper() + " " + m.claim() + " is not in the catalog"));
            assertTrue(c.checks().contains(CheckKind.SMT), c.id() + " lists no SMT check");
            for (String prefix : m.gadgets()) {
                assertTrue(Gadgets.all().stream().anyMatch(g -> g.name().startsWith(prefix)), prefix + " selects no gadget case");
            }
        }
    }

    @Test
    void everyCatalogClaimWithAnSmtCheckIsMapped() {
        for (Claim c : Catalog.load().claims()) {
            if (c.checks().contains(CheckKind.SMT)) assertTrue(ClaimGadgets.of(c.paper(), c.id()).isPresent(), c.paper() + " " + c.id());
        }
    }

    @Test
    void iteratedAdditionHoldsByItsWeightedSumProofs() {
        Outcome o = SmtCheck.run("siu-bruck-kailath-hofmeister", "iterated addition", false);
        assertInstanceOf(Verdict.Holds.class, o.verdict(), o.toString());
        assertEquals(CheckKind.SMT, o.kind());
        List<String> proofs = o.figures().stream().filter(f -> f.startsWith("WeightedSum")).toList();
        assertFalse(proofs.isEmpty());
        assertTrue(proofs.stream().allMatch(f -> f.contains(": proved")), o.figures().toString());
        // the slower linear-form proof is named, not silently dropped, in the quick run
        assertTrue(o.figures().stream().anyMatch(f -> f.startsWith("slower proofs not run") && f.contains("WeightedSum linear")), o.figures().toString());
        assertTrue(o.notShown().contains("stated widths"), o.notShown());
    }

    @Test
    void aClaimNoGadgetCoversIsUndecidedAndSaysWhy() {
        Outcome o = SmtCheck.run("2412.06148", "a claim claims.json does not list", false);
        Verdict.Undecided u = assertInstanceOf(Verdict.Undecided.class, o.verdict());
        assertTrue(u.reason().contains("no gadget is mapped"), u.reason());
    }

    @Test
    void theFloorOfCorollaryThreeThirteenIsProved() {
        Outcome o = SmtCheck.run("2412.06148", "Cor 3.13", false);
        assertInstanceOf(Verdict.Holds.class, o.verdict(), o.verdict().line());
        assertTrue(o.instances().contains("FloatFloor"), o.instances());
    }
}
