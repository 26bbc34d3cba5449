package tc0.circuits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Circuit} gate by gate. Every gate is first normalised (inverted fan-ins folded into
 * weights, terms sorted by node and merged, weights divided by their gcd, polarity made canonical so a gate
 * and its complement share one node), then constant gates and single-literal gates are folded away, and
 * structural hashing returns the existing node for a gate built before. {@link #build()} drops the gates no
 * output needs. All inputs come before the first gate.
 *
 * <p>Storage is primitive arrays and the hash tables of {@link GateTable}: 8 bytes per stored wire (a
 * weight that does not fit an int is kept aside, see {@link WireWeights}) and 31 to 41 per gate while
 * building (20 in its arrays, 11 to 21 in the hash table), nothing per gate or wire on the heap as objects. A gate with the terms of the gate added just
 * before it (a bank of comparators on one sum: about 70% of the wires of the GNN and transformer examples)
 * stores no wires of its own but shares that gate's range. Wires live in a {@link WireStore}, never copied
 * while building (growing one big array by copying was half of a compile's time); {@link #build()}
 * compacts them in place and hands them to the circuit.
 */
public final class CircuitBuilder {

    private final boolean hashing;
    /** All ones but in collision tests (see the constructor). */
    private final int hashMask;
    private int inputs;
    private int gates;
    /** The circuit's wires (fan-ins summed); {@link #stored} holds fewer: a gate with its predecessor's terms stores none. */
    private long wires;
    private final WireStore stored = new WireStore();
    private int[] faninStart = new int[1024];
    private int[] faninEnd = new int[1024];
    /** The stored range of the last gate added: a next gate with the same terms shares it (see {@link #add}). */
    private int lastStart, lastEnd;
    /** Literals are {@code node * 2 + negated} in an int; wire indices are ints. */
    static final int MAX_NODES = 1 << 30, MAX_STORED_WIRES = Integer.MAX_VALUE - 16;
    private long[] threshold = new long[1024];
    private int[] region = new int[1024];
    /** Structural hashing (null without it): finds the gate built before that equals a request. */
    private GateTable table;
    /** The request {@link #table} is looking up: its term count and threshold (terms in the scratch). */
    private int requestTerms;
    private long requestThreshold;
    private final List<Bus> inputBuses = new ArrayList<>();
    private final List<Bus> outputBuses = new ArrayList<>();
    private final IntList outputs = new IntList();
    private final Regions.Builder regions = new Regions.Builder();
    private int currentRegion = Regions.ROOT;
    private boolean built;

    // One gate's normalised terms; termNode and termWeight are its arrays (refreshed after each load).
    private final GateTerms scratch = new GateTerms();
    private int[] termNode;
    private long[] termWeight;

    private long[] ones = new long[0];

    private long requested;
    private long reused;
    private long folded;

    /** A builder with structural hashing. */
    public CircuitBuilder() {
        this(true);
    }

    /** A builder that may turn structural hashing off, to count gates exactly as requested. */
    public CircuitBuilder(boolean hashing) {
        this(hashing, -1);
    }

    /**
     * For tests: every gate's hash ANDed with {@code hashMask}, so that 0 makes all gates collide (a match
     * must then be decided by comparing the gates, never by the hash).
     */
    CircuitBuilder(boolean hashing, int hashMask) {
        this.hashing = hashing;
        this.hashMask = hashMask;
        this.table = hashing ? new GateTable(g -> sameGate(g, requestTerms, requestThreshold)) : null;
    }

    /** A gate's hash in the table: the one place the test-only mask applies, so no lookup can miss it. */
    private int hash(long termsHash, long threshold) {
        return GateTable.hash(termsHash, threshold) & hashMask;
    }

    /**
     * Sizes the builder for about {@code gates} gates (a count made before building, such as the
     * compiler's cost count): the per-gate arrays are allocated once at that size and the hash table never
     * grows. Only where gates go in memory changes, never which gates are built; more gates than reserved
     * still work (the arrays then grow by copying). Wires need no reservation: their chunks are never
     * copied, and a count of wires would over-reserve for the gates that share theirs. Call before the
     * first gate.
     */
    public void reserve(long gates) {
        checkOpen();
        if (this.gates > 0) throw new IllegalStateException("reserve before the first gate");
        if (gates < 0) throw new IllegalArgumentException("negative reservation " + gates + " gates");
        if (gates + 2 > threshold.length) {
            int n = (int) Math.min(gates + 2, Integer.MAX_VALUE - 16);
            threshold = new long[n];
            region = new int[n];
            faninStart = new int[n];
            faninEnd = new int[n];
        }
        if (hashing) table.reserve(gates);
    }

    /** Adds an input bus of {@code width} bits; returns its literals, least significant first. */
    public int[] inputBus(String name, int width) {
        checkOpen();
        if (gates > 0) throw new IllegalStateException("inputs must be declared before the first gate");
        Bus bus = new Bus(name, inputs, width);
        for (Bus b : inputBuses) if (b.name().equals(name)) throw new IllegalArgumentException("duplicate input bus " + name);
        inputBuses.add(bus);
        int[] lits = new int[width];
        for (int i = 0; i < width; i++) lits[i] = Literal.of(1 + inputs + i, false);
        inputs += width;
        return lits;
    }

    /** Marks literals as the output bus {@code name}. */
    public void outputBus(String name, int... literals) {
        checkOpen();
        for (Bus b : outputBuses) if (b.name().equals(name)) throw new IllegalArgumentException("duplicate output bus " + name);
        for (int lit : literals) checkLiteral(lit);
        outputBuses.add(new Bus(name, outputs.size(), literals.length));
        for (int lit : literals) outputs.add(lit);
    }

    /** Enters the child region {@code name} of the current region until the returned scope is closed. */
    public Scope region(String name) {
        checkOpen();
        int previous = currentRegion;
        currentRegion = regions.child(previous, name);
        return () -> currentRegion = previous;
    }

    /** The region new gates are tagged with. */
    public int currentRegion() {
        return currentRegion;
    }

    /** Restores the region current before {@link #region(String)}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A gate that is 1 iff {@code sum weights[i] * lits[i] >= threshold}; returns its literal. */
    public int gate(int[] lits, long[] weights, long threshold) {
        if (lits.length != weights.length) throw new IllegalArgumentException("literals and weights differ in length");
        return gate(lits, weights, lits.length, threshold);
    }

    /** As {@link #gate(int[], long[], long)} over the first {@code count} terms; the arrays are only read. */
    public int gate(int[] lits, long[] weights, int count, long t) {
        checkOpen();
        requested++;
        t = load(lits, weights, count, t);
        return finish(scratch.size(), t);
    }

    /** Weights and thresholds this small cannot overflow in {@link #gate}'s arithmetic (see {@link #gates}). */
    private static final long SAFE_WEIGHT = 1L << 40, SAFE_THRESHOLD = 1L << 61;
    private static final int SAFE_COUNT = 1 << 20;

    /**
     * {@code out[k] = gate(lits, weights, count, thresholds[k])} for {@code k = 0 .. n-1}, in that order:
     * the same gates, literals and {@link #stats()} as those {@code n} calls, but the terms are checked,
     * sorted, merged and divided by their gcd once, not once per threshold (a table lookup asks for
     * thousands of comparators {@code [x >= a]} on one word). Arrays other than {@code out} are only read.
     */
    public void gates(int[] lits, long[] weights, int count, long[] thresholds, int n, int[] out) {
        if (n == 0) return;
        checkOpen();
        boolean small = count <= SAFE_COUNT;
        for (int i = 0; i < count && small; i++) small = Math.abs(weights[i]) <= SAFE_WEIGHT;
        for (int k = 0; k < n && small; k++) small = Math.abs(thresholds[k]) <= SAFE_THRESHOLD;
        if (!small) { // where exact arithmetic could overflow, the one-gate path says where and how
            for (int k = 0; k < n; k++) out[k] = gate(lits, weights, count, thresholds[k]);
            return;
        }
        // As gate(): inverted literals fold into the threshold (-shift), the constant drops out. Below
        // SAFE_* no sum overflows, so shifting every threshold at once equals gate()'s one-by-one subtraction.
        long shift = -load(lits, weights, count, 0);
        int terms = scratch.size();
        // As finish(), with what does not depend on the threshold done once.
        long maxSum = 0, minSum = 0;
        for (int i = 0; i < terms; i++) {
            if (termWeight[i] > 0) maxSum += termWeight[i];
            else minSum += termWeight[i];
        }
        int single = terms == 1 ? Literal.of(termNode[0], termWeight[0] < 0) : -1;
        long g = 0;
        boolean negated = false;
        if (terms > 1) {
            for (int i = 0; i < terms && g != 1; i++) g = gcd(g, Math.abs(termWeight[i]));
            if (g > 1) for (int i = 0; i < terms; i++) termWeight[i] /= g;
            if (termWeight[0] < 0) {
                for (int i = 0; i < terms; i++) termWeight[i] = -termWeight[i];
                negated = true;
            }
        }
        long termsHash = hashing ? termsHash(terms) : 0;
        boolean added = false; // once a gate of this bank is added, the next ones share its stored terms
        for (int from = 0; from < n; from += BANK_BLOCK) {
            int to = Math.min(n, from + BANK_BLOCK), m = 0;
            long[] bt = bankThresholds;
            for (int k = from; k < to; k++) {
                requested++;
                long t = thresholds[k] - shift;
                if (minSum >= t) { folded++; out[k] = Literal.TRUE; continue; }
                if (maxSum < t) { folded++; out[k] = Literal.FALSE; continue; }
                if (single >= 0) { folded++; out[k] = single; continue; }
                if (g > 1) t = Math.ceilDiv(t, g);
                if (negated) t = 1 - t;
                if (!hashing) { out[k] = Literal.of(add(terms, t, added), negated); added = true; continue; }
                bankIndex[m] = k;
                bt[m] = t;
                m++;
            }
            // Hash the block's gates and read their first slots before any is looked up: the reads are
            // independent, so their cache misses overlap instead of coming one after another. (Not where
            // the terms read a young gate: then only the young table, in cache, is looked at.)
            long touched = 0;
            boolean old = m > 0 && !readsYoung(terms); // m > 0: at least two terms
            for (int j = 0; j < m; j++) {
                int h = hash(termsHash, bt[j]);
                bankHash[j] = h;
                if (old) touched += table.touch(h);
            }
            bankTouched += touched;
            for (int j = 0; j < m; j++) {
                int before = gates;
                out[bankIndex[j]] = Literal.of(findOrAdd(terms, bt[j], bankHash[j], added), negated);
                added |= gates != before;
            }
        }
    }

    /** Gates of a bank looked up together (see {@link #gates}). */
    private static final int BANK_BLOCK = 16;
    /** A block's gates: which of the bank's thresholds, the threshold after folding, the hash. */
    private final int[] bankIndex = new int[BANK_BLOCK], bankHash = new int[BANK_BLOCK];
    private final long[] bankThresholds = new long[BANK_BLOCK];
    /** Sum of the slots read ahead: kept so the reads are not optimised away. */
    private long bankTouched;

    /** The conjunction of the literals (true when empty). */
    public int and(int... lits) {
        return gate(lits, ones(lits.length), lits.length, lits.length);
    }

    /** The disjunction of the literals (false when empty). */
    public int or(int... lits) {
        return gate(lits, ones(lits.length), lits.length, 1);
    }

    /** 1 iff at least {@code k} of the literals are 1. */
    public int atLeast(int k, int... lits) {
        return gate(lits, ones(lits.length), lits.length, k);
    }

    /** Strict majority of the literals. */
    public int majority(int... lits) {
        return atLeast(lits.length / 2 + 1, lits);
    }

    /** Normalises a gate's terms into the scratch ({@link GateTerms}); returns the shifted threshold. */
    private long load(int[] lits, long[] weights, int count, long t) {
        t = scratch.load(lits, weights, count, t, (long) inputs + gates + 1);
        termNode = scratch.nodes();
        termWeight = scratch.weights();
        return t;
    }

    private int finish(int terms, long t) {
        long maxSum = 0, minSum = 0;
        for (int i = 0; i < terms; i++) {
            long w = termWeight[i];
            if (w > 0) maxSum = Math.addExact(maxSum, w);
            else minSum = Math.addExact(minSum, w);
        }
        if (minSum >= t) { folded++; return Literal.TRUE; }
        if (maxSum < t) { folded++; return Literal.FALSE; }
        if (terms == 1) { // w > 0: the gate is x; w < 0: it is not x
            folded++;
            return Literal.of(termNode[0], termWeight[0] < 0);
        }
        long g = 0;
        for (int i = 0; i < terms && g != 1; i++) g = gcd(g, Math.abs(termWeight[i]));
        if (g > 1) {
            for (int i = 0; i < terms; i++) termWeight[i] /= g;
            t = Math.ceilDiv(t, g);
        }
        boolean negated = false;
        if (termWeight[0] < 0) { // not [sum w x >= t]  ==  [sum -w x >= 1 - t]
            for (int i = 0; i < terms; i++) termWeight[i] = -termWeight[i];
            t = Math.subtractExact(1, t);
            negated = true;
        }
        int node = hashing ? findOrAdd(terms, t, hash(termsHash(terms), t), false) : add(terms, t, false);
        return Literal.of(node, negated);
    }

    private int findOrAdd(int terms, long t, int h, boolean sameAsLast) {
        requestTerms = terms;
        requestThreshold = t;
        int found = table.find(h, readsYoung(terms));
        if (found >= 0) {
            reused++;
            return 1 + inputs + found;
        }
        int node = add(terms, t, sameAsLast);
        table.add(h, gates - 1);
        return node;
    }

    /** True if the loaded terms' newest node (they ascend) is a young gate: only young gates can match them. */
    private boolean readsYoung(int terms) {
        return table.isYoung(termNode[terms - 1] - 1 - inputs);
    }

    private boolean sameGate(int gIdx, int terms, long t) {
        return threshold[gIdx] == t && faninEnd[gIdx] - faninStart[gIdx] == terms && storedAreLoaded(faninStart[gIdx], terms);
    }

    /** True if the {@code terms} stored wires from {@code start} are the loaded terms (mostly decided at the first). */
    private boolean storedAreLoaded(int start, int terms) {
        for (int i = 0, e = start; i < terms; i++, e++) {
            if (stored.node(e) != termNode[i] || stored.weight(e) != termWeight[i]) return false;
        }
        return true;
    }

    /**
     * Adds the loaded terms as a new gate. A gate whose terms are the last added gate's ({@code sameAsLast}
     * says a bank's are; otherwise they are compared) shares that gate's stored range instead of storing
     * them again: a bank of comparators on one sum differs only in its thresholds.
     */
    private int add(int terms, long t, boolean sameAsLast) {
        if (gates + 1 >= threshold.length) growGates();
        if (inputs + gates + 1 >= MAX_NODES) {
            throw new CircuitTooLargeException(String.format("the circuit has more than %,d nodes, past what a literal indexes", MAX_NODES));
        }
        if (!sameAsLast && !termsAreLast(terms)) store(terms);
        wires += terms;
        faninStart[gates] = lastStart;
        faninEnd[gates] = lastEnd;
        threshold[gates] = t;
        region[gates] = currentRegion;
        gates++;
        return inputs + gates; // node id of the gate just added: 1 + inputs + (gates - 1)
    }

    /** True if the loaded terms equal the last added gate's. */
    private boolean termsAreLast(int terms) {
        return gates > 0 && lastEnd - lastStart == terms && storedAreLoaded(lastStart, terms);
    }

    /** Stores the loaded terms after the stored wires; they become the last range. */
    private void store(int terms) {
        if (stored.size() + (long) terms > MAX_STORED_WIRES) {
            throw new CircuitTooLargeException(String.format("the circuit stores more than %,d wires (at gate %,d), past what tc0 indexes", MAX_STORED_WIRES, gates));
        }
        lastStart = stored.size();
        for (int i = 0; i < terms; i++) stored.add(termNode[i], termWeight[i]);
        lastEnd = stored.size();
    }

    /** The terms' part of a gate's hash (a bank's gates share it). */
    private long termsHash(int terms) {
        long h = terms;
        for (int i = 0; i < terms; i++) {
            h = (h ^ termNode[i]) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ termWeight[i]) * 0x165667B19E3779F9L;
        }
        return h;
    }

    /**
     * The circuit of everything built so far that an output needs. The builder cannot be used afterwards:
     * its arrays become the circuit's, compacted in place (a kept gate or wire never moves to a higher
     * index). A stored range that gates share is kept once, and still shared, if any of them is kept.
     */
    public Circuit build() {
        checkOpen();
        built = true;
        table = null; // no more lookups: free the tables
        int firstGate = 1 + inputs;
        long[] live = new long[(gates + 63) >>> 6];
        for (int i = 0; i < outputs.size(); i++) markLive(live, Literal.node(outputs.get(i)) - firstGate);
        long liveWires = 0;
        int liveGates = 0, marked = -1;
        for (int g = gates - 1; g >= 0; g--) { // gates sharing a range are consecutive: its sources are marked once
            if ((live[g >>> 6] & (1L << g)) == 0) continue;
            int start = faninStart[g], end = faninEnd[g];
            if (start != marked) {
                for (int e = start; e < end; e++) markLive(live, stored.node(e) - firstGate);
                marked = start;
            }
            liveWires += end - start;
            liveGates++;
        }
        int[] outs = outputs.toArray();
        if (liveGates < gates) { // else every stored range is some live gate's: nothing moves
            int[] newIndex = new int[gates]; // gate index -> compacted gate index
            int kept = 0, keptStored = 0, copied = -1, keptStart = 0;
            stored.startCompaction();
            for (int g = 0; g < gates; g++) {
                if ((live[g >>> 6] & (1L << g)) == 0) continue;
                int start = faninStart[g], end = faninEnd[g];
                if (start != copied) {
                    keptStart = keptStored;
                    for (int e = start; e < end; e++) {
                        int src = stored.node(e);
                        stored.keep(e, keptStored++, src >= firstGate ? firstGate + newIndex[src - firstGate] : src);
                    }
                    copied = start;
                }
                faninStart[kept] = keptStart; // kept <= g: gate g's entries were read above
                faninEnd[kept] = keptStart + (end - start);
                threshold[kept] = threshold[g];
                region[kept] = region[g];
                newIndex[g] = kept++;
            }
            stored.endCompaction(keptStored);
            for (int i = 0; i < outs.length; i++) {
                int node = Literal.node(outs[i]);
                if (node >= firstGate) outs[i] = Literal.of(firstGate + newIndex[node - firstGate], Literal.isNegated(outs[i]));
            }
        }
        return new Circuit(inputs, liveGates, faninStart, faninEnd, liveWires, stored.nodeChunks(), stored.weights(),
                threshold, region, outs, inputBuses, outputBuses, regions.build());
    }

    private static void markLive(long[] live, int g) {
        if (g >= 0) live[g >>> 6] |= 1L << g;
    }

    /** Gates built so far (dead ones included). */
    public int gateCount() { return gates; }

    public int inputCount() { return inputs; }

    public long wireCount() { return wires; }

    /** What the builder did: gates requested, answered by an existing gate, folded to a literal or constant. */
    public Stats stats() { return new Stats(requested, reused, folded, gates, wires); }

    /** Builder counters. */
    public record Stats(long requested, long reused, long folded, long gates, long wires) {}

    private void checkLiteral(int lit) {
        if (lit < 0 || Literal.node(lit) > inputs + gates) throw new IllegalArgumentException("literal " + lit + " names no node built yet");
    }

    private void checkOpen() {
        if (built) throw new IllegalStateException("build() was called; this builder is spent");
    }

    private void growGates() {
        int n = grow(threshold.length);
        threshold = Arrays.copyOf(threshold, n);
        region = Arrays.copyOf(region, n);
        faninStart = Arrays.copyOf(faninStart, n);
        faninEnd = Arrays.copyOf(faninEnd, n);
    }

    /** Grows by half while small, by a quarter past 16M entries: the copy's old + new peak stays near 2.25x. */
    private static int grow(int length) {
        long n = length + (length > (1 << 24) ? length >> 2 : length >> 1) + 16;
        if (n > Integer.MAX_VALUE - 16) n = Integer.MAX_VALUE - 16;
        if (n <= length) throw new CircuitTooLargeException("the circuit has more than " + length + " gates, past what tc0 indexes");
        return (int) n;
    }

    private static long gcd(long a, long b) {
        while (b != 0) { long r = a % b; a = b; b = r; }
        return a;
    }

    private long[] ones(int n) {
        if (ones.length < n) {
            ones = new long[Math.max(n, ones.length * 2)];
            Arrays.fill(ones, 1L);
        }
        return ones;
    }
}
