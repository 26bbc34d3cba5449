package tc0.circuits.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tc0.circuits.Regions;

/** Finds a region by its path ({@code layer[1]/attention}), and the paths nearest a wrong one. */
public final class RegionLookup {
    private RegionLookup() {}

    /** The id of the region whose path is {@code path} (leading and trailing '/' ignored), or -1. */
    public static int find(Regions regions, String path) {
        String p = trimmed(path);
        for (int r = 0; r < regions.size(); r++) if (regions.path(r).equals(p)) return r;
        return -1;
    }

    /** Up to {@code count} region paths nearest {@code path} by edit distance, nearest first, then by id. */
    public static List<String> nearest(Regions regions, String path, int count) {
        String p = trimmed(path);
        record Candidate(String path, int distance, int id) {}
        List<Candidate> all = new ArrayList<>();
        for (int r = 1; r < regions.size(); r++) {
            String q = regions.path(r);
            all.add(new Candidate(q, distance(p, q), r));
        }
        all.sort(Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::id));
        return all.stream().limit(count).map(Candidate::path).toList();
    }

    private static String trimmed(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') from++;
        while (to > from && path.charAt(to - 1) == '/') to--;
        return path.substring(from, to);
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
