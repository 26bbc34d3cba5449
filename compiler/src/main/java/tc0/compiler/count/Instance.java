package tc0.compiler.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.Net;

/**
 * One gadget instance run on representative inputs: fresh nodes at the levels of the input words' classes
 * (words with the same identity share their nodes), the gadget recorded on a {@link Tape}, the gates its
 * outputs need counted. Gives the instance's profile, its output words' classes, and which input slots it
 * read. Every instance with the same inputs' classes and identity pattern costs the same, so callers
 * count one and multiply.
 */
final class Instance {
    /** A gadget: output words from input words. */
    @FunctionalInterface
    interface Gadget {
        int[][] build(Net net, int[][] in);
    }

    /**
     * What one instance costs and makes.
     *
     * @param profile     its live gates per level, and wires
     * @param out         the class of each output word
     * @param usedSlots   per input word, a bit mask of the slots the instance reads (slot i: bit i)
     * @param passthrough whether some output bit is an input node (no gate of its own)
     * @param disjoint    whether no two output words share a node
     */
    record Result(Profile profile, ElemClass[] out, long[] usedSlots, boolean passthrough, boolean disjoint) {}

    private Instance() {}

    /**
     * Runs {@code g} once. {@code identity[i]} names input word i's element: words with equal identity are the
     * same element (their slots the same nodes; their classes must agree on those slots).
     */
    static Result run(Gadget g, ElemClass[] in, int[] identity) {
        Tape tape = new Tape();
        Map<Integer, int[]> nodesOf = new HashMap<>();
        int[][] words = new int[in.length][];
        int[][] slotNodes = new int[in.length][];
        for (int i = 0; i < in.length; i++) {
            ElemClass c = in[i];
            int[] nodes = nodesOf.get(identity[i]);
            if (nodes == null || nodes.length < c.slots()) {
                int[] fresh = new int[c.slots()];
                for (int s = 0; s < fresh.length; s++) fresh[s] = nodes != null && s < nodes.length ? nodes[s] : tape.input(c.slotLevel(s));
                nodes = fresh;
                nodesOf.put(identity[i], nodes);
            }
            slotNodes[i] = nodes;
            words[i] = c.literals(nodes);
        }
        return finish(tape, g.build(tape, words), in, slotNodes);
    }

    /**
     * Runs {@code g} once over words whose slots are named nodes: slot s of word i is the node {@code keys[i][s]}
     * (equal keys, one node, at the level of the first slot naming it; what a word shares with others below
     * the element level, such as literals passed through by the gadget that made it).
     */
    static Result run(Gadget g, ElemClass[] in, long[][] keys) {
        Tape tape = new Tape();
        Map<Long, Integer> nodeOf = new HashMap<>();
        int[][] words = new int[in.length][];
        int[][] slotNodes = new int[in.length][];
        for (int i = 0; i < in.length; i++) {
            ElemClass c = in[i];
            int[] nodes = new int[c.slots()];
            for (int s = 0; s < nodes.length; s++) {
                int lv = c.slotLevel(s);
                nodes[s] = nodeOf.computeIfAbsent(keys[i][s], k -> tape.input(lv));
            }
            slotNodes[i] = nodes;
            words[i] = c.literals(nodes);
        }
        return finish(tape, g.build(tape, words), in, slotNodes);
    }

    /** The instance's live gates, output classes and read slots, once {@code outs} is built on {@code tape}. */
    private static Result finish(Tape tape, int[][] outs, ElemClass[] in, int[][] slotNodes) {
        int total = 0;
        for (int[] w : outs) total += w.length;
        int[] all = new int[total];
        int at = 0;
        for (int[] w : outs) { System.arraycopy(w, 0, all, at, w.length); at += w.length; }
        Profile prof = new Profile();
        boolean[] used = new boolean[tape.nodeCount()];
        tape.countLive(all, prof, used);
        long[] usedSlots = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            for (int s = 0; s < in[i].slots(); s++) if (used[slotNodes[i][s]]) usedSlots[i] |= 1L << s;
        }
        boolean passthrough = false, disjoint = true;
        ElemClass[] cls = new ElemClass[outs.length];
        Map<Integer, Integer> owner = new HashMap<>();
        for (int o = 0; o < outs.length; o++) {
            for (int lit : outs[o]) {
                if (Literal.isConstant(lit)) continue;
                int node = Literal.node(lit);
                if (tape.isInput(node)) passthrough = true;
                Integer prev = owner.putIfAbsent(node, o);
                if (prev != null && prev != o) disjoint = false;
            }
            cls[o] = classOf(tape, outs[o]);
        }
        return new Result(prof, cls, usedSlots, passthrough, disjoint);
    }

    /** The class of a word of {@code tape}'s literals: a slot per distinct node, at its level. */
    static ElemClass classOf(Tape tape, int[] w) {
        int[] bits = new int[w.length];
        int[] levels = new int[w.length];
        Map<Integer, Integer> slotOf = new HashMap<>();
        for (int k = 0; k < w.length; k++) {
            int lit = w[k];
            if (Literal.isConstant(lit)) { bits[k] = lit == Literal.TRUE ? ElemClass.TRUE : ElemClass.FALSE; continue; }
            int node = Literal.node(lit);
            int s = slotOf.computeIfAbsent(node, x -> slotOf.size());
            levels[s] = tape.level(node);
            bits[k] = s << 1 | (Literal.isNegated(lit) ? 1 : 0);
        }
        return ElemClass.of(bits, Arrays.copyOf(levels, slotOf.size()));
    }

    /** All-distinct identities for {@code n} words. */
    static int[] distinct(int n) {
        int[] id = new int[n];
        for (int i = 0; i < n; i++) id[i] = i;
        return id;
    }
}
