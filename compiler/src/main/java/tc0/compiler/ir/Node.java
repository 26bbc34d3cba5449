package tc0.compiler.ir;

import java.util.List;
import java.util.Objects;

/**
 * One value of a {@link TensorProgram}: the operation that computes it, its concrete shape (row-major),
 * its element type and its source region ({@code l[1]/rope_transformer_block/rope_attention/softmax}).
 *
 * @param id     index in the program's node list
 * @param op     the operation; its operands are ids of earlier nodes
 * @param shape  concrete sizes, each at least 1
 * @param elem   element type
 * @param region the source region: '/'-separated segments, none empty
 */
public record Node(int id, Op op, List<Long> shape, Elem elem, String region) {
    public Node {
        Objects.requireNonNull(op);
        shape = List.copyOf(shape);
        Objects.requireNonNull(elem);
        Objects.requireNonNull(region);
        if (shape.isEmpty() || shape.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("bad shape " + shape + " of node " + id);
        }
        if (region.isEmpty() || region.startsWith("/") || region.endsWith("/") || region.contains("//")) {
            throw new IllegalArgumentException("bad region '" + region + "' of node " + id);
        }
        for (int o : op.operands()) {
            if (o < 0 || o >= id) {
                throw new IllegalArgumentException("node " + id + " uses " + o + ": not an earlier node");
            }
        }
    }

    public int rank() {
        return shape.size();
    }

    /** Number of elements. */
    public long size() {
        return Shapes.size(shape);
    }

    /** Size of axis {@code a}. */
    public long dim(int a) {
        return shape.get(a);
    }
}
