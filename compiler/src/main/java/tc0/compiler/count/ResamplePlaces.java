package tc0.compiler.count;

import java.util.List;

/**
 * Where {@link ResampleCount} counts one group of an upsample's axis, for {@link ResampleMerge}: a column group against
 * each single-tap row and in each source row kind's column pass, a two-tap row group against each column class (single-tap
 * columns directly, two-tap ones in the row pass). Each place gives the bits of the group's weights its key reads, and
 * whether the group's count there is keyed.
 */
final class ResamplePlaces {
    private ResamplePlaces() {}

    /** Where a column group is counted: against each single-tap row (direct) and in each row kind's column pass. */
    static final class Columns implements ResampleMerge.Places {
        private final ResampleCount c;
        private final List<Integer> singleRows, kindFirst;

        Columns(ResampleCount c, List<Integer> singleRows, List<Integer> kindFirst) {
            this.c = c;
            this.singleRows = singleRows;
            this.kindFirst = kindFirst;
        }

        @Override public long mask(int gx) {
            long mask = 0;
            for (int gy : singleRows) {
                if (c.ax[0].taps.get(gy).weight()[0] != 1) return -1; // the key would read the weights times another's
                for (int cg = 0; cg < c.cgroups; cg++) {
                    long k = c.sym.splitMask(ResampleCount.tapClasses(c.m, c.ax, gy, gx, cg), c.weighting(gy, gx));
                    if (k == -1) return -1;
                    mask |= k;
                }
            }
            for (int row : kindFirst) {
                for (int cg = 0; cg < c.cgroups; cg++) {
                    long k = c.sym.memo.pairs.exactMask(c.columnClasses(row, gx, cg), c.ax[1].taps.get(gx).weight(), c.e.rounds);
                    if (k == -1) return -1;
                    mask |= k;
                }
            }
            return mask;
        }

        @Override public boolean keyed(int gx) {
            for (int gy : singleRows) {
                for (int cg = 0; cg < c.cgroups; cg++) {
                    if (c.sym.keyedSplit(ResampleCount.tapClasses(c.m, c.ax, gy, gx, cg), c.weighting(gy, gx)) == null) return false;
                }
            }
            for (int row : kindFirst) {
                for (int cg = 0; cg < c.cgroups; cg++) {
                    if (ResampleStencils.keyedExact(c.columnClasses(row, gx, cg), c.ax[1].taps.get(gx).weight(), c.e.rounds, c.sym.memo) == null) return false;
                }
            }
            return true;
        }
    }

    /** Where a two-tap row group is counted: against each single-tap column class (direct) and in each two-tap one's row pass. */
    static final class Rows implements ResampleMerge.Places {
        private final ResampleCount c;
        private final List<Integer> colFirst;
        private final int[][] colPass;
        private final int[] rowKind;

        Rows(ResampleCount c, List<Integer> colFirst, int[][] colPass, int[] rowKind) {
            this.c = c;
            this.colFirst = colFirst;
            this.colPass = colPass;
            this.rowKind = rowKind;
        }

        @Override public long mask(int gy) {
            long mask = 0;
            for (int gx : colFirst) {
                if (!c.ax[1].live.get(gx)) continue;
                if (!c.pair(1, gx) && c.ax[1].taps.get(gx).weight()[0] != 1) return -1;
                for (int cg = 0; cg < c.cgroups; cg++) {
                    long k = c.sym.splitMask(classes(gy, gx, cg), c.weighting(gy, gx));
                    if (k == -1) return -1;
                    mask |= k;
                }
            }
            return mask;
        }

        @Override public boolean keyed(int gy) {
            for (int gx : colFirst) {
                if (!c.ax[1].live.get(gx)) continue;
                for (int cg = 0; cg < c.cgroups; cg++) if (c.sym.keyedSplit(classes(gy, gx, cg), c.weighting(gy, gx)) == null) return false;
            }
            return true;
        }

        /** The words the row's stencil reads there: the operand's (direct) or the column passes' (row pass). */
        private ElemClass[] classes(int gy, int gx, int cg) {
            if (!c.pair(1, gx)) return ResampleCount.tapClasses(c.m, c.ax, gy, gx, cg);
            int[] t = c.ax[0].taps.get(gy).index();
            return new ElemClass[] {ElemClass.byId(colPass[gx][rowKind[t[0]] * c.cgroups + cg]), ElemClass.byId(colPass[gx][rowKind[t[1]] * c.cgroups + cg])};
        }
    }
}
