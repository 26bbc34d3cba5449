package tc0.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tc0.circuits.CircuitBuilder;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.gadgets.Cost;
import tc0.compiler.gadgets.CountingNet;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.Primitive;
import tc0.compiler.gadgets.TwinNet;
import tc0.compiler.gadgets.WeightedSum;

/** {@code tc0 primitives}: the depth, gates and wires of exact p-bit arithmetic, counted and built. */
@Command(name = "primitives",
        header = "Depth, gates and wires of exact p-bit integer arithmetic (d_std, d_sum, d_prod, d_div) and of p-bit floats, for each p.",
        mixinStandardHelpOptions = true,
        description = {
            "The papers' primitive depths measured: addition, comparison and product of two p-bit numbers",
            "(d_std), the sum and the product of m of them (d_sum; d_prod by Chinese remaindering) and the",
            "quotient (d_div, by the power series after normalisation): docs/GADGETS.md, 'Exact arithmetic at",
            "any width'. Each is counted without building (gate by gate, the float sums' alignment in closed form:",
            "exactly what the builder makes without structural hashing when every gate is kept, read or not; the",
            "builder drops gates no output reads, at p = 8 up to 88 of 63,804 in a float row) and, where small",
            "enough, also built (with hashing) and measured. The float_ rows",
            "are Chiang's p-bit floats (8 exponent bits; exp from p = 32 and log from p = 65 more, so that their",
            "results neither all leave the range nor flush: Primitive.expExponentBits, logExponentBits), rounded",
            "once to nearest even: docs/NUMERICS.md.",
            "",
            "Example:  tc0 primitives --set p=8,16,32 --set m=4 --only sum,product"})
