package tc0.proofs.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One paper (or one source of claims) and its claims.
 *
 * @param id the arXiv id ("2412.06148") or, for a source without one, a short name ("buss-1987")
 * @param subject what the paper is about ("selective SSMs and Mamba")
 * @param title the title where the source list gives one, else null
 * @param authors the authors as the source list gives them, or null where it names none
 * @param venue where it appeared, or null
 * @param sourceStatus how much of it was read; a claim may say otherwise for itself
 * @param note what else is known of it, or null
 * @param claims its claims
 */
public record Paper(String id, String subject, String title, String authors, String venue, SourceStatus sourceStatus, String note,
        List<Claim> claims) {
    public Paper {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject of " + id);
        Objects.requireNonNull(sourceStatus, "sourceStatus of " + id);
        claims = claims == null ? List.of() : claims.stream().map(c -> c.inPaper(id, sourceStatus)).toList();
    }

    public Optional<Claim> claim(String claimId) {
        return claims.stream().filter(c -> c.id().equals(claimId)).findFirst();
    }
}
