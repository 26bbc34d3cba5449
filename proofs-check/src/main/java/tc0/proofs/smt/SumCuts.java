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
 * @param first  the first cut: node to weight (the comparator's weights, exact: no modulus)
 * @param flags  the two comparators' gates (indices from 0) over the first cut
 * @param groups the compression groups, in an order where each reads only the cut before it
 * @param last   the last cut: node to weight modulo 2^top (in {@code (-2^top, 2^top)})
 * @param lastConstant the last cut's constant c, modulo 2^top, where the first cut's constant is 0
 */
record SumCuts(Map<Integer, Long> first, int[] flags, List<Group> groups, Map<Integer, Long> last, long lastConstant) {

    /**
     * One compression group: its inputs (cut nodes, their weights {@code ±2^column}: negative where the column
     * holds the node's negation), its gates, its outputs with their weights ({@code ±2^(column+l)}, negative
     * where the count's bit l is the node's negation), and {@code delta}: {@code sum outputs = sum inputs +
     * delta} modulo 2^top.
     */
    record Group(Map<Integer, Long> inputs, int[] gates, Map<Integer, Long> outputs, long delta, int column) {}

    /** Why a circuit has no such cuts. */
    static final class NoCuts extends Exception {
        NoCuts(String why) { super(why); }
    }

    /** The cuts of {@code c}, whose one output word is a weighted sum modulo 2^top (saturated). */
    static SumCuts of(Circuit c, int top) throws NoCuts {
        int gates = c.gateCount(), base = c.firstGate();
        List<List<Integer>> readers = readers(c);
        BitSet firstLayer = new BitSet();
        for (int g = 0; g < gates; g++) {
            boolean overInputs = true;
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) overInputs &= !c.isGate(c.faninNode(e));
            if (overInputs) firstLayer.set(base + g);
        }
        List<Integer> flagList = new ArrayList<>();
        for (int g = 0; g < gates; g++) if (!firstLayer.get(base + g) && fanins(c, g).equals(firstLayer)) flagList.add(g);
        if (flagList.size() != 2) throw new NoCuts(flagList.size() + " gates read the whole first layer (" + firstLayer.cardinality() + " gates), not the two saturation comparators");
        Map<Integer, Long> first = weights(c, flagList.get(0));
        if (!first.equals(weights(c, flagList.get(1)))) throw new NoCuts("the two comparators weigh the first layer differently");
        int[] flags = {flagList.get(0), flagList.get(1)};

        long mod = 1L << top;
        Map<Integer, Long> cut = new LinkedHashMap<>();
        first.forEach((n, w) -> { if (Math.floorMod(w, mod) != 0) cut.put(n, w % mod); });
        long constant = 0;
        BitSet used = new BitSet();
        for (int f : flags) used.set(base + f);
        List<Group> groups = new ArrayList<>();
        while (true) {
            Map<BitSet, List<Integer>> banks = new LinkedHashMap<>();
            for (int g = 0; g < gates; g++) {
                if (used.get(base + g) || firstLayer.get(base + g) || c.fanin(g) < 2) continue;
                BitSet in = fanins(c, g);
                if (isBank(c, g, cut)) banks.computeIfAbsent(in, k -> new ArrayList<>()).add(g);
            }
            if (banks.isEmpty()) break;
            for (var bank : banks.entrySet()) {
                for (int n = bank.getKey().nextSetBit(0); n >= 0; n = bank.getKey().nextSetBit(n + 1)) {
                    if (!cut.containsKey(n)) throw new NoCuts("node " + n + " is counted by two groups");
                }
                Group grp = group(c, bank.getKey(), bank.getValue(), cut, used, readers, top);
                groups.add(grp);
                grp.inputs().keySet().forEach(cut::remove);
                grp.outputs().forEach((n, w) -> { if (Math.floorMod(w, mod) != 0) cut.put(n, w % mod); });
                constant = Math.floorMod(constant - grp.delta(), mod);
                for (int g : grp.gates()) used.set(base + g);
            }
        }
        return new SumCuts(first, flags, groups, cut, constant);
    }

    /** A gate counting literals of one column of the cut: every fan-in a cut node, weights ±1, one |weight|. */
    private static boolean isBank(Circuit c, int g, Map<Integer, Long> cut) {
        long column = -1;
        for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
            Long w = cut.get(c.faninNode(e));
            if (w == null || Math.abs(c.weight(e)) != 1) return false;
            long a = Math.abs(w);
            if (Long.bitCount(a) != 1 || (column >= 0 && a != column)) return false;
            column = a;
        }
        return true;
    }

    /** The bank's group: the bank, the gates over it alone, its outputs' weights found by counting. */
    private static Group group(Circuit c, BitSet in, List<Integer> bank, Map<Integer, Long> cut, BitSet used,
                               List<List<Integer>> readers, int top) throws NoCuts {
        int base = c.firstGate();
        BitSet members = new BitSet();
        for (int g : bank) members.set(base + g);
        for (int g = 0; g < c.gateCount(); g++) {
            if (members.get(base + g) || used.get(base + g) || c.fanin(g) == 0) continue;
            BitSet f = fanins(c, g);
            BitSet outside = (BitSet) f.clone();
            outside.andNot(members);
            if (outside.isEmpty()) members.set(base + g);
        }
        int[] gates = members.stream().map(n -> n - base).toArray();
        BitSet outputNodes = new BitSet();
        for (int i = 0; i < c.outputCount(); i++) outputNodes.set(Literal.node(c.output(i)));
        List<Integer> outs = new ArrayList<>();
        for (int n = members.nextSetBit(0); n >= 0; n = members.nextSetBit(n + 1)) {
            boolean readOutside = outputNodes.get(n);
            for (int r : readers.get(n)) readOutside |= !members.get(base + r);
            if (readOutside) outs.add(n);
        }
        int[] inputs = in.stream().toArray();
        long unit = Math.abs(cut.get(inputs[0]));
        int column = Long.numberOfTrailingZeros(unit);
        Map<Integer, Long> inW = new LinkedHashMap<>();
        int negated = 0;
        for (int n : inputs) {
            inW.put(n, cut.get(n));
            if (cut.get(n) < 0) negated++;
        }
        // bit l of the count of true literals (node n true where its weight is positive): evaluated for counts 0..s
        Map<Integer, Long> outW = new LinkedHashMap<>();
        int s = inputs.length;
        int[][] bits = new int[s + 1][];
        for (int count = 0; count <= s; count++) {
            boolean[] v = new boolean[c.nodeCount()];
            for (int k = 0; k < s; k++) v[inputs[k]] = (k < count) == (cut.get(inputs[k]) > 0);
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
            if (flipped) kappa += w;
        }
        return new Group(inW, gates, outW, unit * negated - kappa, column);
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
