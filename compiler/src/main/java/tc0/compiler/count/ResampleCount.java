package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tc0.compiler.count.ResampleStencils.Weighting;
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
 * element the stencil's weighted sum divided by {@code D 2^Fx} ({@link DivideByConstant}, by the route its
 * own form chooses: its taps' classes and weights); a single tap of weight D is a format change, wiring when
 * the formats agree. Stencils are separable ({@link Layout#taps}
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
        ResampleAxis[] ax = new ResampleAxis[2];
        for (int a = 0; a < 2; a++) {
            ax[a] = ResampleAxis.of(n, src, mode, a, m, live == null ? null : live[a], copies);
            if (ax[a].multiTap && m.anyVariable() && copies == null && !s.distinct(a)) {
                throw new NeedsLiterals("node " + n.id() + ": a stencil of " + n.op().label() + " may read one literal twice");
            }
        }
        checkOperandRead(e, ctx, n, operand, s, ax);

        boolean rank3 = n.rank() == 3;
        int cgroups = rank3 ? m.groups(2) : 1;
        int ny = ax[0].size(), nx = ax[1].size();
        int[] table = new int[ny * nx * cgroups];
        Arrays.fill(table, ElemClass.constant(0, out.width()).id); // what no consumer reads
        checkDenominators(n, fx, ax);
        ResampleStencils.Shared sym = new ResampleStencils.Shared(out, fx, rounds);
        boolean copied = false, passthrough = false;
        int[] nodes1 = {operand}, nodes = null;
        for (int gy = 0; gy < ny; gy++) {
            if (!ax[0].live.get(gy)) continue;
            int row = gy;
            // The row's stencils in parallel: tap classes, routes, and MULTIPLY's closed sums (null where they do
            // not apply); the sequential pass below adds them up.
            Weighting[] ks = new Weighting[nx];
            int[][] identities = new int[nx][];
            ElemClass[][] ins = new ElemClass[nx * cgroups][];
            DivideByConstant.Route[] rts = new DivideByConstant.Route[nx * cgroups];
            Instance.Result[] closed = new Instance.Result[nx * cgroups];
            java.util.stream.IntStream.range(0, nx).parallel().forEach(gx -> {
                Layout.Taps ty = ax[0].taps.get(row), tx = ax[1].taps.get(gx);
                if (!ax[1].live.get(gx) || ty.index().length == 1 && tx.index().length == 1) return;
                Weighting k = new Weighting(weights(ty, tx), ty.denominator() * tx.denominator());
                ks[gx] = k;
                identities[gx] = identity(ax, row, gx, copies != null);
                boolean distinct = distinct(identities[gx]);
                for (int cg = 0; cg < cgroups; cg++) {
                    ElemClass[] in = ins[gx * cgroups + cg] = tapClasses(m, ax, row, gx, cg);
                    DivideByConstant.Route route = sym.route(in, k);
                    rts[gx * cgroups + cg] = route;
                    if (route == DivideByConstant.Route.MULTIPLY && distinct) closed[gx * cgroups + cg] = sym.closed(in, k, route);
                }
            });
            for (int gx = 0; gx < nx; gx++) {
                if (!ax[1].live.get(gx)) continue;
                boolean single = ks[gx] == null;
                long mult = Math.multiplyExact(ax[0].count.get(gy), ax[1].count.get(gx));
                for (int cg = 0; cg < cgroups; cg++) {
                    int at = (gy * nx + gx) * cgroups + cg;
                    long times = Math.multiplyExact(mult, rank3 ? m.count(2, cg) : 1);
                    ElemClass[] in = single ? tapClasses(m, ax, gy, gx, cg) : ins[gx * cgroups + cg];
                    if (single && fx.equals(out)) { // wiring: the source word itself
                        table[at] = in[0].id;
                        copied |= !in[0].isConstant();
                        // What this node's consumers read of it: the engine checks that they read all of it.
                        e.read(operand, in[0], Usage.all(in[0]));
                        continue;
                    }
                    Instance.Result r = single ? convert(e, fx, out, in) : closed[gx * cgroups + cg];
                    if (r == null) r = divide(e, fx, out, ks[gx], rts[gx * cgroups + cg], in, identities[gx]);
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
    private static ElemClass[] tapClasses(ClassMap m, ResampleAxis[] ax, int gy, int gx, int cg) {
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

    /** Refuses a denominator beyond 63 bits at any element, live or not, as the lowering does. */
    private static void checkDenominators(Node n, FixedFormat fx, ResampleAxis[] ax) {
        for (int gy = 0; gy < ax[0].size(); gy++) {
            Layout.Taps ty = ax[0].taps.get(gy);
            for (int gx = 0; gx < ax[1].size(); gx++) {
                Layout.Taps tx = ax[1].taps.get(gx);
                if (ty.index().length == 1 && tx.index().length == 1) continue;
                long den = ty.denominator() * tx.denominator();
                if (Long.numberOfLeadingZeros(den) <= fx.fracBits() + 1) {
                    throw new UnsupportedOperationException("resampling denominator " + den + " of " + fx + " needs more than 63 bits (node "
                            + n.id() + ", region " + n.region() + ")");
                }
            }
        }
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
