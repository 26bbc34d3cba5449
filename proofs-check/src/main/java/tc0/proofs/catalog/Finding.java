package tc0.proofs.catalog;

import java.util.List;

/**
 * A place where a printed depth formula does not add up, found by re-adding the paper's own steps: its number in
 * docs/LEMMAS.md's list, one line saying what is wrong, and the re-added formula(s) where the re-addition gives one
 * (parseable by {@link DepthFormula#parse}).
 */
public record Finding(int number, String text, List<String> readded) {
    public Finding {
        readded = readded == null ? List.of() : List.copyOf(readded);
    }
}
