package tc0.proofs.symbolic;

import java.math.BigInteger;

/** {@code n^a L^b}, with {@code L = ceil(log2 n)}: one term's shape in a size or depth formula. */
public record Monomial(int a, int b) implements Comparable<Monomial> {
    public Monomial {
        if (a < 0 || b < 0) throw new IllegalArgumentException("exponents must be at least 0: n^" + a + " L^" + b);
    }

    public BigInteger at(BigInteger n, int l) {
        return n.pow(a).multiply(BigInteger.valueOf(l).pow(b));
    }

    /** The degree in n once L is bounded by a power of n (L <= n): a + b. */
    public int degree() {
        return a + b;
    }

    /** Highest n power first, then highest L power: the order a formula prints in. */
    @Override public int compareTo(Monomial o) {
        return a != o.a ? Integer.compare(o.a, a) : Integer.compare(o.b, b);
    }

    /** "n^2 L", "n", "L^2", "1" */
    public String text() {
        if (a == 0 && b == 0) return "1";
        String n = a == 0 ? "" : a == 1 ? "n" : "n^" + a;
        String l = b == 0 ? "" : b == 1 ? "L" : "L^" + b;
        return n.isEmpty() ? l : l.isEmpty() ? n : n + " " + l;
    }
}
