package tc0.proofs.smt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Which gadgets a catalog claim rests on ({@code tc0/proofs/smt/claims.json}): the claim's SMT check proves
 * those. Kept apart from the per-paper catalog files, which another check's owner edits.
 *
 * @param paper     the paper's id
 * @param claim     the claim's id
 * @param gadgets   prefixes of {@link GadgetCase} names ("Multiply" selects every multiply case)
 * @param uncovered what of the claim's construction no proof covers, or null
 */
public record ClaimGadgets(String paper, String claim, List<String> gadgets, String uncovered) {
    static final String FILE = "tc0/proofs/smt/claims.json";

    public ClaimGadgets {
        gadgets = gadgets == null ? List.of() : List.copyOf(gadgets);
    }

    /** The file's records. */
    record File(String note, List<ClaimGadgets> claims) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Every record of the file. */
    public static List<ClaimGadgets> load() {
        try (InputStream in = ClaimGadgets.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) throw new IllegalStateException(FILE + " is not on the class path");
            return List.copyOf(JSON.readValue(in, File.class).claims());
        } catch (IOException e) {
            throw new UncheckedIOException(FILE, e);
        }
    }

    /** The record of one claim, if the file has one. */
    public static Optional<ClaimGadgets> of(String paper, String claim) {
        return load().stream().filter(c -> c.paper.equals(paper) && c.claim.equals(claim)).findFirst();
    }

    /** The cases this claim's gadgets select: all of them, or the quick ones only. */
    public List<GadgetCase> cases(boolean all) {
        return Gadgets.all().stream().filter(g -> all || g.tier() == GadgetCase.Tier.QUICK)
                .filter(g -> gadgets.stream().anyMatch(p -> g.name().startsWith(p))).toList();
    }
}
