package tc0.proofs.symbolic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Which catalog claims get a SYMBOLIC check, on which spec, expecting which depth: claims.txt beside this class,
 * one line each, {@code paper | claim | spec | constant|log} (the catalog's own JSON is another file's concern).
 */
public final class SymbolicClaims {
    /** One mapped claim. */
    public record Entry(String paper, String claim, String spec, SymbolicCheck.Expect expect) {}

    private SymbolicClaims() {}

    public static List<Entry> all() {
        try (InputStream in = SymbolicClaims.class.getResourceAsStream("claims.txt")) {
            if (in == null) throw new IllegalStateException("tc0/proofs/symbolic/claims.txt is missing from the class path");
            List<Entry> out = new ArrayList<>();
            int line = 0;
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line++;
                if (l.isBlank() || l.startsWith("#")) continue;
                String[] f = l.split("\\|");
                if (f.length != 4) throw new IllegalStateException("claims.txt:" + line + ": expected 'paper | claim | spec | constant|log', got: " + l);
                out.add(new Entry(f[0].trim(), f[1].trim(), f[2].trim(), SymbolicCheck.Expect.valueOf(f[3].trim().toUpperCase(java.util.Locale.ROOT))));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of one claim. */
    public static List<Entry> of(String paper, String claim) {
        return all().stream().filter(e -> e.paper().equals(paper) && e.claim().equals(claim)).toList();
    }
}
