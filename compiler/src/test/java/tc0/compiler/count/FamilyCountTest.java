package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.FloatDivide;
import tc0.compiler.gadgets.FloatExp;
import tc0.compiler.gadgets.FloatSqrt;
import tc0.compiler.gadgets.FloatWord;
import tc0.compiler.gadgets.IteratedProduct;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;

/**
 * One-hot values as families on a {@link LiveNet} ({@code TwinNet#bulkOneHots}: a member no node, counted by the live
 * readers that read it): a float block counted so equals the same block counted gate by gate on a {@code LiveNet}
 * (no twins, no tail: what the builder keeps, one run per layer of dead gates) and with a node per member, in gates,
 * wires, gates on every level, the read outputs' levels and the inputs read; with every output read, some, or few;
 * holds fewer nodes than a node per member; and takes no more runs (a division by a constant, the layer norm's by its
 * width, one run where a node per member took two: members asked and read by nothing).
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class FamilyCountTest {
    private static final int ROUNDS = WeightedSum.DEFAULT_ROUNDS;

    @Test
    void familiesCountAsGateByGate() {
        for (int p : new int[] {6, 9, 12}) {
            int q = 5, w = p + q + 1, pp = p;
            check(2 * w, (net, x) -> FloatDivide.divide(net, FloatWord.of(Arrays.copyOf(x, w), pp, q), FloatWord.of(Arrays.copyOfRange(x, w, 2 * w), pp, q), ROUNDS).word(), "divide p " + p);
            check(w, (net, x) -> FloatDivide.reciprocal(net, FloatWord.of(x, pp, q), ROUNDS).word(), "reciprocal p " + p);
            check(w, (net, x) -> FloatSqrt.sqrt(net, FloatWord.of(x, pp, q), ROUNDS).word(), "sqrt p " + p);
            if (p <= 9) check(w, (net, x) -> FloatExp.exp(net, FloatWord.of(x, pp, q), ROUNDS).word(), "exp p " + p);
        }
    }

    /** A product's reconstruction read in part: its table ORs die where their columns do, and the members only they read. */
    @Test
    void aProductReadInPartCountsAsGateByGate() {
        for (int bits : new int[] {5, 9, 14}) {
            int b = bits;
            check(2 * b, (net, x) -> IteratedProduct.build(net, new int[][] {Arrays.copyOf(x, b), Arrays.copyOfRange(x, b, 2 * b)}, ROUNDS), "product of two " + b + "-bit words");
            check(3 * b, (net, x) -> IteratedProduct.build(net, new int[][] {Arrays.copyOf(x, b), Arrays.copyOfRange(x, b, 2 * b), Arrays.copyOfRange(x, 2 * b, 3 * b)}, ROUNDS), "product of three " + b + "-bit words");
        }
    }

    @Test
    void aDivisionByAConstantIsOneRun() {
        for (int p : new int[] {8, 12}) {
            int q = 5, w = p + q + 1, pp = p;
            int[] width = constant(p, q, 24 + p); // a layer norm's width: significand 24 + p, normalised
            int runs = check(w, (net, x) -> FloatDivide.divide(net, FloatWord.of(x, pp, q), FloatWord.of(width, pp, q), ROUNDS).word(), "divide by a constant p " + p);
            assertEquals(1, runs, "divide by a constant p " + p + ": runs with families, every output read");
            // A tail too small to hold the residues of x (a model's p = 64 division holds 2.6 M nodes before its tail):
            // those of the primes where the constant is 0 are not built, rather than left to die one layer a run.
            LiveNet small = new LiveNet(new int[w], null, 4096, true);
            boolean[] all = new boolean[256];
            Arrays.fill(all, true);
            live(small, (net, x) -> FloatDivide.divide(net, FloatWord.of(x, pp, q), FloatWord.of(width, pp, q), ROUNDS).word(), all);
            System.out.println("divide by a constant p " + p + ", a tail of 4,096 ints: " + small.runs() + " runs");
            assertTrue(small.runs() <= 2, "divide by a constant p " + p + ", a tail of 4,096 ints: " + small.runs() + " runs");
        }
    }

    /** The float {@code m 2^e} for a positive m below 2^p, significand normalised (top bit set), exponent 1 biased. */
    private static int[] constant(int p, int q, int m) {
        int[] word = new int[p + q + 1];
        int shift = p - (32 - Integer.numberOfLeadingZeros(m));
        long sig = (long) m << shift;
        for (int b = 0; b < p; b++) word[b] = (sig >>> b & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        int e = (1 << (q - 1)) + 2;
        for (int b = 0; b < q; b++) word[p + b] = (e >>> b & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        word[p + q] = Literal.FALSE;
        return word;
    }

    /** Every output read, a random half, a random tenth, the last alone; returns the families' runs with every output read. */
    private static int check(int inputs, BiFunction<Net, int[], int[]> gadget, String what) {
        Random r = new Random(what.hashCode());
        int[] levels = levels(r, inputs);
        int runsAll = -1;
        for (double keep : new double[] {1, 0.5, 0.1, 0}) { // 0: the last output alone
            boolean[] mask = mask(r, keep);
            String how = what + ", outputs read " + keep;
            LiveNet plain = new LiveNet(levels, null, 0, false);
            plain.withoutTwins();
            int[] outPlain = live(plain, gadget, mask);
            LiveNet members = new LiveNet(levels, null, GateTail.DEFAULT_MAX, false);
            int[] outMembers = live(members, gadget, mask);
            LiveNet families = new LiveNet(levels, null, GateTail.DEFAULT_MAX, true);
            int[] out = live(families, gadget, mask);
            assertTrue(families.twinsLive(), how + ": a twin's fresh literal unread");
            assertCountsAlike(how + ", a node per member", inputs, mask, plain, outPlain, members, outMembers);
            assertCountsAlike(how + ", families", inputs, mask, plain, outPlain, families, out);
            if (plain.gates() > 0) assertTrue(families.nodes() < members.nodes(), how + ": " + families.nodes() + " nodes with families, " + members.nodes() + " a node per member");
            assertTrue(families.runs() <= members.runs(), how + ": " + families.runs() + " runs with families, " + members.runs() + " a node per member");
            if (keep == 1) runsAll = families.runs();
            System.out.println(how + ": runs " + plain.runs() + " / " + members.runs() + " / " + families.runs() + ", nodes " + plain.nodes() + " / " + members.nodes() + " / " + families.nodes() + " (gate by gate / a node per member / families)");
        }
        return runsAll;
    }

    /**
     * A live count {@code net} equal to gate by gate ({@code plain}): gates, wires, gates on every level, the read
     * outputs' levels (where {@code out} is given) and which inputs are read.
     */
    static void assertCountsAlike(String at, int inputs, boolean[] mask, LiveNet plain, int[] outPlain, LiveNet net, int[] out) {
        assertEquals(plain.gates(), net.gates(), at + ": gates");
        assertEquals(plain.wires(), net.wires(), at + ": wires");
        int n = Math.max(plain.perLevel().length, net.perLevel().length);
        assertArrayEquals(Arrays.copyOf(plain.perLevel(), n), Arrays.copyOf(net.perLevel(), n), at + ": per level");
        for (int i = 0; out != null && i < outPlain.length; i++) {
            if (!reads(mask, i, outPlain.length) || Literal.isConstant(outPlain[i])) continue;
            assertEquals(plain.level(outPlain[i]), net.level(out[i]), at + ", output " + i);
        }
        for (int k = 1; k <= inputs; k++) assertEquals(plain.isRead(k), net.isRead(k), at + ": input " + k + " read");
    }

    /** Whether output i of n is read: as the mask says, or the last alone where there is none. */
    private static boolean reads(boolean[] mask, int i, int n) {
        return mask == null ? i == n - 1 : mask[i % mask.length];
    }

    /** The gadget counted on a LiveNet until no read gate dies: the outputs the mask reads (the last alone where null). */
    /** Random input levels 0 .. 3 for a gadget check on a {@link LiveNet}. */
    static int[] levels(Random r, int inputs) {
        int[] levels = new int[inputs];
        for (int i = 0; i < inputs; i++) levels[i] = r.nextInt(4);
        return levels;
    }

    /** Which of up to 256 outputs are read: each with chance {@code keep} (1: all); null for {@code keep} 0, the last output alone. */
    static boolean[] mask(Random r, double keep) {
        boolean[] mask = new boolean[256];
        for (int i = 0; i < mask.length; i++) mask[i] = keep == 1 || r.nextDouble() < keep;
        return keep == 0 ? null : mask;
    }

    static int[] live(LiveNet net, BiFunction<Net, int[], int[]> gadget, boolean[] mask) {
        int[] out;
        do {
            net.reset();
            out = gadget.apply(net, net.inputs());
            int[] read = new int[out.length];
            for (int i = 0; i < out.length; i++) read[i] = reads(mask, i, out.length) ? out[i] : Literal.FALSE;
            if (!net.settle(read)) return out;
        } while (true);
    }
}
