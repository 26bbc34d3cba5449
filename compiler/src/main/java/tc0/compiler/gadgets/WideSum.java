package tc0.compiler.gadgets;

import java.util.List;
import tc0.circuits.Literal;

/**
 * n-ary addition at any width with small weights: the sum of {@link WideColumns} modulo {@code 2^width}, in
 * depth independent of the width and of the number of operands ({@code 2 rounds + 7}). {@link WeightedSum}'s
 * final stage is one threshold gate per output bit over every lower bit, weights up to {@code 2^width}: fine
 * to 61 bits, not at p = 1024 (and not TC0 with polynomial weights). Here no weight exceeds
 * {@code H 2^b}, {@code b} the block size ({@code O(log width)}) and {@code H} the column height left:
 * <ol>
 *   <li>{@code rounds} compression rounds (depth 2 each), {@link WeightedSum}'s own;</li>
 *   <li>block split (depth 2): the columns are cut into blocks of {@code b} from the top (the lowest block
 *       takes what is left); a block's value {@code V_i}
 *       ({@code < H 2^b}) is read by a ladder {@code [V_i >= v]}, and its low {@code b} bits {@code L_i} and
 *       its high part {@code C_i = floor(V_i / 2^b)} by one gate per bit ({@code ±1} over the ladder, as
 *       {@link Lookup}). Then the sum is {@code A + B}, {@code A} the blocks {@code L_i}, {@code B} the
 *       {@code C_i} each placed at block {@code i + 1} ({@code b >= bits(C_i)}: they do not overlap);</li>
 *   <li>two-operand carry look-ahead over blocks (depth 5): per block {@code S_i = A_i + B_i}, generate
 *       {@code g_i = [S_i >= 2^b]} and propagate {@code p_i = [S_i >= 2^b - 1]} (depth 1); the carry into
 *       block i is {@code OR_(j<i) (g_j AND p_(j+1) AND ... AND p_(i-1))} (depth 3); output bit t of block
 *       i is bit t of {@code S_i + c_i}: gates {@code [S_i + c_i >= v]} (depth 4), combined with ±1 (5).</li>
 * </ol>
 * A block whose columns hold at most one bit each needs no split (its bits are {@code L_i}). The carry
 * stage has {@code N^2 / 2} AND gates of fan-in up to N ({@code N = width / b} blocks); {@code b} is chosen
 * to balance that against the ladders' {@code 2^b}.
 */
public final class WideSum {
    private WideSum() {}

    /** The sum modulo {@code 2^width} as {@code width} bits, least significant first. */
    public static int[] build(Net net, WideColumns in, int rounds) {
        return top(net, in, rounds, 0);
    }

    /**
     * Bits {@code from .. width - 1} of the sum modulo {@code 2^width}. The bits below are not made (their
     * carries are), nor anything only they would read: the block ladders are made gate by gate on demand.
     */
    public static int[] top(Net net, WideColumns in, int rounds, int from) {
        return top(net, in, rounds, from, false);
    }

    /**
     * The sum modulo {@code 2^width} with the constant added where each block is read (its bits in the block's
     * ladder threshold), not as {@code TRUE} bits in the compression: then where a constant's bits land among the
     * blocks does not change which compression gates fold, and the depth is the same wherever it lands (a float
     * sum {@code 1 + e}, e a positive float, was 17 or 18 deep by the column of 1 modulo the block size).
     */
    public static int[] buildConstantInBlocks(Net net, WideColumns in, int rounds) {
        return top(net, in, rounds, 0, true);
    }

    private static int[] top(Net net, WideColumns in, int rounds, int from, boolean constantInBlocks) {
        Sum sum = new Sum(net, in, rounds, constantInBlocks, from);
        if (from < 0 || from >= sum.width) throw new IllegalArgumentException("bits from " + from + " of " + sum.width);
        int[] out = new int[sum.width - from];
        for (int i = 0; i < sum.blocks(); i++) {
            if (sum.start[i + 1] <= from) continue;
            Ladder ladder = sum.ladder(i);
            for (int t = Math.max(0, from - sum.start[i]); t < sum.split[i].lowWidth; t++) out[sum.start[i] + t - from] = ladder.bit(t);
        }
        return out;
    }

