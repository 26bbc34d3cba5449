package tc0.compiler.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tc0.compiler.gadgets.DivideByConstant;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.numerics.FixedFormat;

/**
 * Upsample and downsample as the lowering builds them ({@code TensorIrToCircuit.resample}): per output
 * element the stencil's weighted sum divided by {@code D 2^Fx} ({@link DivideByConstant}, its route chosen
 * once per stencil weighting, from the first element in row-major order that has it); a single tap of
 * weight D is a format change, wiring when the formats agree. Stencils are separable ({@link Layout#taps}
 * per axis), so each axis's output positions fall into groups with the same taps' weights, source class
 * groups, copies and liveness: one instance per combination of groups (and channel group), multiplied.
 * Elements no consumer reads ({@link ResampleLive#liveAlong}) are not counted (the builder drops them) and
 * hold a constant class.
 */
final class ResampleCount {
    private ResampleCount() {}

    static Summary count(Engine e, Node n) {
        Op.Interpolation mode = ResampleLive.mode(n.op());
        int operand = n.op().operands().getFirst();
        Node src = e.p.node(operand);
        Summary s = e.sum(operand);
        ClassMap m = s.words();
        FixedFormat fx = e.fmt(operand), out = n.elem().asFixed();
        int rounds = e.rounds;
        ResampleLive ctx = ResampleLive.of(e);
        boolean[][] live = ctx.liveAlong(n.id());
        // Taps of one stencil are distinct elements, or the same element copied (then the instance sees one).
        ResampleLive.Copies copies = s.distinct(0) && s.distinct(1) ? null : ctx.copies(e, operand);
        AxisGroups[] ax = new AxisGroups[2];
        for (int a = 0; a < 2; a++) {
            ax[a] = AxisGroups.of(n, src, mode, a, m, live == null ? null : live[a], copies);
            if (ax[a].multiTap && m.anyVariable() && copies == null && !s.distinct(a)) {
                throw new NeedsLiterals("node " + n.id() + ": a stencil of " + n.op().label() + " may read one literal twice");
            }
        }
        checkOperandRead(e, ctx, n, operand, s, ax);

        boolean rank3 = n.rank() == 3;
        int cgroups = rank3 ? m.groups(2) : 1;
        int c0 = rank3 ? m.group(2, 0) : 0;
        int ny = ax[0].size(), nx = ax[1].size();
        int[] table = new int[ny * nx * cgroups];
        Arrays.fill(table, ElemClass.constant(0, out.width()).id); // what no consumer reads
        Map<Weighting, int[]> first = firstElements(n, fx, ax);
        Symmetric sym = new Symmetric(out, fx, rounds);
        boolean copied = false, passthrough = false;
        int[] nodes1 = {operand}, nodes = null;
        for (int gy = 0; gy < ny; gy++) {
            if (!ax[0].live.get(gy)) continue;
            int row = gy;
            // The row's stencils in parallel: routes, and MULTIPLY's closed sums (null where they do not apply).
            Weighting[] ks = new Weighting[nx];
            DivideByConstant.Route[] rts = new DivideByConstant.Route[nx];
            Instance.Result[] closed = new Instance.Result[nx * cgroups];
            java.util.stream.IntStream.range(0, nx).parallel().forEach(gx -> {
                Layout.Taps ty = ax[0].taps.get(row), tx = ax[1].taps.get(gx);
                if (!ax[1].live.get(gx) || ty.index().length == 1 && tx.index().length == 1) return;
                Weighting k = new Weighting(weights(ty, tx), ty.denominator() * tx.denominator());
                long d = k.den << fx.fracBits();
                int[] f = first.get(k);
                DivideByConstant.Route route = sym.route(tapClasses(m, ax, f[0], f[1], c0), k);
                ks[gx] = k;
                rts[gx] = route;
                if (route != DivideByConstant.Route.MULTIPLY || !distinct(identity(ax, row, gx, copies != null))) return;
                for (int cg = 0; cg < cgroups; cg++) closed[gx * cgroups + cg] = sym.closed(tapClasses(m, ax, row, gx, cg), k, route);
            });
            for (int gx = 0; gx < nx; gx++) {
                if (!ax[1].live.get(gx)) continue;
                boolean single = ks[gx] == null;
                long mult = Math.multiplyExact(ax[0].count.get(gy), ax[1].count.get(gx));
                for (int cg = 0; cg < cgroups; cg++) {
                    int at = (gy * nx + gx) * cgroups + cg;
                    long times = Math.multiplyExact(mult, rank3 ? m.count(2, cg) : 1);
                    ElemClass[] in = tapClasses(m, ax, gy, gx, cg);
                    if (single && fx.equals(out)) { // wiring: the source word itself
                        table[at] = in[0].id;
                        copied |= !in[0].isConstant();
                        // What this node's consumers read of it: the engine checks that they read all of it.
                        e.read(operand, in[0], Usage.all(in[0]));
                        continue;
                    }
                    Instance.Result r = single ? convert(e, fx, out, in) : closed[gx * cgroups + cg];
                    if (r == null) r = divide(e, fx, out, ks[gx], rts[gx], in, identity(ax, gy, gx, copies != null));
                    if (nodes == null || nodes.length != in.length) { nodes = new int[in.length]; Arrays.fill(nodes, operand); }
                    e.add(r, times, single ? nodes1 : nodes, in);
                    passthrough |= r.passthrough();
                    table[at] = r.out()[0].id;
                }
            }
        }
        int[][] ids = new int[n.rank()][];
        int[] groups = new int[n.rank()];
        for (int a = 0; a < 2; a++) { ids[a] = ax[a].of; groups[a] = ax[a].size(); }
        if (rank3) { ids[2] = m.axisGroups(2); groups[2] = cgroups; }
        ClassMap classes = ClassMap.of(Engine.shape(n), ids, groups, table);

        Set<Integer> bases = new HashSet<>();
        bases.add(n.id());
        if (copied || passthrough) bases.addAll(s.bases());
        // Gates are fresh. Copies (and gates passing a literal through) share literals with the operand's
        // elements they read: along an axis, two positions share one only if their taps read a common element.
        boolean[] distinct = new boolean[n.rank()];
        for (int a = 0; a < n.rank(); a++) {
            boolean shared = a < 2 ? (s.distinct(a) || copies != null) && ax[a].disjoint : s.distinct(a);
            distinct[a] = !(copied || passthrough) || shared;
        }
        if (!passthrough) ctx.clean(n.id());
        return new Summary(classes, Set.copyOf(bases), distinct, n.elem() instanceof Elem.Bit);
    }

