package tc0.proofs.check;

import java.util.LinkedHashMap;
import java.util.Map;
import tc0.compiler.gadgets.CountingNet;
import tc0.compiler.gadgets.Primitive;
import tc0.compiler.gadgets.WeightedSum;

/**
 * The papers' depth names measured from tc0's own block specs at one n (the instance's widths: every block's
 * precision is frac log2(n) + 4). d_prod, an iterated product, has no block (the language has no product over an axis):
 * it is tc0's iterated product gadget ({@link Primitive#PRODUCT}, Chinese remaindering) of n words of the blocks' width,
 * counted; its rounding to the block's format is a shift, no gate.
 *
 * @param n      the n the blocks were compiled at
 * @param depths each measured name's depth
 * @param how    how each was measured, one phrase
 */
public record Primitives(long n, Map<String, Integer> depths, Map<String, String> how) {
    public Primitives {
        depths = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(depths)); // in measuring order
        how = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(how));
    }

    /** Counts the blocks at n (exact depth, no building) and reads the names off them. */
    public static Primitives measure(Instances in, long n) {
        Map<String, Integer> d = new LinkedHashMap<>();
        Map<String, String> how = new LinkedHashMap<>();
        int hadamard = depth(in, "hadamard", n);
        d.put("d_std", hadamard);
        how.put("d_std", "blocks/hadamard's depth: one multiply rounded, the deepest of add, multiply, compare");
        d.put("d_sum", depth(in, "matmul", n) - hadamard);
        how.put("d_sum", "blocks/matmul's depth minus blocks/hadamard's: what the n-ary sum adds to the products (tc0 rounds the sum once)");
        d.put("d_prod", productDepth(n));
        how.put("d_prod", "tc0's iterated product (Primitive.PRODUCT, Chinese remaindering) of n words of " + productWidth(n)
                + " bits (the blocks' int 8 + frac log2(n) + 4), counted: the exact product; its rounding is a shift");
        d.put("d_dup", 0);
        how.put("d_dup", "0: duplicating a value is wiring, no gate");
        block(in, n, d, how, "d_exp", "exp");
        block(in, n, d, how, "d_sqrt", "sqrt");
        block(in, n, d, how, "d_log", "log");
        block(in, n, d, how, "d_sp", "softplus");
        block(in, n, d, how, "d_select", "selection");
        block(in, n, d, how, "d_disc", "discretisation");
        block(in, n, d, how, "d_1dconv", "conv1d");
        return new Primitives(n, d, how);
    }

    private static final Map<Long, Integer> PRODUCT_DEPTHS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The blocks' word width at n: 8 integer bits and log2(n) + 4 fraction bits (n rounded up to a power of two). */
    static int productWidth(long n) {
        return 12 + (64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
    }

    /** The depth of the exact product of n words of {@link #productWidth} bits, counted once per n. */
    static int productDepth(long n) {
        return PRODUCT_DEPTHS.computeIfAbsent(n, k -> {
            CountingNet net = new CountingNet();
            Primitive.PRODUCT.build(net, net.inputs((int) Math.max(2, k), productWidth(k)), WeightedSum.DEFAULT_ROUNDS);
            return net.cost().depth();
        });
    }

    private static void block(Instances in, long n, Map<String, Integer> d, Map<String, String> how, String name, String block) {
        d.put(name, depth(in, block, n));
        how.put(name, "blocks/" + block + "'s depth");
    }

    private static int depth(Instances in, String block, long n) {
        return in.count("examples/blocks/" + block + ".tc0", n).depth();
    }

    /** "d_std = 7, d_sum = 0, ...": the names and their values. */
    public String summary() {
        return String.join(", ", depths.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList());
    }
}
