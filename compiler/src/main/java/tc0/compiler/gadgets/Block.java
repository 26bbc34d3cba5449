package tc0.compiler.gadgets;

/**
 * A gadget call that a counting net may count once and replay wherever its inputs look alike ({@link BlockNet}):
 * the float functions, whose Chinese-remainder series are millions of gates at p = 32 and recur in every element
 * of a softmax, layer norm or scan. A builder just runs it: the circuit is the same either way.
 */
@FunctionalInterface
public interface Block {
    int[] build(Net net, int[][] inputs);

    /**
     * {@code body} on {@code net}'s gates, or counted as a block where {@code net} is a {@link BlockNet}.
     * {@code kind} names everything {@code body} depends on besides its inputs (gadget, format, rounds).
     */
    static int[] call(Net net, String kind, int[][] inputs, Block body) {
        return net instanceof BlockNet b ? b.block(kind, inputs, body) : body.build(net, inputs);
    }
}
