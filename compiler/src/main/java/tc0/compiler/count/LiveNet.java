package tc0.compiler.count;

import java.util.Arrays;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.GateTerms;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.Block;
import tc0.compiler.gadgets.BlockNet;
import tc0.compiler.gadgets.SharedTermsNet;
import tc0.compiler.gadgets.TwinNet;

/**
 * Counts one gadget run the way the builder keeps it: normalised as {@link CircuitBuilder} (the same
 * {@link GateTerms}), and only the <em>live</em> gates, those some output reaches. Nothing per wire is stored:
 * per node a level and a byte of flags (dead, gate, fresh, read; {@link LiveNodes}: three bytes a node, since a
 * p = 128 block holds hundreds of millions). A run marks what the gates not yet known dead read; a gate
 * then read by none and not an output is dead, and the gadget runs again (it is deterministic: the same
 * nodes in the same order) until no new gate dies; that run's figures are the live circuit's. Twins
 * ({@link TwinNet}) count their stages in bulk; if a twin's fresh literal ends unread, some of its gates would
 * be dead, so the caller counts again with {@link #withoutTwins()}. Blocks ({@link Block}) are counted once per
 * key and read mask in {@link PartCounts} (where given) and stand here as their new outputs, nodes that die like
 * gates when nothing reads them: the block's figures are then those with only its live outputs read. A twin's
 * outputs whose gates and reads hang on them alone ({@link #openUnit}, {@link #countGroup}) are settled in the
 * {@link GateTail} with the plain gates: a float block at p = 32 .. 64 is one run. One-hot values are families
 * ({@link TwinNet#bulkOneHots}): a member is no node unless read alone, counted by the live readers that read it.
 * A wide sum's first-round count bits are families too ({@link #countFamilies}): one node per column
 * ({@link #familyAt}), read by that column's last-round group, named as the bits' node in the groups' tail records.
 * A wide sum's block ladders read by their bits ({@link #ladderGroups}) are one group record each, no node per ladder gate.
 */
final class LiveNet implements SharedTermsNet, BlockNet {
    private final int inputs;
    private final PartCounts parts; // null: blocks counted gate by gate here
    private final int[] inputLevels;
    private boolean twins = true;
    /** One-hot values counted as families ({@link TwinNet#bulkOneHots}); {@code -Dtc0.count.families=false}: a node per member. */
    static final boolean FAMILIES = !"false".equals(System.getProperty("tc0.count.families"));
    private final boolean families;
    /** A wide sum's first-round count bits as families, a node per column ({@code UnlistedRound}); {@code -Dtc0.count.bitFamilies=false}: a node per bit. */
    static final boolean BIT_FAMILIES = !"false".equals(System.getProperty("tc0.count.bitFamilies"));
    private final boolean bitFamilies;
    /** A block ladder's bits as one group record ({@code LadderGroup}); {@code -Dtc0.count.ladderGroups=false}: a node per ladder gate. */
    static final boolean LADDER_GROUPS = !"false".equals(System.getProperty("tc0.count.ladderGroups"));
    private boolean ladderGroups = LADDER_GROUPS;
    private int nodes;
    static final byte DEAD = 1, GATE = 2, FRESH = 4, READ = 8; // flags per node: known dead, a gate (or a block's or twin's output that dies like one), a twin's fresh literal, read by a live gate or an output
    static final byte PLAIN = 16, EXT = 32, LREAD = 64; // a plain gate (its terms in the tail); read by an output, a twin or a block; read by a gate the tail keeps live
    static final byte FAMILY = (byte) 128; // a node standing for a column's count bits ({@link #familyAt}): not the groups' own node
    private final LiveNodes node = new LiveNodes();
    private final GateTail tail;
    private int runs;
    private int[][] groupTerms = new int[16][]; // this run's ladder groups: their terms, and whether a live gate read them yet
    private boolean[] groupRead = new boolean[16];
    private int groups;
    private long gates, wires;
    private long[] perLevel = new long[16];
    private final GateTerms terms = new GateTerms();
    private int unit = -1; // the node of the twin's unit open now ({@link #openUnit}), -1 where none
    private int[] unitCounts = new int[48], unitReads = new int[64]; // its gates (count, fan-in, level each) and reads
    private int unitTriples, unitReadCount;
    private int[] groupBits = new int[48], groupGes = new int[32], groupNodes = new int[64]; // a group's records, copied into the tail

