package tc0.compiler.count;

import java.util.Arrays;
import tc0.circuits.Literal;

/**
 * The terms of the last plain gates a {@link LiveNet} run made (a ring of ints, at most {@link #DEFAULT_MAX} of them unless told), so
 * that the run's dead gates among them are found in one backward pass instead of one run per layer of dead gates: a
 * float block's dead gates (a remainder of which only the sign bit is read, the low bits of a rounding) lie mostly
 * near its end, and a block at p = 128 took five runs to peel them. A record is the gate's term nodes, then its
 * fan-in, level and node (read backward from the end). Twins' outputs that die like gates are records too, so that
 * their deaths need no run either (a division's last sign bit leaves the lower carries and count bits of its sum
 * unread: two more runs before): a unit ({@code WideSum}'s carry: its ANDs, OR and reads there for one node) and a
 * compression group ({@code CountBitsTwin}: its bits and its shared {@code [count >= t]}, recounted as the twin counts).
 */
final class GateTail {
    /** Ints a ring may grow to by default ({@code -Dtc0.count.tail=N}, a power of two; 0: no tail, every layer of dead gates one run). */
    static final int DEFAULT_MAX = Math.max(0, Integer.getInteger("tc0.count.tail", 1 << 23));
    private static final int UNIT = -2, GROUP = -3, MARK = -4; // a record's last int: a twin's unit, a compression group's twin, a family node made
    private final int max;
    private final boolean off;
    private int[] ring;
    private long head, validFrom; // positions written; records before validFrom are lost
    private int[] deadNode = new int[64], deadLevel = new int[64], deadFanIn = new int[64], deadCount = new int[64]; // node 0: gates with no node of their own (a group's [count >= t])
    private int deaths;
    private int[] check = new int[64]; // pre-tail terms of dead gates: each must still be read
    private int checks;
    private boolean[] groupLive = new boolean[16], groupTerms = new boolean[16]; // per ladder group while settling: a gate live; its terms in the tail
    private int[] deadGroup = new int[16];
    private LiveNodes ringNodes; // the nodes of the settle under way
    private boolean runsLost; // this settle: a compression group whose gates decide reads made elsewhere died whole
    private int lowest; // the lowest node of the group settled last
    private long twinDeaths; // twins' units and group outputs settled dead, over every settle (tests see the records at work)

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
        void accept(int level, int fanIn, int count);
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

    /**
     * Records a twin's unit ({@link LiveNet#openUnit}): gates {@code triples} (count, fan-in, level each) and the
     * nodes {@code reads}, all there for node {@code n} alone. Layout: reads, triples, their numbers, n, -2.
     */
    void addUnit(int n, int[] triples, int tripleCount, int[] reads, int readCount) {
        if (off) return;
        int need = readCount + 3 * tripleCount + 4;
        if (!room(need)) return;
        int mask = ring.length - 1;
        for (int i = 0; i < readCount; i++) ring[(int) (head++ & mask)] = reads[i];
        for (int i = 0; i < 3 * tripleCount; i++) ring[(int) (head++ & mask)] = triples[i];
        ring[(int) (head++ & mask)] = readCount;
        ring[(int) (head++ & mask)] = tripleCount;
        ring[(int) (head++ & mask)] = n;
        ring[(int) (head++ & mask)] = UNIT;
    }

    /**
     * Records a compression group's twin ({@link LiveNet#countGroup}): its term nodes, its gate bits (node, l, fan-in
     * each), its {@code [count >= t]} bits (node, t each), then terms, bits, those, lo, hi, r, geLevel, runs, -3.
     */
    void addGroup(int[] terms, int termCount, int[] bits, int bitCount, int[] ges, int geCount, int lo, int hi, int r, int geLevel, boolean runs) {
        if (off) return;
        int need = termCount + 3 * bitCount + 2 * geCount + 9;
        if (!room(need)) return;
        int mask = ring.length - 1;
        for (int i = 0; i < termCount; i++) ring[(int) (head++ & mask)] = terms[i];
        for (int i = 0; i < 3 * bitCount; i++) ring[(int) (head++ & mask)] = bits[i];
        for (int i = 0; i < 2 * geCount; i++) ring[(int) (head++ & mask)] = ges[i];
        int[] tail = {termCount, bitCount, geCount, lo, hi, r, geLevel, runs ? 1 : 0, GROUP};
        for (int v : tail) ring[(int) (head++ & mask)] = v;
    }

