package tc0.compiler.gadgets;

/**
 * A counting {@link Net} that counts a {@link Block} once per pattern of its inputs (which are constants, which
 * repeat, their levels) and per set of its outputs read, and replays those figures at every other call alike.
 */
public interface BlockNet extends Net {
    /** The block's output literals, its gates counted as {@code body.build(this, inputs)} would make them. */
    int[] block(String kind, int[][] inputs, Block body);
}
