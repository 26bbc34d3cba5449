package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A spec's depth and gates as formulas in n and L, fitted on the counts at powers of two and confirmed on the
 * others ({@link Fit}), and what Z3 proves about them ({@link Z3Growth}). Between powers of two the formulas
 * are only compared, never claimed: widths there follow ceil(log2(c n)) for several c, not L alone.
 *
 * @param depth         the depth's fit, empty where no basis fits
 * @param gates         the gates' fit, empty where none fits
 * @param depthConstant Z3 proved the depth formula has the same value at every n = 2^L >= 4
 * @param depthLog      Z3 proved the depth formula grows by at least 1 per doubling and stays within c L
 * @param size          Z3's smallest degree bound for the gates, empty where not proved
 * @param between       "equal at n = 12, differs at n = 5 (count 69,556, formula ...)": the formulas at the other n
 */
public record SymbolicFigures(Optional<Fit.Result> depth, Optional<Fit.Result> gates, boolean depthConstant, boolean depthLog,
        Optional<Z3Growth.Bound> size, List<String> between) {
    /** Bases up to n^4 L^3; at least two points left to confirm each fit on. */
    public static final int MAX_A = 4, MAX_B = 3, CONFIRM = 2;
    /** The powers of two searched for the first n past a degree-too-small bound: n up to 2^4096. */
    public static final int MAX_L = 4096;

    /**
     * @param depths depth per counted n (powers of two and others)
     * @param gates  gates per counted n
     */
    public static SymbolicFigures of(SortedMap<Long, BigInteger> depths, SortedMap<Long, BigInteger> gates) {
        Optional<Fit.Result> d = Fit.search(powersOfTwo(depths), MAX_A, MAX_B, CONFIRM);
        Optional<Fit.Result> g = Fit.search(powersOfTwo(gates), MAX_A, MAX_B, CONFIRM);
        boolean constant = d.isPresent() && Z3Growth.provesConstant(d.get().formula());
        boolean log = d.isPresent() && !constant && Z3Growth.provesLogarithmic(d.get().formula());
        Optional<Z3Growth.Bound> size = g.flatMap(r -> Z3Growth.smallestDegree(r.formula(), MAX_L));
        List<String> between = new ArrayList<>();
        d.ifPresent(r -> between.add("depth " + compare(r.formula(), depths)));
        g.ifPresent(r -> between.add("gates " + compare(r.formula(), gates)));
        return new SymbolicFigures(d, g, constant, log, size, List.copyOf(between));
    }

    static SortedMap<Long, BigInteger> powersOfTwo(SortedMap<Long, BigInteger> counts) {
        SortedMap<Long, BigInteger> p = new TreeMap<>();
        counts.forEach((n, v) -> { if (n >= 4 && Long.bitCount(n) == 1) p.put(n, v); });
        return p;
    }

    /** The formula at the n that are not powers of two: where it equals the count and where not. */
    static String compare(Formula f, SortedMap<Long, BigInteger> counts) {
        List<Long> equal = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        counts.forEach((n, v) -> {
            if (n < 4 || Long.bitCount(n) == 1) return;
            BigInteger den = f.denominator(), s = f.scaledAt(BigInteger.valueOf(n));
            if (s.equals(v.multiply(den))) equal.add(n);
            else differ.add("n = " + n + " (count " + v + ", formula " + (s.mod(den).signum() == 0 ? s.divide(den) : s + "/" + den) + ")");
        });
        if (equal.isEmpty() && differ.isEmpty()) return "between powers of two: none counted";
        return "between powers of two: " + (equal.isEmpty() ? "" : "equal at n = " + join(equal)) + (equal.isEmpty() || differ.isEmpty() ? "" : "; ")
                + (differ.isEmpty() ? "" : "differs at " + String.join(", ", differ));
    }

    static String join(List<Long> ns) {
        return String.join(", ", ns.stream().map(String::valueOf).toList());
    }
}
