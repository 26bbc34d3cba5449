package tc0.proofs.smt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Circuit;
import tc0.circuits.Literal;

/**
 * The cuts a weighted sum's construction has, read off a built circuit (its own nodes; nothing rebuilt): the
 * first layer (the gates over the inputs alone: a product's ANDs), the two saturation comparators over it,
 * then every compression group in turn (a bank of gates {@code [count >= t]} over bits of one column, and the
 * gates over that bank), and what is left: the final stage up to the outputs.
 *
 * <p>Each cut is a weighted set of nodes whose value {@code sum w_n n + c} is, modulo {@code 2^top}, the
 * form's value. The weights of the first cut are the comparator's own weights; a group's outputs get
 * weights {@code ±2^(j+l)} by evaluating it (bit l of the count of its column-j literals, or its negation:
 * the builder may store a gate negated). Nothing here is trusted: {@link SumStageProver} proves every claim (the first layer's sum, each group's, the final stage).
 * Where the circuit does not have this shape the analysis says why, and the proof is "unknown".
 *
 * @param first  the first cut: node to weight (the comparator's weights times {@code sign}, exact: no modulus)
 * @param sign   +1, or -1 where the builder stored the comparators negated (their weights are then minus the
 *               form's: which one is found by the caller, and proved by the first layer's identity)
 * @param flags  the two comparators' gates (indices from 0) over the first cut
 * @param groups the compression groups, in an order where each reads only the cut before it
 * @param last   the last cut: node to weight modulo 2^top (in {@code (-2^top, 2^top)})
 * @param lastConstant the last cut's constant c, modulo 2^top, where the first cut's constant is 0
 */
record SumCuts(Map<Integer, Long> first, int sign, int[] flags, List<Group> groups, Map<Integer, Long> last, long lastConstant) {

    /**
     * One compression group: its inputs (cut nodes, their weights {@code ±2^column}: negative where the column
     * holds the node's negation), its gates, its outputs with their weights ({@code ±2^(column+l)}, negative
     * where the count's bit l is the node's negation), and {@code delta}: {@code sum outputs = sum inputs +
     * delta} modulo 2^top.
     */
    record Group(Map<Integer, Long> inputs, int[] gates, Map<Integer, Long> outputs, Map<Long, Long> occurrences, long delta, int column) {}

    /** Why a circuit has no such cuts. */
    static final class NoCuts extends Exception {
        NoCuts(String why) { super(why); }
    }

    /** The cuts of {@code c}'s only output word, a weighted sum modulo 2^top (saturated). */
    static SumCuts of(Circuit c, int top) throws NoCuts {
        return of(c, top, 0, w -> 1);
    }