    /** A single tap in another format: {@code WeightedSum.toFormat} of the word. */
    private static Instance.Result convert(Engine e, FixedFormat fx, FixedFormat out, ElemClass[] in) {
        int rounds = e.rounds;
        Instance.Gadget g = (net, xs) -> new int[][] {WeightedSum.toFormat(net, new LinearForm().addWord(xs[0], 1), fx.fracBits(), out, rounds)};
        return e.instance(List.of("resample-convert", fx, out, rounds), g, in, new int[] {0});
    }

    /**
     * Routes and MULTIPLY's closed sums, shared by stencils that are the same up to the order of their taps.
     * Where every tap has one class, a route depends only on the multiset of the weights ({@code choose}
     * costs the routes over fresh literals at one level, where the order of the terms changes nothing).
     * Where that class is also plain (no slot twice) at one level, so does the weighted sum: a column then
     * holds distinct literals at one level, so its groups cost the same whatever the order, and a group of
     * one always shares its column with another group's bit, so no literal reaches the final stage by the
     * order (a sign-extended word's slot twice in one column would merge in a group: not shared). So
     * bilinear weightings mirrored or transposed ({@code (a, b) x (c, d)} against {@code (b, a) x (c, d)},
     * {@code (c, d) x (a, b)}) are counted once.
     */
    private static final class Symmetric {
        private final FixedFormat out, fx;
        private final int rounds;
        private final Map<List<Object>, DivideByConstant.Route> routes = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<List<Object>, Optional<Instance.Result>> sums = new java.util.concurrent.ConcurrentHashMap<>();

        Symmetric(FixedFormat out, FixedFormat fx, int rounds) {
            this.out = out;
            this.fx = fx;
            this.rounds = rounds;
        }

