package tc0.compiler.count;

import java.util.HashMap;
import java.util.Map;

/**
 * Which literals the consumers read, to find gates no output needs (the builder drops them, so counting must
 * know). For each node and element class: the slots that some consumer reads in every one of its instances.
 * A computed node that is not an output must have every slot of every class covered so; otherwise some of
 * its gates may be dead and the count is not claimed exact. Conservative: a slot read by two consumers on
 * complementary elements counts as uncovered.
 */
final class Usage {
    private final Map<Integer, Map<Integer, Long>> coverage = new HashMap<>();
    private final Map<Integer, Map<Integer, Long>> pending = new HashMap<>();

    /** One instance of the current consumer read slots {@code mask} of an element of {@code node} of class {@code cls}. */
    void read(int node, ElemClass cls, long mask) {
        pending.computeIfAbsent(node, k -> new HashMap<>()).merge(cls.id, mask, (a, b) -> a & b);
    }

    /** Every slot of {@code cls} read (closed forms: they read everything). */
    void readAll(int node, ElemClass cls) {
        read(node, cls, all(cls));
    }

    /** The current consumer is done: what it read in every instance now counts as covered. */
    void commit() {
        for (Map.Entry<Integer, Map<Integer, Long>> e : pending.entrySet()) {
            Map<Integer, Long> c = coverage.computeIfAbsent(e.getKey(), k -> new HashMap<>());
            for (Map.Entry<Integer, Long> m : e.getValue().entrySet()) c.merge(m.getKey(), m.getValue(), (a, b) -> a | b);
        }
        pending.clear();
    }

    /** Covered slots of class {@code cls} of {@code node}. */
    long covered(int node, ElemClass cls) {
        Map<Integer, Long> c = coverage.get(node);
        if (c == null) return 0;
        return c.getOrDefault(cls.id, 0L);
    }

    /** Passes a wiring node's coverage on to its source, class by class ({@code toSource} maps the classes). */
    void forward(int wiring, int source, java.util.function.IntUnaryOperator toSource) {
        Map<Integer, Long> c = coverage.get(wiring);
        if (c == null) return;
        Map<Integer, Long> s = coverage.computeIfAbsent(source, k -> new HashMap<>());
        for (Map.Entry<Integer, Long> m : c.entrySet()) {
            int src = toSource.applyAsInt(m.getKey());
            if (src >= 0) s.merge(src, m.getValue(), (a, b) -> a | b);
        }
    }

    static long all(ElemClass c) {
        return c.slots() >= 64 ? -1L : (1L << c.slots()) - 1;
    }
}
