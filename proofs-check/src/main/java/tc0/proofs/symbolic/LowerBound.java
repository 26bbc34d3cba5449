package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Gates the construction cannot leave out, per node, as a polynomial in n and L at n = 2^L: the other side of
 * {@link SizeProof}. Where its leading term outgrows n^(k-1), no C' n^(k-1) bounds the size, so the degree k
 * proved is the smallest. The terms follow the gadgets' closed forms (tc0.compiler.gadgets):
 * <ul>
 *   <li>a matrix product of two variable operands: one AND gate per pair of bits of each product,
 *       {@code m * wx * wy >= m * max(wx, wy)} per entry ({@code Multiply.closedCostDot});</li>
 *   <li>a maximum over m words: {@code m(m-1)/2} pairwise comparators ({@code MaxArgmax.closedCostMax});</li>
 *   <li>a softmax row of m: its maximum's {@code m(m-1)/2} comparators, {@code (m-1)/2} per element.</li>
 * </ul>
 * Each term is also checked against the node's counted gates at every n counted (a term above them is
 * dropped and said so), the widths' lower bounds {@code a + b L} read off the powers of two counted.
 */
public record LowerBound(List<Term> terms, List<String> dropped) {
    /** One node's term, with why the construction has those gates. */
    public record Term(int node, String op, Poly value, String why) {}

    /** The sum of the terms kept. */
    public Poly value() {
        Poly s = Poly.constant(BigInteger.ZERO, BigInteger.ONE);
        for (Term t : terms) s = s.plus(t.value());
        return s;
    }