        /** The lowering's route for weighting {@code k}, chosen at its first element (taps of these classes). */
        DivideByConstant.Route route(ElemClass[] in, Weighting k) {
            long d = k.den() << fx.fracBits();
            if (!oneClass(in)) {
                int[] ids = new int[in.length];
                for (int t = 0; t < ids.length; t++) ids[t] = in[t].id;
                return routes.computeIfAbsent(List.of(k, new Engine.IntsKey(ids)), x -> ResampleCount.route(in, k.w(), out, d, rounds));
            }
            Weighting sorted = k.sorted();
            return routes.computeIfAbsent(List.of(sorted, in[0].id), x -> ResampleCount.route(in, sorted.w(), out, d, rounds));
        }

        /** MULTIPLY over distinct taps in closed form; null where that does not apply (another route, or the closed sum does not). */
        Instance.Result closed(ElemClass[] in, Weighting k, DivideByConstant.Route route) {
            long d = k.den() << fx.fracBits();
            if (route != DivideByConstant.Route.MULTIPLY) return null;
            if (!oneClass(in) || !in[0].plain() || !oneLevel(in[0])) return traced(closedMultiply(in, k.w(), d, out, rounds));
            Weighting sorted = k.sorted();
            return sums.computeIfAbsent(List.of(sorted, in[0].id), x -> Optional.ofNullable(traced(closedMultiply(in, sorted.w(), d, out, rounds))))
                    .orElse(null);
        }

        private static Instance.Result traced(Instance.Result r) {
            if (r == null && Engine.TRACE) System.err.println("count: a resample stencil runs the gadget");
            return r;
        }

        private static boolean oneClass(ElemClass[] in) {
            for (ElemClass c : in) if (c != in[0]) return false;
            return true;
        }

        private static boolean oneLevel(ElemClass c) {
            for (int s = 1; s < c.slots(); s++) if (c.slotLevel(s) != c.slotLevel(0)) return false;
            return true;
        }
    }

    /**
     * {@code DivideByConstant.build(form, out.fracBits(), d, out, rounds, MULTIPLY)} of the form {@code sum w_t x_t}
     * over distinct words of these classes, in closed form: MULTIPLY's one weighted sum ({@link SumForm}), each
     * variable bit with its weight in the form's order, fresh where its slot occurs once in the word, else
     * identified. Null where MULTIPLY is not available or the closed sum does not apply.
     */
    static Instance.Result closedMultiply(ElemClass[] in, long[] w, long d, FixedFormat out, int rounds) {
        Form form = form(in, w);
        DivideByConstant.MultiplyForm mf = DivideByConstant.multiplyForm(form.weights(), form.constant(), out.fracBits(), d, out);
        if (mf == null) return null;
        SumForm f = new SumForm();
        long[] used = new long[in.length];
        int i = 0;
        try {
            for (int t = 0; t < in.length; t++) {
                ElemClass c = in[t];
                int[] uses = new int[c.slots()];
                for (int b = 0; b < c.width(); b++) if (c.bit(b) >= 0) uses[c.bit(b) >> 1]++;
                for (int b = 0; b < c.width(); b++) {
                    int x = c.bit(b);
                    if (x < 0) continue; // constant bits are in the form's constant
                    long a = mf.weights()[i++];
                    int slot = x >> 1;
                    if (uses[slot] == 1) f.shape.add(1, a, c.slotLevel(slot));
                    else f.identified(t, slot, (x & 1) != 0, a, c.slotLevel(slot));
                }
                used[t] = Usage.all(c);
            }
            f.shape.addConstant(mf.constant());
            return f.close(mf.shift(), out.width(), true, rounds, used);
        } catch (SumForm.Unmodelled u) {
            return null;
        }
    }

    /** The stencil's form divided by {@code D 2^Fx} by {@code route}: the gadget, run once per classes and identities. */
    private static Instance.Result divide(Engine e, FixedFormat fx, FixedFormat out, Weighting k, DivideByConstant.Route route, ElemClass[] in,
            int[] identity) {
        int rounds = e.rounds;
        long[] w = k.w();
        long d = k.den() << fx.fracBits();
        Instance.Gadget g = (net, xs) -> {
            LinearForm f = new LinearForm();
            for (int t = 0; t < xs.length; t++) f.addWord(xs[t], w[t]);
            return new int[][] {DivideByConstant.build(net, f, out.fracBits(), d, out, rounds, route)};
        };
        return e.instance(List.of("resample", k, fx, out, rounds, route), g, in, identity);
    }

    private static boolean distinct(int[] identity) {
        for (int t = 0; t < identity.length; t++) if (identity[t] != t) return false;
        return true;
    }

