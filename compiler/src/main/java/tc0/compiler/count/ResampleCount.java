package tc0.compiler.count;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tc0.compiler.count.ResampleStencils.Weighting;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.DivideWords;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;

/**
 * Upsample and downsample as the lowering builds them ({@code ResampleLowering.lower}): per output
 * element the stencil's weighted sum divided by {@code D 2^Fx} ({@link DivideByConstant}, by the route its
 * own form chooses: its taps' classes and weights); a single tap of weight D is a format change, wiring when
 * the formats agree. Where both axes have two taps the lowering sums separably: an exact column pass
 * {@code y_r = sum_c w_c x[r][c]} per (source row, output column), shared by the output rows reading row r,
 * then the row pass {@code sum_r w_r y_r} divided once. Each axis's output positions fall into groups with
 * the same taps' weights, source class groups, copies and liveness ({@link ResampleAxis}); the column pass is
 * one instance per (source row kind, column group, channel group), and the row pass one per (row group,
 * column class), a column class being the column groups whose column-pass words (and single-row stencils)
 * have the same classes. So the instances grow like the groups of one axis, not their product.
 * Elements no consumer reads ({@link ResampleLive#liveAlong}) are not counted (the builder drops them) and
 * hold a constant class. A stencil that may read one literal twice where the operand is a resample passing its
 * source's literals through is counted by {@link ResampleThrough}; a division past a long takes SPLIT over exact
 * numbers, as the lowering does ({@link ResampleStencils.Shared#route}).
 */
final class ResampleCount {
    final Engine e;
    private final Node n;
    private final int operand;
    final ClassMap m;
    private final FixedFormat fx, out;
    final ResampleAxis[] ax;
    private final ResampleLive.Copies copies;
    final ResampleStencils.Shared sym;
    private final boolean rank3;
    final int cgroups;
    private boolean copied, passthrough, rowPassThrough;

    private ResampleCount(Engine e, Node n, int operand, ClassMap m, ResampleAxis[] ax, ResampleLive.Copies copies) {
        this.e = e;
        this.n = n;
        this.operand = operand;
        this.m = m;
        this.fx = e.fmt(operand);
        this.out = n.elem().asFixed();
        this.ax = ax;
        this.copies = copies;
        this.sym = new ResampleStencils.Shared(out, fx, e.rounds);
        this.rank3 = n.rank() == 3;
        this.cgroups = rank3 ? m.groups(2) : 1;
    }

    static Summary count(Engine e, Node n) {
        Op.Interpolation mode = ResampleLive.mode(n.op());
        int operand = n.op().operands().getFirst();
        Node src = e.p.node(operand);
        Summary s = e.sum(operand);
        ClassMap m = s.words();
        ResampleLive ctx = ResampleLive.of(e);
        boolean[][] live = ctx.liveAlong(n.id());
        // Taps of one stencil are distinct elements, or the same element copied (then the instance sees one).
        ResampleLive.Copies copies = s.distinct(0) && s.distinct(1) ? null : ctx.copies(e, operand);
        ResampleAxis[] ax = new ResampleAxis[2];
        boolean twice = false;
        for (int a = 0; a < 2; a++) {
            ax[a] = ResampleAxis.of(n, src, mode, a, m, live == null ? null : live[a], copies);
            twice |= ax[a].multiTap && m.anyVariable() && copies == null && !s.distinct(a);
        }
        if (twice && !ResampleThrough.applies(e, n)) {
            throw new NeedsLiterals("node " + n.id() + ": a stencil of " + n.op().label() + " may read one literal twice");
        }
        checkOperandRead(e, ctx, n, operand, s, ax);
        // An operand resampled from distinct elements, passing some of their literals through: counted over its build.
        if (twice) return ResampleThrough.count(e, n, live);
        ResampleCount c = new ResampleCount(e, n, operand, m, ax, copies);
        ClassMap classes = c.classes();

        Set<Integer> bases = new HashSet<>();
        bases.add(n.id());
        if (c.copied || c.passthrough) bases.addAll(s.bases());
        // Gates are fresh. Copies (and gates passing a literal through) share literals with the operand's
        // elements they read: along an axis, two positions share one only if their taps read a common element.
        // A row pass passing a column-pass bit through shares it among the rows reading that source row.
        boolean[] distinct = new boolean[n.rank()];
        for (int a = 0; a < n.rank(); a++) {
            boolean shared = a < 2 ? (s.distinct(a) || copies != null) && ax[a].disjoint : s.distinct(a);
            distinct[a] = (!(c.copied || c.passthrough) || shared) && !(a == 0 && c.rowPassThrough);
        }
        if (!c.passthrough) ctx.clean(n.id());
        if (Engine.TRACE) System.err.println("count: node " + n.id() + ": " + c.sym.memo);
        return new Summary(classes, Set.copyOf(bases), distinct, n.elem() instanceof Elem.Bit);
    }