final class PrimitivesCommand implements Callable<Integer> {
    static final List<Long> DEFAULT_P = List.of(8L, 16L, 32L, 64L, 128L, 256L, 512L, 1024L);

    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "NAME=VALUES", description = "p=8,16,... (the widths; default 8 to 1024 by doubling) or m=M (the operands of sum and product; default 4)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--only", paramLabel = "NAMES", split = ",", description = "some of: add, compare, multiply, sum, product, divide, float_compare, float_add, float_multiply, float_floor, float_sum, float_product, float_divide, float_sqrt, float_exp, float_log (default all)")
    List<String> only = new ArrayList<>();

    @Option(names = "--max-count", paramLabel = "N", description = "stop counting a primitive past N gates and say so (default 20,000,000, about 30 s)")
    long maxCount = 20_000_000;

    @Option(names = "--max-build", paramLabel = "N", description = "also build it when counted at most N gates (default 300,000)")
    long maxBuild = 300_000;

    @Override
    public Integer call() {
        Map<String, List<Long>> values = parseSets(sets);
        List<Long> ps = values.getOrDefault("p", DEFAULT_P);
        long m = values.containsKey("m") ? values.get("m").getFirst() : 4;
        for (long p : ps) if (p < 1 || p > 4096) throw new UserError("--set p=" + p + ": p must be between 1 and 4096");
        if (values.containsKey("m") && values.get("m").size() != 1) throw new UserError("--set m=...: give one m");
        if (m < 1 || m > 4096) throw new UserError("--set m=" + m + ": m must be between 1 and 4096");
        if (maxCount < 1 || maxBuild < 0) throw new UserError("--max-count must be positive and --max-build not negative");
        List<Primitive> chosen = chosen(only);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-6s %-14s %-20s %5s %5s | %6s %14s %16s | %s%n", "depth", "primitive", "computes", "p", "m", "depth", "gates", "wires", "built (hashing): depth, gates, wires");
        Map<String, Map<Long, Integer>> depths = new LinkedHashMap<>();
        for (Primitive prim : chosen) {
            for (long p : ps) {
                int operands = prim.operands((int) m);
                String mText = prim.nary() ? Long.toString(m) : "-";
                long atLeast = prim.gatesAtLeast((int) p, (int) m);
                if (atLeast > maxCount) { // its tables alone could exhaust the heap before a count reached the limit
                    out.printf("%-6s %-14s %-20s %5d %5s | not counted: at least %,d gates (its residue tables), more than --max-count %,d%n",
                            prim.depthName, name(prim), prim.formula, p, mText, atLeast, maxCount);
                    out.flush();
                    continue;
                }
                Cost counted = count(prim, (int) p, operands);
                if (counted == null) {
                    out.printf("%-6s %-14s %-20s %5d %5s | not counted: more than %,d gates (--max-count)%n", prim.depthName, name(prim), prim.formula, p, mText, maxCount);
                    out.flush();
                    continue;
                }
                depths.computeIfAbsent(prim.depthName + " (" + name(prim) + ")", k -> new TreeMap<>()).put(p, counted.depth());
                String built = counted.gates() <= maxBuild ? built(prim, (int) p, operands) : "-";
                out.printf("%-6s %-14s %-20s %5d %5s | %6d %,14d %,16d | %s%n", prim.depthName, name(prim), prim.formula, p, mText, counted.depth(), counted.gates(), counted.wires(), built);
                out.flush();
            }
        }
        out.println();
        for (Map.Entry<String, Map<Long, Integer>> e : depths.entrySet()) out.println(e.getKey() + ": " + summary(e.getValue()));
        return ExitCodes.OK;
    }

    /** "57 for every p counted (8 .. 32)" or the depth per p. */
    static String summary(Map<Long, Integer> byP) {
        long first = byP.keySet().iterator().next(), last = first;
        for (long p : byP.keySet()) last = p;
        if (byP.values().stream().distinct().count() == 1) {
            return "depth " + byP.values().iterator().next() + " for every p counted (" + (first == last ? "p = " + first : first + " .. " + last) + ")";
        }
        StringBuilder s = new StringBuilder("depth");
        byP.forEach((p, d) -> s.append(' ').append(d).append(" (p = ").append(p).append(')'));
        return s.toString();
    }

    private Cost count(Primitive prim, int p, int operands) {
        Limited net = new Limited(new CountingNet(), maxCount);
        try {
            prim.build(net, net.counting.inputs(operands, prim.width(p)), WeightedSum.DEFAULT_ROUNDS);
        } catch (TooMany e) {
            return null;
        }
        Cost c = net.counting.cost();
        return c.gates() > maxCount ? null : c;
    }

    /**
     * A {@link CountingNet} that stops past {@code max} gates; a {@link TwinNet}, so that the gadgets' counting twins
     * count their regular stages in closed form (the same figures as gate by gate: CountBitsTwinTest, CrtTwinCountTest).
     * Every method of {@link TwinNet} is forwarded, defaults included: a default left to the interface answers for
     * the wrapper, not for the counting net (prim512: {@code keepsEveryGate} was, and p = 256 ran out of memory).
     * {@code PrimitivesCommandTest.limitedForwardsEveryTwinNetMethod} fails on a method not declared here.
     */
    static final class Limited implements TwinNet {
        final CountingNet counting;
        private final long max;
        private long calls;

        Limited(CountingNet counting, long max) {
            this.counting = counting;
            this.max = max;
        }

        private void check() {
            if ((++calls & 4095) == 0 && counting.cost().gates() > max) throw new TooMany();
        }

        @Override public int gate(int[] lits, long[] weights, int count, long threshold) {
            check();
            return counting.gate(lits, weights, count, threshold);
        }

        @Override public void counted(long count, long fanIn, int level) {
            counting.counted(count, fanIn, level);
            if (counting.cost().gates() > max) throw new TooMany();
        }

        @Override public CircuitBuilder.Scope region(String name) { return counting.region(name); }
        @Override public boolean twins() { return counting.twins(); }
        @Override public boolean bulkOneHots() { return counting.bulkOneHots(); }
        @Override public boolean keepsEveryGate() { return counting.keepsEveryGate(); }
        @Override public int level(int lit) { return counting.level(lit); }
        @Override public void reads(int lit, long times) { counting.reads(lit, times); }
        @Override public int freshAt(int level) { return counting.freshAt(level); }
        @Override public int outputAt(int level) { return counting.outputAt(level); }
        @Override public boolean alive(int lit) { return counting.alive(lit); }
    }

    private static String built(Primitive prim, int p, int operands) {
        CircuitBuilder b = new CircuitBuilder();
        int[][] xs = new int[operands][];
        for (int i = 0; i < operands; i++) xs[i] = b.inputBus("x" + i, prim.width(p));
        b.outputBus("r", prim.build(Net.of(b), xs, WeightedSum.DEFAULT_ROUNDS));
        CircuitStats s = CircuitStats.of(b.build());
        return String.format(Locale.ROOT, "%d, %,d, %,d", s.depth(), s.gates(), s.wires());
    }

    /** Thrown to stop a count past the limit. */
    private static final class TooMany extends RuntimeException {
        TooMany() { super(null, null, false, false); }
    }

    static String name(Primitive p) { return p.name().toLowerCase(Locale.ROOT); }

    private static List<Primitive> chosen(List<String> only) {
        if (only.isEmpty()) return List.of(Primitive.values());
        List<Primitive> out = new ArrayList<>();
        for (String s : only) {
            Primitive found = Arrays.stream(Primitive.values()).filter(p -> name(p).equals(s.strip())).findFirst()
                    .orElseThrow(() -> new UserError("--only " + s + ": no such primitive; choose from add, compare, multiply, sum, product, divide, float_compare, float_add, float_multiply, float_floor, float_sum, float_product, float_divide, float_sqrt, float_exp, float_log"));
            if (!out.contains(found)) out.add(found);
        }
        return out;
    }

    /** {@code --set p=8,16 --set m=4}: each name once, values comma-separated integers. */
    static Map<String, List<Long>> parseSets(List<String> sets) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            String name = eq < 0 ? s : s.substring(0, eq).strip();
            if (eq <= 0 || !(name.equals("p") || name.equals("m"))) throw new UserError("--set " + s + ": expected p=VALUES or m=VALUE, e.g. --set p=8,16,32");
            if (out.containsKey(name)) throw new UserError("--set " + s + ": '" + name + "' is already set; give each once (p takes a comma-separated list)");
            List<Long> vs = new ArrayList<>();
            for (String v : s.substring(eq + 1).split(",", -1)) {
                try {
                    vs.add(Long.parseLong(v.strip()));
                } catch (NumberFormatException e) {
                    throw new UserError("--set " + s + ": '" + v.strip() + "' is not an integer");
                }
            }
            out.put(name, vs);
        }
        return out;
    }
}
