package tc0.compiler.gadgets;

import java.util.function.BiFunction;

/**
 * A few plans made from tables, kept by the table's identity: a lookup applies one table to every element of a
 * tensor (hundreds of thousands of words for a large n), and working out where the table and each output bit
 * change takes a pass over the whole table per bit. Tables themselves are cached ({@code Table.of}), so the same
 * function in the same formats is the same array. A handful of entries, replaced in turn: lowering goes node by
 * node, so the table in use is almost always the one last asked for.
 */
final class TablePlans<P> {
    private record Entry<P>(Object table, int outWidth, P plan) {}

    private final BiFunction<Object, Integer, P> make;
    @SuppressWarnings("unchecked")
    private final Entry<P>[] entries = new Entry[8];
    private int next;

    TablePlans(BiFunction<Object, Integer, P> make) {
        this.make = make;
    }

    /**
     * The plan of {@code table} (a {@code long[]}, or a cached {@code Table}) read as a word of {@code outWidth}
     * bits, made once while it stays cached. Keyed by identity: a table is never changed once used.
     */
    synchronized P of(Object table, int outWidth) {
        for (Entry<P> e : entries) if (e != null && e.table == table && e.outWidth == outWidth) return e.plan;
        P plan = make.apply(table, outWidth);
        entries[next] = new Entry<>(table, outWidth, plan);
        next = (next + 1) % entries.length;
        return plan;
    }
}
