package tc0.compiler.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc0.circuits.Literal;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Elem;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.lower.ResampleElements;
import tc0.compiler.numerics.FixedFormat;

/**
 * A resample over a resample that passes some of its source's literals through (a division whose output bit is
 * an input bit, beside copies of source elements): flowar at n = 6 and 10, where the downsample's two-tap stencil
 * reads two upsampled elements sharing a source literal. An element class does not say which literals two
 * elements share, so each stencil is counted over a scratch build of the operand elements it reads: those
 * elements built from fresh source words exactly as the lowering builds them ({@link ResampleElements}: copies,
 * shared column passes, divisions), and the stencil's own gadget run over their words with every shared node
 * kept one node ({@link Instance#run(Instance.Gadget, ElemClass[], long[][])}); only the stencil's gates count.
 * Stencils are grouped per axis by what makes them alike: their weights, their taps' own stencils (weights,
 * source positions relative to each other, source class groups) and classes, liveness. Needs a source whose
 * elements share no literal and output rows that read disjoint operand rows (no column pass shared by two
 * outputs); else counting falls back to building.
 */
final class ResampleThrough {
    private final Engine e;
    private final Node n, f, s;
    private final Op.Interpolation mode, fMode;
    private final ClassMap fm, sm;
    private final boolean rank3;
    private final long ch;
    private boolean passthrough;

    private ResampleThrough(Engine e, Node n, Node f, Node s) {
        this.e = e;
        this.n = n;
        this.f = f;
        this.s = s;
        this.mode = ResampleLive.mode(n.op());
        this.fMode = ResampleLive.mode(f.op());
        this.fm = e.sum(f.id()).words();
        this.sm = e.sum(s.id()).words();
        this.rank3 = n.rank() == 3;
        this.ch = rank3 ? n.dim(2) : 1;
    }

    /** Whether node {@code n}'s operand is a resample of a source whose elements share no literal (what this counts). */
    static boolean applies(Engine e, Node n) {
        Node f = e.p.node(n.op().operands().getFirst());
        if (!ResampleLive.isResample(f.op()) || e.sum(f.id()).bit() || n.elem() instanceof Elem.Bit) return false;
        Summary src = e.sum(f.op().operands().getFirst());
        return !src.bit() && src.distinct(0) && src.distinct(1);
    }

    /** The summary of {@code n} (see {@link #applies}); {@code live}: its positions some consumer reads per axis, or null for all. */
    static Summary count(Engine e, Node n, boolean[][] live) {
        Node f = e.p.node(n.op().operands().getFirst());
        ResampleThrough t = new ResampleThrough(e, n, f, e.p.node(f.op().operands().getFirst()));
        ClassMap classes = t.classes(live);
        Set<Integer> bases = new HashSet<>();
        bases.add(n.id());
        if (t.passthrough) bases.addAll(e.sum(f.id()).bases());
        boolean[] distinct = new boolean[n.rank()];
        for (int a = 0; a < n.rank(); a++) distinct[a] = !t.passthrough || a >= 2 && e.sum(f.id()).distinct(a);
        if (!t.passthrough) ResampleLive.of(e).clean(n.id());
        return new Summary(classes, Set.copyOf(bases), distinct, false);
    }

    /** Positions of one axis grouped: the group of each position, each group's first position and size. */
    private record Groups(int[] of, List<Integer> first, List<Long> size) {}

    private ClassMap classes(boolean[][] live) {
        Groups[] g = new Groups[2];
        for (int a = 0; a < 2; a++) g[a] = group(a, live == null ? null : live[a]);
        checkRowsDisjoint(live == null ? null : live[0]);
        // channels: by the source's class group and the operand's
        int[] chOf = new int[Math.toIntExact(ch)];
        List<Integer> chFirst = new ArrayList<>();
        List<Long> chSize = new ArrayList<>();
        Map<Long, Integer> chKeys = new HashMap<>();
        for (int c = 0; c < ch; c++) {
            long key = rank3 ? (long) sm.group(2, c) << 32 | fm.group(2, c) : 0;
            Integer k = chKeys.get(key);
            if (k == null) { k = chKeys.size(); chKeys.put(key, k); chFirst.add(c); chSize.add(0L); }
            chOf[c] = k;
            chSize.set(k, chSize.get(k) + 1);
        }
        int ny = g[0].first.size(), nx = g[1].first.size(), nc = chFirst.size();
        if (Engine.TRACE) System.err.println("count: node " + n.id() + " " + n.op().label() + " over a resample passing literals through: " + ny + " x " + nx + " x " + nc + " stencil groups");
        int[] table = new int[Math.multiplyExact(ny, nx * nc)];
        int dead = ElemClass.constant(0, n.elem().asFixed().width()).id; // what no consumer reads
        for (int gy = 0; gy < ny; gy++) {
            int y = g[0].first.get(gy);
            for (int gx = 0; gx < nx; gx++) {
                int x = g[1].first.get(gx);
                for (int cg = 0; cg < nc; cg++) {
                    boolean isLive = live == null || live[0][y] && live[1][x];
                    long times = Math.multiplyExact(Math.multiplyExact(g[0].size.get(gy), g[1].size.get(gx)), chSize.get(cg));
                    table[(gy * nx + gx) * nc + cg] = isLive ? stencil(y, x, chFirst.get(cg), times) : dead;
                }
            }
        }
        int[][] ids = new int[n.rank()][];
        int[] groups = new int[n.rank()];
        for (int a = 0; a < 2; a++) { ids[a] = g[a].of; groups[a] = g[a].first.size(); }
        if (rank3) { ids[2] = chOf; groups[2] = nc; }
        return ClassMap.of(Engine.shape(n), ids, groups, table);
    }

