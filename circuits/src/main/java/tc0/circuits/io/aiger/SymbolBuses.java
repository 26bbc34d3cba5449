package tc0.circuits.io.aiger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc0.circuits.Bus;

/**
 * Buses from AIGER symbol names, and names for bus bits. A run of consecutive positions named
 * {@code base[0]}, {@code base[1]}, ... becomes the bus {@code base}; a name without an index becomes a bus
 * of width 1. When the names do not tile the positions that way (a position unnamed, a run not starting at
 * index 0, a bus name used twice), all positions form one bus named by the caller ({@code in} or {@code out}).
 * EPFL's {@code opcode[0..4]} and {@code sign} become buses {@code opcode} (5 bits) and {@code sign} (1 bit).
 */
final class SymbolBuses {
    private static final Pattern INDEXED = Pattern.compile("(.+)\\[([0-9]{1,9})]");

    private SymbolBuses() {}

    /** The buses for {@code names} (null = unnamed), or the one bus {@code fallback} over all of them. */
    static List<Bus> of(String[] names, String fallback) {
        if (names.length == 0) return List.of();
        List<Bus> buses = grouped(names);
        return buses != null ? buses : List.of(new Bus(fallback, 0, names.length));
    }

    /**
     * The symbol tc0 writes for bit {@code bit} of a bus of {@code width} bits: {@code bus[bit]}, or the plain
     * name for a 1-bit bus whose name does not itself look indexed. Either way it reads back as the same bus.
     */
    static String bitName(String bus, int width, int bit) {
        StringBuilder b = new StringBuilder(bus.length() + 8);
        for (int i = 0; i < bus.length(); i++) {
            char c = bus.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '_' : c); // a symbol is one line
        }
        if (width == 1 && !INDEXED.matcher(b).matches()) return b.toString();
        return b.append('[').append(bit).append(']').toString();
    }

    private static List<Bus> grouped(String[] names) {
        List<Bus> buses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int pos = 0;
        while (pos < names.length) {
            if (names[pos] == null) return null;
            Matcher m = INDEXED.matcher(names[pos]);
            String base;
            int width = 1;
            if (!m.matches()) {
                base = names[pos];
            } else {
                if (Integer.parseInt(m.group(2)) != 0) return null;
                base = m.group(1);
                while (pos + width < names.length && names[pos + width] != null
                        && names[pos + width].equals(base + "[" + width + "]")) {
                    width++;
                }
            }
            if (!seen.add(base)) return null;
            buses.add(new Bus(base, pos, width));
            pos += width;
        }
        return buses;
    }
}