    boolean pair(int axis, int g) { return ax[axis].taps.get(g).index().length > 1; }

    private long channels(int cg) { return rank3 ? m.count(2, cg) : 1; }

    /** Counts every live stencil and gives the output's class map. */
    private ClassMap classes() {
        // Where the operand copies elements, whether a stencil is separable depends on its taps' identities:
        // its column groups are then kept apart (a downsample's few), else grouped into column classes.
        boolean merge = copies == null;
        // Kinds of the source rows live two-tap rows read (class group, copied or not): the column pass's inputs.
        java.util.BitSet pairRows = new java.util.BitSet();
        for (int gy = 0; gy < ax[0].size(); gy++) if (ax[0].live.get(gy) && pair(0, gy)) pairRows.or(ax[0].reads.get(gy));
        int[] rowKind = new int[ax[0].tapped.length];
        Arrays.fill(rowKind, -1);
        List<Integer> kindFirst = new ArrayList<>();
        java.util.Map<Integer, Integer> kinds = new HashMap<>();
        for (int a = pairRows.nextSetBit(0); a >= 0; a = pairRows.nextSetBit(a + 1)) {
            int key = m.group(0, a) * 2 + (copies != null && copies.single(0, a) ? 1 : 0);
            Integer k = kinds.get(key);
            if (k == null) { k = kinds.size(); kinds.put(key, k); kindFirst.add(a); }
            rowKind[a] = k;
        }
        int kindCount = kinds.size();
        long[] allRows = rowsPerKind(pairRows, rowKind, kindCount);
        List<Integer> singleRows = new ArrayList<>();
        for (int gy = 0; gy < ax[0].size(); gy++) if (ax[0].live.get(gy) && !pair(0, gy)) singleRows.add(gy);
        int groupsX = ax[1].size();
        // Column groups whose weightings key alike at every place they are counted, joined (without copies only).
        if (merge) ax[1] = ResampleMerge.merge(ax[1], m, 1, new ResamplePlaces.Columns(this, singleRows, kindFirst));
        int ny = ax[0].size(), nx = ax[1].size();
        // Stencils of single-tap rows, for every column group (few rows: borders and whole source positions).
        java.util.Map<Integer, int[]> singleRow = new java.util.LinkedHashMap<>();
        for (int gy : singleRows) {
            int[] row = new int[nx * cgroups];
            for (int gx = 0; gx < nx; gx++) {
                if (!ax[1].live.get(gx)) continue;
                for (int cg = 0; cg < cgroups; cg++) row[gx * cgroups + cg] = direct(gy, gx, cg);
            }
            singleRow.put(gy, row);
        }
        // The column pass: one instance per (row kind, column group, channel group), for the rows it serves.
        int[][] colPass = new int[nx][];
        for (int gx = 0; gx < nx; gx++) {
            if (!ax[1].live.get(gx) || !pair(1, gx)) continue;
            colPass[gx] = new int[kindCount * cgroups];
            Arrays.fill(colPass[gx], -1);
            for (int cg = 0; cg < cgroups; cg++) {
                long[] rows = allRows;
                if (!merge) {
                    java.util.BitSet served = new java.util.BitSet();
                    for (int gy = 0; gy < ny; gy++) {
                        if (ax[0].live.get(gy) && pair(0, gy) && separable(gy, gx, cg)) served.or(ax[0].reads.get(gy));
                    }
                    rows = rowsPerKind(served, rowKind, kindCount);
                }
                for (int k = 0; k < kindCount; k++) {
                    if (rows[k] > 0) colPass[gx][k * cgroups + cg] = columnPass(kindFirst.get(k), rows[k], gx, cg);
                }
            }
        }
        // Column classes: two-tap groups with the same column-pass classes, denominator and single-row stencils
        // (what every row's stencil over them reads and gives); any other group alone.
        int[] colOf = new int[nx];
        List<Integer> colFirst = new ArrayList<>();
        List<Long> colCount = new ArrayList<>();
        java.util.Map<Object, Integer> colKeys = new HashMap<>();
        for (int gx = 0; gx < nx; gx++) {
            Object key;
            if (!ax[1].live.get(gx)) key = "dead";
            else if (!pair(1, gx) || !merge) key = gx;
            else {
                int[] sig = new int[colPass[gx].length + 1 + singleRow.size() * cgroups];
                System.arraycopy(colPass[gx], 0, sig, 0, colPass[gx].length);
                sig[colPass[gx].length] = Math.toIntExact(ax[1].taps.get(gx).denominator());
                int at = colPass[gx].length + 1;
                for (int[] row : singleRow.values()) for (int cg = 0; cg < cgroups; cg++) sig[at++] = row[gx * cgroups + cg];
                key = new Engine.IntsKey(sig);
            }
            Integer c = colKeys.get(key);
            if (c == null) { c = colKeys.size(); colKeys.put(key, c); colFirst.add(gx); colCount.add(0L); }
            colOf[gx] = c;
            colCount.set(c, colCount.get(c) + ax[1].count.get(gx));
        }
        int nc = colFirst.size();
        int groupsY = ny;
        // Row groups whose weightings key alike at every column class, joined (single-tap rows keep their own groups).
        if (merge) {
            ResampleAxis before = ax[0];
            ax[0] = ResampleMerge.merge(before, m, 0, new ResamplePlaces.Rows(this, colFirst, colPass, rowKind));
            if (ax[0] != before) {
                int[] into = new int[before.size()];
                for (int i = 0; i < before.of.length; i++) into[before.of[i]] = ax[0].of[i];
                java.util.Map<Integer, int[]> moved = new java.util.LinkedHashMap<>();
                for (var row : singleRow.entrySet()) moved.put(into[row.getKey()], row.getValue());
                singleRow = moved;
                ny = ax[0].size();
            }
        }
        if (Engine.TRACE) System.err.println("count: node " + n.id() + " " + n.op().label() + ": " + ny + " row groups (of " + groupsY + "), " + nx + " column groups (of "
                + groupsX + ") in " + nc + " column classes, " + kindCount + " source row kinds");
        int[] table = new int[Math.multiplyExact(ny, nc * cgroups)];
        Arrays.fill(table, ElemClass.constant(0, out.width()).id); // what no consumer reads
        for (int gy = 0; gy < ny; gy++) {
            if (!ax[0].live.get(gy)) continue;
            int[] single = singleRow.get(gy);
            int[] t = ax[0].taps.get(gy).index();
            for (int c = 0; c < nc; c++) {
                int gx = colFirst.get(c);
                if (!ax[1].live.get(gx)) continue;
                for (int cg = 0; cg < cgroups; cg++) {
                    int at = (gy * nc + c) * cgroups + cg;
                    if (single != null) table[at] = single[gx * cgroups + cg];
                    else if (!pair(1, gx) || !separable(gy, gx, cg)) table[at] = direct(gy, gx, cg);
                    else table[at] = rowPass(gy, colPass[gx][rowKind[t[0]] * cgroups + cg], colPass[gx][rowKind[t[1]] * cgroups + cg],
                            ax[1].taps.get(gx).denominator(), colCount.get(c), cg);
                }
            }
        }
        int[][] ids = new int[n.rank()][];
        int[] groups = new int[n.rank()];
        ids[0] = ax[0].of;
        groups[0] = ny;
        int[] cols = new int[ax[1].of.length];
        for (int i = 0; i < cols.length; i++) cols[i] = colOf[ax[1].of[i]];
        ids[1] = cols;
        groups[1] = nc;
        if (rank3) { ids[2] = m.axisGroups(2); groups[2] = cgroups; }
        return ClassMap.of(Engine.shape(n), ids, groups, table);
    }

