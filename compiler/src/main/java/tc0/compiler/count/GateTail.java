package tc0.compiler.count;

import java.util.Arrays;
import tc0.circuits.Literal;

/**
 * The terms of the last plain gates a {@link LiveNet} run made (a ring of ints, at most {@link #DEFAULT_MAX} of them unless told), so
 * that the run's dead gates among them are found in one backward pass instead of one run per layer of dead gates: a
 * float block's dead gates (a remainder of which only the sign bit is read, the low bits of a rounding) lie mostly
 * near its end, and a block at p = 128 took five runs to peel them. A record is the gate's term nodes, then its
 * fan-in, level and node (read backward from the end).
 */
final class GateTail {
    /** Ints a ring may grow to by default ({@code -Dtc0.count.tail=N}, a power of two; 0: no tail, every layer of dead gates one run). */
    static final int DEFAULT_MAX = Math.max(0, Integer.getInteger("tc0.count.tail", 1 << 23));
    private final int max;
    private final boolean off;
    private int[] ring;
    private long head, validFrom; // positions written; records before validFrom are lost
    private int[] deadNode = new int[64], deadLevel = new int[64], deadFanIn = new int[64];
    private int deaths;
    private int[] check = new int[64]; // pre-tail terms of dead gates: each must still be read
    private int checks;
    private boolean[] groupLive = new boolean[16], groupTerms = new boolean[16]; // per ladder group while settling: a gate live; its terms in the tail
    private int[] deadGroup = new int[16];

    /** What a settle found: the tail's first node ({@code from}: nodes below it are not settled here), its deaths, and whether they are all. */
    record Settled(int from, int deaths, boolean resolved) {}

    /** A ring of at most {@code max} ints (rounded down to a power of two; 0: none). */
    GateTail(int max) {
        this.off = max <= 0;
        this.max = off ? 1 : Integer.highestOneBit(max);
        this.ring = new int[Math.min(this.max, 1 << 12)];
    }

    @FunctionalInterface
    interface DeadGate {
        void accept(int level, int fanIn);
    }

    void clear() {
        head = validFrom = 0;
        deaths = 0;
    }

    /** Records plain gate {@code n} at {@code level} reading {@code terms[0 .. size - 1]}. */
    void add(int n, int level, int[] terms, int size) {
        if (off) return;
        int need = size + 3;
        if (need > max) { validFrom = head; return; } // not kept: it and every older gate lie before the tail
        if (head - validFrom + need > ring.length && ring.length < max) grow(head - validFrom + need);
        int mask = ring.length - 1;
        for (int i = 0; i < size; i++) ring[(int) (head++ & mask)] = terms[i];
        ring[(int) (head++ & mask)] = size;
        ring[(int) (head++ & mask)] = level;
        ring[(int) (head++ & mask)] = n;
    }

    /** Records the terms of ladder group {@code group}, read from here on by its live gates ({@link #addGroupGate}). */
    void addTerms(int group, int[] terms) {
        if (off) return;
        int need = terms.length + 3;
        if (need > max) { validFrom = head; return; }
        if (head - validFrom + need > ring.length && ring.length < max) grow(head - validFrom + need);
        int mask = ring.length - 1;
        for (int lit : terms) ring[(int) (head++ & mask)] = Literal.node(lit);
        ring[(int) (head++ & mask)] = terms.length;
        ring[(int) (head++ & mask)] = group;
        ring[(int) (head++ & mask)] = -1;
    }

    /** Records gate {@code n} of ladder group {@code group} at {@code level}, of fan-in {@code fanIn}. */
    void addGroupGate(int n, int level, int fanIn, int group) {
        if (off) return;
        if (head - validFrom + 4 > ring.length && ring.length < max) grow(head - validFrom + 4);
        int mask = ring.length - 1;
        ring[(int) (head++ & mask)] = group;
        ring[(int) (head++ & mask)] = -1 - fanIn;
        ring[(int) (head++ & mask)] = level;
        ring[(int) (head++ & mask)] = n;
    }

    private void grow(long want) {
        int cap = ring.length;
        while (cap < want && cap < max) cap *= 2;
        int[] bigger = new int[cap];
        long from = Math.max(validFrom, head - ring.length);
        for (long at = from; at < head; at++) bigger[(int) (at & (cap - 1))] = ring[(int) (at & (ring.length - 1))];
        ring = bigger;
        validFrom = from;
    }