    /**
     * The top bit of the sum modulo {@code 2^width} (a two's complement sum's sign) as the terms of its last gate:
     * the bit is {@code [sum w_i lits_i >= 1]}, each term a gate {@code [S >= v]} of the top block's ladder with
     * weight {@code ±1} (so the sum is 0 or 1), none where the bit is FALSE. A reader folds that gate into its own
     * (WideDivide's carries): the bit is one gate on the ladder, or the ladder gate itself, by where the top block
     * falls among the columns, and a reader of the terms is one level deeper either way.
     */
    static Terms topBitTerms(Net net, WideColumns in, int rounds) {
        Sum sum = new Sum(net, in, rounds, false, Integer.MAX_VALUE);
        int last = sum.blocks() - 1;
        return sum.ladder(last).bitTerms(sum.width - 1 - sum.start[last]);
    }

    /** A gate's terms, threshold 1: {@code [sum w_i lits_i >= 1]}. */
    record Terms(int[] lits, long[] weights) {}

    /** The sum's compression, block split and carries, each block's output ladder made when asked. */
    private static final class Sum {
        final Net net;
        final int width;
        final int[] start;
        final Block[] split;
        final Operands ops;
        final Carries carries;

        /**
         * {@code from}: the lowest output bit asked (block 0's low bits are read by its output ladder alone, as g_0 is
         * false; with one block that ladder is the sum's top, which {@link #topBitTerms} reads whatever {@code from}).
         */
        Sum(Net net, WideColumns in, int rounds, boolean constantInBlocks, int from) {
            this.net = net;
            java.math.BigInteger constant = constantInBlocks ? in.constantBits() : java.math.BigInteger.ZERO;
            // On a twin net, columns holding runs go through their first round by heights (WideRuns), unlisted.
            WideRuns.Columns first = rounds > 0 && net instanceof TwinNet t && t.twins() ? WideRuns.firstRound(t, in, rounds, !constantInBlocks) : null;
            List<WeightedSum.IntList> cols = first == null ? null : first.cols();
            int done = first == null ? 0 : first.rounds();
            if (cols == null) cols = constantInBlocks ? in.variableColumns() : in.columns();
            for (int r = done; r < rounds; r++) cols = WeightedSum.compress(net, cols, rounds - r);
            width = cols.size();
            int h = 1;
            for (WeightedSum.IntList c : cols) h = Math.max(h, c.size());
            int b = blockSize(width, h);
            // Blocks are aligned to the top: every block but the lowest is b wide, so the top bits' gates have
            // one shape whatever the width (a narrow top block folds some of them, and the depth would wobble).
            int low = width % b, blocks = width / b + (low > 0 ? 1 : 0);
            start = new int[blocks + 1];
            for (int i = 0; i <= blocks; i++) start[i] = i == 0 ? 0 : low > 0 ? low + (i - 1) * b : i * b;
            split = new Block[blocks];
            for (int i = 0; i < blocks; i++) split[i] = Block.of(net, cols, start[i], start[i + 1], bitsOf(constant, start[i], start[i + 1]));
            for (int i = 0; i < blocks; i++) split[i].readUpTo(i == 0 && blocks > 1 && start[1] <= from, i + 1 < blocks ? split[i + 1].lowWidth : 0);
            // Block i adds A_i (the low part of split block i) and B_i (the high part of split block i - 1).
            ops = new Operands(split);
            carries = new Carries(net, ops);
        }

        int blocks() { return split.length; }

        /** Block i's output ladder over {@code A_i + B_i + c_i}. */
        Ladder ladder(int i) {
            int[] lits = ops.lits(i), with = java.util.Arrays.copyOf(lits, lits.length + 1);
            long[] ws = java.util.Arrays.copyOf(ops.weights(i), lits.length + 1);
            with[lits.length] = carries.into(i);
            ws[lits.length] = 1;
            return new Ladder(net, with, ws, ops.max(i) + 1);
        }
    }

    /** Bits {@code from .. to - 1} of c, as a number (a block is at most 16 columns wide). */
    private static long bitsOf(java.math.BigInteger c, int from, int to) {
        return c.shiftRight(from).and(java.math.BigInteger.ONE.shiftLeft(to - from).subtract(java.math.BigInteger.ONE)).longValueExact();
    }

    /** How many sums so far had their first round counted by their runs' heights ({@link WideRuns}): tests see it at work. */
    public static long firstRoundsByRuns() { return WideRuns.modelled; }

    /** How many block ladders so far had their bits counted from their normal form ({@link LadderBits}): tests see it at work. */
    static long laddersByBits() { return LadderBits.made; }

    /** How many carries so far were counted gate by gate because two members of one AND were one node: tests see the case met. */
    static long carriesWithRepeatedMembers() { return Carries.repeatedMembers; }