    /**
     * The cuts of output bus {@code bus} of {@code c}, a weighted sum modulo 2^top (saturated): within that
     * bus's cone, so that sums sharing a first layer (layer norm's {@code S rho} ANDs) are cut apart.
     */
    static SumCuts of(Circuit c, int top, int bus, java.util.function.ToIntFunction<Map<Integer, Long>> signOf) throws NoCuts {
        int gates = c.gateCount(), base = c.firstGate();
        List<List<Integer>> readers = readers(c);
        BitSet cone = cone(c, c.outputBuses().get(bus));
        BitSet firstLayer = new BitSet();
        for (int n = cone.nextSetBit(0); n >= 0; n = cone.nextSetBit(n + 1)) {
            boolean overInputs = true;
            for (int e = c.faninStart(n - base); e < c.faninEnd(n - base); e++) overInputs &= !c.isGate(c.faninNode(e));
            if (overInputs) firstLayer.set(n);
        }
        List<Integer> flagList = new ArrayList<>();
        for (int n = cone.nextSetBit(0); n >= 0; n = cone.nextSetBit(n + 1)) {
            if (!firstLayer.get(n) && fanins(c, n - base).equals(firstLayer)) flagList.add(n - base);
        }
        if (flagList.size() != 2) throw new NoCuts(flagList.size() + " gates read the whole first layer (" + firstLayer.cardinality() + " gates), not the two saturation comparators");
        Map<Integer, Long> raw = weights(c, flagList.get(0));
        if (!raw.equals(weights(c, flagList.get(1)))) throw new NoCuts("the two comparators weigh the first layer differently");
        int sign = signOf.applyAsInt(raw);
        Map<Integer, Long> first = new LinkedHashMap<>();
        raw.forEach((n, w) -> first.put(n, sign * w));
        int[] flags = {flagList.get(0), flagList.get(1)};

        // the cut: occurrences (node, column) of weight +-2^column, a node in every column of its weight's digits
        long mod = 1L << top;
        Map<Long, Long> cut = new LinkedHashMap<>();
        first.forEach((n, w) -> {
            for (int j = 0; j < top; j++) if ((Math.abs(w) >>> j & 1) != 0) cut.put(key(n, j), (long) Long.signum(w) << j);
        });
        long constant = 0;
        BitSet used = new BitSet();
        for (int f : flags) used.set(base + f);
        used.or(firstLayer);
        List<Group> groups = new ArrayList<>();
        while (true) {
            // the first bank (in the order the builder made them: by round, then column) whose fan-ins all lie in
            // one column of the cut, taken at the lowest such column: the same nodes may lie in a higher column
            // too by accident (seen in RoPE's products by constants, which are not proved this way: docs/LEMMAS.md)
            int n = -1;
            for (int m = cone.nextSetBit(0); m >= 0 && n < 0; m = cone.nextSetBit(m + 1)) {
                if (!used.get(m) && c.fanin(m - base) >= 2 && !bankColumns(c, m - base, cut, top).isEmpty()) n = m;
            }
            boolean found = n >= 0;
            if (found) {
                BitSet in = fanins(c, n - base);
                Map<Integer, Long> terms = weights(c, n - base); // a bank's gates share their terms, thresholds apart
                List<Integer> bank = new ArrayList<>();
                for (int g = cone.nextSetBit(0); g >= 0; g = cone.nextSetBit(g + 1)) if (!used.get(g) && weights(c, g - base).equals(terms)) bank.add(g - base);
                int column = bankColumns(c, n - base, cut, top).getFirst();
                Group grp = group(c, cone, in, column, bank, cut, used, readers, top);
                groups.add(grp);
                for (int i : grp.inputs().keySet()) cut.remove(key(i, column));
                grp.occurrences().forEach((k, w) -> cut.merge(k, w, Long::sum));
                constant = Math.floorMod(constant - grp.delta(), mod);
                for (int g : grp.gates()) used.set(base + g);
            }
            if (!found) break;
        }
        cut.values().removeIf(w -> Math.floorMod(w, mod) == 0);
        Map<Integer, Long> last = new LinkedHashMap<>();
        cut.forEach((k, w) -> last.merge((int) (k >>> 6), w, (a, b) -> (a + b) % mod));
        last.values().removeIf(w -> Math.floorMod(w, mod) == 0);
        return new SumCuts(first, sign, flags, groups, last, constant);
    }

    private static long key(int node, int column) {
        return ((long) node << 6) | column;
    }

    /** The gates a bus's output literals depend on (gate nodes). */
    private static BitSet cone(Circuit c, tc0.circuits.Bus bus) {
        BitSet cone = new BitSet();
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        for (int i = 0; i < bus.width(); i++) todo.push(Literal.node(c.output(bus.offset() + i)));
        while (!todo.isEmpty()) {
            int n = todo.pop();
            if (!c.isGate(n) || cone.get(n)) continue;
            cone.set(n);
            for (int e = c.faninStart(n - c.firstGate()); e < c.faninEnd(n - c.firstGate()); e++) todo.push(c.faninNode(e));
        }
        return cone;
    }

    /**
     * The columns in which gate g counts literals of the cut: every fan-in weight ±1, every fan-in there, its
     * weight's sign times the occurrence's one sign for all (the gate counts the column's literals, or all their
     * negations: the builder may store a gate negated), so that two columns holding the same nodes with other
     * signs are told apart.
     */
    private static List<Integer> bankColumns(Circuit c, int g, Map<Long, Long> cut, int top) {
        List<Integer> columns = new ArrayList<>();
        for (int j = 0; j < top; j++) {
            boolean all = true;
            long polarity = 0;
            for (int e = c.faninStart(g); e < c.faninEnd(g) && all; e++) {
                Long w = cut.get(key(c.faninNode(e), j));
                all = Math.abs(c.weight(e)) == 1 && w != null && (polarity == 0 || polarity == c.weight(e) * Long.signum(w));
                if (all) polarity = c.weight(e) * Long.signum(w);
            }
            if (all) columns.add(j);
        }
        return columns;
    }