    /**
     * The weighting of row group gy against column group gx as {@link #direct} makes it (single taps of weight 1: the other's
     * weights), or as {@link #rowPass} does (a two-tap column group: the row's weights over both denominators).
     */
    Weighting weighting(int gy, int gx) {
        Layout.Taps ty = ax[0].taps.get(gy), tx = ax[1].taps.get(gx);
        long den = Math.multiplyExact(ty.denominator(), tx.denominator());
        if (ty.index().length > 1 && tx.index().length > 1) return new Weighting(ty.weight().clone(), den);
        return new Weighting(weights(ty, tx), den);
    }

    /** The column pass's words over source row {@code row}'s class group and column group gx's taps. */
    ElemClass[] columnClasses(int row, int gx, int cg) {
        Layout.Taps tx = ax[1].taps.get(gx);
        int[] g = new int[m.rank()];
        if (g.length == 3) g[2] = cg;
        g[0] = m.group(0, row);
        ElemClass[] in = new ElemClass[tx.index().length];
        for (int b = 0; b < in.length; b++) {
            g[1] = m.group(1, tx.index()[b]);
            in[b] = m.at(g);
        }
        return in;
    }

    private static long[] rowsPerKind(java.util.BitSet rows, int[] rowKind, int kinds) {
        long[] r = new long[kinds];
        for (int a = rows.nextSetBit(0); a >= 0; a = rows.nextSetBit(a + 1)) r[rowKind[a]]++;
        return r;
    }