    /** How many sums so far held their first round's outputs by count and level ({@link UnlistedRound}): tests see it at work. */
    public static long secondRoundsUnlisted() { return UnlistedRound.made; }

    /**
     * Block size: the smallest estimated wire count over {@code b} from {@code bits(H)} (the high part must
     * fit one block) to 16; the estimate is {@code N^3/6} for the carry ANDs plus the ladders.
     */
    static int blockSize(int width, int h) {
        int hb = 64 - Long.numberOfLeadingZeros(h);
        int best = Math.max(1, hb);
        double bestCost = Double.MAX_VALUE;
        for (int b = Math.max(1, hb); b <= Math.max(hb, 16); b++) {
            double n = Math.ceil((double) width / b);
            double cost = n * n * n / 6 + n * ((double) h * h * b * (1L << b) + 4.0 * b * (1L << b));
            if (cost < bestCost) { bestCost = cost; best = b; }
            if (b >= width) break;
        }
        return best;
    }

    /**
     * A value {@code V = sum w_i lits_i} read through its ladder {@code [V >= v]}, each gate made when first
     * needed; bit t of V is one gate {@code sum ±[V >= v] >= 1} over the v where bit t changes (as
     * {@link Lookup}).
     */
    static final class Ladder {
        private final Net net;
        private final int[] lits;
        private final long[] w;
        final long max;
        // Made when first asked and let go by release(): a block split holds one ladder of up to H 2^b gates per block,
        // every block's memo at once was 5 GB for log at p = 256 (15,000 blocks of 13 columns, 198,423 columns).
        private int[] atLeast;
        private java.util.Map<Integer, Integer> bits;
        private boolean released;

        private final long constant;
        private LadderTwin twin; // on a twin net: every gate of the ladder from one normal form
        private boolean gateByGate;
        private boolean bulkAllowed, bulkTried; // a block ladder, read by its bits alone
        private LadderBits bulk; // its bits from the twin's normal form, on a net that keeps every gate
        private int[] group; // its bits as one settled group, on a net that drops dead gates (LadderGroup)
        private int bitsFrom = 0, bitsRead = Integer.MAX_VALUE; // a block ladder's bits asked lie in bitsFrom .. bitsRead - 1 (Block#readUpTo)

        Ladder(Net net, int[] lits, long[] w, long max) {
            this(net, lits, w, max, 0);
        }

        /** {@code V = constant + sum w_i lits_i}, {@code max} the sum's largest value without the constant. */
        Ladder(Net net, int[] lits, long[] w, long max, long constant) {
            this.net = net;
            this.lits = lits;
            this.w = w;
            this.constant = constant;
            max += constant;
            this.max = max;
            Math.toIntExact(max);
        }

        int atLeast(long v) {
            if (atLeast == null) {
                if (released) throw new IllegalStateException("ladder read after its release");
                atLeast = new int[Math.toIntExact(max)];
                java.util.Arrays.fill(atLeast, -1);
            }
            int i = (int) v - 1;
            if (atLeast[i] < 0) atLeast[i] = twin() != null ? twin.atLeast(v - constant) : net.gate(lits, w, lits.length, v - constant);
            return atLeast[i];
        }

        private LadderTwin twin() {
            if (twin == null && !gateByGate && (twin = LadderTwin.of(net, lits, w, lits.length)) == null) gateByGate = true;
            return twin;
        }

        /** A ladder read through {@link #bit} alone (a block's): its bits may be counted without its gates' literals. */
        Ladder readByBits() {
            bulkAllowed = true;
            return this;
        }

        /** Bit t of V (FALSE when V never reaches 2^t). */
        int bit(int t) {
            if (bits == null) bits = new java.util.HashMap<>();
            if (bulkAllowed && !bulkTried) {
                bulkTried = true;
                bulk = LadderBits.of(net, twin(), constant, max);
                if (bulk == null) group = LadderGroup.bits(net, twin, constant, max, bitsFrom, bitsRead);
            }
            if (group != null) {
                if (t < bitsFrom || t >= bitsRead) throw new IllegalStateException("bit " + t + " of a ladder read in " + bitsFrom + " .. " + (bitsRead - 1));
                return t < group.length ? group[t] : Literal.FALSE;
            }
            return bits.computeIfAbsent(t, k -> {
                if (bulk != null) return bulk.bit(t);
                Terms terms = bitTerms(t);
                int n = terms.lits().length;
                return n == 0 ? Literal.FALSE : net.gate(terms.lits(), terms.weights(), n, 1);
            });
        }

