package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import java.util.List;
import tc0.compiler.gadgets.CrtBasis;
import tc0.compiler.gadgets.CrtReconstruct;
import tc0.compiler.gadgets.Residue;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.gadgets.WideDivide;
import tc0.compiler.gadgets.WideMultiply;
import tc0.proofs.smt.GadgetCase.Tier;

/**
 * #17's wide integer arithmetic on unsigned words: the exact product (WideMultiply), the quotient by the
 * power series and Chinese remaindering (WideDivide), and remaindering's round trip (Residue, then
 * CrtReconstruct).
 */
final class WideCases {
    private WideCases() {}

    /** {@code x y} exactly, as {@code 2b} bits. */
    static GadgetCase multiply(int b) {
        return new GadgetCase("WideMultiply.product", b + " x " + b + " unsigned bits -> " + 2 * b + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {b, b}, (net, x) -> new int[][] {WideMultiply.product(net, x[0], x[1], WeightedSum.DEFAULT_ROUNDS)}),
                2 * b + 2, (w, in) -> List.of(w.low(w.mul(w.unsigned(in.get("x0")), w.unsigned(in.get("x1"))), 2 * b)),
                v -> new long[] {(v[0] & mask(b)) * (v[1] & mask(b))});
    }

    /**
     * {@code floor(x / y)} as p bits, all ones for {@code y = 0}; the floor as the count {@code #{t : t y <= x}}
     * ({@link Linear#floorClamped}; until 2026-12-07 a fresh quotient tied by {@code y q <= x < y q + y}).
     */
    static GadgetCase divide(int p) {
        return new GadgetCase("WideDivide.quotient", p + " / " + p + " unsigned bits -> " + p + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {p, p}, (net, x) -> new int[][] {WideDivide.quotient(net, x[0], x[1], WeightedSum.DEFAULT_ROUNDS)}),
                2 * p + 4, (w, in) -> {
                    BitVecExpr x = w.unsigned(in.get("x0")), y = w.unsigned(in.get("x1"));
                    BitVecExpr q = w.floorClamped(x, y, 0, mask(p)); // x < 2^p, so floor(x / y) <= mask: the clamp never binds
                    return List.of(w.low(w.ite(w.eq(y, w.num(0)), w.num(mask(p)), q), p));
                },
                v -> {
                    long x = v[0] & mask(p), y = v[1] & mask(p);
                    return new long[] {y == 0 ? mask(p) : x / y};
                });
    }

    /**
     * {@link #divide} proved by cases on the divisor ({@link CaseSplitProver}): the whole circuit as one query
     * did not finish at 5 / 5 bits (29 s CPU); with y fixed its normalisation and series fold to constants.
     * At 6 / 6 bits 64 cases, in the set (heavy) since 2026-12-07: about 150 s of its solver CPU.
     */
    static GadgetCase divideByCases(int p) {
        return divide(p).byCasesOn("WideDivide.quotient, by cases on y", "x1");
    }

    /** P from its residues modulo the primes covering {@code bits} (each residue by {@link Residue}): P again. */
    static GadgetCase crtRoundTrip(int bits) {
        CrtBasis basis = CrtBasis.covering(bits);
        StringBuilder primes = new StringBuilder();
        for (int i = 0; i < basis.size(); i++) primes.append(i > 0 ? ", " : "").append(basis.prime(i));
        return new GadgetCase("CrtReconstruct (of Residue's residues)", bits + " unsigned bits, primes " + primes, Tier.QUICK,
                () -> GadgetCircuits.of(new int[] {bits}, (net, x) -> {
                    Residue[] r = new Residue[basis.size()];
                    for (int i = 0; i < r.length; i++) r[i] = Residue.ofUnsigned(net, x[0], 0, basis.prime(i), WeightedSum.DEFAULT_ROUNDS);
                    return new int[][] {CrtReconstruct.build(net, basis, (i, y) -> r[i].is(y), bits, WeightedSum.DEFAULT_ROUNDS)};
                }),
                bits + 2, (w, in) -> List.of(in.get("x0")),
                v -> new long[] {v[0] & mask(bits)});
    }

    static long mask(int b) {
        return (1L << b) - 1;
    }
}