    /**
     * Whether the lowering sums this two-by-two stencil separably: no two of its taps share a variable literal
     * (with copies, two taps copying one variable element do: that stencil is one form, as built).
     */
    private boolean separable(int gy, int gx, int cg) {
        if (copies == null) return true;
        int[] id = identity(ax, gy, gx, true);
        ElemClass[] in = tapClasses(m, ax, gy, gx, cg);
        for (int t = 0; t < id.length; t++) {
            for (int u = t + 1; u < id.length; u++) if (id[t] == id[u] && !in[t].isConstant()) return false;
        }
        return true;
    }

    /** A stencil with a single-tap axis (or two): its form over the operand's words, divided once; counted for its groups. */
    private int direct(int gy, int gx, int cg) {
        Layout.Taps ty = ax[0].taps.get(gy), tx = ax[1].taps.get(gx);
        long times = Math.multiplyExact(Math.multiplyExact(ax[0].count.get(gy), ax[1].count.get(gx)), channels(cg));
        ElemClass[] in = tapClasses(m, ax, gy, gx, cg);
        boolean single = ty.index().length == 1 && tx.index().length == 1;
        if (single && fx.equals(out)) { // wiring: the source word itself
            copied |= !in[0].isConstant();
            // What this node's consumers read of it: the engine checks that they read all of it.
            e.read(operand, in[0], Usage.all(in[0]));
            return in[0].id;
        }
        Instance.Result r;
        if (single) {
            r = convert(e, fx, out, in);
        } else {
            Weighting k = new Weighting(weights(ty, tx), Math.multiplyExact(ty.denominator(), tx.denominator()));
            int[] identity = identity(ax, gy, gx, copies != null);
            r = distinct(identity) ? sym.certainSplitShared(in, k) : null;
            if (r == null) {
                DivideByConstant.Route route = sym.route(in, k);
                r = route == DivideByConstant.Route.MULTIPLY && distinct(identity) ? sym.closed(in, k, route) : null;
                if (r == null) r = divide(e, fx, out, k, route, in, identity, sym.memo);
            }
        }
        e.add(r, times, operandNodes(in.length), in);
        passthrough |= r.passthrough();
        return r.out()[0].id;
    }