    /**
     * Output element (y, x, c), counted {@code times}: the operand elements its stencil reads built over a scratch
     * tape from fresh source words, then its own gadget over those words (shared nodes kept shared); its class.
     */
    private int stencil(int y, int x, int c, long times) {
        Layout.Taps ty = Layout.taps(f.dim(0), n.dim(0), mode, y), tx = Layout.taps(f.dim(1), n.dim(1), mode, x);
        // The source elements the operand's taps read, as fresh words (all inputs come before the first gate).
        Tape scratch = new Tape();
        Map<Integer, int[]> source = new HashMap<>();
        for (int a : ty.index()) {
            for (int b : tx.index()) {
                for (int r : Layout.taps(s.dim(0), f.dim(0), fMode, a).index()) {
                    for (int q : Layout.taps(s.dim(1), f.dim(1), fMode, b).index()) {
                        int at = flat(r, q, c, s.dim(1));
                        if (source.containsKey(at)) continue;
                        ElemClass cls = sm.at(groups(sm, r, q, c));
                        int[] nodes = new int[cls.slots()];
                        for (int k = 0; k < nodes.length; k++) nodes[k] = scratch.input(cls.slotLevel(k));
                        source.put(at, cls.literals(nodes));
                    }
                }
            }
        }
        ResampleElements operand = new ResampleElements(scratch, e.rounds, f, s, fMode, e.fmt(s.id()), e.fmt(f.id()), source::get);
        int k = ty.index().length * tx.index().length;
        ElemClass[] in = new ElemClass[k];
        long[][] keys = new long[k][];
        Map<Integer, Integer> wordAt = new HashMap<>();
        int t = 0;
        for (int a : ty.index()) {
            for (int b : tx.index()) {
                int[] w = operand.element(a, b, c);
                in[t] = fm.at(groups(fm, a, b, c));
                if (Instance.classOf(scratch, w) != in[t]) {
                    throw new NeedsLiterals("node " + n.id() + ": the scratch build of node " + f.id() + " differs from its count at (" + a + ", " + b + ")");
                }
                keys[t] = new long[in[t].slots()];
                for (int bit = 0; bit < w.length; bit++) {
                    int code = in[t].bit(bit);
                    if (code >= 0) keys[t][code >> 1] = Literal.node(w[bit]);
                }
                wordAt.put(flat(a, b, c, f.dim(1)), t++);
            }
        }
        FixedFormat out = n.elem().asFixed();
        Instance.Result r = Instance.run((net, xs) -> new int[][] {
            new ResampleElements(net, e.rounds, n, f, mode, e.fmt(f.id()), out, i -> xs[wordAt.get(i)]).element(y, x, c)
        }, in, keys);
        int[] operandNodes = new int[k];
        Arrays.fill(operandNodes, f.id());
        e.add(r, times, operandNodes, in);
        passthrough |= r.passthrough();
        return r.out()[0].id;
    }

    /**
     * Positions of {@code axis} grouped by their stencil (weights), each tap's own stencil in the operand (weights,
     * source positions numbered by first appearance, source class groups), the taps' class groups, and liveness.
     */
    private Groups group(int axis, boolean[] live) {
        int positions = Math.toIntExact(n.dim(axis));
        int[] of = new int[positions];
        List<Integer> first = new ArrayList<>();
        List<Long> size = new ArrayList<>();
        Map<List<Long>, Integer> seen = new HashMap<>();
        for (int i = 0; i < positions; i++) {
            Layout.Taps t = Layout.taps(f.dim(axis), n.dim(axis), mode, i);
            List<Long> key = new ArrayList<>();
            key.add(live == null || live[i] ? 1L : 0L);
            key.add(t.denominator());
            List<Integer> sources = new ArrayList<>();
            for (int a = 0; a < t.index().length; a++) {
                int j = t.index()[a];
                Layout.Taps u = Layout.taps(s.dim(axis), f.dim(axis), fMode, j);
                key.add(t.weight()[a]);
                key.add((long) fm.group(axis, j));
                key.add(u.denominator());
                for (int b = 0; b < u.index().length; b++) {
                    int src = u.index()[b];
                    if (!sources.contains(src)) sources.add(src);
                    key.add(u.weight()[b]);
                    key.add((long) sources.indexOf(src));
                    key.add((long) sm.group(axis, src));
                }
                key.add(-1L); // end of this tap
            }
            Integer g = seen.get(key);
            if (g == null) { g = seen.size(); seen.put(key, g); first.add(i); size.add(0L); }
            of[i] = g;
            size.set(g, size.get(g) + 1);
        }
        return new Groups(of, first, size);
    }

    /** The lowering shares a column pass among the output rows reading one operand row: counted per stencil, none may. */
    private void checkRowsDisjoint(boolean[] live) {
        boolean[] read = new boolean[Math.toIntExact(f.dim(0))];
        for (int y = 0; y < n.dim(0); y++) {
            if (live != null && !live[y]) continue;
            for (int j : Layout.taps(f.dim(0), n.dim(0), mode, y).index()) {
                if (read[j]) throw new NeedsLiterals("node " + n.id() + ": two output rows of " + n.op().label() + " read one row of node " + f.id());
                read[j] = true;
            }
        }
    }

    private int[] groups(ClassMap m, int r, int q, int c) {
        return rank3 ? new int[] {m.group(0, r), m.group(1, q), m.group(2, c)} : new int[] {m.group(0, r), m.group(1, q)};
    }

    private int flat(long r, long q, long c, long cols) {
        return Math.toIntExact((r * cols + q) * ch + c);
    }
}
