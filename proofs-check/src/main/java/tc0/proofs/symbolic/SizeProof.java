package tc0.proofs.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The size of a spec proved for every n >= 4 from its {@link Decomposition}: the nodes' terms confirmed at every
 * n counted past the fit, then Z3 proves {@code bound(n, L, M) <= C n^k} for the smallest k it can
 * ({@link Z3Growth#provesAtMostEveryN}: the whole sum at once, or where that is too big for the solver in time,
 * term by term, {@link #termByTerm}), and a bound one degree lower is tried on the counts.
 *
 * @param bound    the decomposition's sum of terms
 * @param exceeded nodes past their terms at some n counted, or no n counted to confirm them on (then nothing is claimed)
 * @param k        the degree proved, -1 where none
 * @param c        its constant
 * @param lower    "C' n^(k-1), C' the largest count / n^(k-1) at n <= 64, is exceeded by the count at n = X", or why not
 */
public record SizeProof(Decomposition decomposition, Poly bound, List<String> exceeded, int k, BigInteger c, String lower) {
    /** Degrees tried on the whole sum before going term by term. */
    static final int MAX_K = 8;

    public boolean proved() {
        return exceeded.isEmpty() && k >= 0;
    }

    public static SizeProof of(Decomposition d, SortedMap<Long, List<NodeFigures>> byN, SortedMap<Long, BigInteger> gates) {
        List<String> exceeded = new ArrayList<>();
        byN.forEach((n, nodes) -> { if (n > Decomposition.FIT_MAX_N) exceeded.addAll(d.exceeded(n, nodes)); });
        if (byN.lastKey() <= Decomposition.FIT_MAX_N) exceeded.add("no n past " + Decomposition.FIT_MAX_N + " counted: the node terms are fitted, never confirmed");
        Poly b = d.bound();
        if (!exceeded.isEmpty()) return new SizeProof(d, b, List.copyOf(exceeded), -1, BigInteger.ZERO, "-");
        for (int k = 1; k <= MAX_K; k++) {
            Optional<BigInteger> c = sampledConstant(b, k);
            if (c.isEmpty()) continue;
            if (Z3Growth.provesAtMostEveryN(b, c.get(), k)) return new SizeProof(d, b, List.of(), k, c.get(), lower(gates, k - 1));
            break; // the whole sum is too big for nlsat in time: term by term below
        }
        return termByTerm(d, b, gates);
    }

    /**
     * The bound term by term: Z3 proves {@code L^b M^c <= 2^c 3^floor(b/2) n^(c + ceil(b/2))} for each shape of
     * term (L <= n and L^2 <= M + 1 <= 3n, M <= 2n), so each positive term is at most its coefficient times that
     * constant times n^(its degree); with n >= 4, n^j <= n^k / 4^(k - j). Negative terms are dropped (the sum only
     * grows). k is the largest degree, C the sum of the scaled coefficients, rounded up.
     */
    static SizeProof termByTerm(Decomposition d, Poly b, SortedMap<Long, BigInteger> gates) {
        int k = 0;
        for (var e : b.numerators().entrySet()) if (e.getValue().signum() > 0) k = Math.max(k, degree(e.getKey()));
        BigInteger num = BigInteger.ZERO, den = b.denominator().shiftLeft(2 * k);
        java.util.Set<List<Integer>> proved = new java.util.HashSet<>();
        for (var e : b.numerators().entrySet()) {
            if (e.getValue().signum() <= 0) continue;
            Poly.Term t = e.getKey();
            BigInteger kappa = BigInteger.ONE.shiftLeft(t.c()).multiply(BigInteger.valueOf(3).pow(t.b() / 2));
            int j = t.c() + (t.b() + 1) / 2;
            if (proved.add(List.of(t.b(), t.c())) && !Z3Growth.provesAtMostEveryN(Poly.term(0, t.b(), t.c()), kappa, j)) {
                return new SizeProof(d, b, List.of(), -1, BigInteger.ZERO, "-");
            }
            // coefficient * kappa * n^(a + j) <= coefficient * kappa * n^k / 4^(k - a - j)
            num = num.add(e.getValue().multiply(kappa).shiftLeft(2 * (t.a() + j)));
        }
        BigInteger c = num.add(den).subtract(BigInteger.ONE).divide(den).max(BigInteger.ONE);
        return new SizeProof(d, b, List.of(), Math.max(k, 1), c, lower(gates, Math.max(k, 1) - 1));
    }

    /** A term's degree in n once L^b <= 3^floor(b/2) n^ceil(b/2) and M <= 2n. */
    static int degree(Poly.Term t) {
        return t.a() + t.c() + (t.b() + 1) / 2;
    }

    /**
     * The largest b(n)/n^k at n = 2^(L-1) + 1 and n = 2^L, L = 2..64 (rounded up), where the ratio has stopped
     * growing between n = 2^63 and 2^64; empty where it still grows (no constant can do).
     */
    static Optional<BigInteger> sampledConstant(Poly b, int k) {
        BigDecimal best = BigDecimal.ZERO, atTop = null, belowTop = null;
        for (int l = 2; l <= 64; l++) {
            BigInteger top = BigInteger.ONE.shiftLeft(l);
            for (BigInteger n : List.of(top.shiftRight(1).add(BigInteger.ONE), top)) {
                if (n.compareTo(BigInteger.valueOf(4)) < 0) continue;
                BigDecimal r = new BigDecimal(b.scaledAt(n, l, top)).divide(new BigDecimal(b.denominator().multiply(n.pow(k))), 6, RoundingMode.UP);
                best = best.max(r);
                if (n.equals(top)) { belowTop = atTop; atTop = r; }
            }
        }
        // still growing from n = 2^63 to 2^64 (by more than a millionth): no constant holds
        if (belowTop != null && atTop.subtract(belowTop).compareTo(belowTop.movePointLeft(6)) > 0) return Optional.empty();
        return Optional.of(best.setScale(0, RoundingMode.UP).toBigInteger().max(BigInteger.ONE));
    }

    /** The count against C' n^j, C' fitting every count at n <= 64: the first n counted where it is exceeded. */
    static String lower(SortedMap<Long, BigInteger> gates, int j) {
        BigInteger num = BigInteger.ZERO, den = BigInteger.ONE;
        for (Map.Entry<Long, BigInteger> e : gates.entrySet()) {
            if (e.getKey() > Decomposition.FIT_MAX_N) continue;
            BigInteger d = BigInteger.valueOf(e.getKey()).pow(j);
            if (e.getValue().multiply(den).compareTo(num.multiply(d)) > 0) { num = e.getValue(); den = d; }
        }
        BigInteger cc = num.add(den).subtract(BigInteger.ONE).divide(den);
        for (Map.Entry<Long, BigInteger> e : gates.entrySet()) {
            if (e.getValue().compareTo(cc.multiply(BigInteger.valueOf(e.getKey()).pow(j))) > 0) {
                return cc + " n^" + j + " (which every count at n <= " + Decomposition.FIT_MAX_N + " is within) is exceeded by the count at n = " + e.getKey()
                        + " (" + e.getValue() + ")";
            }
        }
        return "no count exceeds " + cc + " n^" + j + " (every count at n <= " + Decomposition.FIT_MAX_N + " is within it): degree " + j
                + " is not refuted on the counts (a log factor shows only past them: see the size from below)";
    }
}
