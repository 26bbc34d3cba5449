package tc0.proofs.smt;

import static tc0.proofs.smt.Gadgets.x;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.Expr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tc0.compiler.gadgets.LayerNorm;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Rounding;
import tc0.proofs.smt.GadgetCase.Tier;

/**
 * Layer norm (NUMERICS.md) by its steps, as {@code LayerNorm.build} composes them: (1) {@code S = sum x_i}
 * exact; (2) the scale rho from the row and S; (3) {@code y_i = (m x_i - S) rho} rounded once into out. Each
 * step is a case of its own, for a proof from the steps ({@link CompositionProver}) where the whole does not
 * finish as one query (3 x 4 bits: 45 s CPU, unknown). At 3 x 4 steps 1 and 2 are proved and step 3 is not
 * (docs/LEMMAS.md); composed at 2 x 4 the three steps proved the whole in 70 s CPU, slower than the one query
 * of {@link Gadgets#layerNorm} (19 s), so that composition is not kept.
 *
 * <p>The scale is specified as a count, derived from NUMERICS.md's {@code rho = min(cap, floor((isqrt(floor(N /
 * num)) + 1) / 2))} ({@code num = Q 2^Fe + eps m^2 2^(2F) > 0}, {@code Q = m sum x_i^2 - S^2}, {@code N =
 * 2^(2(Fr+L) + 2F + Fe + 2)}): for k >= 1, {@code floor((r + 1) / 2) >= k} iff {@code r >= 2k - 1}; for
 * {@code r = isqrt(n)} that is {@code n >= (2k-1)^2}; for {@code n = floor(N / num)}, {@code N >= (2k-1)^2 num}.
 * So {@code rho = #{k in 1..cap : (2k-1)^2 num <= N}}, which is also the cap where {@code num = 0}: products by
 * constants only, no quotient or root for the solver to search for. {@link Gadgets#layerNorm} keeps the
 * formula with its quotient and root as fresh variables (proved at 2 x 4 bits).
 */
final class LayerNormCases {
    private LayerNormCases() {}

    /** The parameters of one layer norm: row length, formats, eps. */
    record Params(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out) {
        int frac() { return fx.fracBits(); }

        /** The scale's fraction bits, Fr + L. */
        int frho() { return Fixed.layerNormScaleFracBits(m, fr); }

        /** N's exponent: {@code 2(Fr+L) + 2F + Fe + 2}. */
        int nExp() { return 2 * frho() + 2 * frac() + feps.fracBits() + 2; }

        /** rho's magnitude bits. */
        int rhoBits() { return fr.width() - 1; }

        /** A working width no value of the specifications leaves: {@code (2 cap - 1)^2 num} and {@code N} beside it. */
        int specWidth() { return nExp() + 2 * fr.width() + 8; }

        String widths() { return m + " x " + fx.width() + " bits, rho " + fr.width() + ", out " + out.width() + " bits"; }

        /** Bits that hold every x (signed), S ({@code |S| <= m 2^(w-1)}) and rho (its magnitude and a 0 sign bit): the specifications' narrow products. */
        int xBits() { return fx.width(); }

        int sBits() { return fx.width() + Fixed.layerNormExtraBits(m) + 1; }

        int rBits() { return rhoBits() + 1; }

        /** The width of S's exact word: the narrowest holding {@code m min .. m max}. */
        int sumBits() { return WeightedSum.exactWidth(m * fx.minCode(), m * fx.maxCode()); }
    }

    /** Step 1: {@code S = sum x_i}, exact (linear: proved in integers). */
    static GadgetCase sum(Params p) {
        int m = p.m();
        return GadgetCase.linear("LayerNorm step 1: row sum", m + " x " + p.fx().width() + " -> " + p.sumBits() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(GadgetCircuits.widths(m, p.fx().width()), (net, x) -> new int[][] {LayerNorm.sum(net, x, WeightedSum.DEFAULT_ROUNDS)}),
                p.specWidth(), new int[] {p.sumBits()}, new RowSum(m),
                v -> new long[] {Arrays.stream(v).sum()});
    }