    /**
     * The column pass over source rows of one kind (class group, copied or not) and column group {@code gx}:
     * {@code rows} such rows, each once per output column of the group and channel of {@code cg}. Its taps
     * share no variable literal ({@link #separable}).
     */
    private int columnPass(int row, long rows, int gx, int cg) {
        Layout.Taps tx = ax[1].taps.get(gx);
        int k = tx.index().length;
        ElemClass[] in = columnClasses(row, gx, cg);
        long[] w = tx.weight();
        int rounds = e.rounds;
        Instance.Gadget gadget = (net, xs) -> {
            LinearForm f = new LinearForm();
            for (int t = 0; t < xs.length; t++) f.addWord(xs[t], w[t]);
            return new int[][] {WeightedSum.exact(net, f, rounds)};
        };
        Instance.Result r = ResampleStencils.closedExact(in, w, rounds, sym.memo);
        if (r == null) r = e.instance(List.of("resample-column", new Weighting(w, tx.denominator()), rounds), gadget, in, Instance.distinct(k));
        long times = Math.multiplyExact(Math.multiplyExact(rows, ax[1].count.get(gx)), channels(cg));
        e.add(r, times, operandNodes(k), in);
        passthrough |= r.passthrough();
        return r.out()[0].id;
    }

    /**
     * The row pass of row group {@code gy} over two column-pass words (distinct gates) of these classes, the
     * denominator the product of both axes'; counted for the group's rows and the column class's positions.
     */
    private int rowPass(int gy, int y0, int y1, long columnDen, long columns, int cg) {
        Layout.Taps ty = ax[0].taps.get(gy);
        ElemClass[] in = {ElemClass.byId(y0), ElemClass.byId(y1)};
        Weighting k = new Weighting(ty.weight().clone(), Math.multiplyExact(ty.denominator(), columnDen));
        Instance.Result r = sym.certainSplit(in, k);
        if (r == null) {
            DivideByConstant.Route route = sym.route(in, k);
            r = route == DivideByConstant.Route.MULTIPLY ? sym.closed(in, k, route) : null;
            if (r == null) r = divide(e, fx, out, k, route, in, new int[] {0, 1}, sym.memo);
        }
        for (int i = 0; i < in.length; i++) {
            if (r.usedSlots()[i] != Usage.all(in[i])) throw new NeedsLiterals("node " + n.id() + ": a row pass of " + n.op().label() + " leaves column-pass bits unread");
        }
        long times = Math.multiplyExact(Math.multiplyExact(ax[0].count.get(gy), columns), channels(cg));
        e.add(r, times, new int[] {-1, -1}, in);
        passthrough |= r.passthrough();
        rowPassThrough |= r.passthrough();
        return r.out()[0].id;
    }

    private int[] operandNodes(int k) {
        int[] nodes = new int[k];
        Arrays.fill(nodes, operand);
        return nodes;
    }

    /** A single tap in another format: {@code WeightedSum.toFormat} of the word. */
    private static Instance.Result convert(Engine e, FixedFormat fx, FixedFormat out, ElemClass[] in) {
        int rounds = e.rounds;
        Instance.Gadget g = (net, xs) -> new int[][] {WeightedSum.toFormat(net, new LinearForm().addWord(xs[0], 1), fx.fracBits(), out, rounds)};
        return e.instance(List.of("resample-convert", fx, out, rounds), g, in, new int[] {0});
    }