    /**
     * Records that family node {@code n} ({@code LiveNet#familyAt}) was made here: the groups recorded after it settle
     * it, so the settle may take it in (its {@code from} down to n) only where this mark is still held. Layout: 0, n, -4.
     */
    void addMark(int n) {
        if (off || !room(3)) return;
        int mask = ring.length - 1;
        ring[(int) (head++ & mask)] = 0;
        ring[(int) (head++ & mask)] = n;
        ring[(int) (head++ & mask)] = MARK;
    }

    /** Whether {@code need} more ints fit a record (grown if it may); a record past the ring's most loses every older one. */
    private boolean room(int need) {
        if (need > max) { validFrom = head; return false; }
        if (head - validFrom + need > ring.length && ring.length < max) grow(head - validFrom + need);
        return true;
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
        ringNodes = node;
        deaths = 0;
        checks = 0;
        int from = nodes;
        if (off) return new Settled(from, 0, false);
        if (groupLive.length < groups) { groupLive = new boolean[groups]; groupTerms = new boolean[groups]; }
        Arrays.fill(groupLive, 0, groups, false);
        Arrays.fill(groupTerms, 0, groups, false);
        int deadGroups = 0;
        runsLost = false;
        int mask = ring.length - 1;
        long limit = Math.max(validFrom, head - ring.length), pos = head;
        while (pos - 3 >= limit) {
            int a = ring[(int) ((pos - 3) & mask)], b = ring[(int) ((pos - 2) & mask)], n = ring[(int) ((pos - 1) & mask)];
            if (n == UNIT) {
                long start = settleUnit(pos, mask, limit);
                if (start < 0) break;
                from = b;
                pos = start;
                continue;
            }
            if (n == MARK) { // every group after it that its node stands in is held: the node is settled here
                from = Math.min(from, b);
                pos -= 3;
                continue;
            }
            if (n == GROUP) {
                long start = settleGroup(pos, mask, limit);
                if (start < 0) break;
                from = Math.min(from, lowest);
                pos = start;
                continue;
            }
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
        boolean lostTerms = runsLost; // a group deciding a run's reads all dead; a dead ladder gate whose group's terms lie before the tail, no gate of it live there
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
        death(n, level, fanIn, 1);
    }

    /** {@code count} gates of {@code fanIn} on {@code level} dead; node {@code n} marked dead where not 0. */
    private void death(int n, int level, int fanIn, int count) {
        if (deaths == deadNode.length) {
            deadNode = Arrays.copyOf(deadNode, 2 * deaths);
            deadLevel = Arrays.copyOf(deadLevel, 2 * deaths);
            deadFanIn = Arrays.copyOf(deadFanIn, 2 * deaths);
            deadCount = Arrays.copyOf(deadCount, 2 * deaths);
        }
        deadNode[deaths] = n;
        deadLevel[deaths] = level;
        deadFanIn[deaths] = fanIn;
        deadCount[deaths++] = count;
    }

    private boolean live(LiveNodes node, int n) {
        int f = node.flags(n);
        return (f & LiveNet.DEAD) == 0 && (f & (LiveNet.EXT | LiveNet.LREAD)) != 0;
    }

    /** Settles the unit ending at {@code pos}: its figures off and its reads checked where its node is not live. The record's start, or -1 where it lies before {@code limit}. */
    private long settleUnit(long pos, int mask, long limit) {
        int n = ring[(int) ((pos - 2) & mask)], triples = ring[(int) ((pos - 3) & mask)], reads = ring[(int) ((pos - 4) & mask)];
        long start = pos - 4 - 3L * triples - reads;
        if (start < limit) return -1;
        boolean live = live(ringNodes, n);
        for (long at = start; at < start + reads; at++) {
            int t = ring[(int) (at & mask)];
            if (live) ringNodes.set(t, LiveNet.LREAD);
            else check(t);
        }
        if (!live) {
            twinDeaths++;
            death(n, 0, 0, 0);
            for (long at = start + reads; at < pos - 4; at += 3) death(0, ring[(int) ((at + 2) & mask)], ring[(int) ((at + 1) & mask)], ring[(int) (at & mask)]);
        }
        return start;
    }

    /**
     * Settles the compression group ending at {@code pos} as {@code CountBitsTwin} counts it: the gate bits not live
     * die, and the {@code [count >= t]} no live bit is or reads; counted in the run: those not already dead.
     */
    private long settleGroup(long pos, int mask, long limit) {
        int[] h = new int[8];
        for (int i = 0; i < 8; i++) h[i] = ring[(int) ((pos - 9 + i) & mask)];
        int terms = h[0], bits = h[1], ges = h[2], lo = h[3], hi = h[4], r = h[5], geLevel = h[6];
        long start = pos - 9 - 2L * ges - 3L * bits - terms;
        if (start < limit) return -1;
        long bitsAt = start + terms, gesAt = bitsAt + 3L * bits;
        int lowBefore = -1, lowAfter = -1;
        lowest = Integer.MAX_VALUE;
        for (int i = 0; i < bits; i++) {
            int n = ring[(int) ((bitsAt + 3L * i) & mask)], l = ring[(int) ((bitsAt + 3L * i + 1) & mask)], fanIn = ring[(int) ((bitsAt + 3L * i + 2) & mask)];
            if (!ringNodes.has(n, LiveNet.FAMILY)) lowest = Math.min(lowest, n); // a family node is made before the group: its mark says
            if (ringNodes.has(n, LiveNet.DEAD)) continue;
            if (lowBefore < 0) lowBefore = l;
            if (live(ringNodes, n)) { if (lowAfter < 0) lowAfter = l; }
            else { death(n, geLevel + 1, fanIn, 1); twinDeaths++; }
        }
        long before = multiples(lo, hi, lowBefore), after = multiples(lo, hi, lowAfter);
        for (int i = 0; i < ges; i++) {
            int n = ring[(int) ((gesAt + 2L * i) & mask)], t = ring[(int) ((gesAt + 2L * i + 1) & mask)];
            if (!ringNodes.has(n, LiveNet.FAMILY)) lowest = Math.min(lowest, n);
            if (ringNodes.has(n, LiveNet.DEAD)) continue;
            if (lowBefore < 0 || (t & ((1 << lowBefore) - 1)) != 0) before++;
            if (live(ringNodes, n)) { if (lowAfter < 0 || (t & ((1 << lowAfter) - 1)) != 0) after++; }
            else { death(n, 0, 0, 0); twinDeaths++; }
        }
        if (after < before) death(0, geLevel, r, Math.toIntExact(before - after));
        for (long at = start; at < bitsAt; at++) {
            int t = ring[(int) (at & mask)];
            if (after > 0) ringNodes.set(t, LiveNet.LREAD);
            else if (before > 0) check(t);
        }
        if (after == 0 && before > 0 && h[7] != 0) runsLost = true;
        return start;
    }

    /** The multiples of {@code 2^l} in {@code lo .. hi} (none where l < 0). */
    private static long multiples(long lo, long hi, int l) {
        if (l < 0 || lo > hi) return 0;
        long a = Math.ceilDiv(lo, 1L << l), b = hi >> l;
        return Math.max(0, b - a + 1);
    }

    private void check(int t) {
        if (checks == check.length) check = Arrays.copyOf(check, 2 * checks);
        check[checks++] = t;
    }

    /** Twins' units and group outputs settled dead so far. */
    long twinDeaths() { return twinDeaths; }

    /** Marks the last settle's dead gates dead. */
    void markDead(LiveNodes node) {
        for (int i = 0; i < deaths; i++) if (deadNode[i] > 0) node.set(deadNode[i], LiveNet.DEAD);
    }

    /** The last settle's dead gates: each one's level and fan-in. */
    void forEachDead(DeadGate g) {
        for (int i = 0; i < deaths; i++) if (deadCount[i] > 0) g.accept(deadLevel[i], deadFanIn[i], deadCount[i]);
    }
}