    private record RowSum(int m) implements LinearSpec {
        @Override
        public <E extends Expr<?>> List<E> outputs(Linear<E> a, Map<String, E> in) {
            E s = a.num(0);
            for (int i = 0; i < m; i++) s = a.add(s, in.get("x" + i));
            return List.of(s);
        }
    }

    /** Step 2: rho from the row (x0 .. x(m-1)) and its sum (xm), given that xm is their sum (what step 1 guarantees). */
    static GadgetCase rho(Params p) {
        int m = p.m();
        int[] widths = GadgetCircuits.widths(m + 1, p.fx().width());
        widths[m] = p.sumBits();
        return new GadgetCase("LayerNorm step 2: scale rho (S = sum x)", m + " x " + p.fx().width() + " + " + p.sumBits() + " -> " + p.rhoBits() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(widths, (net, x) -> new int[][] {
                        LayerNorm.rho(net, Arrays.copyOf(x, m), x[m], p.fx(), p.eps(), p.feps(), p.fr(), WeightedSum.DEFAULT_ROUNDS)}),
                p.specWidth(), (w, in) -> {
                    BitVecExpr[] xs = new BitVecExpr[m];
                    BitVecExpr s = w.num(0);
                    for (int i = 0; i < m; i++) { xs[i] = x(w, in, i); s = w.add(s, xs[i]); }
                    BitVecExpr sw = x(w, in, m);
                    w.assume(w.eq(sw, s));
                    return List.of(w.low(rhoCount(w, p, xs, sw), p.rhoBits()));
                },
                v -> new long[] {Fixed.layerNormScale(q(p, Arrays.copyOf(v, m), v[m]).max(BigInteger.ZERO), m, p.fx(), p.eps(), p.feps(), p.fr())});
    }

    /** Step 3: {@code y_i = (m x_i - S) rho} rounded once, from the row, S (xm, signed) and rho (x(m+1), its magnitude bits). */
    static GadgetCase normalised(Params p) {
        int m = p.m();
        int[] widths = GadgetCircuits.widths(m + 2, p.fx().width());
        widths[m] = p.sumBits();
        widths[m + 1] = p.rhoBits();
        return new GadgetCase("LayerNorm step 3: (m x - S) rho rounded", m + " x " + p.fx().width() + " + " + p.sumBits() + " + " + p.rhoBits() + " -> " + m + " x " + p.out().width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(widths, (net, x) -> LayerNorm.normalised(net, Arrays.copyOf(x, m), x[m], x[m + 1], p.fx(), p.fr(), p.out(), WeightedSum.DEFAULT_ROUNDS)),
                p.specWidth(), (w, in) -> {
                    BitVecExpr s = x(w, in, m), rho = w.unsigned(in.get("x" + (m + 1)));
                    List<BitVecExpr> y = new ArrayList<>();
                    for (int i = 0; i < m; i++) y.add(output(w, p, x(w, in, i), s, rho));
                    return y;
                },
                v -> {
                    long rho = v[m + 1] & ((1L << p.rhoBits()) - 1);
                    long[] y = new long[m];
                    for (int i = 0; i < m; i++) {
                        BigInteger e = BigInteger.valueOf(m * v[i] - v[m]).multiply(BigInteger.valueOf(rho));
                        y[i] = Rounding.toFormat(e, p.frac() + p.frho(), p.out());
                    }
                    return y;
                });
    }

