package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * A polynomial in n and L = ceil(log2 n) with rational coefficients, held exactly: integer numerators over one
 * common positive denominator. A size or depth formula of a spec; {@link #at} evaluates it exactly.
 *
 * @param numerators  each monomial's numerator (no zero entries)
 * @param denominator the common denominator, positive
 */
public record Formula(Map<Monomial, BigInteger> numerators, BigInteger denominator) {
    public Formula {
        if (denominator.signum() <= 0) throw new IllegalArgumentException("denominator must be positive: " + denominator);
        TreeMap<Monomial, BigInteger> m = new TreeMap<>();
        numerators.forEach((k, v) -> { if (v.signum() != 0) m.put(k, v); });
        BigInteger g = denominator;
        for (BigInteger v : m.values()) g = g.gcd(v);
        if (g.signum() == 0) g = BigInteger.ONE;
        final BigInteger gg = g;
        m.replaceAll((k, v) -> v.divide(gg));
        numerators = java.util.Collections.unmodifiableSortedMap(m);
        denominator = denominator.divide(gg);
    }

    /** A constant. */
    public static Formula constant(BigInteger c) {
        return new Formula(Map.of(new Monomial(0, 0), c), BigInteger.ONE);
    }

    /** L = ceil(log2 n), for n >= 1. */
    public static int ceilLog2(BigInteger n) {
        if (n.signum() <= 0) throw new IllegalArgumentException("log2 of " + n);
        return n.subtract(BigInteger.ONE).bitLength();
    }

    /** denominator * value at n (an integer for every n). */
    public BigInteger scaledAt(BigInteger n) {
        int l = ceilLog2(n);
        BigInteger s = BigInteger.ZERO;
        for (var e : numerators.entrySet()) s = s.add(e.getValue().multiply(e.getKey().at(n, l)));
        return s;
    }

    /** The value at n, exactly; throws where it is not an integer (a formula of counts is an integer wherever it holds). */
    public BigInteger at(BigInteger n) {
        BigInteger[] qr = scaledAt(n).divideAndRemainder(denominator);
        if (qr[1].signum() != 0) throw new ArithmeticException(text() + " is not an integer at n = " + n);
        return qr[0];
    }

    public BigInteger at(long n) {
        return at(BigInteger.valueOf(n));
    }

    /** Whether the value at n is exactly {@code v}. */
    public boolean equalsAt(BigInteger n, BigInteger v) {
        return scaledAt(n).equals(v.multiply(denominator));
    }

    /** The highest a + b over the terms with a positive coefficient: the k of n^k once L <= n. */
    public int degree() {
        int k = 0;
        for (var e : numerators.entrySet()) if (e.getValue().signum() > 0) k = Math.max(k, e.getKey().degree());
        return k;
    }

    /** Whether the formula has a term in n or L (a constant has none). */
    public boolean dependsOnN() {
        return numerators.keySet().stream().anyMatch(m -> m.a() > 0 || m.b() > 0);
    }

    /** The coefficient of a monomial's numerator (zero where absent). */
    public BigInteger numerator(Monomial m) {
        return numerators.getOrDefault(m, BigInteger.ZERO);
    }

    /** "(3 n^2 L + 10 n - 4) / 2", "92" */
    public String text() {
        StringBuilder s = new StringBuilder();
        for (var e : numerators.entrySet()) {
            BigInteger c = e.getValue();
            String mono = e.getKey().text();
            boolean one = mono.equals("1");
            if (s.isEmpty()) s.append(c.signum() < 0 ? "-" : "");
            else s.append(c.signum() < 0 ? " - " : " + ");
            BigInteger abs = c.abs();
            s.append(one ? abs.toString() : abs.equals(BigInteger.ONE) ? mono : abs + " " + mono);
        }
        if (s.isEmpty()) s.append('0');
        return denominator.equals(BigInteger.ONE) ? s.toString() : "(" + s + ") / " + denominator;
    }
}