    /** The bank's group in one column: the bank, the gates over it alone, its outputs' weights found by counting. */
    private static Group group(Circuit c, BitSet cone, BitSet in, int column, List<Integer> bank, Map<Long, Long> cut, BitSet used,
                               List<List<Integer>> readers, int top) {
        int base = c.firstGate();
        BitSet members = new BitSet();
        for (int g : bank) members.set(base + g);
        for (int g = 0; g < c.gateCount(); g++) {
            if (members.get(base + g) || used.get(base + g) || c.fanin(g) == 0 || !cone.get(base + g)) continue;
            BitSet outside = fanins(c, g);
            outside.andNot(members);
            if (outside.isEmpty()) members.set(base + g);
        }
        int[] gates = members.stream().map(n -> n - base).toArray();
        BitSet outputNodes = new BitSet(); // (a group's bit that is itself an output: the final stage reads it)
        for (int i = 0; i < c.outputCount(); i++) outputNodes.set(Literal.node(c.output(i)));
        List<Integer> outs = new ArrayList<>();
        for (int n = members.nextSetBit(0); n >= 0; n = members.nextSetBit(n + 1)) {
            boolean readOutside = outputNodes.get(n);
            for (int r : readers.get(n)) readOutside |= cone.get(base + r) && !members.get(base + r); // other outputs' sums sharing the gate apart
            if (readOutside) outs.add(n);
        }
        int[] inputs = in.stream().toArray();
        long unit = 1L << column;
        Map<Integer, Long> inW = new LinkedHashMap<>();
        int negated = 0;
        for (int n : inputs) {
            long w = cut.get(key(n, column));
            inW.put(n, w);
            if (w < 0) negated++;
        }
        // bit l of the count of true literals (node n true where its weight is positive): evaluated for counts 0..s
        Map<Integer, Long> outW = new LinkedHashMap<>();
        Map<Long, Long> occurrences = new LinkedHashMap<>();
        int s = inputs.length;
        int[][] bits = new int[s + 1][];
        for (int count = 0; count <= s; count++) {
            boolean[] v = new boolean[c.nodeCount()];
            for (int k = 0; k < s; k++) v[inputs[k]] = (k < count) == (inW.get(inputs[k]) > 0);
            for (int g : gates) v[base + g] = value(c, g, v);
            bits[count] = outs.stream().mapToInt(n -> v[n] ? 1 : 0).toArray();
        }
        long kappa = 0; // the constant a negated output bit adds: 2^(j+l) [bit] = 2^(j+l) - 2^(j+l) [node]
        for (int o = 0; o < outs.size(); o++) {
            // the bit of the count it matches at most counts (all, in a sound group): a wrong guess is refuted by the group's proof
            int l = 0, best = -1;
            boolean flipped = false;
            for (int cand = 0; cand < 31; cand++) {
                for (int f = 0; f < 2; f++) {
                    int fits = 0;
                    for (int count = 0; count <= s; count++) if ((bits[count][o] ^ f) == ((count >> cand) & 1)) fits++;
                    if (fits > best) { best = fits; l = cand; flipped = f == 1; }
                }
            }
            long w = column + l >= top ? 0 : 1L << (column + l);
            outW.put(outs.get(o), flipped ? -w : w);
            if (w != 0) occurrences.put(key(outs.get(o), column + l), flipped ? -w : w);
            if (flipped) kappa += w;
        }
        return new Group(inW, gates, outW, occurrences, unit * negated - kappa, column);
    }

    /** A node's value: an input's as given, a gate's from its fan-ins' (filled) values. */
    static boolean nodeValue(Circuit c, int node, boolean[] v) {
        return c.isGate(node) ? value(c, node - c.firstGate(), v) : v[node];
    }

    /** A gate's value from its fan-ins' (filled) values. */
    static boolean value(Circuit c, int g, boolean[] v) {
        long sum = 0;
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) if (v[c.faninNode(e)]) sum += c.weight(e);
        return sum >= c.threshold(g);
    }

    private static BitSet fanins(Circuit c, int g) {
        BitSet b = new BitSet();
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) b.set(c.faninNode(e));
        return b;
    }

    private static Map<Integer, Long> weights(Circuit c, int g) {
        Map<Integer, Long> w = new LinkedHashMap<>();
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) w.merge(c.faninNode(e), c.weight(e), Long::sum);
        return w;
    }

    /** For every node, the gates (from 0) reading it. */
    private static List<List<Integer>> readers(Circuit c) {
        List<List<Integer>> r = new ArrayList<>();
        for (int n = 0; n < c.nodeCount(); n++) r.add(new ArrayList<>());
        for (int g = 0; g < c.gateCount(); g++) for (int e = c.faninStart(g); e < c.faninEnd(g); e++) r.get(c.faninNode(e)).add(g);
        return r;
    }
}