    /**
     * Step 3 proved stage by stage ({@link SumStageProver}): per output, the ANDs {@code x_ia rho_c} and
     * {@code S_b rho_c} against {@code (m x_i - S) rho}, each compression group, the final stage against the
     * rounding of a free exact value. The same circuit and specification as {@link #normalised}.
     */
    static GadgetCase normalisedStaged(Params p) {
        GadgetCase whole = normalised(p);
        int m = p.m(), frac = p.frac() + p.frho();
        if (frac < p.out().fracBits()) throw new IllegalArgumentException("the output's fraction exceeds the product's");
        SumStages st = new SumStages((ctx, in) -> {
            List<com.microsoft.z3.ArithExpr<com.microsoft.z3.IntSort>> y = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                y.add(ctx.mkMul(ctx.mkSub(ctx.mkMul(ctx.mkInt(m), in.get("x" + i)), in.get("x" + m)), in.get("x" + (m + 1))));
            }
            return y;
        }, (w, e) -> w.toFormat(e, frac, p.out()), frac - p.out().fracBits() + p.out().width(), java.util.Set.of("x" + (m + 1)));
        return GadgetCase.staged("LayerNorm step 3: (m x - S) rho rounded (stage by stage)", whole.widths(), Tier.QUICK, whole.circuit(),
                whole.specWidth(), st, whole.reference());
    }

    /**
     * Step 2 proved with a cut at {@code T = sum x_i^2} ({@link SquareCutProver}): T's exact sum bit by bit, the
     * comparators' ANDs of S as a polynomial identity, Q's range in integers, the comparators and the step
     * function's bits over a free Q. The same circuit and specification as {@link #rho} (its rhoCount at Q).
     */
    static GadgetCase rhoCut(Params p) {
        int m = p.m();
        // the largest Q: half the row at each end of the range, floor(m/2) ceil(m/2) (2^w - 1)^2 (proved by the prover)
        BigInteger span = BigInteger.ONE.shiftLeft(p.fx().width()).subtract(BigInteger.ONE);
        BigInteger qMax = span.multiply(span).multiply(BigInteger.valueOf((long) (m / 2) * ((m + 1) / 2)));
        return rho(p).cutAtSquares("LayerNorm step 2: scale rho (S = sum x), cut at T",
                new SquareCut(m, qMax, (w, q) -> List.of(w.low(rhoOf(w, p, q), p.rhoBits()))));
    }

    /** {@code rho = #{k in 1..cap : (2k-1)^2 (Q 2^Fe + eps m^2 2^(2F)) <= N}}, {@code Q = m sum x_i^2 - S^2} (class comment). */
    private static BitVecExpr rhoCount(Words w, Params p, BitVecExpr[] xs, BitVecExpr s) {
        BitVecExpr t = w.num(0);
        for (BitVecExpr x : xs) t = w.add(t, w.mul(x, p.xBits(), x, p.xBits()));
        return rhoOf(w, p, w.sub(w.mul(p.m(), t), w.mul(s, p.sBits(), s, p.sBits())));
    }

    /** The count above at a given Q. */
    private static BitVecExpr rhoOf(Words w, Params p, BitVecExpr q) {
        BitVecExpr num = w.add(w.shl(q, p.feps().fracBits()), w.num(BigInteger.valueOf(p.eps() * p.m() * p.m()).shiftLeft(2 * p.frac())));
        BitVecExpr n = w.num(BigInteger.ONE.shiftLeft(p.nExp()));
        BitVecExpr rho = w.num(0);
        for (long k = 1; k <= p.fr().maxCode(); k++) rho = w.add(rho, w.ite(w.ge(n, w.mul((2 * k - 1) * (2 * k - 1), num)), w.num(1), w.num(0)));
        return rho;
    }

    /** {@code (m x - S) rho} rounded once from {@code F + Fr + L} fraction bits into out. */
    private static BitVecExpr output(Words w, Params p, BitVecExpr x, BitVecExpr s, BitVecExpr rho) {
        return w.toFormat(w.sub(w.mul(p.m(), w.mul(x, p.xBits(), rho, p.rBits())), w.mul(s, p.sBits(), rho, p.rBits())), p.frac() + p.frho(), p.out());
    }

    /** {@code Q = m sum x_i^2 - S^2} of one input. */
    private static BigInteger q(Params p, long[] xs, long s) {
        BigInteger t = BigInteger.ZERO;
        for (long x : xs) t = t.add(BigInteger.valueOf(x * x));
        return t.multiply(BigInteger.valueOf(p.m())).subtract(BigInteger.valueOf(s).pow(2));
    }
}