    /** The classes of the taps of a group combination, in stencil order (row taps outer, column taps inner). */
    private static ElemClass[] tapClasses(ClassMap m, AxisGroups[] ax, int gy, int gx, int cg) {
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

    /** The weights (one per variable bit, in the form's order) and constant of the form the lowering builds over words of these classes. */
    private record Form(long[] weights, long constant) {}

    private static Form form(ElemClass[] in, long[] w) {
        long[] weights = new long[64];
        int size = 0;
        long constant = 0;
        for (int t = 0; t < in.length; t++) {
            ElemClass c = in[t];
            int width = c.width();
            for (int k = 0; k < width; k++) {
                long bit = Math.multiplyExact(w[t], 1L << k);
                long wt = k == width - 1 ? Math.negateExact(bit) : bit;
                int x = c.bit(k);
                if (x == ElemClass.FALSE) continue;
                if (x == ElemClass.TRUE) { constant = Math.addExact(constant, wt); continue; } // LinearForm folds constant literals
                if (size == weights.length) weights = Arrays.copyOf(weights, size * 2);
                weights[size++] = wt;
            }
        }
        return new Form(Arrays.copyOf(weights, size), constant);
    }

    /** {@code DivideByConstant.choose} of the form the lowering builds over words of these classes. */
    private static DivideByConstant.Route route(ElemClass[] in, long[] w, FixedFormat out, long d, int rounds) {
        Form f = form(in, w);
        return DivideByConstant.choose(f.weights(), f.constant(), out.fracBits(), d, out, rounds);
    }

    /** A stencil weighting, the lowering's route key: weights in stencil order and the denominator. */
    private record Weighting(long[] w, long den) {
        Weighting sorted() {
            long[] s = w.clone();
            Arrays.sort(s);
            return new Weighting(s, den);
        }

        @Override public boolean equals(Object o) { return o instanceof Weighting k && den == k.den && Arrays.equals(w, k.w); }

        @Override public int hashCode() { return 31 * Arrays.hashCode(w) + Long.hashCode(den); }
    }

    /**
     * For each weighting that some live element has, the group combination of its first element in row-major
     * order, live or not (the lowering chooses the weighting's route there: groups are numbered by first
     * position, so combinations in order visit first elements in order). Refuses a denominator beyond 63 bits
     * anywhere, as the lowering does.
     */
    private static Map<Weighting, int[]> firstElements(Node n, FixedFormat fx, AxisGroups[] ax) {
        Map<Weighting, int[]> first = new HashMap<>();
        int ny = ax[0].size(), nx = ax[1].size();
        for (int pass = 0; pass < 2; pass++) {
            for (int gy = 0; gy < ny; gy++) {
                Layout.Taps ty = ax[0].taps.get(gy);
                for (int gx = 0; gx < nx; gx++) {
                    Layout.Taps tx = ax[1].taps.get(gx);
                    if (ty.index().length == 1 && tx.index().length == 1) continue;
                    boolean live = ax[0].live.get(gy) && ax[1].live.get(gx);
                    if (pass == 0 && !live) continue;
                    long den = ty.denominator() * tx.denominator();
                    if (pass == 1 && Long.numberOfLeadingZeros(den) <= fx.fracBits() + 1) {
                        throw new UnsupportedOperationException("resampling denominator " + den + " of " + fx + " needs more than 63 bits (node "
                                + n.id() + ", region " + n.region() + ")");
                    }
                    Weighting k = new Weighting(weights(ty, tx), den);
                    if (pass == 0) first.put(k, null);
                    else if (first.containsKey(k) && first.get(k) == null) first.put(k, new int[] {gy, gx});
                }
            }
        }
        return first;
    }

    /** Tap identities: taps copying the same source element (through the operand's single taps) are one element. */
    private static int[] identity(AxisGroups[] ax, int gy, int gx, boolean copies) {
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
    private static void checkOperandRead(Engine e, ResampleLive ctx, Node n, int operand, Summary s, AxisGroups[] ax) {
        if (ResampleLive.all(ax[0].tapped) && ResampleLive.all(ax[1].tapped) || !s.classes().anyVariable()) return;
        boolean inputsOnly = true;
        for (int b : s.bases()) inputsOnly &= e.p.node(b).op() instanceof Op.Input;
        if (inputsOnly) return;
        // Read in full elsewhere (null), or a resample that counted only what its consumers read.
        if (ctx.liveAlong(operand) == null || ResampleLive.isResample(e.p.node(operand).op())) return;
        throw new NeedsLiterals("node " + n.id() + " reads node " + operand + " only in part: the rest's gates are dead");
    }

    /**
     * Marks the operand positions one output position reads, as themselves and, where the operand copies its
     * source there, as that source position; false if another position read one of them before.
     */
    private static boolean readOnce(int[] index, ResampleLive.Copies copies, int axis, boolean[] readOwn, boolean[] readCopy) {
        boolean fresh = true;
        for (int a = 0; a < index.length; a++) {
            int j = index[a];
            boolean again = false;
            for (int b = 0; b < a; b++) again |= index[b] == j;
            if (!again) { fresh &= !readOwn[j]; readOwn[j] = true; }
            if (copies == null || !copies.single(axis, j)) continue;
            int c = copies.source(axis, j);
            boolean copiedHere = false;
            for (int b = 0; b < a; b++) copiedHere |= copies.single(axis, index[b]) && copies.source(axis, index[b]) == c;
            if (!copiedHere) { fresh &= !readCopy[c]; readCopy[c] = true; }
        }
        return fresh;
    }

    /** The output positions of one axis, grouped by taps' weights, source class groups, copies and liveness. */
    private static final class AxisGroups {
        final int[] of;                                   // group of each output position
        final List<Layout.Taps> taps = new ArrayList<>(); // per group: the taps (of its first position)
        final List<int[]> canon = new ArrayList<>();      // per group and tap: the first tap copying the same source position, or -1
        final List<Long> count = new ArrayList<>();
        final List<Boolean> live = new ArrayList<>();
        final boolean[] tapped;                           // source positions a live position reads
        boolean multiTap;                                 // some live position has two taps
        boolean disjoint = true;                          // no two live positions read a common source position (or copy one)

        private AxisGroups(int positions, int sources) {
            of = new int[positions];
            tapped = new boolean[sources];
        }

        int size() { return taps.size(); }

        private record Key(List<Long> weights, long den, List<Integer> srcGroups, List<Integer> canon, boolean live) {}

        static AxisGroups of(Node n, Node src, Op.Interpolation mode, int axis, ClassMap m, boolean[] live, ResampleLive.Copies copies) {
            int positions = Math.toIntExact(n.dim(axis)), sources = Math.toIntExact(src.dim(axis));
            AxisGroups r = new AxisGroups(positions, sources);
            Map<Key, Integer> seen = new HashMap<>();
            boolean[] readOwn = new boolean[sources], readCopy = new boolean[copies == null ? 0 : copies.sources(axis)];
            for (int i = 0; i < positions; i++) {
                Layout.Taps t = Layout.taps(sources, positions, mode, i);
                boolean isLive = live == null || live[i];
                int k = t.index().length;
                List<Long> w = new ArrayList<>(k);
                List<Integer> sg = new ArrayList<>(k), cl = new ArrayList<>(k);
                int[] canon = new int[k];
                for (int a = 0; a < k; a++) {
                    int j = t.index()[a];
                    w.add(t.weight()[a]);
                    sg.add(m.group(axis, j));
                    canon[a] = -1;
                    if (copies != null && copies.single(axis, j)) {
                        for (int b = 0; b <= a && canon[a] < 0; b++) {
                            int jb = t.index()[b];
                            if (copies.single(axis, jb) && copies.source(axis, jb) == copies.source(axis, j)) canon[a] = b;
                        }
                    }
                    cl.add(canon[a]);
                    if (isLive) r.tapped[j] = true;
                }
                if (isLive && k > 1) r.multiTap = true;
                if (isLive) r.disjoint &= readOnce(t.index(), copies, axis, readOwn, readCopy);
                Integer g = seen.get(new Key(w, t.denominator(), sg, cl, isLive));
                if (g == null) {
                    g = seen.size();
                    seen.put(new Key(w, t.denominator(), sg, cl, isLive), g);
                    r.taps.add(t);
                    r.canon.add(canon);
                    r.count.add(0L);
                    r.live.add(isLive);
                }
                r.of[i] = g;
                r.count.set(g, r.count.get(g) + 1);
            }
            return r;
        }
    }
}
