package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import tc0.compiler.count.CountedCost;
import tc0.dsl.ast.Metric;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.Stmt;

/**
 * A spec's asserts beside their symbolic status, for {@code tc0 check}: the measured figure as a formula fitted
 * on the counts at the powers of two checked and confirmed on the rest ({@link Fit}), the bound as a formula
 * ({@link BoundFormula}), and Z3 proving formula <= bound for every n = 2^L >= 4, or saying why not.
 */
public final class AssertProofs {
    private AssertProofs() {}

    /**
     * One line per assert: "[1] proved for every n = 2^L >= 4: depth = 92 (...) <= 34 * layers + 29", or
     * "[2] not proved for all n: ...".
     *
     * @param counted the counted figures per n, other parameters {@code others} (n not among them)
     */
    public static List<String> lines(List<Stmt.Assert> asserts, Map<String, Long> others, SortedMap<Long, CountedCost> counted) {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (Stmt.Assert a : asserts) {
            i++;
            out.add("[" + i + "] " + line(a, others, counted));
        }
        return out;
    }

    static String line(Stmt.Assert a, Map<String, Long> others, SortedMap<Long, CountedCost> counted) {
        SortedMap<Long, BigInteger> values = new TreeMap<>();
        counted.forEach((n, c) -> values.put(n, switch (a.metric()) {
            case DEPTH -> BigInteger.valueOf(c.depth());
            case SIZE -> c.gates();
            case WIRES -> c.wires();
            case WIDTH -> c.width();
        }));
        SortedMap<Long, BigInteger> powers = SymbolicFigures.powersOfTwo(values);
        String metric = a.metric().text();
        if (powers.size() < 1 + SymbolicFigures.CONFIRM) {
            return "not proved for all n: a " + metric + " formula needs counts at " + (1 + SymbolicFigures.CONFIRM)
                    + " or more powers of two n >= 4 (e.g. --n 4,8,16,32,64)";
        }
        Optional<Fit.Result> fit = Fit.search(powers, SymbolicFigures.MAX_A, SymbolicFigures.MAX_B, SymbolicFigures.CONFIRM);
        if (fit.isEmpty()) {
            return "not proved for all n: no formula n^a L^b (a <= " + SymbolicFigures.MAX_A + ", b <= " + SymbolicFigures.MAX_B + ") equals the counted "
                    + metric + " at n = " + SymbolicFigures.join(List.copyOf(powers.keySet()));
        }
        Optional<Formula> bound = BoundFormula.of(a.bound(), others);
        String measured = metric + " = " + SymbolicCheck.fitted(fit.get());
        if (bound.isEmpty()) return "not proved for all n: the bound " + Printer.size(a.bound()) + " is not a polynomial in n and log2(n); " + measured;
        if (Z3Growth.provesAtMostFormula(fit.get().formula(), bound.get())) {
            return "proved for every n = 2^L >= 4 (Z3, on the formula): " + measured + " <= " + bound.get().text();
        }
        return Z3Growth.firstAbove(fit.get().formula(), bound.get(), SymbolicFigures.MAX_L)
                .map(n -> "refuted: the formula " + measured + " exceeds the bound " + bound.get().text() + " first at n = " + SymbolicCheck.power(n))
                .orElse("not proved for all n (Z3 did not prove it, and no n = 2^L up to 2^" + SymbolicFigures.MAX_L + " exceeds it): " + measured);
    }
}
