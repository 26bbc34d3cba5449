package tc0.circuits.io;

/**
 * How a bus name says that its bits had no name in the source, so that exports can leave them unnamed.
 * A circuit read from AIGER without (some) symbols still needs bus names, but writing those invented names
 * back would give the bits names the original never had (and ABC's name-based {@code cec} would fail).
 *
 * <p>The convention lives in the name, so it survives {@code .tc0c} unchanged: a bus name starting with one
 * {@code ?} and then something else ({@code ?in}, {@code ?in_2}, {@code ?out}) is unnamed. A name from the
 * source that itself starts with {@code ?} gets a second {@code ?} in front ({@code ?x} is the bus
 * {@code ??x}), so no source name is ever taken for unnamed. Spec names cannot start with {@code ?}.
 */
public final class BusNames {
    private BusNames() {}

    /** The bus name for unnamed run number {@code run} (1, 2, ...) of the inputs ({@code in}) or outputs ({@code out}). */
    public static String unnamed(String side, int run) {
        return "?" + side + (run == 1 ? "" : "_" + run);
    }

    /** True if the bits of a bus with this name had no name in the source. */
    public static boolean isUnnamed(String busName) {
        return busName.length() > 1 && busName.charAt(0) == '?' && busName.charAt(1) != '?';
    }

    /** The bus name for a name from the source: itself, or with a second leading {@code ?} if it starts with one. */
    public static String fromSource(String name) {
        return name.startsWith("?") ? "?" + name : name;
    }

    /**
     * The name a bus stands for: the source name ({@link #fromSource} undone) for a named bus, and for an
     * unnamed one its invented name without the {@code ?} ({@code in}, {@code in_2}), for formats that must
     * name every port.
     */
    public static String plain(String busName) {
        return busName.startsWith("?") ? busName.substring(1) : busName;
    }
}
