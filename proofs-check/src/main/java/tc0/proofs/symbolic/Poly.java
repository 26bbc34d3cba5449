package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * A polynomial in n, L = ceil(log2 n) and M = 2^L (so n <= M < 2n) with rational coefficients: integer
 * numerators per term over one positive denominator. The size bound of a decomposition ({@link SizeBound}).
 *
 * @param numerators  term (exponents of n, L, M) to numerator, no zeros
 * @param denominator positive
 */
public record Poly(Map<Term, BigInteger> numerators, BigInteger denominator) {
    /** {@code n^a L^b M^c}. */
    public record Term(int a, int b, int c) implements Comparable<Term> {
        @Override public int compareTo(Term o) {
            return a != o.a ? Integer.compare(o.a, a) : c != o.c ? Integer.compare(o.c, c) : Integer.compare(o.b, b);
        }

        String text() {
            String s = (a == 0 ? "" : a == 1 ? " n" : " n^" + a) + (c == 0 ? "" : c == 1 ? " M" : " M^" + c) + (b == 0 ? "" : b == 1 ? " L" : " L^" + b);
            return s.isEmpty() ? "1" : s.substring(1);
        }
    }

    public Poly {
        if (denominator.signum() <= 0) throw new IllegalArgumentException("denominator " + denominator);
        TreeMap<Term, BigInteger> m = new TreeMap<>();
        numerators.forEach((k, v) -> { if (v.signum() != 0) m.merge(k, v, BigInteger::add); });
        m.values().removeIf(v -> v.signum() == 0);
        BigInteger g = denominator;
        for (BigInteger v : m.values()) g = g.gcd(v);
        final BigInteger gg = g;
        m.replaceAll((k, v) -> v.divide(gg));
        numerators = java.util.Collections.unmodifiableSortedMap(m);
        denominator = denominator.divide(gg);
    }

    public static Poly constant(BigInteger num, BigInteger den) {
        return new Poly(Map.of(new Term(0, 0, 0), num), den);
    }

    public static Poly term(int a, int b, int c) {
        return new Poly(Map.of(new Term(a, b, c), BigInteger.ONE), BigInteger.ONE);
    }

    /** A formula in n and L ({@link Formula}) as a polynomial. */
    public static Poly of(Formula f) {
        Map<Term, BigInteger> m = new TreeMap<>();
        f.numerators().forEach((t, v) -> m.put(new Term(t.a(), t.b(), 0), v));
        return new Poly(m, f.denominator());
    }

    public Poly plus(Poly o) {
        Map<Term, BigInteger> m = new TreeMap<>();
        numerators.forEach((t, v) -> m.merge(t, v.multiply(o.denominator), BigInteger::add));
        o.numerators.forEach((t, v) -> m.merge(t, v.multiply(denominator), BigInteger::add));
        return new Poly(m, denominator.multiply(o.denominator));
    }

    public Poly times(Poly o) {
        Map<Term, BigInteger> m = new TreeMap<>();
        numerators.forEach((t, v) -> o.numerators.forEach((u, w) -> m.merge(new Term(t.a + u.a, t.b + u.b, t.c + u.c), v.multiply(w), BigInteger::add)));
        return new Poly(m, denominator.multiply(o.denominator));
    }

    public Poly power(int k) {
        Poly r = constant(BigInteger.ONE, BigInteger.ONE);
        for (int i = 0; i < k; i++) r = r.times(this);
        return r;
    }

    /** Whether every coefficient is at least 0 (then the value grows with n, L and M). */
    public boolean nonNegative() {
        return numerators.values().stream().allMatch(v -> v.signum() >= 0);
    }

    /** denominator * value at (n, L, M). */
    public BigInteger scaledAt(BigInteger n, int l, BigInteger m) {
        BigInteger s = BigInteger.ZERO;
        for (var e : numerators.entrySet()) {
            Term t = e.getKey();
            s = s.add(e.getValue().multiply(n.pow(t.a)).multiply(BigInteger.valueOf(l).pow(t.b)).multiply(m.pow(t.c)));
        }
        return s;
    }

    /** The value at n with L = ceil(log2 n) and M = 2^L, rounded up. */
    public BigInteger ceilAt(BigInteger n) {
        int l = Formula.ceilLog2(n);
        BigInteger[] qr = scaledAt(n, l, BigInteger.ONE.shiftLeft(l)).divideAndRemainder(denominator);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    /** The highest a + c over the terms (L counted as no power of n). */
    public int degreeNM() {
        int k = 0;
        for (Term t : numerators.keySet()) k = Math.max(k, t.a + t.c);
        return k;
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        for (var e : numerators.entrySet()) {
            BigInteger c = e.getValue();
            String mono = e.getKey().text();
            if (s.isEmpty()) s.append(c.signum() < 0 ? "-" : "");
            else s.append(c.signum() < 0 ? " - " : " + ");
            s.append(mono.equals("1") ? c.abs().toString() : c.abs().equals(BigInteger.ONE) ? mono : c.abs() + " " + mono);
        }
        if (s.isEmpty()) s.append('0');
        return denominator.equals(BigInteger.ONE) ? s.toString() : "(" + s + ") / " + denominator;
    }
}
