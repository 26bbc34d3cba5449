package tc0.circuits.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link RegionBreakdown} as a text table: one row per region, indented two spaces per tree
 * level, the root shown as {@code (circuit)}; numbers right-aligned, every column as wide as its widest cell.
 */
final class RegionTable {
    private static final String[] HEADER = {"region", "gates", "wires", "depth", "width", "max fan-in",
            "weight bits", "majority size"};

    private RegionTable() {}

    static String render(RegionBreakdown b) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        addRows(b.root(), 0, rows);
        int[] width = new int[HEADER.length];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        StringBuilder s = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            line.append(row[0]).append(" ".repeat(width[0] - row[0].length()));
            for (int i = 1; i < row.length; i++) line.append("  ").append(" ".repeat(width[i] - row[i].length())).append(row[i]);
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }

    private static void addRows(RegionStats r, int indent, List<String[]> rows) {
        String name = r.path().isEmpty() ? "(circuit)" : r.name();
        rows.add(new String[] {"  ".repeat(indent) + name, Long.toString(r.gates()), Long.toString(r.wires()),
                Integer.toString(r.depth()), Long.toString(r.width()), Integer.toString(r.maxFanin()),
                Integer.toString(r.maxWeightBits()), Long.toString(r.majoritySize())});
        for (RegionStats child : r.children()) addRows(child, indent + 1, rows);
    }
}
