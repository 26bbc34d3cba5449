package tc0.compiler.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link ClassMap#reshape}: the same elements in row-major order under a new shape, axes taken in blocks of equal
 * size; two grouped axes merged past {@link ClassMap#PAIR_PAST} positions held as a {@link PairAxis}, and a pair
 * axis split back into its two lengths as those axes again.
 */
final class ClassMapReshape {
    private ClassMapReshape() {}

    static ClassMap reshape(ClassMap m, long[] to, long limit, long pairPast) {
        long[] shape = m.shape;
        if (m.sided()) return m.dense().reshape(to, limit, pairPast);
        if (m.isUniform()) return ClassMap.uniform(to, ElemClass.byId(m.tableId(0)));
        int rIn = shape.length, rOut = to.length;
        List<int[]> blockAxes = blocks(shape, to);
        if (blockAxes == null) return ClassMap.uniform(to, ElemClass.byId(m.tableId(0)));
        if (m.paired()) {
            // A pair axis split into its two factors stays factored; any other block of a pair axis is listed.
            for (int[] ax : blockAxes) {
                for (int a = ax[0]; a < ax[1]; a++) if (m.pairAxis(a) != null && !unpairs(m, ax, to)) return m.listedPairs().reshape(to, limit, pairPast);
            }
        }
        int[][] n = new int[rOut][];
        PairAxis[] pa = new PairAxis[rOut];
        int[] gs = new int[rOut];
        Arrays.fill(gs, 1);
        int[] groups = new int[rIn];
        for (int a = 0; a < rIn; a++) groups[a] = m.groups(a);
        // Per block: the old group combination (row-major over the block's input axes) of each new one.
        List<int[]> blockOld = new ArrayList<>();
        for (int[] ax : blockAxes) {
            int i0 = ax[0], i = ax[1], j0 = ax[2], j = ax[3];
            long pi = 1;
            for (int a = i0; a < i; a++) pi = Math.multiplyExact(pi, shape[a]);
            boolean grouped = false;
            for (int a = i0; a < i; a++) grouped |= groups[a] > 1;
            if (!grouped) { blockOld.add(new int[] {0}); continue; }
            if (m.pairAxis(i0) != null) { // a pair axis split into its factors: the old group of (left, right) groups is the pair's
                PairAxis p = m.pairAxis(i0);
                n[j0] = p.left().clone();
                n[j0 + 1] = p.right().clone();
                gs[j0] = p.leftGroups();
                gs[j0 + 1] = p.rightGroups();
                blockOld.add(p.table().clone());
                continue;
            }
            if (i - i0 == 2 && j - j0 == 1 && groups[i0] > 1 && groups[i0 + 1] > 1 && pi > pairPast) {
                int g = Math.multiplyExact(groups[i0], groups[i0 + 1]);
                int[] identity = new int[g];
                for (int k = 0; k < g; k++) identity[k] = k;
                pa[j0] = new PairAxis(m.axisGroups(i0), groups[i0], m.axisGroups(i0 + 1), groups[i0 + 1], identity);
                gs[j0] = g;
                blockOld.add(identity);
                continue;
            }
            if (pi > ClassMap.LIST_LIMIT) throw new UnsupportedOperationException("counting: reshape of a tensor of " + pi + " positions along axes with " + m.combos() + " element classes");
            int size = (int) pi;
            int[] oldOf = new int[size];
            long[] ix = new long[i - i0];
            for (int p = 0; p < size; p++) {
                int f = 0;
                for (int a = i0; a < i; a++) f = f * groups[a] + m.group(a, ix[a - i0]);
                oldOf[p] = f;
                for (int a = i - 1; a >= i0; a--) { if (++ix[a - i0] < shape[a]) break; ix[a - i0] = 0; }
            }
            if (j - j0 == 1) {
                int g = 1;
                for (int a = i0; a < i; a++) g *= groups[a];
                n[j0] = oldOf;
                gs[j0] = g;
                int[] identity = new int[g];
                for (int k = 0; k < g; k++) identity[k] = k;
                blockOld.add(identity);
            } else {
                BlockSplit split = BlockSplit.of(oldOf, Arrays.copyOfRange(to, j0, j), Math.max(limit, m.combos()), to);
                for (int b = j0; b < j; b++) {
                    n[b] = split.groupOf[b - j0];
                    gs[b] = split.representative[b - j0].length;
                }
                blockOld.add(split.table);
            }
        }
        long cells = 1;
        for (int g : gs) cells = cells > Long.MAX_VALUE / g ? Long.MAX_VALUE : cells * g;
        if (cells > Math.max(limit, m.combos())) {
            throw new UnsupportedOperationException("counting: reshape to " + Arrays.toString(to) + " would need " + cells + " group combinations");
        }
        int size = (int) cells;
        int[] t = new int[size];
        int[] g = new int[rOut];
        int[] old = new int[rIn];
        for (int f = 0; f < size; f++) {
            int rest = f;
            for (int a = rOut - 1; a >= 0; a--) { g[a] = rest % gs[a]; rest /= gs[a]; }
            for (int b = 0; b < blockAxes.size(); b++) {
                int[] ax = blockAxes.get(b);
                int nf = 0;
                for (int a = ax[2]; a < ax[3]; a++) nf = nf * gs[a] + g[a];
                int of = Math.max(blockOld.get(b)[nf], 0); // a pair cell of no positions may name no group
                for (int a = ax[1] - 1; a >= ax[0]; a--) { old[a] = of % groups[a]; of /= groups[a]; }
            }
            t[f] = m.tableId(m.flat(old));
        }
        return ClassMap.of(to, n, pa, gs, t);
    }

    /**
     * The blocks of a reshape to {@code to}: runs of input axes {@code [a[0], a[1])} merged or split into runs of
     * output axes {@code [a[2], a[3])} of the same size; null for an empty tensor.
     */
    private static List<int[]> blocks(long[] shape, long[] to) {
        int rIn = shape.length, rOut = to.length;
        List<int[]> blockAxes = new ArrayList<>();
        int i = 0, j = 0;
        while (i < rIn || j < rOut) {
            int i0 = i, j0 = j;
            long pi = i < rIn ? shape[i++] : 1, po = j < rOut ? to[j++] : 1;
            while (pi != po) {
                if (pi < po && i < rIn) pi = Math.multiplyExact(pi, shape[i++]);
                else if (j < rOut) po = Math.multiplyExact(po, to[j++]);
                else throw new IllegalArgumentException("reshape to a different element count");
            }
            if (pi == 0) return null;
            blockAxes.add(new int[] {i0, i, j0, j});
        }
        return blockAxes;
    }

    /** Whether a block is one pair axis split into its two factors' lengths. */
    private static boolean unpairs(ClassMap m, int[] ax, long[] to) {
        if (ax[1] - ax[0] != 1 || ax[3] - ax[2] != 2) return false;
        PairAxis p = m.pairAxis(ax[0]);
        return p != null && to[ax[2]] == p.left().length && to[ax[2] + 1] == p.right().length;
    }
}