    /** The terms of the nodes counted at each n: elements and m as the decomposition fits them, widths from below. */
    public static LowerBound of(Decomposition d, SortedMap<Long, List<NodeFigures>> byN) {
        List<Term> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Decomposition.Term t : d.terms()) {
            NodeFigures f0 = byN.get(byN.firstKey()).get(t.node());
            boolean variable = byN.values().stream().allMatch(x -> x.get(t.node()).variableOperands());
            Optional<Term> term = switch (t.shape()) {
                case DOT -> variable ? Optional.of(new Term(t.node(), t.op(),
                        Poly.of(t.elements()).times(Poly.of(t.m())).times(widthFromBelow(byN, t.node())),
                        "a product of two variable operands: m * wx * wy >= m * max(wx, wy) AND gates per entry")) : Optional.empty();
                case MAXIMUM -> Optional.of(new Term(t.node(), t.op(), Poly.of(t.elements()).times(pairs(Poly.of(t.m()))),
                        "m(m-1)/2 pairwise comparators per maximum"));
                case ROW -> f0.op().equals("softmax") ? Optional.of(new Term(t.node(), t.op(),
                        Poly.of(t.elements()).times(Poly.of(t.m()).plus(minusOne())).times(half()),
                        "its row maximum's m(m-1)/2 comparators, (m-1)/2 per element")) : Optional.empty();
                default -> Optional.empty();
            };
            if (term.isEmpty()) continue;
            String above = above(term.get(), byN);
            if (above.isEmpty()) kept.add(term.get());
            else dropped.add(above);
        }
        return new LowerBound(List.copyOf(kept), List.copyOf(dropped));
    }

    /** "" where the term is at most the node's gates at every power of two counted, else where it is not. */
    private static String above(Term t, SortedMap<Long, List<NodeFigures>> byN) {
        for (Map.Entry<Long, List<NodeFigures>> e : byN.entrySet()) {
            if (Long.bitCount(e.getKey()) != 1) continue;
            BigInteger n = BigInteger.valueOf(e.getKey());
            BigInteger gates = e.getValue().get(t.node()).gates();
            if (gates.multiply(t.value().denominator()).compareTo(t.value().scaledAt(n, Formula.ceilLog2(n), n)) < 0) {
                return "node " + t.node() + " " + t.op() + " has " + gates + " gates at n = " + n + ", below its term " + t.value().text();
            }
        }
        return "";
    }

    /** {@code a + b L <= wIn} at every power of two counted: b the step per doubling at the two largest, a the least offset. */
    private static Poly widthFromBelow(SortedMap<Long, List<NodeFigures>> byN, int node) {
        List<Long> powers = byN.keySet().stream().filter(n -> Long.bitCount(n) == 1).toList();
        int l1 = Long.numberOfTrailingZeros(powers.get(powers.size() - 2)), l2 = Long.numberOfTrailingZeros(powers.getLast());
        int step = byN.get(powers.getLast()).get(node).wIn() - byN.get(powers.get(powers.size() - 2)).get(node).wIn();
        int b = step < 0 ? 0 : step / (l2 - l1), a = Integer.MAX_VALUE;
        for (long n : powers) a = Math.min(a, byN.get(n).get(node).wIn() - b * Long.numberOfTrailingZeros(n));
        return Poly.constant(BigInteger.valueOf(Math.max(a, 1)), BigInteger.ONE).plus(Poly.constant(BigInteger.valueOf(b), BigInteger.ONE).times(Poly.term(0, 1, 0)));
    }

    private static Poly pairs(Poly m) {
        return m.times(m.plus(minusOne())).times(half());
    }

    private static Poly minusOne() {
        return Poly.constant(BigInteger.ONE.negate(), BigInteger.ONE);
    }

    private static Poly half() {
        return Poly.constant(BigInteger.ONE, BigInteger.TWO);
    }

    /**
     * What the lower bound says of degree k - 1: its leading term at n = 2^L (M = n) in the order n's power, then
     * L's; degree k - 1 is refuted for every C' when that term is n^j L^b with j > k - 1, or j = k - 1 and b >= 1,
     * with a positive coefficient (it outgrows C' n^(k-1)). {@code at}: the first n = 2^L where the bound exceeds
     * c n^(k-1) for the c given (exact arithmetic), empty where it does not by 2^maxL.
     */
    public record Refutation(boolean everyC, Poly.Term leading, BigInteger c, Optional<Integer> atL) {
        public String text(int k) {
            String lead = leading.text();
            if (leading.equals(new Poly.Term(0, 0, 0))) return "degree " + (k - 1) + " not refuted from below: no unavoidable gates written for its nodes' gadgets";
            if (!everyC) return "degree " + (k - 1) + " not refuted from below: the unavoidable gates' leading term is " + lead;
            return "degree " + (k - 1) + " refuted for every C': gates >= the unavoidable gates, whose leading term " + lead + " outgrows C' n^" + (k - 1)
                    + atL.map(l -> "; for C' = " + c + " first at n = 2^" + l).orElse("");
        }
    }

    /** Against c n^(k-1) at n = 2^L, L = 2 .. maxL. */
    public Refutation refutes(int k, BigInteger c, int maxL) {
        Poly v = atPowers(value());
        Poly.Term lead = v.numerators().isEmpty() ? new Poly.Term(0, 0, 0) : v.numerators().keySet().iterator().next();
        boolean positive = !v.numerators().isEmpty() && v.numerators().get(lead).signum() > 0;
        boolean every = positive && (lead.a() > k - 1 || (lead.a() == k - 1 && lead.b() >= 1));
        Optional<Integer> at = Optional.empty();
        for (int l = 2; l <= maxL && at.isEmpty(); l++) {
            BigInteger n = BigInteger.ONE.shiftLeft(l);
            if (v.scaledAt(n, l, n).compareTo(c.multiply(n.pow(k - 1)).multiply(v.denominator())) > 0) at = Optional.of(l);
        }
        return new Refutation(every, lead, c, at);
    }

    /** The polynomial with M = n (at powers of two), terms ordered by n's power, then L's. */
    static Poly atPowers(Poly p) {
        Map<Poly.Term, BigInteger> m = new TreeMap<>();
        p.numerators().forEach((t, v) -> m.merge(new Poly.Term(t.a() + t.c(), t.b(), 0), v, BigInteger::add));
        return new Poly(m, p.denominator());
    }
}
