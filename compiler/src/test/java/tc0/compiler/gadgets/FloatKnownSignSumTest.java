package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Literal;
import tc0.compiler.numerics.ChiangFloat;
import tc0.compiler.testing.WideEval;

/**
 * The float sums a GNN makes of terms whose sign is known: {@code relu}'s outputs (and a bit times them) summed by
 * {@link FloatSum#build} without the choice of |S| by S's sign, and bits summed as a count ({@link FloatSum#ofBits}).
 * Each bit-exact against {@link ChiangFloat#sum}, and each one depth for every number of terms and every p: before,
 * a sum of 8 such floats at p = 8 was 22 deep and 24 at every other count and p, and a degree (a sum of n bits as
 * floats) 12 at n = 4 and 13 at 8.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FloatKnownSignSumTest {
    /** A sum of m floats whose signs are the constant {@code sign}. */
    static FloatDepthTest.Primitive sumOfSign(int m, int sign) {
        return new FloatDepthTest.Primitive("sum of " + m + (sign == Literal.FALSE ? " nonnegative" : " nonpositive"), m, (net, x) -> {
            FloatWord[] y = new FloatWord[m];
            for (int i = 0; i < m; i++) y[i] = new FloatWord(x[i].significand(), x[i].exponent(), sign);
            return FloatSum.build(net, y, 2).word();
        });
    }

    /** The path tables (first operand's; every operand is alike) of the sums over {@code ms} terms at each p of {@code ps}. */
    static TreeMap<String, List<String>> tables(int sign, int[] ps, int[] ms) {
        TreeMap<String, List<String>> seen = new TreeMap<>();
        for (int p : ps) {
            for (int m : ms) {
                String t = FloatDepthTest.paths(sumOfSign(m, sign), p);
                seen.computeIfAbsent(t.substring(0, t.indexOf(" x1:")), k -> new ArrayList<>()).add("p " + p + " m " + m);
            }
        }
        return seen;
    }

    @Test
    void sumsOfOneKnownSignHaveOneDepthForEveryCountAndWidth() {
        int[] ps = {4, 8, 16, 32}, ms = {2, 3, 4, 5, 8, 9, 16, 17, 32};
        assertEquals(List.of("depth 22; x0: m->21/22/-1 e->21/22/-1 s->-1/-1/-1"), List.copyOf(tables(Literal.FALSE, ps, ms).keySet()), () -> tables(Literal.FALSE, ps, ms).toString());
        assertEquals(List.of("depth 22; x0: m->21/22/20 e->21/22/20 s->-1/-1/-1"), List.copyOf(tables(Literal.TRUE, ps, ms).keySet()), () -> tables(Literal.TRUE, ps, ms).toString());
    }

    /** Every pair and every triple of nonnegative floats at p = 3, and of nonpositive ones. */
    @Test
    void everySumOfOneSignAtThreeBitsIsRoundedOnce() {
        ChiangFloat.Format f = FloatGadgetsTest.TINY;
        for (boolean negative : new boolean[] {false, true}) {
            List<ChiangFloat> all = new ArrayList<>();
            for (ChiangFloat x : FloatCircuits.allWithZeros(f)) if (x.negative() == negative) all.add(x);
            WideEval two = FloatCircuits.circuit(f, 2, signed(negative)), three = FloatCircuits.circuit(f, 3, signed(negative));
            for (ChiangFloat x : all) {
                for (ChiangFloat y : all) {
                    assertEquals(ChiangFloat.add(x, y), FloatCircuits.result(two, f, List.of(x, y)), x + " + " + y);
                    for (ChiangFloat z : all) assertEquals(ChiangFloat.sum(f, List.of(x, y, z)), FloatCircuits.result(three, f, List.of(x, y, z)), x + " + " + y + " + " + z);
                }
            }
        }
    }

    @Test
    void wideSumsOfOneSignMatchTheReference() {
        Random r = new Random(23);
        for (int p : new int[] {16, 33}) {
            ChiangFloat.Format f = new ChiangFloat.Format(p, 5);
            for (boolean negative : new boolean[] {false, true}) {
                List<ChiangFloat> pool = new ArrayList<>();
                for (ChiangFloat x : FloatCircuits.samples(f, r, 60)) pool.add(new ChiangFloat(f, negative, x.significand(), x.biasedExponent()));
                for (int m : new int[] {2, 7}) {
                    WideEval ev = FloatCircuits.circuit(f, m, signed(negative));
                    for (int k = 0; k < 40; k++) {
                        List<ChiangFloat> xs = new ArrayList<>();
                        for (int i = 0; i < m; i++) xs.add(pool.get(r.nextInt(pool.size())));
                        assertEquals(ChiangFloat.sum(f, xs), FloatCircuits.result(ev, f, xs), xs.toString());
                    }
                }
            }
        }
    }

    /** The operands' sign bits replaced by the constant sign, as relu's outputs carry it. */
    private static java.util.function.BiFunction<Net, FloatWord[], int[]> signed(boolean negative) {
        return (net, x) -> {
            FloatWord[] y = new FloatWord[x.length];
            for (int i = 0; i < x.length; i++) y[i] = new FloatWord(x[i].significand(), x[i].exponent(), negative ? Literal.TRUE : Literal.FALSE);
            return FloatSum.build(net, y, 2).word();
        };
    }

    /** Every pattern of up to 11 bits, summed as 1.0 and 0 at p = 3 (counts past 8 are rounded) and p = 6. */
    @Test
    void everyCountOfBitsIsRoundedOnce() {
        for (ChiangFloat.Format f : new ChiangFloat.Format[] {new ChiangFloat.Format(3, 3), new ChiangFloat.Format(6, 4)}) {
            ChiangFloat one = f.of(false, 1L << (f.p() - 1), f.bias() - (f.p() - 1)), zero = f.zero();
            for (int n = 1; n <= 11; n++) {
                int bits = n;
                WideEval ev = new WideEval(tc0.compiler.testing.GadgetAsserts.build(b -> b.outputBus("r", FloatSum.ofBits(Net.of(b), b.inputBus("a", bits), f.p(), f.q()).word())));
                for (int a = 0; a < 1 << n; a++) {
                    List<ChiangFloat> terms = new ArrayList<>();
                    for (int i = 0; i < n; i++) terms.add((a >> i & 1) != 0 ? one : zero);
                    assertEquals(ChiangFloat.sum(f, terms), FloatCircuits.fromWord(f, ev.run(new java.math.BigInteger[] {java.math.BigInteger.valueOf(a)}).unsigned("r")), n + " bits " + Integer.toBinaryString(a));
                }
            }
        }
    }

    /**
     * The count's depth: 6 for every number of bits from 4 to 64 at p = 8, 16 and 64 (the float GCN's degrees; the
     * count fits p bits, so the rounding's guard and sticky bits are FALSE): the count's gates and bits (2), then
     * FloatRound's leading one, its selection, the significand's and exponent's gates. Two or three bits make a
     * two-bit count, 4 deep.
     */
    @Test
    void aCountOfBitsHasOneDepthForEveryNumberOfBits() {
        TreeMap<Integer, List<String>> depths = new TreeMap<>();
        for (int p : new int[] {8, 16, 64}) {
            for (int n = 4; n <= 64; n++) {
                InputPaths net = new InputPaths(1);
                int[] out = FloatSum.ofBits(net, net.input(n, 0), p, FloatDepthTest.exponentBits(p)).word();
                depths.computeIfAbsent(net.path(out, 0), k -> new ArrayList<>()).add(p + "/" + n);
            }
        }
        assertEquals(List.of(6), List.copyOf(depths.keySet()), depths::toString);
    }
}
