package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A spec's gates as a sum over its IR nodes, each bounded by {@code c_i * elements_i(n) * shape_i(m_i(n), w_i, 2^wIn_i)}:
 * elements and m are polynomials in n read off the shapes (fitted on the smallest n and equal at every other n
 * counted, powers of two or not), widths are bounded by {@code a + b L} (b the step per doubling at the powers
 * of two counted, a the largest offset at any n counted), the shape is the gadget's ({@link GadgetShape}) and
 * c_i is 5/4 of the node's largest gates / (elements * shape) over the n up to {@link #FIT_MAX_N}; at every larger n
 * counted, the node's gates must stay within its term ({@link #exceeded}). Since each shape only grows with m,
 * w and 2^wIn and the widths stay within their bounds, the sum is a polynomial {@link #bound} in n, L and
 * M = 2^L that is at least the count at every n whose nodes stay within their terms.
 */
public record Decomposition(List<Term> terms) {
    /** Node constants are fitted on the counts with n at most this; the others confirm them. */
    public static final long FIT_MAX_N = 256;
    /**
     * c_i is the largest ratio on n <= FIT_MAX_N times 5/4: a gadget's gates per shape unit creep up towards
     * their leading coefficient as w grows (an adder's 10 w - 7 per w), and the margin covers that creep;
     * a shape one factor of w too small (w grows by 6/5 from n = 256 to 4096) still fails the confirmation.
     */
    static final BigInteger MARGIN_NUM = BigInteger.valueOf(5), MARGIN_DEN = BigInteger.valueOf(4);
    /**
     * A product by constant weights costs with the weights' set bits (up to their width, whence the w^2), and
     * random weights requantised at each n's precision have more or fewer of them (gat's output projection:
     * 0.85 of its shape at n = 256, 1.07 at 1024): its c is twice the largest ratio at n <= FIT_MAX_N.
     */
    static final BigInteger CONSTANT_MARGIN = BigInteger.TWO;
    /** Elements and m as polynomials in n of degree at most this. */
    static final int MAX_DEGREE = 4;

    /** One node's term: {@code constant * elements * shape(m, wA + wB L, 2^(inA) M^inB)}. */
    public record Term(int node, String op, String region, GadgetShape shape, Formula elements, Formula m, int wA, int wB, int inA, int inB,
            BigInteger num, BigInteger den, List<Poly> partConstants) {
        public Term(int node, String op, String region, GadgetShape shape, Formula elements, Formula m, int wA, int wB, int inA, int inB,
                BigInteger num, BigInteger den) {
            this(node, op, region, shape, elements, m, wA, wB, inA, inB, num, den, List.of());
        }

        /**
         * {@code c * elements * shape}, or where the node's parts have constants of their own,
         * {@code elements * sum_j c_j part_j}.
         */
        Poly bound() {
            Poly w = Poly.constant(BigInteger.valueOf(wA), BigInteger.ONE).plus(Poly.constant(BigInteger.valueOf(wB), BigInteger.ONE).times(Poly.term(0, 1, 0)));
            Poly t = Poly.constant(BigInteger.ONE.shiftLeft(inA), BigInteger.ONE).times(Poly.term(0, 0, inB));
            if (partConstants.isEmpty()) return Poly.constant(num, den).times(Poly.of(elements)).times(shape.of(Poly.of(m), w, t));
            List<Poly> parts = shape.parts(Poly.of(m), w, t);
            Poly sum = Poly.constant(BigInteger.ZERO, BigInteger.ONE);
            for (int j = 0; j < parts.size(); j++) sum = sum.plus(partConstants.get(j).times(parts.get(j)));
            return Poly.of(elements).times(sum);
        }

        /**
         * Whether the node's gates at n are within the term as the proof uses it: its elements and m polynomials,
         * width bounds and constant evaluated at n, L = ceil(log2 n), M = 2^L.
         */
        boolean covers(long n, NodeFigures f) {
            return f.gates().compareTo(bound().ceilAt(BigInteger.valueOf(n))) <= 0;
        }

        public String text() {
            return "node " + node + " " + op + " (" + region + "): " + num + (den.equals(BigInteger.ONE) ? "" : "/" + den) + " * [" + elements.text()
                    + "] * " + shape.text + " (m = " + m.text() + ", w <= " + wA + " + " + wB + " L" + (shape == GadgetShape.TABLE || shape == GadgetShape.ROW
                    || shape == GadgetShape.SCAN || shape == GadgetShape.LAYER || shape == GadgetShape.MEAN ? ", T <= 2^" + inA + " M^" + inB : "") + ")";
        }
    }

    /** A decomposition, or why there is none. */
    public record Result(Optional<Decomposition> decomposition, String reason) {}

    /** The bound on the gates: the sum of the terms. */
    public Poly bound() {
        Poly b = Poly.constant(BigInteger.ZERO, BigInteger.ONE);
        for (Term t : terms) b = b.plus(t.bound());
        return b;
    }

    /** "node 7 sqrt at n = 2048: 1,234 gates > its term's 1,000": the nodes past their terms at this n. */
    public List<String> exceeded(long n, List<NodeFigures> nodes) {
        List<String> out = new ArrayList<>();
        for (Term t : terms) {
            NodeFigures f = nodes.get(t.node());
            if (!t.covers(n, f)) out.add("node " + t.node() + " " + t.op() + " at n = " + n + ": " + f.gates() + " gates, past its term");
        }
        return out;
    }

    /**
     * The decomposition of the nodes counted at each n (the same program at every n: same ops and operands);
     * needs at least {@code MAX_DEGREE + 2} values of n up to {@link #FIT_MAX_N} and two powers of two.
     */
    public static Result of(SortedMap<Long, List<NodeFigures>> byN) {
        List<Long> ns = List.copyOf(byN.keySet());
        List<NodeFigures> first = byN.get(ns.getFirst());
        for (long n : ns) {
            String differs = differs(first, byN.get(n));
            if (!differs.isEmpty()) return none(differs + " at n = " + ns.getFirst() + " and n = " + n);
        }
        List<Long> powers = ns.stream().filter(n -> Long.bitCount(n) == 1).toList();
        if (powers.size() < 2) return none("the widths' growth needs two powers of two counted");
        long p1 = powers.get(powers.size() - 2), p2 = powers.getLast();
        int l1 = Long.numberOfTrailingZeros(p1), l2 = Long.numberOfTrailingZeros(p2);
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            final int id = i;
            if (ns.stream().allMatch(n -> byN.get(n).get(id).gates().signum() == 0)) continue;
            NodeFigures f0 = first.get(i);
            Optional<GadgetShape> shape = Optional.ofNullable(f0.shape());
            if (shape.isEmpty()) return none("node " + i + " (" + f0.op() + ", " + f0.region() + ") has gates but no gadget shape is written for " + f0.op());
            Optional<Formula> e = polynomial(byN, id, f -> BigInteger.valueOf(f.elements()));
            Optional<Formula> m = polynomial(byN, id, f -> BigInteger.valueOf(f.m()));
            if (e.isEmpty() || m.isEmpty()) return none("node " + i + " (" + f0.op() + "): its " + (e.isEmpty() ? "elements are" : "length m is") + " no polynomial in n of degree <= " + MAX_DEGREE);
            int[] wb = widthBound(byN, id, NodeFigures::w, l1, l2, p1, p2), ib = widthBound(byN, id, NodeFigures::wIn, l1, l2, p1, p2);
            if (wb == null || ib == null) return none("node " + i + " (" + f0.op() + "): its width does not grow by a whole number of bits per doubling of n");
            // c: the largest gates / (elements * shape) over n <= FIT_MAX_N, as a fraction
            BigInteger num = BigInteger.ZERO, den = BigInteger.ONE;
            for (long n : ns) {
                if (n > FIT_MAX_N) continue;
                NodeFigures f = byN.get(n).get(id);
                BigInteger d = shape.get().at(f.m(), f.w(), f.wIn()).multiply(BigInteger.valueOf(f.elements()));
                if (d.signum() == 0) continue;
                if (f.gates().multiply(den).compareTo(num.multiply(d)) > 0) { num = f.gates(); den = d; }
            }
            boolean byConstants = (shape.get() == GadgetShape.DOT || shape.get() == GadgetShape.QUADRATIC) && ns.stream().anyMatch(n -> !byN.get(n).get(id).variableOperands());
            num = num.multiply(byConstants ? CONSTANT_MARGIN : MARGIN_NUM);
            den = den.multiply(byConstants ? BigInteger.ONE : MARGIN_DEN);
            BigInteger g = num.gcd(den);
            if (g.signum() > 0) { num = num.divide(g); den = den.divide(g); }
            Term term = new Term(i, f0.op(), f0.region(), shape.get(), e.get(), m.get(), wb[0], wb[1], ib[0], ib[1], num, den);
            if (ns.stream().anyMatch(n -> n > FIT_MAX_N && !term.covers(n, byN.get(n).get(id)))) {
                // one constant over a sum shape is fitted where one part dominates; a part that takes over later passes it:
                // each part gets its own constant, the largest gates / (elements * part) at n <= FIT_MAX_N with the margin
                terms.add(new Term(i, f0.op(), f0.region(), shape.get(), e.get(), m.get(), wb[0], wb[1], ib[0], ib[1], num, den,
                        partConstants(byN, id, shape.get(), byConstants)));
            } else {
                terms.add(term);
            }
        }
        return new Result(Optional.of(new Decomposition(List.copyOf(terms))), "");
    }

    /**
     * The smallest n counted from which every n counted has the program of the largest (the same nodes, ops and
     * operands): below it constant folding can make another program (a mask's kron folded into a weight at n = 4).
     */
    public static long sameProgramFrom(SortedMap<Long, List<NodeFigures>> byN) {
        List<NodeFigures> last = byN.get(byN.lastKey());
        long from = byN.lastKey();
        for (long n : List.copyOf(byN.headMap(byN.lastKey()).keySet()).reversed()) {
            if (!differs(byN.get(n), last).isEmpty()) break;
            from = n;
        }
        return from;
    }

    /**
     * "" where the two programs have the same nodes, ops and operands, else the first difference; a constant node
     * matches a constant node whatever its op (a mask folded into a weight at small n, computed from constants at
     * larger n: no gates either way).
     */
    private static String differs(List<NodeFigures> a, List<NodeFigures> b) {
        if (a.size() != b.size()) return "the program has " + a.size() + " and " + b.size() + " nodes";
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).constant() && b.get(i).constant() && a.get(i).gates().signum() == 0 && b.get(i).gates().signum() == 0) continue;
            if (!a.get(i).op().equals(b.get(i).op()) || !a.get(i).operands().equals(b.get(i).operands())) {
                return "node " + i + " is " + a.get(i).op() + " and " + b.get(i).op();
            }
        }
        return "";
    }

    /** Per part of the shape: margin * the largest gates / (elements * part) over n <= FIT_MAX_N (zero where the part is zero there). */
    private static List<Poly> partConstants(SortedMap<Long, List<NodeFigures>> byN, int id, GadgetShape shape, boolean byConstants) {
        List<Poly> out = new ArrayList<>();
        int parts = shape.parts(one(), one(), one()).size();
        for (int j = 0; j < parts; j++) {
            BigInteger num = BigInteger.ZERO, den = BigInteger.ONE;
            for (Map.Entry<Long, List<NodeFigures>> e : byN.entrySet()) {
                if (e.getKey() > FIT_MAX_N) continue;
                NodeFigures f = e.getValue().get(id);
                Poly part = shape.parts(constant(f.m()), constant(f.w()), Poly.constant(BigInteger.ONE.shiftLeft(f.wIn()), BigInteger.ONE)).get(j);
                BigInteger d = part.numerators().getOrDefault(new Poly.Term(0, 0, 0), BigInteger.ZERO).divide(part.denominator()).multiply(BigInteger.valueOf(f.elements()));
                if (d.signum() == 0) continue;
                if (f.gates().multiply(den).compareTo(num.multiply(d)) > 0) { num = f.gates(); den = d; }
            }
            out.add(Poly.constant(num.multiply(byConstants ? CONSTANT_MARGIN : MARGIN_NUM), den.multiply(byConstants ? BigInteger.ONE : MARGIN_DEN)));
        }
        return List.copyOf(out);
    }

    private static Poly one() {
        return Poly.constant(BigInteger.ONE, BigInteger.ONE);
    }

    private static Poly constant(long v) {
        return Poly.constant(BigInteger.valueOf(v), BigInteger.ONE);
    }

    private static Result none(String why) {
        return new Result(Optional.empty(), why);
    }

    /** A node's figure as a polynomial in n: fitted on the smallest n, equal at every other n counted; empty where none of degree <= MAX_DEGREE is. */
    private static Optional<Formula> polynomial(SortedMap<Long, List<NodeFigures>> byN, int id, java.util.function.Function<NodeFigures, BigInteger> v) {
        SortedMap<Long, BigInteger> values = new TreeMap<>();
        byN.forEach((n, x) -> values.put(n, v.apply(x.get(id))));
        return Fit.search(values, MAX_DEGREE, 0, 1).map(Fit.Result::formula);
    }

    /** {a, b}: width <= a + b L at every n counted, b the step per doubling between the two largest powers of two; null where b is not a whole number >= 0. */
    private static int[] widthBound(SortedMap<Long, List<NodeFigures>> byN, int id, java.util.function.ToIntFunction<NodeFigures> w, int l1, int l2, long p1, long p2) {
        int step = w.applyAsInt(byN.get(p2).get(id)) - w.applyAsInt(byN.get(p1).get(id));
        if (step < 0 || step % (l2 - l1) != 0) return null;
        int b = step / (l2 - l1), a = Integer.MIN_VALUE;
        for (Map.Entry<Long, List<NodeFigures>> e : byN.entrySet()) {
            a = Math.max(a, w.applyAsInt(e.getValue().get(id)) - b * Formula.ceilLog2(BigInteger.valueOf(e.getKey())));
        }
        return new int[] {Math.max(a, 0), b};
    }
}
