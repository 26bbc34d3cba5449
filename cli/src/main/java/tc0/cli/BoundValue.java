package tc0.cli;

import java.math.BigInteger;
import java.util.Map;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.SizeExpr;

/**
 * An asserted bound's exact value: {@link tc0.dsl.ast.SizeExprs#eval}'s arithmetic ({@code /} rounds down,
 * {@code log2} is the ceiling) in big integers, since a counted size may pass 2^63 - 1 and must be compared
 * with the bound itself, not a saturated long (docs/LANGUAGE.md, Asserts).
 */
final class BoundValue {
    private BoundValue() {}

    /** Bounds longer than this many bits are refused rather than computed (n^n at a large n). */
    static final int MAX_BITS = 1 << 16;

    /** The value of {@code e} for the parameter values {@code env}; a bound that cannot be evaluated is a {@link UserError} at {@code where}. */
    static BigInteger of(SizeExpr e, Map<String, Long> env, String where) {
        return switch (e) {
            case SizeExpr.Lit l -> BigInteger.valueOf(l.value());
            case SizeExpr.Sym s -> {
                Long v = env.get(s.name());
                if (v == null) throw new UserError(where + ": the bound's size '" + s.name() + "' has no value; give it with --set");
                yield BigInteger.valueOf(v);
            }
            case SizeExpr.Neg n -> of(n.operand(), env, where).negate();
            case SizeExpr.Bin b -> bin(b, of(b.left(), env, where), of(b.right(), env, where), where);
            case SizeExpr.Fn f -> switch (f.fn()) {
                case LOG2 -> {
                    BigInteger x = of(f.args().getFirst(), env, where);
                    if (x.signum() < 1) throw new UserError(where + ": log2 of " + x + " in the bound " + Printer.size(e) + " (needs a value >= 1)");
                    yield BigInteger.valueOf(x.subtract(BigInteger.ONE).bitLength());
                }
                case MIN -> of(f.args().get(0), env, where).min(of(f.args().get(1), env, where));
                case MAX -> of(f.args().get(0), env, where).max(of(f.args().get(1), env, where));
            };
        };
    }

    private static BigInteger bin(SizeExpr.Bin b, BigInteger l, BigInteger r, String where) {
        return switch (b.op()) {
            case ADD -> l.add(r);
            case SUB -> l.subtract(r);
            case MUL -> l.multiply(r);
            case DIV -> {
                if (r.signum() == 0) throw new UserError(where + ": division by zero in the bound " + Printer.size(b));
                BigInteger[] qr = l.divideAndRemainder(r);
                yield qr[1].signum() != 0 && qr[1].signum() != r.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0]; // round down
            }
            case POW -> {
                if (r.signum() < 0) throw new UserError(where + ": negative exponent in the bound " + Printer.size(b));
                if (l.abs().compareTo(BigInteger.ONE) <= 0) yield l.pow(r.signum() == 0 ? 0 : r.testBit(0) ? 1 : 2); // 0, 1 or -1: any power is one of these
                if (r.bitLength() > 31 || (long) l.bitLength() * r.intValueExact() > MAX_BITS) {
                    throw new UserError(where + ": the bound " + Printer.size(b) + " has more than " + MAX_BITS + " bits at these values; give smaller parameters");
                }
                yield l.pow(r.intValueExact());
            }
        };
    }
}
