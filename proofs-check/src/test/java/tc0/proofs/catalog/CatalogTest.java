package tc0.proofs.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The catalog against its source list (docs/LEMMAS.md; the expected ids below are copied from it) and against the
 * repository: every file indexed and read, every spec it names present, every claim checkable or saying why not.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CatalogTest {
    static final Catalog CATALOG = Catalog.load();

    /** The repository root (tests run in proofs-check/). */
    static Path root() {
        Path up = Path.of("..");
        return Files.isDirectory(up.resolve("examples")) ? up : Path.of(".");
    }

    @Test
    void everyJsonFileInTheFolderIsIndexedAndReads() throws IOException {
        Set<String> files;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/tc0/proofs/catalog"))) {
            files = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(Catalog.index()));
        assertEquals(files.size(), CATALOG.papers().size());
        for (Paper p : CATALOG.papers()) {
            assertFalse(p.claims().isEmpty(), p.id() + " has no claims");
            for (Claim c : p.claims()) assertEquals(p.id(), c.paper());
        }
    }

    @Test
    void everyPaperOfTheArchitectureTableHasItsMainTheorem() {
        for (String id : List.of("2411.07602", "2412.18040", "2412.06148", "2412.05562", "2501.06444", "2501.04299", "2502.16490")) {
            Paper p = CATALOG.paper(id).orElseThrow(() -> new AssertionError("no catalog file for " + id));
            assertTrue(p.claims().stream().anyMatch(c -> c.role() == Role.MAIN && c.checks().contains(CheckKind.STRUCT)
                    && c.checks().contains(CheckKind.FUNC) && !c.checkedOn().isEmpty()), id + ": no main theorem checked STRUCT + FUNC");
        }
        // The hardness statements of the table's papers that state one.
        for (String id : List.of("2411.07602", "2412.18040", "2412.06148", "2412.05562", "2501.06444")) {
            assertTrue(CATALOG.paper(id).orElseThrow().claims().stream().anyMatch(c -> c.role() == Role.HARDNESS), id + ": no hardness");
        }
    }

    /** LEMMAS.md's Mamba table, row by row: lemma and depth as printed. */
    static final Map<String, String> MAMBA_TABLE = new LinkedHashMap<>();

    static {
        MAMBA_TABLE.put("Lemma B.1", "d_std");
        MAMBA_TABLE.put("Lemma B.2", "5 d_std + 2 d_exp + d_sum");
        MAMBA_TABLE.put("Lemma 4.1 / B.3", "2 d_sum + 2 d_prod + 3 d_std");
        MAMBA_TABLE.put("Lemma B.4", "d_exp + d_std + d_log");
        MAMBA_TABLE.put("Lemma B.5", "d_exp + d_std");
        MAMBA_TABLE.put("Lemma B.6", "d_h = 2 d_std + d_sum");
        MAMBA_TABLE.put("Lemma 4.2", "d_h + d_std + d_sum");
        MAMBA_TABLE.put("Lemma B.7", "d_prod + 2 d_std + 2 d_sum");
        MAMBA_TABLE.put("Lemma 4.3", "d_std + 2 d_sum");
        MAMBA_TABLE.put("Lemma B.8", "d_std");
        MAMBA_TABLE.put("Lemma B.9", "2 d_std + 2 d_sum");
        MAMBA_TABLE.put("Lemma B.10", "2 d_std + d_sum + d_dup + d_sp");
        MAMBA_TABLE.put("Thm 4.4", "d_select + d_disc + d_recur (or + d_conv)");
        MAMBA_TABLE.put("Thm 4.5", "d_1dconv + d_exp + d_select + 4 d_std + d_sum");
    }

    @Test
    void everyRowOfTheMambaTableIsThereWithItsFormulaAsPrinted() {
        Paper mamba = CATALOG.paper("2412.06148").orElseThrow();
        assertEquals(SourceStatus.FULL_TEXT, mamba.sourceStatus());
        MAMBA_TABLE.forEach((id, printed) -> {
            Claim c = mamba.claim(id).orElseThrow(() -> new AssertionError("Mamba table row " + id + " missing"));
            assertEquals(printed, c.printedDepth(), id);
            assertNotNull(c.depthFormula(), id + " has no parseable formula");
            assertTrue(c.checks().contains(CheckKind.DEPTH), id + " is not marked for the DEPTH check");
        });
        Claim hardness = mamba.claim("Thm 5.1").orElseThrow();
        assertEquals(Role.HARDNESS, hardness.role());
        assertTrue(hardness.statement().contains("S5"));
        // The float toolkit, Lemmas 3.12-3.16.
        for (String id : List.of("Lemma 3.12", "Cor 3.13", "Lemma 3.14", "Lemma 3.15", "Lemma 3.16")) {
            assertTrue(mamba.claim(id).isPresent(), id + " missing");
        }
        assertEquals("d_std + d_sum", mamba.claim("Lemma 3.16").orElseThrow().printedDepth());
    }

    @Test
    void allSevenFindingsAreRecordedOnTheLemmasTheyConcern() {
        Map<Integer, String> where = Map.of(1, "Thm 4.5", 2, "Lemma 4.1 / B.3", 3, "Lemma B.10", 4, "Lemma 4.2", 5, "Lemma 4.3",
                6, "Lemma B.2", 7, "Lemma B.5");
        Paper mamba = CATALOG.paper("2412.06148").orElseThrow();
        where.forEach((n, id) -> assertTrue(mamba.claim(id).orElseThrow().findings().stream().anyMatch(f -> f.number() == n),
                "finding " + n + " not on " + id));
        for (Claim c : mamba.claims()) {
            for (Finding f : c.findings()) for (String r : f.readded()) DepthFormula.parse(r);
        }
    }

    @Test
    void theFoundationsFineGrainedResultsAndContrastFixturesAreThere() {
        for (String id : List.of("2210.02671", "2409.13629", "siu-bruck-kailath-hofmeister", "hesse-allender-barrington-2002",
                "buss-1987", "barrington-1989")) {
            assertTrue(CATALOG.paper(id).isPresent(), "foundation " + id + " missing");
        }
        for (String id : List.of("alman-song-2023", "2501.04377", "2502.16490", "2503.14881", "2503.11108")) {
            assertTrue(CATALOG.paper(id).orElseThrow().claims().stream()
                    .anyMatch(c -> c.role() == Role.FINE_GRAINED && c.checks().contains(CheckKind.NUM)), id + ": no NUM claim");
        }
        Paper contrast = CATALOG.paper("contrast").orElseThrow();
        for (String fixture : List.of("Boolean formula value", "arithmetic formula evaluation", "S5 word problem",
                "undirected connectivity", "tree isomorphism")) {
            assertEquals(List.of(CheckKind.CONTRAST), contrast.claim(fixture).orElseThrow().checks(), fixture);
        }
    }

    @Test
    void everySpecAClaimIsCheckedOnExistsWithTheParametersItSweeps() throws IOException {
        for (Claim c : CATALOG.claims()) {
            for (CheckedOn on : c.checkedOn()) {
                Path spec = root().resolve(on.spec());
                assertTrue(Files.isRegularFile(spec), c.paper() + " " + c.id() + ": no file " + on.spec());
                String text = Files.readString(spec);
                for (String param : on.params().keySet()) {
                    assertTrue(text.matches("(?s).*model \\w+\\([^)]*\\b" + param + "\\b.*"), on.spec() + " has no parameter " + param);
                }
            }
        }
    }

    @Test
    void everyStructClaimStatesItsSizeDegreeAndEveryRegionIsAMambaBlockOfTheModel() throws IOException {
        for (Claim c : CATALOG.claims()) {
            String where = c.paper() + " " + c.id();
            if (c.checks().contains(CheckKind.STRUCT)) {
                assertNotNull(c.sizeDegree(), where + ": STRUCT without a sizeDegree");
                assertTrue(c.sizeDegree() >= 1 && c.sizeDegree() <= 5, where + ": size degree " + c.sizeDegree());
            }
            if (c.region() == null) continue;
            assertTrue(c.checks().contains(CheckKind.DEPTH) && c.depthFormula() != null, where + ": a region serves DEPTH only");
            assertTrue(Files.readString(root().resolve(c.region().spec())).contains("model "), where + ": " + c.region().spec());
            assertFalse(c.region().params().getOrDefault("n", List.of()).isEmpty(), where + ": the region's n");
            // the paper's blocks (Def 3.24) as region names inside mamba_block, the whole block for Thm 4.5
            assertTrue(c.region().path().matches("mamba_block(/(conv1d|silu|selection|discretisation|scan|gate|out_proj))?"),
                    where + ": region " + c.region().path());
        }
        DepthRegion scan = new DepthRegion("examples/mamba.tc0", "mamba_block/scan", Map.of());
        assertTrue(scan.matches("l[0]/mamba_block/scan") && scan.matches("mamba_block/scan") && scan.matches("k[1]/l[2]/mamba_block/scan"));
        assertFalse(scan.matches("l[0]/mamba_block/scan/add") || scan.matches("l[0]/mamba_block") || scan.matches("l[0]/other_block/scan"));
    }

    @Test
    void everyClaimHasAStatementAndAChecksAndSaysWhyWhereNothingChecksItYet() {
        for (Claim c : CATALOG.claims()) {
            String where = c.paper() + " " + c.id();
            assertFalse(c.statement().isBlank(), where);
            assertFalse(c.checks().isEmpty(), where + ": no checks");
            assertNotNull(c.sourceStatus(), where);
            if (c.checkedOn().isEmpty()) assertNotNull(c.gap(), where + ": checked on nothing and no gap says why");
            for (String form : c.depth()) DepthFormula.parse(form);
        }
    }

    @Test
    void docsLemmasMdListsEveryClaim() throws IOException {
        String doc = Files.readString(root().resolve("docs/LEMMAS.md"));
        for (Claim c : CATALOG.claims()) {
            assertTrue(doc.contains("| " + c.paper() + " | **" + c.id() + "**: " + c.statement() + " |"),
                    "docs/LEMMAS.md's table lacks " + c.paper() + " " + c.id() + " (or states it differently)");
        }
    }

    @Test
    void aFileWithAnUnknownFieldOrTheWrongNameIsAnErrorNamingTheFile() {
        String unknown = "{\"id\": \"x\", \"subject\": \"s\", \"sourceStatus\": \"FULL_TEXT\", \"claims\": [], \"colour\": 1}";
        var e = assertThrows(IllegalStateException.class,
                () -> Catalog.read("x.json", new ByteArrayInputStream(unknown.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("catalog file x.json") && e.getMessage().contains("colour"), e.getMessage());
        String ok = "{\"id\": \"x\", \"subject\": \"s\", \"sourceStatus\": \"FULL_TEXT\"}";
        e = assertThrows(IllegalStateException.class,
                () -> Catalog.read("y.json", new ByteArrayInputStream(ok.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("name it x.json"), e.getMessage());
    }
}