        /** Bit t's gate's terms {@code ±[V >= m 2^t]}, m = 1, 2, ... (threshold 1), its ladder gates made. */
        Terms bitTerms(int t) {
            if (bulk != null || group != null) throw new IllegalStateException("a ladder counted by its bits has no gate literals");
            int n = (int) (max >>> t);
            int[] ls = new int[n];
            long[] ws = new long[n];
            for (int m = 1; m <= n; m++) { ls[m - 1] = atLeast((long) m << t); ws[m - 1] = (m & 1) != 0 ? 1 : -1; }
            return new Terms(ls, ws);
        }

        /** Lets the memo go: no gate of this ladder is asked again (its gates and bits stay in the net). */
        void release() {
            released = true;
            atLeast = null;
            bits = null;
            bulk = null;
            group = null;
        }
    }

    /** A block of columns: its value's low bits (its own width) and high part, through a {@link Ladder}. */
    private static final class Block {
        final int lowWidth;
        private final int[] singles; // the block's bits when every column holds at most one
        private final Ladder ladder;

        private Block(int lowWidth, int[] singles, Ladder ladder) {
            this.lowWidth = lowWidth;
            this.singles = singles;
            this.ladder = ladder;
        }

        /** Columns {@code from .. to - 1} plus {@code constant} (read by the ladder's thresholds). */
        static Block of(Net net, List<WeightedSum.IntList> cols, int from, int to, long constant) {
            int n = 0;
            boolean single = constant == 0;
            for (int j = from; j < to; j++) { n += cols.get(j).size(); single &= cols.get(j).size() <= 1; }
            if (single) {
                int[] low = new int[to - from];
                for (int j = from; j < to; j++) low[j - from] = cols.get(j).size() == 0 ? Literal.FALSE : cols.get(j).get(0);
                return new Block(to - from, low, null);
            }
            int[] lits = new int[n];
            long[] w = new long[n];
            long vmax = 0;
            int k = 0;
            for (int j = from; j < to; j++) {
                WeightedSum.IntList c = cols.get(j);
                for (int i = 0; i < c.size(); i++) { lits[k] = c.get(i); w[k] = 1L << (j - from); vmax += w[k]; k++; }
            }
            return new Block(to - from, null, new Ladder(net, lits, w, vmax, constant).readByBits());
        }

        int low(int t) { return singles != null ? singles[t] : ladder.bit(t); }

        /**
         * Which of its ladder's bits are ever asked: the high part up to the next block's width ({@link Operands#load}),
         * the low part unless {@code noLow} (block 0 below the output bits: its operands are loaded by its own output
         * ladder alone, as no carry reads {@code g_0}).
         */
        void readUpTo(boolean noLow, int nextWidth) {
            if (ladder == null) return;
            ladder.bitsFrom = noLow ? lowWidth : 0;
            ladder.bitsRead = lowWidth + Math.min(highBits(), nextWidth);
        }

        /** Bits of the high part {@code floor(V / 2^lowWidth)}. */
        int highBits() { return singles != null ? 0 : 64 - Long.numberOfLeadingZeros(ladder.max >>> lowWidth); }

        int high(int t) { return ladder.bit(lowWidth + t); }

        /** Its bits all read (block i's by A_i and B_(i+1)): the ladder's memo let go. */
        void release() { if (ladder != null) ladder.release(); }
    }

    /** The two operands of each block's addition, their bits made when first read. */
    private static final class Operands {
        private final Block[] split;
        private final int[][] lits;
        private final long[][] weights;
        private final long[] max;

        Operands(Block[] split) {
            this.split = split;
            int n = split.length;
            lits = new int[n][];
            weights = new long[n][];
            max = new long[n];
        }

        int[] lits(int i) { load(i); return lits[i]; }

        long[] weights(int i) { load(i); return weights[i]; }

        long max(int i) { load(i); return max[i]; }

        /** Whether block i's B operand is empty (then {@code g_i} is constant false: no gate reads A_i for it). */
        boolean noHigh(int i) { return i == 0 || split[i - 1].highBits() == 0; }

