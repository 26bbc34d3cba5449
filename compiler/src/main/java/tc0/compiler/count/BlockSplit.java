package tc0.compiler.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reshape block split into several axes ({@link ClassMap#reshape}), in product form: along each new axis,
 * two positions are one group when their hyperslices of the block (every position with that coordinate)
 * hold the same classes. Then the class of a position depends only on its coordinates' groups (swap one
 * coordinate for an equivalent one at a time: each swap keeps the slice, so the class), and the block's
 * table is its class at one representative position per combination of groups. A conv's
 * {@code [h w, c] -> [h, w, c]} keeps the few groups its rows and columns had, not {@code h w} positions
 * each its own group. Work: one pass over the block's positions per new axis.
 */
final class BlockSplit {
    /** Per new axis: the group of each position, and the representative position of each group. */
    final int[][] groupOf;
    final int[][] representative;
    /** The block's old group combination per combination of new groups, row-major over the new axes. */
    final int[] table;

    private BlockSplit(int[][] groupOf, int[][] representative, int[] table) {
        this.groupOf = groupOf;
        this.representative = representative;
        this.table = table;
    }

    /**
     * Splits the block whose positions (row-major) have old group combinations {@code oldOf} into axes of
     * sizes {@code dims}; refuses past {@code limit} combinations of new groups.
     */
    static BlockSplit of(int[] oldOf, long[] dims, long limit, long[] shapeForMessage) {
        int k = dims.length;
        int[][] groupOf = new int[k][], representative = new int[k][];
        long combos = 1;
        for (int b = 0; b < k; b++) {
            long inner = 1;
            for (int c = b + 1; c < k; c++) inner *= dims[c];
            int dim = Math.toIntExact(dims[b]);
            long outer = oldOf.length / (dim * inner);
            List<Integer> reps = new ArrayList<>();
            groupOf[b] = axisGroups(oldOf, outer, dim, inner, reps);
            representative[b] = reps.stream().mapToInt(Integer::intValue).toArray();
            combos = combos > Long.MAX_VALUE / reps.size() ? Long.MAX_VALUE : combos * reps.size();
        }
        if (combos > limit) {
            throw new UnsupportedOperationException("counting: reshape to " + java.util.Arrays.toString(shapeForMessage) + " would need " + combos
                    + " group combinations");
        }
        int[] table = new int[(int) combos];
        int[] g = new int[k];
        for (int t = 0; t < table.length; t++) {
            int rest = t;
            for (int b = k - 1; b >= 0; b--) { g[b] = rest % representative[b].length; rest /= representative[b].length; }
            long p = 0;
            for (int b = 0; b < k; b++) p = p * dims[b] + representative[b][g[b]];
            table[t] = oldOf[(int) p];
        }
        return new BlockSplit(groupOf, representative, table);
    }

    /** Groups of the positions of one axis (size {@code dim}, {@code outer} x {@code inner} around it) by equal hyperslices. */
    private static int[] axisGroups(int[] oldOf, long outer, int dim, long inner, List<Integer> reps) {
        int[] group = new int[dim];
        Map<Long, List<Integer>> byHash = new HashMap<>();
        for (int i = 0; i < dim; i++) {
            long h = 1;
            for (long o = 0; o < outer; o++) {
                long base = (o * dim + i) * inner;
                for (long q = 0; q < inner; q++) h = h * 1_000_003L + oldOf[(int) (base + q)];
            }
            List<Integer> same = byHash.computeIfAbsent(h, x -> new ArrayList<>(1));
            int found = -1;
            for (int r : same) if (sameSlice(oldOf, outer, dim, inner, reps.get(r), i)) { found = r; break; }
            if (found < 0) { found = reps.size(); reps.add(i); same.add(found); }
            group[i] = found;
        }
        return group;
    }

    private static boolean sameSlice(int[] oldOf, long outer, int dim, long inner, int i, int j) {
        for (long o = 0; o < outer; o++) {
            long a = (o * dim + i) * inner, b = (o * dim + j) * inner;
            for (long q = 0; q < inner; q++) if (oldOf[(int) (a + q)] != oldOf[(int) (b + q)]) return false;
        }
        return true;
    }
}