    /** Inputs are nodes {@code 1 .. levels.length} at those levels; blocks counted gate by gate. */
    LiveNet(int[] levels) {
        this(levels, null);
    }

    /** Inputs are nodes {@code 1 .. levels.length} at those levels; blocks counted once each in {@code parts}. */
    LiveNet(int[] levels, PartCounts parts) {
        this(levels, parts, GateTail.DEFAULT_MAX);
    }

    /** As above, with a {@link GateTail} of at most {@code tail} ints (0: none; tests compare). */
    LiveNet(int[] levels, PartCounts parts, int tail) {
        this(levels, parts, tail, FAMILIES);
    }

    /** As above, one-hots counted as families or not (a node per member: tests compare). */
    LiveNet(int[] levels, PartCounts parts, int tail, boolean families) {
        this(levels, parts, tail, families, BIT_FAMILIES);
    }

    /** As above, a wide sum's first-round count bits as families or not (a node per bit: tests compare). */
    LiveNet(int[] levels, PartCounts parts, int tail, boolean families, boolean bitFamilies) {
        this.families = families;
        this.bitFamilies = bitFamilies;
        this.tail = new GateTail(tail);
        this.inputs = levels.length;
        this.inputLevels = levels;
        this.parts = parts;
        reset();
    }

    /** The input literals, in order. */
    int[] inputs() {
        int[] r = new int[inputs];
        for (int k = 0; k < inputs; k++) r[k] = Literal.of(1 + k, false);
        return r;
    }

    /** A run of the gadget from scratch (keeping what is known dead): the outputs it returns are read once each. */
    void reset() {
        tail.clear();
        unit = -1;
        Arrays.fill(groupTerms, 0, groups, null);
        groups = 0;
        nodes = 1 + inputs;
        node.ensure(nodes);
        node.keepOnly(DEAD);
        node.setLevel(0, 0);
        for (int k = 0; k < inputs; k++) node.setLevel(1 + k, inputLevels[k]);
        gates = 0;
        wires = 0;
        Arrays.fill(perLevel, 0);
    }

    /**
     * Marks the outputs read; then whether some gate read by none died just now (run again then). The gates whose
     * terms the run's {@link GateTail} still holds are settled here at once, last first (a gate is live iff an
     * output, a twin or a block reads it, or a live gate does); where their deaths reach nothing outside the tail
     * but plain gates, their figures are taken off and no run is needed: the next run would make the same nodes,
     * those gates dead, and nothing else would change. Otherwise the deaths found are marked and the gadget runs again.
     */
    boolean settle(int[] outputs) {
        runs++;
        for (int lit : outputs) if (!Literal.isConstant(lit)) node.set(Literal.node(lit), (byte) (READ | EXT));
        GateTail.Settled t = tail.settle(node, nodes, inputs, groups);
        boolean died = false;
        for (int n = 1; n < nodes; n++) {
            int f = node.flags(n);
            if ((f & (GATE | DEAD | READ)) != GATE || n >= t.from() && (f & PLAIN) != 0) continue; // the tail's plain gates are settled there
            node.set(n, DEAD);
            died = true;
        }
        tail.markDead(node);
        if (died || !t.resolved()) return died || t.deaths() > 0;
        tail.forEachDead((lv, fanIn, count) -> { gates -= count; wires -= (long) count * fanIn; perLevel[lv] -= count; });
        return false;
    }

    /** Twins' outputs ({@link #openUnit}, {@link #countGroup}) its tail settled dead, over every run. */
    long twinDeathsSettled() { return tail.twinDeaths(); }

    /** Runs of the gadget since this net was made (each ended by a {@link #settle}). */
    int runs() { return runs; }

    /** Whether every twin's fresh literal is read (its gates live). */
    boolean twinsLive() {
        for (int n = 1; n < nodes; n++) if ((node.flags(n) & (FRESH | READ)) == FRESH) return false;
        return true;
    }

    /** Counts again from scratch without twins. */
    void withoutTwins() {
        twins = false;
        node.keepOnly((byte) ~DEAD);
    }

    boolean isInput(int node) { return node >= 1 && node <= inputs; }

    /** Whether a live gate or a read output reads the node (after the last run's {@link #settle}). */
    boolean isRead(int n) { return node.has(n, READ); }

    long gates() { return gates; }

    /** Nodes made by the last run (inputs, gates, twins' and blocks' outputs). */
    int nodes() { return nodes; }

    long wires() { return wires; }

    long[] perLevel() { return perLevel; }

    @Override public boolean twins() { return twins; }