        private void load(int i) {
            if (lits[i] != null) return;
            Block a = split[i];
            // B_i: block i - 1's high part, cut at this block's width (what passes it is beyond 2^width).
            int hb = i == 0 ? 0 : Math.min(split[i - 1].highBits(), a.lowWidth);
            int n = a.lowWidth + hb;
            lits[i] = new int[n];
            weights[i] = new long[n];
            for (int t = 0; t < a.lowWidth; t++) { lits[i][t] = a.low(t); weights[i][t] = 1L << t; max[i] += 1L << t; }
            for (int t = 0; t < hb; t++) { lits[i][a.lowWidth + t] = split[i - 1].high(t); weights[i][a.lowWidth + t] = 1L << t; max[i] += 1L << t; }
            // Block k's bits are read by operands k (its low part) and k + 1 (its high part) only: once both are made,
            // its ladder's memo goes (the carries load the operands about in order: a block or two held at a time).
            for (int k = Math.max(0, i - 1); k <= i; k++) if (lits[k] != null && (k + 1 == lits.length || lits[k + 1] != null)) split[k].release();
        }
    }

    /**
     * Generate {@code g_j = [S_j >= 2^b_j]} and propagate {@code p_k = [S_k >= 2^b_k - 1]} per block ({@code b_j} its width), each built
     * the first time a carry's AND needs it (an AND with a constant-false member is never built, and neither
     * are its members), so that no gate is left dead. {@code g_0} is false (block 0 has no B operand).
     */
    private static final class Carries {
        /** Carries counted gate by gate because two members of an AND were one node (tests see the case met). */
        static long repeatedMembers;
        private final Net net;
        private final Operands ops;
        private static final int UNKNOWN = -2;
        private final int[] g, p, gConst, pConst;
        private final boolean[] gPasses, pPasses; // g_i or p_i folded to one of block i's operand literals: not a gate of its own
        private long[] passing = new long[16]; // scratch: the nodes of one carry's passing members
        private final GateFold fold = new GateFold();

        Carries(Net net, Operands ops) {
            this.net = net;
            this.ops = ops;
            int n = ops.split.length;
            g = new int[n];
            p = new int[n];
            java.util.Arrays.fill(g, -1);
            java.util.Arrays.fill(p, -1);
            gConst = new int[n];
            pConst = new int[n];
            java.util.Arrays.fill(gConst, UNKNOWN);
            java.util.Arrays.fill(pConst, UNKNOWN);
            gPasses = new boolean[n];
            pPasses = new boolean[n];
        }

        /** The carry into block i: {@code OR_(j<i) (g_j AND p_(j+1) AND ... AND p_(i-1))}. */
        int into(int i) {
            // The j whose AND is built: g_j not FALSE and no p_k FALSE for j < k < i; TRUE where one AND is all TRUE.
            // The constants are asked in the order a scan from each j would ask them (a block's operands are made
            // when first asked), but each once: the scanned stretch (start, reach] and its last FALSE and non-TRUE p.
            int[] from = new int[i];
            int n = 0, reach = -1, lastFalse = -1, lastNotTrue = -1;
            for (int j = 0; j < i; j++) {
                if (ops.noHigh(j) || generates(j) == Literal.FALSE) continue;
                if (reach < j) { reach = j; lastFalse = j; lastNotTrue = j; }
                while (lastFalse <= j && reach < i - 1) {
                    int ck = propagates(++reach);
                    if (ck == Literal.FALSE) lastFalse = reach;
                    if (ck != Literal.TRUE) lastNotTrue = reach;
                }
                if (lastFalse > j) continue;
                if (generates(j) == Literal.TRUE && lastNotTrue <= j) return Literal.TRUE;
                from[n++] = j;
            }
            if (n > 0 && net instanceof TwinNet t && t.twins()) {
                int counted = counted(t, i, from, n);
                if (counted != UNKNOWN) return counted;
            }
            int[] terms = new int[n];
            for (int t = 0; t < n; t++) {
                int j = from[t];
                int[] and = new int[i - j];
                and[0] = generate(j);
                for (int k = j + 1; k < i; k++) and[k - j] = propagate(k);
                terms[t] = and.length == 1 ? and[0] : net.and(and);
            }
            return terms.length == 0 ? Literal.FALSE : terms.length == 1 ? terms[0] : net.or(terms);
        }

