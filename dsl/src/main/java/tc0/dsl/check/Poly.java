package tc0.dsl.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.SizeExpr;

/**
 * A size expression normalised to a polynomial with integer coefficients over atoms: size names,
 * and opaque terms for what is not polynomial ({@code log2(..)}, a division that is not exact,
 * {@code min}, {@code max}, a power with a non-constant or large exponent). Two sizes are equal when
 * their polynomials are: {@code 2*n} equals {@code n + n}; {@code 4*d} does not equal {@code d}.
 * Opaque atoms compare by the normal form of their arguments.
 */
public record Poly(Map<Map<String, Integer>, Long> terms) {
    private static final int MAX_EXPANDED_POWER = 16;

    public Poly {
        TreeMap<Map<String, Integer>, Long> clean = new TreeMap<>(Poly::compareMonomials);
        terms.forEach((m, c) -> {
            if (c != 0) {
                clean.merge(new TreeMap<>(m), c, Math::addExact);
            }
        });
        clean.values().removeIf(c -> c == 0);
        terms = java.util.Collections.unmodifiableMap(clean);
    }

    public static Poly constant(long c) {
        return new Poly(Map.of(Map.of(), c));
    }

    public static Poly atom(String name) {
        return new Poly(Map.of(Map.of(name, 1), 1L));
    }

    /**
     * The normal form of {@code e}.
     *
     * @throws ArithmeticException when a coefficient overflows 64 bits
     */
    public static Poly of(SizeExpr e) {
        return switch (e) {
            case SizeExpr.Lit l -> constant(l.value());
            case SizeExpr.Sym s -> atom(s.name());
            case SizeExpr.Neg n -> of(n.operand()).times(constant(-1));
            case SizeExpr.Bin b -> bin(b.op(), of(b.left()), of(b.right()));
            case SizeExpr.Fn f -> fn(f);
        };
    }

    private static Poly bin(SizeExpr.SizeOp op, Poly l, Poly r) {
        return switch (op) {
            case ADD -> l.plus(r);
            case SUB -> l.plus(r.times(constant(-1)));
            case MUL -> l.times(r);
            case DIV -> l.dividedBy(r);
            case POW -> l.power(r);
        };
    }

    private static Poly fn(SizeExpr.Fn f) {
        List<Poly> args = f.args().stream().map(Poly::of).toList();
        if (args.stream().allMatch(Poly::isConstant)) {
            return constant(tc0.dsl.ast.SizeExprs.eval(new SizeExpr.Fn(f.fn(),
                    args.stream().map(a -> (SizeExpr) new SizeExpr.Lit(a.constantValue(), f.pos())).toList(),
                    f.pos()), Map.of()));
        }
        if (f.fn() != SizeExpr.SizeFn.LOG2 && args.get(0).equals(args.get(1))) {
            return args.get(0);
        }
        List<String> texts = new ArrayList<>(args.stream().map(Poly::toString).toList());
        if (f.fn() != SizeExpr.SizeFn.LOG2) {
            texts.sort(null);
        }
        return atom(f.fn().text() + "(" + String.join(", ", texts) + ")");
    }

    public boolean isConstant() {
        return terms.keySet().stream().allMatch(Map::isEmpty);
    }

    /** The constant value; only for constant polynomials. */
    public long constantValue() {
        return terms.getOrDefault(Map.of(), 0L);
    }

    public Poly plus(Poly o) {
        Map<Map<String, Integer>, Long> out = new TreeMap<>(Poly::compareMonomials);
        out.putAll(terms);
        o.terms.forEach((m, c) -> out.merge(m, c, Math::addExact));
        return new Poly(out);
    }

    public Poly times(Poly o) {
        Map<Map<String, Integer>, Long> out = new TreeMap<>(Poly::compareMonomials);
        terms.forEach((m1, c1) -> o.terms.forEach((m2, c2) -> {
            Map<String, Integer> m = new TreeMap<>(m1);
            m2.forEach((a, k) -> m.merge(a, k, Integer::sum));
            out.merge(m, Math.multiplyExact(c1, c2), Math::addExact);
        }));
        return new Poly(out);
    }

    private Poly dividedBy(Poly d) {
        if (d.isConstant() && d.constantValue() != 0) {
            long k = d.constantValue();
            if (isConstant()) {
                return constant(Math.floorDiv(constantValue(), k));
            }
            if (terms.values().stream().allMatch(c -> c % k == 0)) {
                Map<Map<String, Integer>, Long> out = new TreeMap<>(Poly::compareMonomials);
                terms.forEach((m, c) -> out.put(m, c / k));
                return new Poly(out);
            }
        }
        if (equals(d) && !d.terms.isEmpty()) {
            return constant(1);
        }
        return atom("(" + this + ")/(" + d + ")");
    }

    private Poly power(Poly e) {
        if (e.isConstant() && e.constantValue() >= 0 && e.constantValue() <= MAX_EXPANDED_POWER) {
            Poly out = constant(1);
            for (long i = 0; i < e.constantValue(); i++) {
                out = out.times(this);
            }
            return out;
        }
        if (isConstant() && e.isConstant() && e.constantValue() >= 0) {
            return constant(tc0.dsl.ast.SizeExprs.eval(new SizeExpr.Bin(SizeExpr.SizeOp.POW,
                    new SizeExpr.Lit(constantValue(), tc0.dsl.ast.Pos.NONE),
                    new SizeExpr.Lit(e.constantValue(), tc0.dsl.ast.Pos.NONE), tc0.dsl.ast.Pos.NONE), Map.of()));
        }
        return atom("(" + this + ")^(" + e + ")");
    }

    private static int compareMonomials(Map<String, Integer> a, Map<String, Integer> b) {
        return key(a).compareTo(key(b));
    }

    private static String key(Map<String, Integer> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((a, k) -> sb.append(a).append('^').append(k).append('*'));
        return sb.toString();
    }

    /** Canonical text, e.g. {@code 2*n^2 + 3*d + 1}. */
    @Override
    public String toString() {
        if (terms.isEmpty()) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        terms.forEach((m, c) -> {
            List<String> factors = new ArrayList<>();
            if (c != 1 || m.isEmpty()) {
                factors.add(Long.toString(c));
            }
            m.forEach((a, k) -> factors.add(k == 1 ? a : a + "^" + k));
            parts.add(String.join("*", factors));
        });
        if (terms.containsKey(Map.of()) && parts.size() > 1) {
            parts.add(parts.removeFirst());
        }
        return String.join(" + ", parts);
    }

    /** The normal form of a size written as text, for messages. */
    public static String describe(SizeExpr e) {
        try {
            return of(e).toString();
        } catch (RuntimeException ex) {
            return Printer.size(e);
        }
    }
}