    /** Families' members are counted by their live readers and hold no node: a block at p = 64 some 40% fewer nodes. */
    @Override public boolean bulkOneHots() { return families; }

    @Override public boolean countFamilies() { return bitFamilies; }

    @Override public boolean ladderGroups() { return ladderGroups; }

    /** Block ladders gate by gate, a node per ladder gate (tests compare). */
    LiveNet withoutLadderGroups() {
        ladderGroups = false;
        return this;
    }

    /** A gate node the tail settles through the groups whose bits it stands for; a mark in the tail says where it was made. */
    @Override
    public int familyAt(int lv) {
        int n = newNode(lv);
        node.set(n, (byte) (GATE | FAMILY));
        tail.addMark(n);
        return Literal.of(n, false);
    }

    @Override public void relevel(int lit, int lv) { node.setLevel(Literal.node(lit), lv); }

    @Override public int level(int lit) { return node.level(Literal.node(lit)); }

    @Override public CircuitBuilder.Scope region(String name) { return () -> {}; }

    @Override
    public int gate(int[] lits, long[] weights, int count, long t) {
        t = terms.load(lits, weights, count, t, nodes);
        int size = terms.size();
        int[] termNode = terms.nodes();
        long[] termWeight = terms.weights();
        long maxSum = 0, minSum = 0;
        int lv = 0;
        for (int i = 0; i < size; i++) {
            long w = termWeight[i];
            if (w > 0) maxSum = Math.addExact(maxSum, w); else minSum = Math.addExact(minSum, w);
            lv = Math.max(lv, node.level(termNode[i]));
        }
        if (minSum >= t) return Literal.TRUE;
        if (maxSum < t) return Literal.FALSE;
        if (size == 1) return Literal.of(termNode[0], termWeight[0] < 0);
        int n = newNode(lv + 1);
        node.set(n, (byte) (GATE | PLAIN));
        if (!node.has(n, DEAD)) {
            for (int i = 0; i < size; i++) node.set(termNode[i], READ);
            counted(1, size, lv + 1);
            tail.add(n, lv + 1, termNode, size);
        }
        return Literal.of(n, false);
    }

    @Override
    public void counted(long count, long fanIn, int lv) {
        if (count == 0) return;
        if (unit >= 0) {
            if (3 * unitTriples + 3 > unitCounts.length) unitCounts = Arrays.copyOf(unitCounts, 2 * unitCounts.length);
            unitCounts[3 * unitTriples] = Math.toIntExact(count);
            unitCounts[3 * unitTriples + 1] = Math.toIntExact(fanIn);
            unitCounts[3 * unitTriples++ + 2] = lv;
        }
        gates = Math.addExact(gates, count);
        wires = Math.addExact(wires, Math.multiplyExact(count, fanIn));
        if (lv >= perLevel.length) perLevel = Arrays.copyOf(perLevel, Math.max(2 * perLevel.length, lv + 1));
        perLevel[lv] += count;
    }

    @Override
    public void reads(int lit, long times) {
        if (times <= 0 || Literal.isConstant(lit)) return;
        if (unit < 0) { node.set(Literal.node(lit), (byte) (READ | EXT)); return; }
        node.set(Literal.node(lit), READ); // read by the unit's gates: the tail tells whether they live
        if (unitReadCount == unitReads.length) unitReads = Arrays.copyOf(unitReads, 2 * unitReadCount);
        unitReads[unitReadCount++] = Literal.node(lit);
    }

    @Override
    public void openUnit(int out) {
        if (unit >= 0) throw new IllegalStateException("a unit is open");
        unit = Literal.node(out);
        node.set(unit, PLAIN);
        unitTriples = unitReadCount = 0;
    }

    @Override
    public void closeUnit() {
        tail.addUnit(unit, unitCounts, unitTriples, unitReads, unitReadCount);
        unit = -1;
    }

