package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The element classes of a tensor in product form: along each axis the positions fall into groups, and the
 * class of an element is a table entry indexed by the groups of its coordinates. A uniform tensor is one
 * group per axis; a small weight may be one group per position. Kept compressed: two groups of an axis
 * whose slices of the table agree are one group, so the table stays as small as the tensor's variety allows
 * (RoPE output: a few row groups, not n). Immutable.
 *
 * <p>A matrix may also be split by a diagonal ({@link #triangle}): then the class of (i, j) depends on its row
 * group, its column group and its side, {@code j - i <= offset} (lower, side 0) or not (upper, side 1). The side
 * is held as a last table axis of two groups that no position names, so a constant {@code tril(n)} is a table of
 * two entries and a causal score matrix one of a few row and column groups, not n x n. The diagonal may key a pair
 * axis by the larger of its pair ({@link Diagonal}): the causal pair mask {@code rowkron(tril(n), tril(n))} is one
 * split, not n^2 groups. A matrix may instead be split by one diagonal itself ({@link #diagonal}): the side is then
 * 1 on {@code j - i == offset} and 0 off it, so {@code eye(n)} is a table of two entries and
 * {@code where(eye(n), 1, A)} one of two classes at any n. Operations that do not know a split see the map made
 * plain first ({@link #dense}).
 */
final class ClassMap {
    /** Positions one axis may list (4 bytes each): a 4096 x 4096 map merged into one axis. */
    static final long LIST_LIMIT = 1L << 25;

    final long[] shape;
    private final int[][] ids;   // per axis: group of each position; null when the axis has one group or is paired
    /** Per axis, its groups held factored ({@link PairAxis}: a pair axis never listed), or null. */
    private final PairAxis[] pairs;
    private final int[] groups;  // groups per axis
    private final long[][] counts; // per axis and group: positions in it
    private final int[] table;   // class ids, row-major over groups (and the side last, when split)
    /** The diagonal of a sided map (see {@link #triangle}, {@link #diagonal}); unused when plain. */
    private final Diagonal diagonal;
    /** Whether the side is on or off the diagonal ({@link #diagonal}) rather than below or above it. */
    private final boolean onDiagonal;
    private SideCounts sides; // made when first asked

    private ClassMap(long[] shape, int[][] ids, PairAxis[] pairs, int[] groups, int[] table) {
        this(shape, ids, pairs, groups, table, Diagonal.plain(0), false);
    }

    private ClassMap(long[] shape, int[][] ids, PairAxis[] pairs, int[] groups, int[] table, Diagonal diagonal, boolean onDiagonal) {
        this(shape, ids, pairs, groups, table, diagonal, onDiagonal, null);
    }

    /**
     * {@code known}: per axis its groups' counts where the caller has them (null, or a null entry: counted here, a pass
     * over the axis's positions; at n = 2^20 a millisecond per axis and map, and var's decoder makes thousands of maps).
     */
    private ClassMap(long[] shape, int[][] ids, PairAxis[] pairs, int[] groups, int[] table, Diagonal diagonal, boolean onDiagonal, long[][] known) {
        this.shape = shape;
        this.ids = ids;
        this.pairs = pairs == null ? new PairAxis[groups.length] : pairs;
        this.groups = groups;
        this.table = table;
        this.diagonal = diagonal;
        this.onDiagonal = onDiagonal;
        this.counts = new long[shape.length][];
        for (int a = 0; a < shape.length; a++) {
            if (known != null && known[a] != null) { counts[a] = known[a]; continue; }
            counts[a] = new long[groups[a]];
            if (this.pairs[a] != null) counts[a] = this.pairs[a].counts(groups[a]);
            else if (ids[a] == null) counts[a][0] = shape[a];
            else for (int g : ids[a]) counts[a][g]++;
        }
    }

    static ClassMap uniform(long[] shape, ElemClass c) {
        int[][] ids = new int[shape.length][];
        int[] groups = new int[shape.length];
        Arrays.fill(groups, 1);
        return new ClassMap(shape.clone(), ids, null, groups, new int[] {c.id});
    }

    /** One class per element (row-major): for small tensors. */
    static ClassMap explicit(long[] shape, int[] classIds) {
        int[][] ids = new int[shape.length][];
        int[] groups = new int[shape.length];
        for (int a = 0; a < shape.length; a++) {
            int d = Math.toIntExact(shape[a]);
            ids[a] = new int[d];
            for (int i = 0; i < d; i++) ids[a][i] = i;
            groups[a] = d;
        }
        return of(shape, ids, groups, classIds);
    }

    /** A map from groups and a table (not yet compressed; ids may leave groups empty). */
    static ClassMap of(long[] shape, int[][] ids, int[] groups, int[] table) {
        return of(shape, ids, null, groups, table);
    }

    /** As {@link #of(long[], int[][], int[], int[])}, the axes where {@code pairs} holds a {@link PairAxis} grouped by it (their ids unused). */
    static ClassMap of(long[] shape, int[][] ids, PairAxis[] pairs, int[] groups, int[] table) {
        return of(shape, ids, pairs, groups, table, true);
    }

    /** As above; {@code copy} false: the caller hands over {@code ids}' arrays (made for this map, not kept). */
    private static ClassMap of(long[] shape, int[][] ids, PairAxis[] pairs, int[] groups, int[] table, boolean copy) {
        int[][] own = new int[shape.length][];
        PairAxis[] pa = new PairAxis[groups.length];
        for (int a = 0; a < shape.length; a++) {
            if (pairs != null && pairs[a] != null) pa[a] = pairs[a];
            else own[a] = ids[a] == null ? null : copy ? ids[a].clone() : ids[a];
        }
        return new ClassMap(shape.clone(), own, pa, groups.clone(), table.clone()).compress();
    }

    /**
     * A matrix split by the diagonal {@code j - i <= offset}: {@code table} row-major over (row group, column
     * group, side), side 0 the entries on or below the diagonal, 1 those above.
     */
    static ClassMap triangle(long[] shape, long offset, int[][] ids, int[] groups, int[] table) {
        return triangle(shape, Diagonal.plain(offset), ids, groups, table);
    }

    /** As {@link #triangle(long[], long, int[][], int[], int[])} for any diagonal, a pair-keyed one included. */
    static ClassMap triangle(long[] shape, Diagonal diagonal, int[][] ids, int[] groups, int[] table) {
        return triangle(shape, diagonal, ids, null, groups, table);
    }

    /** As {@link #triangle(long[], Diagonal, int[][], int[], int[])}, an axis where {@code pairs} holds one grouped by it. */
    static ClassMap triangle(long[] shape, Diagonal diagonal, int[][] ids, PairAxis[] pairs, int[] groups, int[] table) {
        if (shape.length != 2) throw new IllegalArgumentException("a triangular map is a matrix");
        if (diagonal.paired() && shape[1] % diagonal.pairs() != 0) throw new IllegalArgumentException("a pair axis of " + shape[1] + " positions by " + diagonal.pairs());
        PairAxis[] pa = new PairAxis[3];
        int[][] own = new int[3][];
        for (int a = 0; a < 2; a++) {
            if (pairs != null && pairs[a] != null) pa[a] = pairs[a];
            else own[a] = ids[a] == null ? null : ids[a].clone();
        }
        return new ClassMap(shape.clone(), own, pa, new int[] {groups[0], groups[1], 2}, table.clone(), diagonal, false).compress();
    }

    /**
     * A matrix split by the diagonal {@code j - i == offset}: {@code table} row-major over (row group, column
     * group, side), side 1 the entries on the diagonal, 0 those off it.
     */
    static ClassMap diagonal(long[] shape, long offset, int[][] ids, int[] groups, int[] table) {
        if (shape.length != 2) throw new IllegalArgumentException("a diagonal map is a matrix");
        int[][] own = {ids[0] == null ? null : ids[0].clone(), ids[1] == null ? null : ids[1].clone(), null};
        return new ClassMap(shape.clone(), own, null, new int[] {groups[0], groups[1], 2}, table.clone(), Diagonal.plain(offset), true).compress();
    }

    /** Whether the map is split by a diagonal into a lower and an upper side ({@link #triangle}). */
    boolean split() { return sided() && !onDiagonal; }

    /** Whether the map is split into the entries on one diagonal and those off it ({@link #diagonal}). */
    boolean onDiagonal() { return sided() && onDiagonal; }

    /** Whether the map is split either way: a side axis follows the two axes. */
    boolean sided() { return groups.length > shape.length; }

    /** The diagonal of a sided map: side 0 where {@code key(j) - i <= offset}; of an on/off one, side 1 where {@code j - i == offset}. */
    long offset() { return diagonal.offset(); }

    /** The diagonal of a split map, its column key included. */
    Diagonal diagonal() { return diagonal; }

    /** The side of entry (i, j) of a sided map. */
    int side(long i, long j) { return onDiagonal ? DiagonalCounts.side(i, j, diagonal.offset()) : diagonal.side(i, j); }

    /** The class id at row group {@code g0}, column group {@code g1} and side {@code side} of a sided map. */
    int id(int g0, int g1, int side) { return table[(g0 * groups[1] + g1) * 2 + side]; }

    /** Entries of row group {@code g0} and column group {@code g1} on {@code side} of a sided map. */
    long sideCount(int g0, int g1, int side) {
        if (sides == null && pairs[1] != null && !onDiagonal) { // a pair axis's sides from its factors
            sides = new TriangleCounts(axisGroups(0), groups[0], KeyedPositions.of(pairs[1], groups[1], diagonal), diagonal.offset())::count;
        }
        if (sides == null) sides = SideCounts.of(axisGroups(0), groups[0], axisGroups(1), groups[1], diagonal, onDiagonal);
        return sides.count(g0, g1, side);
    }

    /** Past this many entries a split map is not made plain ({@link #dense}). */
    static final long DENSE_LIMIT = 1L << 28;

    /**
     * The same classes without the split: each row and column its own group (then compressed), for operations
     * that do not know the split; refused past {@link #DENSE_LIMIT} entries.
     */
    ClassMap dense() {
        if (!sided()) return this;
        long entries = shape[0] * shape[1];
        if (entries > DENSE_LIMIT) {
            throw new UnsupportedOperationException("counting: a " + (onDiagonal ? "diagonal mask (eye)" : "triangular mask (tril, triu)")
                    + " of " + shape[0] + " x " + shape[1] + " entries reaches an op that reads it entry by entry (past the 2^28 held so)");
        }
        int r = (int) shape[0], c = (int) shape[1];
        int[] t = new int[r * c];
        int[] rowIds = new int[r], colIds = new int[c];
        for (int i = 0; i < r; i++) rowIds[i] = i;
        for (int j = 0; j < c; j++) colIds[j] = j;
        for (int i = 0; i < r; i++) {
            int gi = group(0, i);
            for (int j = 0; j < c; j++) t[i * c + j] = id(gi, group(1, j), side(i, j));
        }
        return of(shape, new int[][] {rowIds, colIds}, new int[] {r, c}, t);
    }

    int rank() { return shape.length; }

    int groups(int axis) { return groups[axis]; }

    /** The group of position {@code i} on {@code axis}. */
    int group(int axis, long i) {
        if (pairs[axis] != null) return pairs[axis].group(i);
        return ids[axis] == null ? 0 : ids[axis][(int) i];
    }

    /** The axis's groups held factored ({@link PairAxis}), or null where they are listed (or one group). */
    PairAxis pairAxis(int axis) { return axis < pairs.length ? pairs[axis] : null; }

    /** Whether some axis is held factored. */
    boolean paired() {
        for (PairAxis p : pairs) if (p != null) return true;
        return false;
    }

    /** The same map with every paired axis listed (for operations that read positions one by one; refused past an int's positions). */
    ClassMap listedPairs() {
        if (!paired()) return this;
        int[][] n = ids.clone();
        for (int a = 0; a < shape.length; a++) if (pairs[a] != null) n[a] = pairs[a].listed();
        return new ClassMap(shape, n, null, groups, table, diagonal, onDiagonal);
    }

    /** Positions of {@code axis} in group {@code g}. */
    long count(int axis, int g) { return counts[axis][g]; }

    /**
     * Positions an axis lists one by one (an int each); past 2^31 - 1 (tensor attention's pair axis of n^2 key
     * pairs from n = 2^16 on) refused in words, not as an overflow.
     */
    static int listed(long positions) {
        if (positions > Integer.MAX_VALUE) {
            throw new UnsupportedOperationException("counting: an axis of " + positions + " positions, listed position by position past the"
                    + " 2^31 - 1 an int holds (a pair axis of n^2 key pairs is not yet held as position ranges)");
        }
        return (int) positions;
    }

    /** The groups of every position of an axis (a fresh array). */
    int[] axisGroups(int axis) {
        if (pairs[axis] != null) return pairs[axis].listed();
        int d = listed(shape[axis]);
        return ids[axis] == null ? new int[d] : ids[axis].clone();
    }

    /** The class at a combination of groups, one per axis. */
    ElemClass at(int[] g) { return ElemClass.byId(table[flat(g)]); }

    /** The class id at row group {@code g0} and column group {@code g1} of a plain matrix (no allocation: for loops over groups). */
    int id(int g0, int g1) {
        if (sided()) throw new IllegalStateException("a map split by a diagonal read by groups alone");
        return table[g0 * groups[1] + g1];
    }

    /** The class of an element. */
    ElemClass element(long[] ix) {
        int[] g = new int[groups.length];
        for (int a = 0; a < ix.length; a++) g[a] = group(a, ix[a]);
        if (sided()) g[2] = side(ix[0], ix[1]);
        return at(g);
    }

    /** Table size: the number of group combinations. */
    int combos() { return table.length; }

    /** The group combination of table index {@code t}. */
    int[] combo(int t) {
        int[] g = new int[groups.length];
        for (int a = groups.length - 1; a >= 0; a--) { g[a] = t % groups[a]; t /= groups[a]; }
        return g;
    }

    /** The number of elements in a group combination. */
    long multiplicity(int[] g) {
        if (sided()) return sideCount(g[0], g[1], g[2]);
        long m = 1;
        for (int a = 0; a < g.length; a++) m = Math.multiplyExact(m, counts[a][g[a]]);
        return m;
    }

    boolean isUniform() { return table.length == 1; }

    /** Whether every class is a constant. */
    boolean allConstant() {
        for (int c : table) if (!ElemClass.byId(c).isConstant()) return false;
        return true;
    }

    /** Whether some class has a variable bit. */
    boolean anyVariable() { return !allConstant(); }

    /** The same map with every class replaced by {@code f(class)}. */
    ClassMap mapClasses(java.util.function.UnaryOperator<ElemClass> f) {
        int[] t = new int[table.length];
        for (int i = 0; i < t.length; i++) t[i] = f.apply(ElemClass.byId(table[i])).id;
        if (split()) return triangle(shape, diagonal, ids, pairs, groups, t);
        if (onDiagonal()) return paired() ? listedPairs().mapClasses(f) : diagonal(shape, diagonal.offset(), ids, groups, t);
        return of(shape, ids, pairs, groups, t);
    }

    /** The class id of the element at row-major index {@code flat} (no allocation: for element-by-element visits). */
    int idAt(long flat) {
        if (sided()) {
            long i = flat / shape[1], j = flat % shape[1];
            return id(group(0, i), group(1, j), side(i, j));
        }
        int f = 0, mul = 1;
        long rest = flat;
        for (int a = shape.length - 1; a >= 0; a--) {
            long i = rest % shape[a];
            rest /= shape[a];
            f += group(a, i) * mul;
            mul *= groups[a];
        }
        return table[f];
    }

    int flat(int[] g) {
        int f = 0;
        for (int a = 0; a < groups.length; a++) f = f * groups[a] + g[a];
        return f;
    }

    // Transforms of wiring.

    ClassMap transpose() {
        if (split() && diagonal.paired()) return dense().transpose();
        if (split()) { // j - i <= k is i' - j' <= k, that is j' - i' >= -k: the lower side of -k - 1 is the old upper one
            int[] t = new int[table.length];
            for (int i = 0; i < groups[0]; i++) {
                for (int j = 0; j < groups[1]; j++) for (int s = 0; s < 2; s++) t[(j * groups[0] + i) * 2 + s] = id(i, j, 1 - s);
            }
            return triangle(new long[] {shape[1], shape[0]}, diagonal.transposed(), new int[][] {ids[1], ids[0]}, new PairAxis[] {pairs[1], pairs[0]},
                    new int[] {groups[1], groups[0]}, t);
        }
        if (onDiagonal() && paired()) return listedPairs().transpose();
        if (onDiagonal()) { // j - i == k is j' - i' == -k, on the same side
            int[] t = new int[table.length];
            for (int i = 0; i < groups[0]; i++) {
                for (int j = 0; j < groups[1]; j++) for (int s = 0; s < 2; s++) t[(j * groups[0] + i) * 2 + s] = id(i, j, s);
            }
            return diagonal(new long[] {shape[1], shape[0]}, -offset(), new int[][] {ids[1], ids[0]}, new int[] {groups[1], groups[0]}, t);
        }
        int[] t = new int[table.length];
        for (int i = 0; i < groups[0]; i++) for (int j = 0; j < groups[1]; j++) t[j * groups[0] + i] = table[i * groups[1] + j];
        return of(new long[] {shape[1], shape[0]}, new int[][] {ids[1], ids[0]}, new PairAxis[] {pairs[1], pairs[0]}, new int[] {groups[1], groups[0]}, t);
    }

    /** Axes of size 1 repeated to {@code to}. */
    ClassMap broadcast(long[] to) {
        if (sided()) return Arrays.equals(to, shape) ? this : dense().broadcast(to);
        long[][] known = new long[shape.length][];
        for (int a = 0; a < shape.length; a++) if (ids[a] != null) known[a] = counts[a]; // listed axes keep their length
        return new ClassMap(to.clone(), ids.clone(), pairs.clone(), groups.clone(), table, Diagonal.plain(0), false, known);
    }

    ClassMap slice(long[] start, long[] size) {
        if (sided()) return dense().slice(start, size);
        if (paired()) return listedPairs().slice(start, size);
        int[][] n = new int[shape.length][];
        for (int a = 0; a < shape.length; a++) {
            if (ids[a] != null) n[a] = Arrays.copyOfRange(ids[a], (int) start[a], (int) (start[a] + size[a]));
        }
        return of(size, n, null, groups, table, false);
    }

    /** {@code this} then {@code right} along {@code axis}. */
    ClassMap concat(int axis, ClassMap right) {
        if (sided() || right.sided()) return dense().concat(axis, right.dense());
        if (paired() || right.paired()) return listedPairs().concat(axis, right.listedPairs());
        int r = shape.length;
        long[] sh = shape.clone();
        sh[axis] += right.shape[axis];
        int[][] n = new int[r][];
        int[] gs = new int[r];
        int[][] leftOf = new int[r][], rightOf = new int[r][];
        for (int a = 0; a < r; a++) {
            if (a == axis) {
                int d = Math.toIntExact(sh[a]);
                n[a] = new int[d];
                int ld = (int) shape[a];
                for (int i = 0; i < d; i++) n[a][i] = i < ld ? group(a, i) : groups[a] + right.group(a, i - ld);
                gs[a] = groups[a] + right.groups[a];
                continue;
            }
            // Joint groups: pairs (left group, right group) along the axis.
            LongIds pairs = new LongIds();
            int d = Math.toIntExact(sh[a]);
            n[a] = new int[d];
            for (int i = 0; i < d; i++) n[a][i] = pairs.id(((long) group(a, i) << 32) | right.group(a, i));
            gs[a] = pairs.size();
            leftOf[a] = new int[gs[a]];
            rightOf[a] = new int[gs[a]];
            for (int p = 0; p < gs[a]; p++) {
                long k = pairs.key(p);
                leftOf[a][p] = (int) (k >>> 32);
                rightOf[a][p] = (int) k;
            }
        }
        int size = 1;
        for (int g : gs) size = Math.multiplyExact(size, g);
        int[] t = new int[size];
        int[] g = new int[r], lg = new int[r], rg = new int[r];
        for (int f = 0; f < size; f++) {
            int rest = f;
            for (int a = r - 1; a >= 0; a--) { g[a] = rest % gs[a]; rest /= gs[a]; }
            boolean left = g[axis] < groups[axis];
            for (int a = 0; a < r; a++) {
                if (a == axis) { lg[a] = g[a]; rg[a] = g[a] - groups[axis]; }
                else { lg[a] = leftOf[a][g[a]]; rg[a] = rightOf[a][g[a]]; }
            }
            t[f] = left ? table[flat(lg)] : right.table[right.flat(rg)];
        }
        return of(sh, n, null, gs, t, false);
    }

    /**
     * The same elements in row-major order, shape {@code to}. Axes are taken in blocks whose sizes agree (a run
     * of input axes merged or split into a run of output axes): a block whose axes have one group each stays
     * one group per output axis whatever its size; a block merged into one axis keeps its groups (the table
     * does not change, only the positions are listed, up to {@link #LIST_LIMIT}); a block split or regrouped
     * is listed likewise and grouped per new axis by equal hyperslices ({@link BlockSplit}). Refused past
     * {@code limit} group combinations.
     */
    ClassMap reshape(long[] to, long limit) {
        return reshape(to, limit, PAIR_PAST);
    }

    /**
     * Two grouped axes merged into one past this many positions are held as a {@link PairAxis}, not listed (var's
     * decoder reshapes {@code [n - 1, n - 1, c]} to {@code [(n - 1)^2, c]} for a product and back: 2^40 positions at
     * n = 2^20); split back into the same two lengths they are the two axes again.
     */
    static final long PAIR_PAST = 1L << 16;

    /** {@link #reshape(long[], long)}, pairing merged axes past {@code pairPast} positions (tests: 0, every merge of two grouped axes). */
    ClassMap reshape(long[] to, long limit, long pairPast) {
        return ClassMapReshape.reshape(this, to, limit, pairPast);
    }

    /** The class id at table index {@code t} (row-major over the groups). */
    int tableId(int t) { return table[t]; }

    /** Merges the groups of each axis whose table slices agree, and drops empty groups, until stable. */
    private ClassMap compress() {
        ClassMap m = this;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int a = 0; a < m.rank(); a++) {
                ClassMap n = m.compressAxis(a);
                if (n != m) { m = n; changed = true; }
            }
        }
        return m.sided() ? m.unsplitIfSame() : m;
    }

    /** A split map whose two sides agree everywhere is plain. */
    private ClassMap unsplitIfSame() {
        int[] t = new int[table.length / 2];
        for (int f = 0; f < t.length; f++) {
            if (table[2 * f] != table[2 * f + 1]) return this;
            t[f] = table[2 * f];
        }
        return new ClassMap(shape, Arrays.copyOf(ids, shape.length), Arrays.copyOf(pairs, shape.length), Arrays.copyOf(groups, shape.length), t).compress();
    }

    private ClassMap compressAxis(int axis) {
        int ga = groups[axis];
        if (ga == 1 && ids[axis] == null && pairs[axis] == null) return this;
        // The slice of each group, as a key.
        int inner = 1, outer = 1;
        for (int a = axis + 1; a < groups.length; a++) inner *= groups[a];
        for (int a = 0; a < axis; a++) outer *= groups[a];
        Map<SliceKey, Integer> seen = new HashMap<>();
        int[] remap = new int[ga];
        Arrays.fill(remap, -1);
        int[] first = new int[ga];
        for (int g = 0; g < ga; g++) {
            if (counts[axis][g] == 0) continue;
            int[] s = new int[outer * inner];
            for (int o = 0; o < outer; o++) for (int i = 0; i < inner; i++) s[o * inner + i] = table[(o * ga + g) * inner + i];
            int id = seen.computeIfAbsent(new SliceKey(s), k -> seen.size());
            if (remap[g] < 0) remap[g] = id;
            if (id == seen.size() - 1 && first[id] == 0) first[id] = g + 1;
        }
        int ng = seen.size();
        if (ng == ga) {
            if (ga == 1 && (ids[axis] != null || pairs[axis] != null)) {
                int[][] n = ids.clone();
                n[axis] = null;
                PairAxis[] p = pairs.clone();
                p[axis] = null;
                return new ClassMap(shape, n, p, groups, table, diagonal, onDiagonal);
            }
            return this;
        }
        int[] t = new int[outer * ng * inner];
        for (int id = 0; id < ng; id++) {
            int g = first[id] - 1;
            for (int o = 0; o < outer; o++) for (int i = 0; i < inner; i++) t[(o * ng + id) * inner + i] = table[(o * ga + g) * inner + i];
        }
        int[][] n = ids.clone();
        PairAxis[] p = pairs.clone();
        if (ng == 1) { n[axis] = null; p[axis] = null; }
        else if (p[axis] != null) p[axis] = p[axis].remapped(remap);
        else {
            n[axis] = new int[ids[axis].length];
            for (int i = 0; i < n[axis].length; i++) n[axis][i] = remap[ids[axis][i]];
        }
        int[] gs = groups.clone();
        gs[axis] = ng;
        long[][] known = counts.clone(); // the other axes' groups are unchanged; this one's fold by remap
        known[axis] = null;
        if (p[axis] == null && n[axis] != null) {
            known[axis] = new long[ng];
            for (int g = 0; g < ga; g++) if (remap[g] >= 0) known[axis][remap[g]] += counts[axis][g];
        }
        return new ClassMap(shape, n, p, gs, t, diagonal, onDiagonal, known);
    }

    private record SliceKey(int[] s) {
        @Override public boolean equals(Object o) { return o instanceof SliceKey k && Arrays.equals(s, k.s); }

        @Override public int hashCode() { return Arrays.hashCode(s); }
    }
}
