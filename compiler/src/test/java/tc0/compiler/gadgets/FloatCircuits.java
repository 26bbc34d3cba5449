package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import tc0.circuits.Circuit;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.testing.GadgetAsserts;
import tc0.compiler.testing.WideBatch;
import tc0.compiler.testing.WideEval;

/** Float gadgets built into circuits with one input bus per operand, and floats to and from words. */
final class FloatCircuits {
    private FloatCircuits() {}

    /** A circuit of {@code n} float operands whose output bus "r" is what {@code body} returns. */
    static WideEval circuit(ChiangFloat.Format f, int n, BiFunction<Net, FloatWord[], int[]> body) {
        return new WideEval(built(f, n, body));
    }

    /** {@link #circuit}'s circuit for {@link #results}: every row in one bit-parallel pass. */
    static WideBatch batch(ChiangFloat.Format f, int n, BiFunction<Net, FloatWord[], int[]> body) {
        return new WideBatch(built(f, n, body));
    }

    private static Circuit built(ChiangFloat.Format f, int n, BiFunction<Net, FloatWord[], int[]> body) {
        return GadgetAsserts.build(b -> {
            FloatWord[] xs = new FloatWord[n];
            for (int i = 0; i < n; i++) xs[i] = FloatWord.of(b.inputBus("x" + i, f.p() + f.q() + 1), f.p(), f.q());
            b.outputBus("r", body.apply(Net.of(b), xs));
        });
    }

    /** The depth of {@code body} over fresh inputs, counted without building. */
    static int depth(ChiangFloat.Format f, int n, BiFunction<Net, FloatWord[], int[]> body) {
        CountingNet net = new CountingNet();
        FloatWord[] xs = new FloatWord[n];
        for (int i = 0; i < n; i++) xs[i] = FloatWord.of(net.input(f.p() + f.q() + 1), f.p(), f.q());
        body.apply(net, xs);
        return net.cost().depth();
    }

    static BigInteger word(ChiangFloat x) {
        int p = x.format().p(), q = x.format().q();
        BigInteger w = x.significand().or(BigInteger.valueOf(x.biasedExponent()).shiftLeft(p));
        return x.negative() ? w.setBit(p + q) : w;
    }

    static ChiangFloat fromWord(ChiangFloat.Format f, BigInteger w) {
        int p = f.p(), q = f.q();
        BigInteger m = w.and(BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE));
        return new ChiangFloat(f, w.testBit(p + q), m, w.shiftRight(p).intValue() & ((1 << q) - 1));
    }

    static ChiangFloat result(WideEval ev, ChiangFloat.Format f, List<ChiangFloat> xs) {
        BigInteger[] in = new BigInteger[xs.size()];
        for (int i = 0; i < in.length; i++) in[i] = word(xs.get(i));
        return fromWord(f, ev.run(in).unsigned("r"));
    }

    /** Output bus "r" as a word for each row of operands (row k's operand i on bus "x" + i). */
    static BigInteger[] results(WideBatch ev, List<List<ChiangFloat>> rows) {
        return ev.run("r", rows.stream().map(xs -> xs.stream().map(FloatCircuits::word).toArray(BigInteger[]::new)).toList());
    }

    /** Every float of the format and the zeros of every sign and exponent. */
    static List<ChiangFloat> allWithZeros(ChiangFloat.Format f) {
        List<ChiangFloat> out = new ArrayList<>(ChiangFloat.all(f));
        for (int s = 0; s < 2; s++) for (int e = 0; e < 1 << f.q(); e++) out.add(f.of(s == 1, 0, e));
        return out;
    }

    /**
     * Edge floats (zeros, the smallest and largest significands and exponents, powers of two) and random ones.
     */
    static List<ChiangFloat> samples(ChiangFloat.Format f, Random r, int randomCount) {
        int p = f.p(), top = (1 << f.q()) - 1;
        BigInteger low = BigInteger.ONE.shiftLeft(p - 1), high = BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE);
        List<ChiangFloat> out = new ArrayList<>();
        out.add(f.zero());
        out.add(new ChiangFloat(f, true, BigInteger.ZERO, top));
        for (int e : new int[] {0, 1, f.bias() - 1, f.bias(), top - 1, top}) {
            for (BigInteger m : new BigInteger[] {low, low.add(BigInteger.ONE), high, high.subtract(BigInteger.ONE)}) {
                out.add(new ChiangFloat(f, false, m, e));
                out.add(new ChiangFloat(f, true, m, e));
            }
        }
        for (int i = 0; i < randomCount; i++) {
            BigInteger m = new BigInteger(p - 1, r).setBit(p - 1);
            if (r.nextInt(4) == 0) m = m.shiftRight(p - 1 - r.nextInt(p)).shiftLeft(p - 1 - r.nextInt(p)).setBit(p - 1).and(high); // few bits set: ties
            out.add(new ChiangFloat(f, r.nextBoolean(), m, r.nextInt(top + 1)));
        }
        return out;
    }
}
