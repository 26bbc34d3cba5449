package tc0.compiler.testing;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WideColumns;

/**
 * Random columns of a wide sum shaped like the Chinese-remainder reconstruction's: runs of fresh gates (ANDs of the
 * first half of the inputs, one level and regular; unread, they die as the reconstruction's ORs do) and runs of any
 * inputs (repeats, several levels), literals negated, TRUE and FALSE among them, single entries between, a constant.
 * {@link #value} replays the same stream on input values: the sum the columns stand for, from the weights as drawn
 * (not from {@link WideColumns}' placement), a reference for a circuit built from them.
 */
public final class RandomColumns {
    private RandomColumns() {}

    /** What the stream adds: single entries, runs ({@code weight 2^t lits[t]}) and the constant. */
    private interface Sink {
        void add(int lit, BigInteger weight);

        void addRun(int[] lits, BigInteger weight);

        void constant(BigInteger c);
    }

    /** Columns from {@code seed} over inputs {@code x}, at most {@code maxRun} literals a run. */
    public static WideColumns of(Net net, int[] x, long seed, int width, int maxRun) {
        return of(net, x, seed, width, maxRun, false);
    }

    /**
     * As above; {@code derived}: each run of a positive weight added with its weight not kept (its words worked out
     * again when read, as the reconstruction's {@code c_i} are), the same columns.
     */
    public static WideColumns of(Net net, int[] x, long seed, int width, int maxRun, boolean derived) {
        WideColumns c = new WideColumns(width);
        BigInteger modulus = BigInteger.ONE.shiftLeft(width);
        generate(x, net::and, seed, width, maxRun, new Sink() {
            @Override public void add(int lit, BigInteger weight) { c.add(lit, weight); }
            @Override public void addRun(int[] lits, BigInteger weight) {
                if (derived && weight.signum() > 0) c.addRun(lits, weight.getLowestSetBit(), () -> WideColumns.words(weight.mod(modulus), width));
                else c.addRun(lits, weight);
            }
            @Override public void constant(BigInteger k) { c.addConstant(k); }
        });
        return c;
    }

    /**
     * The sum modulo {@code 2^width} that {@link #of} with the same seed, width and run length stands for, where input
     * i is {@code in[i]} (the ANDs it makes evaluated here).
     */
    public static BigInteger value(boolean[] in, long seed, int width, int maxRun) {
        int n = in.length;
        boolean[] v = java.util.Arrays.copyOf(in, 2 * n + 2); // node 1 + i: input i; node 1 + n + f: the f-th AND
        int[] x = new int[n], ands = {0};
        for (int i = 0; i < n; i++) x[i] = Literal.of(1 + i, false);
        IntBinaryOperator and = (a, b) -> {
            int f = ands[0]++;
            if (n + f >= v.length) throw new IllegalStateException("more ANDs than inputs");
            v[n + f] = eval(v, a) && eval(v, b);
            return Literal.of(1 + n + f, false);
        };
        BigInteger[] sum = {BigInteger.ZERO};
        generate(x, and, seed, width, maxRun, new Sink() {
            @Override public void add(int lit, BigInteger weight) { if (eval(v, lit)) sum[0] = sum[0].add(weight); }
            @Override public void addRun(int[] lits, BigInteger weight) {
                for (int t = 0; t < lits.length; t++) if (eval(v, lits[t])) sum[0] = sum[0].add(weight.shiftLeft(t));
            }
            @Override public void constant(BigInteger k) { sum[0] = sum[0].add(k); }
        });
        return sum[0].mod(BigInteger.ONE.shiftLeft(width));
    }

    private static boolean eval(boolean[] v, int lit) {
        if (lit == Literal.TRUE) return true;
        if (lit == Literal.FALSE) return false;
        return v[Literal.node(lit) - 1] ^ Literal.isNegated(lit);
    }

    private static void generate(int[] x, IntBinaryOperator and, long seed, int width, int maxRun, Sink c) {
        Random k = new Random(seed);
        int fresh = 0, half = x.length / 2;
        for (int item = 0, items = 2 + k.nextInt(12); item < items; item++) {
            int kind = k.nextInt(6);
            if (kind == 0) { // single entries
                for (int e = 0, n = 1 + k.nextInt(6); e < n; e++) c.add(x[k.nextInt(x.length)], new BigInteger(1 + k.nextInt(width), k).negate().add(BigInteger.valueOf(k.nextInt(3))));
                continue;
            }
            int[] lits = new int[1 + k.nextInt(maxRun)];
            for (int t = 0; t < lits.length; t++) {
                int pick = k.nextInt(12);
                if (kind <= 3 && pick > 1 && fresh < half) { lits[t] = and.applyAsInt(x[fresh], x[(fresh + 1) % half]); fresh++; }
                else lits[t] = pick == 0 ? Literal.FALSE : pick == 1 ? Literal.TRUE : x[k.nextInt(x.length)];
                if (k.nextInt(4) == 0) lits[t] = Literal.not(lits[t]);
            }
            BigInteger w = new BigInteger(1 + k.nextInt(width + 4), k);
            c.addRun(lits, k.nextBoolean() ? w.negate() : w);
        }
        c.constant(new BigInteger(width, k));
    }

    /** n inputs on levels 0 .. 3 from the seed, the first half on one level (the runs' ANDs of them are regular). */
    public static int[] inputs(tc0.compiler.gadgets.CountingNet net, int n, long seed) {
        Random levels = new Random(seed);
        int[] x = new int[n];
        int lv = levels.nextInt(4);
        for (int i = 0; i < n; i++) x[i] = net.inputAt(i < n / 2 ? lv : levels.nextInt(4));
        return x;
    }
}
