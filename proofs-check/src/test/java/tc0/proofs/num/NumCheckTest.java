package tc0.proofs.num;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.proofs.catalog.Catalog;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.catalog.Claim;
import tc0.proofs.check.Outcome;
import tc0.proofs.check.Verdict;

/** Every NUM claim of the catalog gets its experiment and holds; each experiment fails where its premise is broken. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NumCheckTest {
    @Test
    void everyNumClaimOfTheCatalogHolds() {
        List<Claim> claims = Catalog.load().claims().stream().filter(c -> c.checks().contains(CheckKind.NUM)).toList();
        assertEquals(6, claims.size());
        for (Claim c : claims) {
            List<Outcome> out = NumCheck.run(c);
            assertFalse(out.isEmpty());
            for (Outcome o : out) {
                assertInstanceOf(Verdict.Holds.class, o.verdict(), c.paper() + " " + c.id() + ": " + o.verdict().line() + "\n" + o.figures());
                assertEquals(CheckKind.NUM, o.kind());
                assertFalse(o.figures().isEmpty());
                assertFalse(o.notShown().isBlank());
            }
        }
    }

    @Test
    void anUnmappedClaimIsUndecided() {
        Claim c = Catalog.load().claims().stream().filter(x -> x.checks().contains(CheckKind.NUM)).findFirst().orElseThrow();
        Claim other = new Claim(c.paper(), "no such claim", c.role(), c.statement(), c.regime(), c.checkedOn(), c.checks(), c.sourceStatus(),
                null, null, null, null, null, null, null);
        assertInstanceOf(Verdict.Undecided.class, NumCheck.run(other).getFirst().verdict());
    }

    /** Past the threshold the degree that serves B = 1 misses eps by far: the built check fails there. */
    @Test
    void aDegreeTooSmallForTheEntriesFails() {
        List<String> figures = new ArrayList<>();
        Verdict v = PolynomialMethodCheck.built(TokenLayout.SEQUENCE, 4, EntryBound.SQRT, EntryBound.CONSTANT, figures);
        assertInstanceOf(Verdict.Fails.class, v);
        assertTrue(figures.getFirst().endsWith(PolynomialMethodCheck.OVER), figures.getFirst());
        assertInstanceOf(Verdict.Holds.class, PolynomialMethodCheck.built(TokenLayout.SEQUENCE, 4, EntryBound.SQRT, EntryBound.SQRT, figures));
    }

    /** The bits come back at d = 4 log2 N, a dropped token's bits are coin flips, and at d = 2 some are lost. */
    @Test
    void kvDecodingNeedsTheWholeCacheAndAWidthOfLogN() {
        KvDecoding.Result all = KvDecoding.run(256, KvCacheCheck.width(256, false), 0, false, 1);
        assertEquals(0, all.wrong());
        assertEquals(256L * 32, all.bits());
        KvDecoding.Result dropped = KvDecoding.run(256, 32, 4, false, 1);
        assertEquals(0, dropped.wrong());
        assertEquals(64L * 32, dropped.dropped());
        double rate = (double) dropped.wrongDropped() / dropped.dropped();
        assertTrue(rate > 0.4 && rate < 0.6, "dropped bits wrong: " + rate);
        assertTrue(KvDecoding.run(256, 2, 0, false, 1).wrong() > 50);
        assertEquals(0, KvDecoding.run(64, KvCacheCheck.width(64, true), 0, true, 1).wrong());
        assertEquals(48, KvCacheCheck.width(64, true));
    }
}