    @Override
    public void countGroup(int[] out, long[] fanIn, int[] geLit, int[] geT, int geMade, int lo, int hi, int r, int geLevel, int[] terms, int termCount, boolean runs) {
        if (groupBits.length < 3 * out.length) groupBits = new int[3 * out.length];
        if (groupGes.length < 2 * geMade) groupGes = new int[2 * geMade];
        int[] bits = groupBits, ges = groupGes;
        int nb = 0;
        for (int l = 0; l < out.length; l++) {
            if (fanIn[l] == 0) continue;
            int n = Literal.node(out[l]);
            node.set(n, PLAIN);
            bits[3 * nb] = n;
            bits[3 * nb + 1] = l;
            bits[3 * nb++ + 2] = Math.toIntExact(fanIn[l]);
        }
        for (int k = 0; k < geMade; k++) {
            ges[2 * k] = Literal.node(geLit[k]);
            ges[2 * k + 1] = geT[k];
            node.set(ges[2 * k], PLAIN);
        }
        if (groupNodes.length < termCount) groupNodes = new int[termCount];
        for (int i = 0; i < termCount; i++) node.set(groupNodes[i] = Literal.node(terms[i]), READ);
        tail.addGroup(groupNodes, termCount, bits, nb, ges, geMade, lo, hi, r, geLevel, runs);
    }

    /**
     * The block's outputs: its new literals are new nodes here (marked as gates, so that they die unread), its
     * figures those of its entry with the outputs read that are not yet known dead. An output that passes an
     * input through is never marked read inside the block: whoever reads it here reads the input itself.
     */
    @Override
    public int[] block(String kind, int[][] in, Block body) {
        if (parts == null) return body.build(this, in);
        PartCounts.Keyed k = parts.keyOf(kind, in, this::level);
        PartCounts.Entry e = parts.entry(k, body, null);
        int[] fresh = new int[e.newLevels().length];
        for (int j = 0; j < fresh.length; j++) {
            int n = newNode(k.base() + e.newLevels()[j]);
            node.set(n, GATE);
            fresh[j] = Literal.of(n, false);
        }
        int[] out = PartCounts.outputs(e, k.vars(), fresh);
        boolean[] mask = new boolean[out.length];
        boolean every = true;
        for (int i = 0; i < out.length; i++) {
            int o = e.outputs()[i];
            mask[i] = o < 0 ? !node.has(Literal.node(out[i]), DEAD) : o < 2; // constants read or not alike
            every &= mask[i];
        }
        if (!every) e = parts.entry(k, body, mask);
        long[] pl = e.perLevel();
        for (int l = 0; l < pl.length; l++) {
            if (pl[l] == 0) continue;
            int lv = k.base() + l;
            if (lv >= perLevel.length) perLevel = Arrays.copyOf(perLevel, Math.max(2 * perLevel.length, lv + 1));
            perLevel[lv] += pl[l];
        }
        gates = Math.addExact(gates, e.gates());
        wires = Math.addExact(wires, e.wires());
        for (int j = 0; j < k.distinct(); j++) if (e.inputsRead()[j]) node.set(Literal.node(k.vars()[j]), (byte) (READ | EXT));
        return out;
    }

    @Override
    public int group(int[] terms) {
        if (groups == groupTerms.length) {
            groupTerms = Arrays.copyOf(groupTerms, 2 * groups);
            groupRead = Arrays.copyOf(groupRead, 2 * groups);
        }
        groupTerms[groups] = terms;
        groupRead[groups] = false;
        return groups++;
    }

    /** As {@link #gate} would make it over the group's terms: a plain gate, its terms in the tail by reference. */
    @Override
    public int groupGate(int group, int lv) {
        int n = newNode(lv);
        node.set(n, (byte) (GATE | PLAIN));
        if (node.has(n, DEAD)) return Literal.of(n, false);
        int[] terms = groupTerms[group];
        counted(1, terms.length, lv);
        if (!groupRead[group]) {
            groupRead[group] = true;
            for (int lit : terms) node.set(Literal.node(lit), READ);
            tail.addTerms(group, terms);
        }
        tail.addGroupGate(n, lv, terms.length, group);
        return Literal.of(n, false);
    }

    /** A twin's output that dies like a gate: a gate node, not a fresh one (the twin asks {@link #alive} and counts accordingly). */
    @Override
    public int outputAt(int lv) {
        int n = newNode(lv);
        node.set(n, GATE);
        return Literal.of(n, false);
    }

    @Override public boolean alive(int lit) { return !node.has(Literal.node(lit), DEAD); }

    @Override
    public int freshAt(int lv) {
        int n = newNode(lv);
        node.set(n, FRESH);
        return Literal.of(n, false);
    }

    private int newNode(int lv) {
        if (unit >= 0) throw new IllegalStateException("a node made while a unit is open");
        if (nodes >= 1 << 30) throw new ArithmeticException("a block counted gate by gate needs more than 2^30 nodes, more than a literal can name");
        node.ensure(nodes + 1);
        node.setLevel(nodes, lv);
        return nodes++;
    }
}
