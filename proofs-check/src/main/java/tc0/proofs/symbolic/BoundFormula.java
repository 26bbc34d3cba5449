package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tc0.dsl.ast.SizeExpr;

/**
 * An asserted bound ({@code assert size <= 460 * n^2 + ...}) as a {@link Formula} in n and L, the other
 * parameters at their values: +, -, *, constant powers, {@code log2(n)} as L and {@code log2} of a constant.
 * Empty where the bound uses what a polynomial does not hold exactly ({@code /} rounds down, min, max,
 * log2 of anything else): such a bound is not proved for all n.
 */
public final class BoundFormula {
    private BoundFormula() {}

    public static Optional<Formula> of(SizeExpr e, Map<String, Long> others) {
        try {
            Map<Monomial, BigInteger> p = poly(e, others);
            return Optional.of(new Formula(p, BigInteger.ONE));
        } catch (IllegalArgumentException x) {
            return Optional.empty();
        }
    }

    private static Map<Monomial, BigInteger> poly(SizeExpr e, Map<String, Long> others) {
        return switch (e) {
            case SizeExpr.Lit l -> constant(BigInteger.valueOf(l.value()));
            case SizeExpr.Sym s when s.name().equals("n") -> Map.of(new Monomial(1, 0), BigInteger.ONE);
            case SizeExpr.Sym s -> {
                Long v = others.get(s.name());
                if (v == null) throw new IllegalArgumentException("no value for " + s.name());
                yield constant(BigInteger.valueOf(v));
            }
            case SizeExpr.Neg n -> scale(poly(n.operand(), others), BigInteger.ONE.negate());
            case SizeExpr.Bin b -> switch (b.op()) {
                case ADD -> add(poly(b.left(), others), poly(b.right(), others), BigInteger.ONE);
                case SUB -> add(poly(b.left(), others), poly(b.right(), others), BigInteger.ONE.negate());
                case MUL -> mul(poly(b.left(), others), poly(b.right(), others));
                case POW -> {
                    Map<Monomial, BigInteger> r = poly(b.right(), others);
                    if (!isConstant(r)) throw new IllegalArgumentException("a power with n in its exponent");
                    int k = r.getOrDefault(new Monomial(0, 0), BigInteger.ZERO).intValueExact();
                    if (k < 0 || k > 16) throw new IllegalArgumentException("exponent " + k);
                    Map<Monomial, BigInteger> x = constant(BigInteger.ONE), base = poly(b.left(), others);
                    for (int i = 0; i < k; i++) x = mul(x, base);
                    yield x;
                }
                case DIV -> throw new IllegalArgumentException("/ rounds down");
            };
            case SizeExpr.Fn f -> switch (f.fn()) {
                case LOG2 -> {
                    SizeExpr a = f.args().getFirst();
                    if (a instanceof SizeExpr.Sym s && s.name().equals("n")) yield Map.of(new Monomial(0, 1), BigInteger.ONE);
                    Map<Monomial, BigInteger> c = poly(a, others);
                    if (!isConstant(c)) throw new IllegalArgumentException("log2 of a size other than n");
                    BigInteger v = c.getOrDefault(new Monomial(0, 0), BigInteger.ZERO);
                    if (v.signum() < 1) throw new IllegalArgumentException("log2 of " + v);
                    yield constant(BigInteger.valueOf(v.subtract(BigInteger.ONE).bitLength()));
                }
                case MIN, MAX -> throw new IllegalArgumentException(f.fn() + " is not a polynomial");
            };
        };
    }

    private static Map<Monomial, BigInteger> constant(BigInteger c) {
        return Map.of(new Monomial(0, 0), c);
    }

    private static boolean isConstant(Map<Monomial, BigInteger> p) {
        return p.entrySet().stream().allMatch(x -> x.getValue().signum() == 0 || x.getKey().a() == 0 && x.getKey().b() == 0);
    }

    private static Map<Monomial, BigInteger> scale(Map<Monomial, BigInteger> p, BigInteger c) {
        Map<Monomial, BigInteger> r = new HashMap<>();
        p.forEach((m, v) -> r.put(m, v.multiply(c)));
        return r;
    }

    private static Map<Monomial, BigInteger> add(Map<Monomial, BigInteger> x, Map<Monomial, BigInteger> y, BigInteger sign) {
        Map<Monomial, BigInteger> r = new HashMap<>(x);
        y.forEach((m, v) -> r.merge(m, v.multiply(sign), BigInteger::add));
        return r;
    }

    private static Map<Monomial, BigInteger> mul(Map<Monomial, BigInteger> x, Map<Monomial, BigInteger> y) {
        Map<Monomial, BigInteger> r = new HashMap<>();
        x.forEach((mx, vx) -> y.forEach((my, vy) -> r.merge(new Monomial(mx.a() + my.a(), mx.b() + my.b()), vx.multiply(vy), BigInteger::add)));
        return r;
    }
}