    /**
     * Settles the recorded gates, last first, on the run's node flags (outputs, twins' and blocks' reads marked
     * {@code EXT}): a gate is live iff it is read externally or by a live gate; live gates mark their terms
     * {@code LREAD}. Resolved where every dead gate's terms before the tail are still read so, and every node in
     * the tail that is not a plain gate (a block's or twin's output, a twin's fresh literal) and was read is read so
     * (one read by none the caller's rules handle, as before). Deaths found are sound either way: every reader dead.
     */
    Settled settle(LiveNodes node, int nodes, int inputs, int groups) {
        deaths = 0;
        checks = 0;
        int from = nodes;
        if (off) return new Settled(from, 0, false);
        if (groupLive.length < groups) { groupLive = new boolean[groups]; groupTerms = new boolean[groups]; }
        Arrays.fill(groupLive, 0, groups, false);
        Arrays.fill(groupTerms, 0, groups, false);
        int deadGroups = 0;
        int mask = ring.length - 1;
        long limit = Math.max(validFrom, head - ring.length), pos = head;
        while (pos - 3 >= limit) {
            int a = ring[(int) ((pos - 3) & mask)], b = ring[(int) ((pos - 2) & mask)], n = ring[(int) ((pos - 1) & mask)];
            if (n == -1) { // a group's terms (a, then group b): read while one of its gates is live
                long start = pos - 3 - a;
                if (start < limit) break;
                groupTerms[b] = true;
                for (long at = start; at < pos - 3; at++) {
                    int t = ring[(int) (at & mask)];
                    if (groupLive[b]) node.set(t, LiveNet.LREAD);
                    else check(t);
                }
                pos = start;
                continue;
            }
            boolean grouped = a < 0;
            int size = grouped ? -1 - a : a;
            long start = grouped ? pos - 4 : pos - 3 - size;
            if (start < limit) break;
            from = n;
            boolean live = (node.flags(n) & (LiveNet.EXT | LiveNet.LREAD)) != 0;
            if (grouped) {
                int g = ring[(int) (start & mask)];
                if (live) groupLive[g] = true;
                else {
                    death(n, b, size);
                    if (deadGroups == deadGroup.length) deadGroup = Arrays.copyOf(deadGroup, 2 * deadGroups);
                    deadGroup[deadGroups++] = g;
                }
            } else if (live) {
                for (long at = start; at < pos - 3; at++) node.set(ring[(int) (at & mask)], LiveNet.LREAD);
            } else {
                death(n, b, size);
                for (long at = start; at < pos - 3; at++) check(ring[(int) (at & mask)]);
            }
            pos = start;
        }
        boolean lostTerms = false; // a dead ladder gate whose group's terms lie before the tail, no gate of it live there
        for (int i = 0; i < deadGroups; i++) lostTerms |= !groupLive[deadGroup[i]] && !groupTerms[deadGroup[i]];
        if (validFrom == 0 && head <= ring.length) from = 1; // every plain gate's terms held: every read of every node is known
        boolean resolved = !lostTerms;
        for (int i = 0; i < checks && resolved; i++) {
            int t = check[i];
            resolved = t >= from || (node.flags(t) & (LiveNet.EXT | LiveNet.LREAD)) != 0;
        }
        for (int n = from; n < nodes && resolved; n++) {
            int f = node.flags(n);
            if (n <= inputs) { // an input read only by gates now dead is not read
                if ((f & (LiveNet.READ | LiveNet.EXT | LiveNet.LREAD)) == LiveNet.READ) node.clear(n, LiveNet.READ);
                continue;
            }
            // read, but only by gates now dead: a block's or twin's output would change how it counts
            if ((f & (LiveNet.PLAIN | LiveNet.DEAD)) == 0 && (f & LiveNet.READ) != 0) resolved = (f & (LiveNet.EXT | LiveNet.LREAD)) != 0;
        }
        return new Settled(from, deaths, resolved);
    }

    private void death(int n, int level, int fanIn) {
        if (deaths == deadNode.length) {
            deadNode = Arrays.copyOf(deadNode, 2 * deaths);
            deadLevel = Arrays.copyOf(deadLevel, 2 * deaths);
            deadFanIn = Arrays.copyOf(deadFanIn, 2 * deaths);
        }
        deadNode[deaths] = n;
        deadLevel[deaths] = level;
        deadFanIn[deaths++] = fanIn;
    }

    private void check(int t) {
        if (checks == check.length) check = Arrays.copyOf(check, 2 * checks);
        check[checks++] = t;
    }

    /** Marks the last settle's dead gates dead. */
    void markDead(LiveNodes node) {
        for (int i = 0; i < deaths; i++) node.set(deadNode[i], LiveNet.DEAD);
    }

    /** The last settle's dead gates: each one's level and fan-in. */
    void forEachDead(DeadGate g) {
        for (int i = 0; i < deaths; i++) g.accept(deadLevel[i], deadFanIn[i]);
    }
}
