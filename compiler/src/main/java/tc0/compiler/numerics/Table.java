package tc0.compiler.numerics;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The correctly rounded table of a unary function over every code of an input format. Entry {@code i}
 * holds the output code of input code {@code in.minCode() + i}. Tables are cached (they are reused by every
 * gadget instance and the reference interpreter); the arrays are never handed out unprotected.
 *
 * @param function the function
 * @param in       input format, width at most {@value #MAX_INPUT_WIDTH}
 * @param out      output format
 */
public record Table(UnaryFunction function, FixedFormat in, FixedFormat out, long[] entries) {
    /** Widest input format a table is made for (2^20 entries). */
    public static final int MAX_INPUT_WIDTH = 20;

    private static final Map<Key, Table> CACHE = new ConcurrentHashMap<>();

    private record Key(UnaryFunction function, FixedFormat in, FixedFormat out) {}

    public Table {
        Objects.requireNonNull(function);
        if (entries.length != in.size()) throw new IllegalArgumentException("table size " + entries.length + " for " + in);
    }

    /** The table of {@code f} from {@code in} to {@code out}, computed once. */
    public static Table of(UnaryFunction f, FixedFormat in, FixedFormat out) {
        if (in.width() > MAX_INPUT_WIDTH) { // a lowering limit, not a bad argument: the spec is refused with this message
            throw new UnsupportedOperationException(tooWide(f.name(), in));
        }
        return CACHE.computeIfAbsent(new Key(f, in, out), k -> {
            long[] e = new long[(int) in.size()];
            long min = in.minCode();
            for (int i = 0; i < e.length; i++) e[i] = f.apply(min + i, in, out);
            return new Table(f, in, out, e);
        });
    }

    /** Why {@code function} (its name) has no table on {@code in}: the one wording the elaborator and the lowering use. */
    public static String tooWide(String function, FixedFormat in) {
        return function.toLowerCase(java.util.Locale.ROOT) + " on " + in + " needs a table of 2^" + in.width() + " entries, past the 2^"
                + MAX_INPUT_WIDTH + " that tc0 tabulates (a smaller n or precision keeps values narrower)";
    }

    /** The output code for input code {@code c}. */
    public long at(long c) {
        Fixed.check(c, in);
        return entries[(int) (c - in.minCode())];
    }

    /** A copy of the entries, indexed by {@code code - in.minCode()}. */
    public long[] codes() { return entries.clone(); }

    /** A copy of the entries (the record's array is never handed out). */
    @Override
    public long[] entries() { return entries.clone(); }
}
