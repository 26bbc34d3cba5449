package tc0.compiler.count;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tc0.compiler.gadgets.MaskedMean;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.Shapes;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@code mean(X, axis: k, mask: M)} as {@link MaskedMean#build} lowers it, one instance per output element,
 * each distinct line (its words' and mask bits' classes) counted once: in closed form ({@link #closed}) where
 * every mask bit is a variable of its own and every word plain with a variable sign bit (an adjacency or node
 * mask over computed features), or every mask bit a constant ({@code mask: tril(n)}: {@link #closedConstantMask}),
 * else by running the gadget (a self-loop's constant 1 bit). A dropped entry's word is read by no gate: where its
 * producer would compute it for this mean only, {@link DeadEntries} counts it as the constant 0 it is not built
 * as. A mask sharing literals with the words is counted by building.
 */
final class MaskedMeanCount {
    private MaskedMeanCount() {}

    static Summary count(Engine e, Node n, Op.MaskedMean op) {
        Summary sx = e.sum(op.operand()), sm = e.sum(op.mask());
        if (op.operand() == op.mask() || !sx.disjoint(sm)) {
            throw new NeedsLiterals("node " + n.id() + ": a masked mean whose mask shares literals with its words");
        }
        if (!sx.distinct(op.axis()) || !sm.distinct(op.axis())) throw new NeedsLiterals("node " + n.id() + ": a masked mean's line repeats literals");
        ClassMap xm = sx.words(), mm = sm.classes();
        FixedFormat fx = e.fmt(op.operand()), out = n.elem().asFixed();
        List<Long> shape = e.p.node(op.operand()).shape();
        int len = (int) (long) shape.get(op.axis());
        int size = Math.toIntExact(n.size());
        Instance.Gadget g = (net, in) -> {
            int[][] xs = java.util.Arrays.copyOf(in, len);
            int[] mask = new int[len];
            for (int t = 0; t < len; t++) mask[t] = in[len + t][0];
            return new int[][] {MaskedMean.build(net, xs, mask, fx, out)};
        };
        Object key = List.of("masked-mean", fx, out);
        Map<Engine.IntsKey, Instance.Result> seen = new HashMap<>();
        Map<Instance.Result, Long> times = new IdentityHashMap<>();
        Map<Integer, Long> readsX = new HashMap<>(), readsM = new HashMap<>();
        int[] ids = new int[size];
        boolean passthrough = false, disjoint = true;
        for (int f = 0; f < size; f++) {
            long[] ix = Shapes.unflatten(f, n.shape());
            int[] lineIds = new int[2 * len];
            for (int t = 0; t < len; t++) {
                ix[op.axis()] = t;
                long at = Shapes.flatten(ix, shape);
                lineIds[t] = xm.idAt(at);
                lineIds[len + t] = mm.idAt(at);
            }
            ElemClass[] in = new ElemClass[2 * len];
            for (int i = 0; i < in.length; i++) in[i] = ElemClass.byId(lineIds[i]);
            Instance.Result r = seen.computeIfAbsent(new Engine.IntsKey(lineIds), k -> {
                Instance.Result c = e.closed(List.of(key, "closed", k), () -> constantMask(in, len) ? closedConstantMask(in, len, fx, out) : closed(in, len, fx, out));
                return c != null ? c : e.instance(key, g, in, Instance.distinct(in.length));
            });
            times.merge(r, 1L, Long::sum);
            for (int t = 0; t < len; t++) {
                readsX.merge(lineIds[t], r.usedSlots()[t], (a, b) -> a & b);
                readsM.merge(lineIds[len + t], r.usedSlots()[len + t], (a, b) -> a & b);
            }
            passthrough |= r.passthrough();
            disjoint &= r.disjoint();
            ids[f] = r.out()[0].id;
        }
        for (Map.Entry<Instance.Result, Long> t : times.entrySet()) e.total.add(t.getKey().profile(), t.getValue());
        for (Map.Entry<Integer, Long> rd : readsX.entrySet()) e.read(op.operand(), ElemClass.byId(rd.getKey()), rd.getValue());
        for (Map.Entry<Integer, Long> rd : readsM.entrySet()) e.read(op.mask(), ElemClass.byId(rd.getKey()), rd.getValue());
        return e.computed(n, ClassMap.explicit(Engine.shape(n), ids), passthrough, disjoint, op.operand(), op.mask());
    }

    private static boolean constantMask(ElemClass[] in, int len) {
        for (int t = 0; t < len; t++) if (!in[len + t].isConstant()) return false;
        return true;
    }

    /**
     * The gadget's gates without running it, for a line whose mask bits are all constants, K of them 1, K >= 1, the
     * kept words plain with a variable sign bit and no constant 1 bit: no AND (a kept word's bits enter as they
     * are, a dropped one's not at all), z the constant 0, {@code 2^Wo - 1} comparators over the kept words'
     * variable bits ({@code C' = K}: in the threshold), and the output bits as {@link #closed}'s. Null where a
     * comparator would fold to a constant (its form's range all on one side of 0) or the line is not of that kind.
     */
    static Instance.Result closedConstantMask(ElemClass[] in, int len, FixedFormat fx, FixedFormat out) {
        long kept = 0, lo = 0, hi = 0; // kept words; the least and the most their code sum can be
        int top = 0, fanIn = 0;
        long[] used = new long[2 * len];
        for (int t = 0; t < len; t++) {
            if (in[len + t].code() == 0) continue;
            ElemClass x = in[t];
            int w = x.width();
            if (!x.plain() || x.bit(w - 1) < 0) return null;
            for (int b = 0; b < w; b++) {
                int v = x.bit(b);
                if (v == ElemClass.TRUE) return null;
                if (v < 0) continue;
                fanIn++;
                top = Math.max(top, x.slotLevel(v >> 1));
                if (b == w - 1) lo -= 1L << b;
                else hi += 1L << b;
            }
            used[t] = Usage.all(x);
            kept++;
        }
        if (kept == 0) return null;
        long unit = 1L << (out.fracBits() + 1);
        long minCode = out.minCode();
        long steps = out.maxCode() - minCode; // 2^Wo - 1: past an int from Wo = 32 (gat at n = 2^20)
        try {
            for (long i = 1; i <= steps; i++) { // [unit S - (2t - 1) 2^Fx K >= 0] must be a gate: its form takes both signs
                long c = Math.multiplyExact(Math.multiplyExact(2 * (minCode + i) - 1, 1L << fx.fracBits()), kept);
                long fMin = Math.subtractExact(Math.multiplyExact(unit, lo), c), fMax = Math.subtractExact(Math.multiplyExact(unit, hi), c);
                if (fMin >= 0 || fMax < 0) return null;
            }
        } catch (ArithmeticException overflow) {
            return null;
        }
        Profile prof = new Profile();
        int cmpLevel = top + 1;
        prof.gates(steps, fanIn, cmpLevel);
        return new Instance.Result(prof, new ElemClass[] {outputBits(prof, out, cmpLevel)}, used, false, true);
    }

    /**
     * The gadget's gates without running it, for a line of {@code len >= 2} plain words, each with a variable
     * sign bit and no constant 1 bit, and {@code len} variable mask bits: an AND per variable word bit (level one
     * above its bit and mask bit), z over the mask (fan-in len), {@code 2^Wo - 1} comparators over the ANDs, the
     * mask and z (none folds: the sign bits make each form's minimum negative, its maximum is at least 0), and
     * per output bit that changes k >= 2 times over the codes one gate of fan-in k (k = 1: the comparator
     * itself, negated where the bit falls). Null where the line is not of that kind.
     */
    static Instance.Result closed(ElemClass[] in, int len, FixedFormat fx, FixedFormat out) {
        if (len < 2) return null;
        int maskLevel = 0;
        for (int t = 0; t < len; t++) {
            ElemClass m = in[len + t], x = in[t];
            if (m.width() != 1 || m.bit(0) != 0) return null;
            if (!x.plain() || x.bit(x.width() - 1) < 0) return null;
            for (int b = 0; b < x.width(); b++) if (x.bit(b) == ElemClass.TRUE) return null;
            maskLevel = Math.max(maskLevel, m.slotLevel(0));
        }
        Profile prof = new Profile();
        long ands = 0;
        int top = maskLevel + 1; // z's level
        long[] used = new long[2 * len];
        for (int t = 0; t < len; t++) {
            ElemClass x = in[t];
            int ml = in[len + t].slotLevel(0);
            for (int b = 0; b < x.width(); b++) {
                int v = x.bit(b);
                if (v < 0) continue;
                int level = Math.max(ml, x.slotLevel(v >> 1)) + 1;
                prof.gates(1, 2, level);
                top = Math.max(top, level);
                ands++;
            }
            used[t] = Usage.all(x);
            used[len + t] = 1;
        }
        prof.gates(1, len, maskLevel + 1);
        int cmpLevel = top + 1;
        long lo = out.minCode();
        long steps = out.maxCode() - lo;
        prof.gates(steps, ands + len + 1, cmpLevel);
        return new Instance.Result(prof, new ElemClass[] {outputBits(prof, out, cmpLevel)}, used, false, true);
    }

    /** The output bits from the comparators at {@code cmpLevel} ({@code Lookup.stepBits}): their gates added to {@code prof}. */
    private static ElemClass outputBits(Profile prof, FixedFormat out, int cmpLevel) {
        long lo = out.minCode();
        long steps = out.maxCode() - lo;
        int w = out.width();
        int[] bits = new int[w];
        int[] levels = new int[w];
        int slots = 0;
        Map<Long, Integer> slotOfComparator = new HashMap<>();
        for (int b = 0; b < w; b++) {
            long base = lo >>> b & 1;
            // Bit b flips from code v - 1 to v exactly where 2^b divides v: over (lo, lo + steps], that many times.
            long unit = 1L << b, hi = lo + steps;
            long changes = Math.floorDiv(hi, unit) - Math.floorDiv(lo, unit);
            long lastCode = Math.floorDiv(hi, unit) * unit;
            long lastAt = lastCode - lo;
            long lastD = (lastCode >>> b & 1) - ((lastCode - 1) >>> b & 1);
            if (changes == 0) { bits[b] = base == 1 ? ElemClass.TRUE : ElemClass.FALSE; continue; }
            if (changes == 1) { // the comparator at that code itself (one slot per comparator node)
                Integer s = slotOfComparator.get(lastAt);
                if (s == null) { s = slots; slotOfComparator.put(lastAt, slots); levels[slots++] = cmpLevel; }
                bits[b] = s << 1 | (lastD < 0 ? 1 : 0);
                continue;
            }
            prof.gates(1, changes, cmpLevel + 1);
            levels[slots] = cmpLevel + 1;
            bits[b] = slots++ << 1;
        }
        return ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots));
    }
}
