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
        return lines(asserts, others, counted, new TreeMap<>());
    }

    /**
     * As above, with the count split by node at each n ({@code byN}, where the summaries give it): a size assert
     * is then first tried for every n >= 4 from the node decomposition ({@link #everyN}).
     */
    public static List<String> lines(List<Stmt.Assert> asserts, Map<String, Long> others, SortedMap<Long, CountedCost> counted,
            SortedMap<Long, List<NodeFigures>> byN) {
        List<String> out = new ArrayList<>();
        boolean anySize = asserts.stream().anyMatch(a -> a.metric() == Metric.SIZE);
        Optional<SizeProof> proof = anySize ? sizeProof(counted, byN) : Optional.empty(); // once a spec: it does not read the bound
        int i = 0;
        for (Stmt.Assert a : asserts) {
            i++;
            Optional<String> every = a.metric() == Metric.SIZE ? everyN(a, others, proof) : Optional.empty();
            String line;
            if (every.isPresent()) line = every.get();
            else {
                Line atPowers = line(a, others, counted);
                line = atPowers.text();
                if (a.metric() == Metric.SIZE && atPowers.kind() != Line.Kind.PROVED && atPowers.kind() != Line.Kind.REFUTED) {
                    line = fromBelow(a, others, byN).orElseGet(() -> atPowers.kind() == Line.Kind.NO_FORMULA
                            ? proof.map(AssertProofs::whyNot).orElse(atPowers.text()) : atPowers.text());
                }
            }
            if (a.metric() == Metric.DEPTH) line += depthEveryN(a, others, byN).orElse("");
            out.add("[" + i + "] " + line);
        }
        return out;
    }

    /**
     * The node decomposition's size bound for every n >= 4 ({@link SizeProof}), where the counts split by node at every n
     * counted, with one program from the first; empty where they do not.
     */
    static Optional<SizeProof> sizeProof(SortedMap<Long, CountedCost> counted, SortedMap<Long, List<NodeFigures>> byN) {
        if (byN.isEmpty() || !byN.keySet().equals(counted.keySet()) || Decomposition.sameProgramFrom(byN) != byN.firstKey()) return Optional.empty();
        Decomposition.Result d = Decomposition.of(byN);
        if (d.decomposition().isEmpty()) return Optional.empty();
        SortedMap<Long, BigInteger> gates = new TreeMap<>();
        counted.forEach((n, c) -> gates.put(n, c.gates()));
        return Optional.of(SizeProof.of(d.decomposition().get(), byN, gates));
    }

    /**
     * A size assert for every integer n >= 4 (powers of two or not): the node decomposition's bound (every node
     * within its term at every n counted, the larger n confirming the terms fitted on n <= 256) proved by Z3 within
     * the assert's bound. Empty where it does not apply or Z3 does not prove it (then the formula at the powers of
     * two is tried).
     */
    static Optional<String> everyN(Stmt.Assert a, Map<String, Long> others, Optional<SizeProof> proof) {
        Optional<Formula> bound = BoundFormula.of(a.bound(), others);
        if (bound.isEmpty() || proof.isEmpty()) return Optional.empty();
        SizeProof p = proof.get();
        if (!p.exceeded().isEmpty() || !Z3Growth.provesAtMostEveryN(p.bound(), bound.get())) return Optional.empty();
        return Optional.of("proved for every n >= 4 (Z3, on the node decomposition): size <= the node terms' sum " + p.bound().text() + " (M = 2^L; terms fitted on n <= "
                + Decomposition.FIT_MAX_N + ", every larger n counted within them) <= " + bound.get().text());
    }

    /**
     * A size assert neither proved nor refuted, where the node decomposition applies: what it proves for every n >= 4
     * (a bound that does not reach the assert's), or why it claims nothing (its terms not confirmed past the fit: no n
     * counted past 256, or a node past its term). No formula n^a L^b fits an example's counts, so this says more than that.
     */
    static String whyNot(SizeProof p) {
        String none = "no formula n^a L^b (a <= " + SymbolicFigures.MAX_A + ", b <= " + SymbolicFigures.MAX_B + ") equals the counted size";
        if (!p.exceeded().isEmpty()) {
            int more = p.exceeded().size() - 1;
            return "not proved for all n: " + none + ", and the node decomposition claims nothing: " + p.exceeded().getFirst()
                    + (more > 0 ? " (and " + more + " more)" : "");
        }
        if (!p.proved()) return "not proved for all n: " + none + ", and Z3 proves no degree for the node decomposition's sum";
        return "not proved for all n: " + none + "; the node decomposition proves size <= " + String.format("%,d", p.c()) + " n^" + p.k()
                + " for every n >= 4 (docs/SYMBOLIC.md), which does not give this bound";
    }

    /**
     * "; for every n >= 4 ...": a depth assert whose bound has no n in it, at least the longest path over the gadgets'
     * stated depths ({@link DepthBound#everyN}, every node's counted depth within its gadget's at every n counted, the
     * same program at each): the bound holds between powers of two too. Empty where that does not apply.
     */
    static Optional<String> depthEveryN(Stmt.Assert a, Map<String, Long> others, SortedMap<Long, List<NodeFigures>> byN) {
        if (byN.isEmpty() || Decomposition.sameProgramFrom(byN) != byN.firstKey()) return Optional.empty();
        Optional<Formula> bound = BoundFormula.of(a.bound(), others);
        if (bound.isEmpty() || bound.get().dependsOnN()) return Optional.empty();
        DepthBound db = DepthBound.of(byN);
        BigInteger b = bound.get().at(4);
        if (db.everyN() < 0 || BigInteger.valueOf(db.everyN()).compareTo(b) > 0) return Optional.empty();
        return Optional.of("; for every n >= 4, powers of two or not (the gadgets' stated depths, each within its count at every n above): depth <= "
                + db.everyN() + " <= " + b);
    }

    /**
     * A size assert refuted at n = 2^L by the gates the construction cannot avoid there ({@link LowerBound}, each
     * node's term within its count at every power of two counted); empty where they stay within the bound up to
     * 2^{@link SymbolicCheck#LOWER_MAX_L}.
     */
    static Optional<String> fromBelow(Stmt.Assert a, Map<String, Long> others, SortedMap<Long, List<NodeFigures>> byN) {
        if (byN.isEmpty()) return Optional.empty();
        Optional<Formula> bound = BoundFormula.of(a.bound(), others);
        SortedMap<Long, List<NodeFigures>> same = byN.tailMap(Decomposition.sameProgramFrom(byN));
        if (bound.isEmpty() || same.keySet().stream().filter(n -> Long.bitCount(n) == 1).count() < 2) return Optional.empty();
        Decomposition.Result d = Decomposition.of(same);
        if (d.decomposition().isEmpty()) return Optional.empty();
        Poly low = LowerBound.atPowers(LowerBound.of(d.decomposition().get(), same).value());
        for (int l = 2; l <= SymbolicCheck.LOWER_MAX_L; l++) {
            BigInteger n = BigInteger.ONE.shiftLeft(l);
            if (low.scaledAt(n, l, n).multiply(bound.get().denominator()).compareTo(bound.get().scaledAt(n).multiply(low.denominator())) > 0) {
                return Optional.of("refuted at n = 2^" + l + " (past the n swept): the gates the construction cannot avoid, " + low.text()
                        + " at n = 2^L (LowerBound), exceed the bound " + bound.get().text() + " there");
            }
        }
        return Optional.empty();
    }

    /** An assert's line at the powers of two, and what it says: callers choose the next step by the kind, not the text. */
    record Line(Kind kind, String text) {
        enum Kind { PROVED, REFUTED, NO_FORMULA, NOT_PROVED }
    }

    static Line line(Stmt.Assert a, Map<String, Long> others, SortedMap<Long, CountedCost> counted) {
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
            return new Line(Line.Kind.NOT_PROVED, "not proved for all n: a " + metric + " formula needs counts at " + (1 + SymbolicFigures.CONFIRM)
                    + " or more powers of two n >= 4 (e.g. --n 4,8,16,32,64)");
        }
        Optional<Fit.Result> fit = Fit.search(powers, SymbolicFigures.MAX_A, SymbolicFigures.MAX_B, SymbolicFigures.CONFIRM);
        if (fit.isEmpty()) {
            return new Line(Line.Kind.NO_FORMULA, "not proved for all n: no formula n^a L^b (a <= " + SymbolicFigures.MAX_A + ", b <= "
                    + SymbolicFigures.MAX_B + ") equals the counted " + metric + " at n = " + SymbolicFigures.join(List.copyOf(powers.keySet())));
        }
        Optional<Formula> bound = BoundFormula.of(a.bound(), others);
        String measured = metric + " = " + SymbolicCheck.fitted(fit.get());
        if (bound.isEmpty()) {
            return new Line(Line.Kind.NOT_PROVED, "not proved for all n: the bound " + Printer.size(a.bound()) + " is not a polynomial in n and log2(n); " + measured);
        }
        if (Z3Growth.provesAtMostFormula(fit.get().formula(), bound.get())) {
            return new Line(Line.Kind.PROVED, "proved for every n = 2^L >= 4 (Z3, on the formula): " + measured + " <= " + bound.get().text());
        }
        return Z3Growth.firstAbove(fit.get().formula(), bound.get(), SymbolicFigures.MAX_L)
                .map(n -> new Line(Line.Kind.REFUTED, "refuted: the formula " + measured + " exceeds the bound " + bound.get().text() + " first at n = " + SymbolicCheck.power(n)))
                .orElse(new Line(Line.Kind.NOT_PROVED, "not proved for all n (Z3 did not prove it, and no n = 2^L up to 2^" + SymbolicFigures.MAX_L + " exceeds it): " + measured));
    }
}
