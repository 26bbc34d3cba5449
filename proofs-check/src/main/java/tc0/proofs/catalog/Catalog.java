package tc0.proofs.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog: every paper's JSON file under {@code tc0/proofs/catalog/} on the class path, in the order of that
 * folder's {@code index.txt} (a jar cannot list a folder, so the index names the files).
 */
public record Catalog(List<Paper> papers) {
    static final String FOLDER = "tc0/proofs/catalog/";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public Catalog {
        papers = List.copyOf(papers);
    }

    /** Reads every file the index names; a file that is missing or does not read is an error naming it. */
    public static Catalog load() {
        List<Paper> papers = new ArrayList<>();
        for (String file : index()) papers.add(read(file, open(file)));
        return new Catalog(papers);
    }

    /** The file names {@code index.txt} lists (blank lines and {@code #} comments skipped). */
    public static List<String> index() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open("index.txt"), StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One paper from its JSON text; {@code name} is the file name, whose stem must be the paper's id. */
    public static Paper read(String name, InputStream json) {
        Paper p;
        try (json) {
            p = JSON.readValue(json, Paper.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("catalog file " + name + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog file " + name, e);
        }
        if (!name.equals(p.id() + ".json")) {
            throw new IllegalStateException("catalog file " + name + " holds paper " + p.id() + "; name it " + p.id() + ".json");
        }
        return p;
    }

    private static InputStream open(String file) {
        InputStream in = Catalog.class.getClassLoader().getResourceAsStream(FOLDER + file);
        if (in == null) throw new IllegalStateException("catalog file " + FOLDER + file + " is not on the class path");
        return in;
    }

    public Optional<Paper> paper(String id) {
        return papers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<Claim> claims() {
        return papers.stream().flatMap(p -> p.claims().stream()).toList();
    }

    /** A paper's depth names and the formulas its claims define them by (a claim's symbol and first formula). */
    public static Map<String, DepthFormula> definitions(Paper paper) {
        Map<String, DepthFormula> defs = new HashMap<>();
        for (Claim c : paper.claims()) {
            if (c.symbol() != null && !c.depth().isEmpty()) defs.put(c.symbol(), c.depthFormula());
        }
        return defs;
    }
}
