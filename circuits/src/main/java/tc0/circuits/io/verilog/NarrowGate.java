package tc0.circuits.io.verilog;

import java.math.BigInteger;
import java.util.function.IntFunction;
import tc0.circuits.Circuit;

/**
 * A threshold gate as the narrowest Verilog expression that says it, for synthesis tools: Yosys turns a
 * signed sum of {@link SumWidth} bits per term into an adder as wide per term, most of whose bits it must then
 * prove constant. Here a negative weight is turned around first ({@code w x = w + |w| (1 - x)}), so every
 * term is a bit that adds a positive weight and the threshold grows by {@code |w|}; the weights are divided by
 * their greatest common divisor (the threshold rounded up). Then:
 * <ul>
 *   <li>a gate no assignment can reach, or every one reaches, is {@code 1'b0}/{@code 1'b1};</li>
 *   <li>a gate that any one true term fires is an OR, one that needs every term an AND of the bits
 *       ({@code x}, or {@code !x} for a turned-around term);</li>
 *   <li>otherwise an unsigned sum as wide as the sum of the weights needs: a unit weight is the bit itself
 *       ({@code x} or {@code !x}: a logical not is one bit wide whatever the context, where {@code ~x} would be
 *       widened first and then inverted), a larger one {@code (x ? W'dw : W'd0)}, the branches swapped for a
 *       turned-around term; compared with {@code >= W'dT}.</li>
 * </ul>
 * Both Icarus and Yosys read the result as the same function as {@link VerilogWriter#comparison}.
 */
final class NarrowGate {
    private NarrowGate() {}

    static String expression(Circuit c, int g, IntFunction<String> name) {
        int terms = 0;
        BigInteger threshold = BigInteger.valueOf(c.threshold(g));
        BigInteger total = BigInteger.ZERO;
        BigInteger gcd = BigInteger.ZERO;
        BigInteger smallest = null;
        for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
            if (!SumWidth.emitted(c, e)) continue;
            BigInteger a = magnitude(c.weight(e));
            if (c.weight(e) < 0) threshold = threshold.add(a);
            total = total.add(a);
            gcd = gcd.gcd(a);
            smallest = smallest == null || a.compareTo(smallest) < 0 ? a : smallest;
            terms++;
        }
        if (threshold.signum() <= 0) return "1'b1";
        if (threshold.compareTo(total) > 0) return "1'b0";
        // any one term fires it: an OR; none can be spared: an AND
        String joiner = smallest.compareTo(threshold) >= 0 ? " | " : total.subtract(smallest).compareTo(threshold) < 0 ? " & " : null;
        if (joiner != null) {
            StringBuilder s = new StringBuilder(terms == 1 ? "" : "(");
            String sep = "";
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                if (!SumWidth.emitted(c, e)) continue;
                s.append(sep).append(bit(c, e, name));
                sep = joiner;
            }
            return terms == 1 ? s.toString() : s.append(')').toString();
        }
        BigInteger[] qr = threshold.divideAndRemainder(gcd);
        BigInteger t = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        int width = total.divide(gcd).bitLength();
        StringBuilder s = new StringBuilder("(");
        String sep = "";
        for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
            if (!SumWidth.emitted(c, e)) continue;
            BigInteger a = magnitude(c.weight(e)).divide(gcd);
            s.append(sep);
            sep = " + ";
            if (a.equals(BigInteger.ONE)) {
                s.append(bit(c, e, name));
            } else {
                String w = width + "'d" + a, zero = width + "'d0";
                s.append('(').append(name.apply(c.faninNode(e))).append(" ? ")
                        .append(c.weight(e) > 0 ? w + " : " + zero : zero + " : " + w).append(')');
            }
        }
        return s.append(") >= ").append(width).append("'d").append(t).toString();
    }

    /** Term e's bit as it adds its weight: the fan-in itself, or its logical negation for a negative weight. */
    private static String bit(Circuit c, int e, IntFunction<String> name) {
        String x = name.apply(c.faninNode(e));
        return c.weight(e) > 0 ? x : "!" + x;
    }

    /** |w| exactly, also for Long.MIN_VALUE. */
    private static BigInteger magnitude(long w) {
        return w == Long.MIN_VALUE ? BigInteger.ONE.shiftLeft(63) : BigInteger.valueOf(Math.abs(w));
    }
}
