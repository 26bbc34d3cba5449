package tc0.compiler.count;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import tc0.compiler.interp.Layout;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;

/**
 * What resampling needs beyond the summaries, per count: which elements of a node its consumers read when
 * those are resamples (a downsample reads a few rows and columns: the rest of an upsample's gates are
 * dropped by the builder, so its count leaves them out), and which elements of a resampled node are copies
 * of its source's (single taps in the same format), so that a stencil reading one source element through
 * several copies sees one element.
 */
final class ResampleLive {
    private static final Map<Engine, ResampleLive> BY_ENGINE = Collections.synchronizedMap(new WeakHashMap<>());

    private final TensorProgram p; // not the engine: the map holds engines weakly
    private final Set<Integer> outputs = new HashSet<>();
    private final List<List<Integer>> consumers = new ArrayList<>();
    private final Map<Integer, Optional<boolean[][]>> liveAlong = new HashMap<>();
    /** Resample nodes none of whose gate instances passes a source literal through. */
    private final Set<Integer> clean = new HashSet<>();
    private final Map<Integer, Optional<Copies>> copies = new HashMap<>();

    private ResampleLive(Engine e) {
        this.p = e.p;
        int count = p.nodes().size();
        boolean[] live = new boolean[count];
        for (TensorProgram.Port o : p.outputs()) { live[o.node()] = true; outputs.add(o.node()); }
        for (int i = count - 1; i >= 0; i--) {
            if (!live[i]) continue;
            for (int o : p.node(i).op().operands()) live[o] = true;
        }
        for (int i = 0; i < count; i++) consumers.add(new ArrayList<>());
        for (int i = 0; i < count; i++) {
            if (!live[i]) continue;
            for (int o : new HashSet<>(p.node(i).op().operands())) consumers.get(o).add(i);
        }
    }

    static ResampleLive of(Engine e) {
        return BY_ENGINE.computeIfAbsent(e, ResampleLive::new);
    }

    static boolean isResample(Op op) {
        return op instanceof Op.Upsample || op instanceof Op.Downsample;
    }

    static Op.Interpolation mode(Op op) {
        return op instanceof Op.Upsample u ? u.mode() : ((Op.Downsample) op).mode();
    }

    /**
     * The positions of axes 0 and 1 of node {@code id} that some consumer reads, where only resamples read
     * it and not in full ({@code {rows, columns}}: the read elements are their product); null where every
     * element is read (an output, a consumer that reads all, or resamples that tap every position).
     */
    boolean[][] liveAlong(int id) {
        Optional<boolean[][]> r = liveAlong.get(id);
        if (r == null) {
            r = Optional.ofNullable(compute(id));
            liveAlong.put(id, r);
        }
        return r.orElse(null);
    }

    private boolean[][] compute(int id) {
        if (outputs.contains(id)) return null;
        Node n = p.node(id);
        List<boolean[][]> parts = new ArrayList<>();
        boolean wiring = false;
        for (int j : consumers.get(id)) {
            Op op = p.node(j).op();
            if (isResample(op)) {
                if (liveAlong(j) != null) throw new NeedsLiterals("node " + id + " is read by node " + j + ", a resample read only in part");
                parts.add(tapped(n, p.node(j), mode(op)));
            } else if (Wiring.isWiring(op)) {
                wiring = true;
            } else {
                return null; // a computing op reads every element
            }
        }
        boolean full = true;
        for (boolean[][] t : parts) full &= all(t[0]) && all(t[1]);
        if (full) return null;
        if (wiring) throw new NeedsLiterals("node " + id + " is read in part by a resample and also through wiring");
        for (boolean[][] t : parts) {
            if (!java.util.Arrays.equals(t[0], parts.get(0)[0]) || !java.util.Arrays.equals(t[1], parts.get(0)[1])) {
                throw new NeedsLiterals("node " + id + " is read in part by resamples reading different elements");
            }
        }
        return parts.get(0);
    }

    /** The positions of {@code src}'s axes 0 and 1 that resampling it to {@code out} reads. */
    static boolean[][] tapped(Node src, Node out, Op.Interpolation mode) {
        boolean[][] t = new boolean[2][];
        for (int a = 0; a < 2; a++) {
            long s = src.dim(a), d = out.dim(a);
            t[a] = new boolean[Math.toIntExact(s)];
            for (long i = 0; i < d; i++) for (int j : Layout.taps(s, d, mode, i).index()) t[a][j] = true;
        }
        return t;
    }

    static boolean all(boolean[] b) {
        for (boolean x : b) if (!x) return false;
        return true;
    }

    /** Node {@code id}, a resample, passes no source literal through its gates. */
    void clean(int id) {
        clean.add(id);
    }

    /**
     * How node {@code id}'s elements copy its source's, where it is a clean resample in its source's format
     * whose source is distinct along axes 0 and 1 (its own gates are then distinct, and two copies are one
     * element exactly when they copy the same source element); null otherwise.
     */
    Copies copies(Engine e, int id) {
        Optional<Copies> c = copies.get(id);
        if (c == null) {
            c = Optional.ofNullable(computeCopies(e, id));
            copies.put(id, c);
        }
        return c.orElse(null);
    }

    private Copies computeCopies(Engine e, int id) {
        Node n = p.node(id);
        if (!isResample(n.op()) || !clean.contains(id)) return null;
        int x = n.op().operands().getFirst();
        if (!e.fmt(x).equals(n.elem().asFixed())) return null; // single taps are converted: fresh gates
        Summary s = e.sum(x);
        if (!s.distinct(0) || !s.distinct(1)) return null;
        Node src = p.node(x);
        int[][] source = new int[2][];
        for (int a = 0; a < 2; a++) {
            long sd = src.dim(a), d = n.dim(a);
            source[a] = new int[Math.toIntExact(d)];
            for (int i = 0; i < d; i++) {
                int[] ix = Layout.taps(sd, d, mode(n.op()), i).index();
                source[a][i] = ix.length == 1 ? ix[0] : -1;
            }
        }
        return new Copies(source);
    }

    /** Per axis and position of a resampled node: the source position its single tap copies, or -1 (two taps). */
    record Copies(int[][] source) {
        boolean single(int axis, int i) { return source[axis][i] >= 0; }

        int source(int axis, int i) { return source[axis][i]; }

        /** One more than the highest source position copied along {@code axis}. */
        int sources(int axis) {
            int m = 0;
            for (int j : source[axis]) m = Math.max(m, j + 1);
            return m;
        }
    }
}