        /**
         * The carry's ANDs and OR counted in closed form (its twin: O(i), not the {@code i^2 / 2} wires), where no g_j
         * or p_k it reads is a constant and no two of them are one node (then AND j has {@code i - j} members, distinct
         * nodes, on the level above their highest, a suffix maximum); the g and p gates themselves are made as ever.
         * The ANDs are read by the OR alone: counted, with the members read, where the carry is live. UNKNOWN where not
         * modelled. Two members are one node only where both fold to an operand literal (a block of one bit passes it
         * on: p_k = x, p_(k+1) = NOT x), and then the AND folds or merges gate by gate (a carry of FALSE ANDs counted
         * as gates had the twin count more than the circuit: 612 gates against 579, issue 17's random columns).
         */
        private int counted(TwinNet net, int i, int[] from, int n) {
            for (int t = 0; t < n; t++) if (generates(from[t]) != -1) return UNKNOWN;
            for (int k = from[0] + 1; k < i; k++) if (propagates(k) != -1) return UNKNOWN;
            int[] gl = new int[n];
            int passes = 0;
            for (int t = 0; t < n; t++) {
                gl[t] = generate(from[t]);
                if (gPasses[from[t]]) passes = passing(passes, gl[t]);
            }
            int[] pLevel = new int[i + 1]; // pLevel[k]: the highest level of p_k .. p_(i-1)
            for (int k = i - 1; k > from[0]; k--) {
                int pk = propagate(k);
                pLevel[k] = Math.max(pLevel[k + 1], net.level(pk));
                if (pPasses[k]) passes = passing(passes, pk);
            }
            if (repeats(passes)) { repeatedMembers++; return UNKNOWN; }
            int[] level = new int[n]; // each term's level: g_(i-1) itself, or its AND's
            int top = 0;
            for (int t = 0; t < n; t++) {
                int j = from[t];
                level[t] = j == i - 1 ? net.level(gl[t]) : 1 + Math.max(net.level(gl[t]), pLevel[j + 1]);
                top = Math.max(top, level[t]);
            }
            if (n == 1 && from[0] == i - 1) return gl[0]; // the carry is g_(i-1) itself
            int out = n == 1 ? net.outputAt(level[0]) : net.outputAt(top + 1);
            if (!net.alive(out)) return out;
            SharedTermsNet unit = net instanceof SharedTermsNet s ? s : null; // its ANDs and OR die with the carry: settled with the net's gates
            if (unit != null) unit.openUnit(out);
            if (n > 1) net.counted(1, n, top + 1);
            for (int t = 0; t < n; t++) if (from[t] < i - 1) net.counted(1, i - from[t], level[t]);
            for (int t = 0; t < n; t++) net.reads(gl[t], 1);
            for (int k = from[0] + 1; k < i; k++) net.reads(propagate(k), 1);
            if (unit != null) unit.closeUnit();
            return out;
        }

        /** {@code 2^(block i's width)}: a sum at or above it carries out. */
        private long full(int i) { return 1L << ops.split[i].lowWidth; }

        /** {@code g_i} as a constant ({@link GateFold#constant}: -1 where it is a gate), worked out once per block (the carries ask it {@code N^2} times). */
        private int generates(int i) {
            if (gConst[i] == UNKNOWN) gConst[i] = constant(i, full(i));
            return gConst[i];
        }

        /** {@code p_i} as a constant, once per block (asked {@code N^3 / 6} times). */
        private int propagates(int i) {
            if (pConst[i] == UNKNOWN) pConst[i] = constant(i, full(i) - 1);
            return pConst[i];
        }

        private int constant(int i, long t) { return fold.constant(ops.lits(i), ops.weights(i), ops.lits(i).length, t); }

        private int generate(int i) { return gate(g, gPasses, i, full(i)); }

        private int propagate(int i) { return gate(p, pPasses, i, full(i) - 1); }

        private int gate(int[] memo, boolean[] passes, int i, long t) {
            if (memo[i] < 0) {
                int[] lits = ops.lits(i);
                memo[i] = net.gate(lits, ops.weights(i), lits.length, t);
                if (!Literal.isConstant(memo[i])) for (int lit : lits) passes[i] |= Literal.node(lit) == Literal.node(memo[i]);
            }
            return memo[i];
        }

        /** Adds a passing member's node to the scratch; the new count. */
        private int passing(int count, int lit) {
            if (count == passing.length) passing = java.util.Arrays.copyOf(passing, 2 * count);
            passing[count] = Literal.node(lit);
            return count + 1;
        }

        /** Whether two of the first {@code count} passing members are one node. */
        private boolean repeats(int count) {
            if (count < 2) return false;
            java.util.Arrays.sort(passing, 0, count);
            for (int k = 1; k < count; k++) if (passing[k] == passing[k - 1]) return true;
            return false;
        }
    }
}
