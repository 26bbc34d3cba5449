package tc0.circuits.io.aiger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc0.circuits.Bus;
import tc0.circuits.io.BusNames;

/**
 * Buses from AIGER symbol names, and the symbol of each bus bit, such that every name survives a read and a
 * write exactly and every position without a name stays without one.
 *
 * <ul>
 *   <li>A run of two or more consecutive positions named {@code base[0]}, {@code base[1]}, ... becomes the bus
 *       {@code base} (EPFL's {@code opcode[0..4]}).</li>
 *   <li>Any other name becomes a 1-bit bus of exactly that name: {@code sign}, a lone {@code b[0]}, the
 *       interleaved {@code a[0] b[0] a[1] b[1]}, the out-of-order {@code x[2] x[0]}.</li>
 *   <li>Consecutive positions without a name become an unnamed bus ({@link BusNames}: {@code ?in},
 *       {@code ?in_2}, ...; {@code ?out} for outputs), written back without symbols.</li>
 *   <li>A run whose base is also a 1-bit bus's name ({@code a[0] a[1]} and {@code a}) is split into 1-bit
 *       buses, since bus names must differ. A name repeated at a later position is dropped there (that
 *       position is unnamed): the first keeps it.</li>
 * </ul>
 */
final class SymbolBuses {
    private static final Pattern INDEXED = Pattern.compile("(.+)\\[([0-9]{1,9})]");

    private SymbolBuses() {}

    /** The buses for {@code names} (null = unnamed) of the inputs ({@code side = "in"}) or outputs ({@code "out"}). */
    static List<Bus> of(String[] names, String side) {
        String[] kept = withoutRepeats(names);
        Map<Integer, Run> runs = runs(kept);
        splitRunsWhoseBaseIsTaken(kept, runs);
        List<Bus> buses = new ArrayList<>();
        int unnamedRuns = 0;
        for (int pos = 0; pos < kept.length; ) {
            Run run = runs.get(pos);
            int width;
            if (run != null) {
                width = run.width();
                buses.add(new Bus(BusNames.fromSource(run.base()), pos, width));
            } else if (kept[pos] != null) {
                width = 1;
                buses.add(new Bus(BusNames.fromSource(kept[pos]), pos, 1));
            } else {
                width = 1;
                while (pos + width < kept.length && kept[pos + width] == null) width++;
                buses.add(new Bus(BusNames.unnamed(side, ++unnamedRuns), pos, width));
            }
            pos += width;
        }
        return buses;
    }

    /**
     * The symbol tc0 writes for bit {@code bit} of bus {@code bus} of {@code width} bits: {@code name[bit]}, the
     * plain name for a 1-bit bus, or null (no symbol) for a bus whose bits had no name. Reading it back gives
     * the same names.
     */
    static String bitName(String bus, int width, int bit) {
        if (BusNames.isUnnamed(bus)) return null;
        String name = BusNames.plain(bus);
        StringBuilder b = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '_' : c); // a symbol is one line
        }
        if (width == 1) return b.toString();
        return b.append('[').append(bit).append(']').toString();
    }

    /** A run of positions named base[0], base[1], ..., base[width - 1], width at least 2. */
    private record Run(String base, int width) {}

    private static String[] withoutRepeats(String[] names) {
        String[] kept = names.clone();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < kept.length; i++) if (kept[i] != null && !seen.add(kept[i])) kept[i] = null;
        return kept;
    }

    /** The candidate runs by their first position. */
    private static Map<Integer, Run> runs(String[] kept) {
        Map<Integer, Run> runs = new HashMap<>();
        for (int pos = 0; pos < kept.length; ) {
            Matcher m = kept[pos] == null ? null : INDEXED.matcher(kept[pos]);
            int width = 1;
            if (m != null && m.matches() && Integer.parseInt(m.group(2)) == 0) {
                String base = m.group(1);
                while (pos + width < kept.length && (base + "[" + width + "]").equals(kept[pos + width])) width++;
                if (width >= 2) runs.put(pos, new Run(base, width));
            }
            pos += width;
        }
        return runs;
    }

    /** Splits a run whose bus name another bus also has (a 1-bit bus named like the run's base). */
    private static void splitRunsWhoseBaseIsTaken(String[] kept, Map<Integer, Run> runs) {
        boolean changed = true;
        while (changed) { // a split adds 1-bit names, which may take another run's base
            changed = false;
            Map<String, Integer> uses = new HashMap<>();
            for (int pos = 0; pos < kept.length; ) {
                Run run = runs.get(pos);
                String name = run != null ? run.base() : kept[pos];
                if (name != null) uses.merge(name, 1, Integer::sum);
                pos += run != null ? run.width() : 1;
            }
            changed = runs.values().removeIf(run -> uses.get(run.base()) > 1);
        }
    }
}