    /**
     * The stencil's form divided by {@code D 2^Fx} by {@code route}: the gadget, run once per classes and identities (past a
     * long, SPLIT over exact numbers, as {@code ResampleElements} builds it).
     */
    private static Instance.Result divide(Engine e, FixedFormat fx, FixedFormat out, Weighting k, DivideByConstant.Route route, ElemClass[] in,
            int[] identity, SplitMemo memo) {
        int rounds = e.rounds;
        long[] w = k.w();
        BigInteger d = ResampleStencils.divisor(k, fx);
        if (route == DivideByConstant.Route.SPLIT && distinct(identity)) {
            Instance.Result r = ClosedSplit.of(in, w, d, out, rounds, memo);
            if (r != null) return r;
        }
        boolean wide = !DivideWords.fitsLong(ResampleStencils.widths(in), w, d);
        if (wide) ResampleStencils.splitsOrRefuse(in, w, d, out);
        Instance.Gadget g = (net, xs) -> {
            if (wide) return new int[][] {DivideWords.buildWords(net, xs, w, out.fracBits(), d, out, rounds)};
            LinearForm f = new LinearForm();
            for (int t = 0; t < xs.length; t++) f.addWord(xs[t], w[t]);
            return new int[][] {DivideByConstant.build(net, f, out.fracBits(), d.longValueExact(), out, rounds, route)};
        };
        return e.instance(List.of("resample", k, fx, out, rounds, route), g, in, identity);
    }

    private static boolean distinct(int[] identity) {
        for (int t = 0; t < identity.length; t++) if (identity[t] != t) return false;
        return true;
    }

    /** The classes of the taps of a group combination, in stencil order (row taps outer, column taps inner). */
    static ElemClass[] tapClasses(ClassMap m, ResampleAxis[] ax, int gy, int gx, int cg) {
        Layout.Taps ty = ax[0].taps.get(gy), tx = ax[1].taps.get(gx);
        ElemClass[] in = new ElemClass[ty.index().length * tx.index().length];
        int[] g = new int[m.rank()];
        if (g.length == 3) g[2] = cg;
        int t = 0;
        for (int a : ty.index()) {
            for (int b : tx.index()) {
                g[0] = m.group(0, a);
                g[1] = m.group(1, b);
                in[t++] = m.at(g);
            }
        }
        return in;
    }

    private static long[] weights(Layout.Taps ty, Layout.Taps tx) {
        long[] w = new long[ty.weight().length * tx.weight().length];
        int t = 0;
        for (long a : ty.weight()) for (long b : tx.weight()) w[t++] = Math.multiplyExact(a, b);
        return w;
    }

    /** Tap identities: taps copying the same source element (through the operand's single taps) are one element. */
    private static int[] identity(ResampleAxis[] ax, int gy, int gx, boolean copies) {
        int[] cy = ax[0].canon.get(gy), cx = ax[1].canon.get(gx);
        int kx = cx.length;
        int[] id = new int[cy.length * kx];
        for (int a = 0; a < cy.length; a++) {
            for (int b = 0; b < kx; b++) {
                int t = a * kx + b;
                id[t] = copies && cy[a] >= 0 && cx[b] >= 0 ? cy[a] * kx + cx[b] : t;
            }
        }
        return id;
    }

    /** Where some operand positions are read by no live output, their gates must be counted nowhere. */
    private static void checkOperandRead(Engine e, ResampleLive ctx, Node n, int operand, Summary s, ResampleAxis[] ax) {
        if (ResampleLive.all(ax[0].tapped) && ResampleLive.all(ax[1].tapped) || !s.classes().anyVariable()) return;
        boolean inputsOnly = true;
        for (int b : s.bases()) inputsOnly &= e.p.node(b).op() instanceof Op.Input;
        if (inputsOnly) return;
        // Read in full elsewhere (null), or a resample that counted only what its consumers read.
        if (ctx.liveAlong(operand) == null || ResampleLive.isResample(e.p.node(operand).op())) return;
        throw new NeedsLiterals("node " + n.id() + " reads node " + operand + " only in part: the rest's gates are dead");
    }

}
