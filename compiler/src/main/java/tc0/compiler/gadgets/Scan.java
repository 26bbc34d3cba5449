package tc0.compiler.gadgets;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.SelectiveScan;

/**
 * The selective scan on log-decays of one line, exactly as {@link SelectiveScan#line}, depth {@code 2k + 5}
 * whatever the line length n ({@code k} = compression rounds):
 * <ol>
 *   <li>level 1: per pair {@code j < t}, comparators {@code [S_(j,t) >= a]}, each ONE gate over the bits of
 *       {@code z_(j+1..t)} (the range sum is a {@link LinearForm}, never built as a word), at the breakpoints
 *       {@code a} of {@code E(S) = EXP(S)} rounded into fe inside S's range {@code [L min, L max]},
 *       {@code L = t - j} ({@link Steps}: found by binary search with the correctly rounded function, no table
 *       over the range);</li>
 *   <li>level 2: the bits of {@code E_(j,t)} ({@link Lookup#stepBits}); {@code E_(t,t) = EXP(0)} is a
 *       constant;</li>
 *   <li>level 3: the ANDs {@code E_(j,t)[c] b_j[d]} (weight {@code ±2^(c+d)}; the constant {@code E_(t,t)}
 *       folds into the weights of {@code b_t});</li>
 *   <li>levels 4 .. 2k+5: {@code h_t}, one {@link WeightedSum} over them, rounded once into out.</li>
 * </ol>
 * Cost per line: {@code sum_(L=1..n-1) (n - L) B_L} comparators of fan-in {@code L wz} ({@code B_L} =
 * breakpoints of E in S's range: at most the number of codes of fe that E reaches, about
 * {@code 2^Fe + (Ie - 1) ln 2 * 2^Fz} when {@code Fz <= Fe}, independent of n), plus per pair at most
 * {@code we} step gates and {@code (we - 1) wb} ANDs, plus n weighted sums of {@code t (we - 1) wb + wb}
 * terms. Wires grow as {@code n^3} per line (the comparators' fan-in), gates as {@code n^2}.
 */
public final class Scan {
    private Scan() {}

    /**
     * {@code h} of one line ({@code z[i]} words of fz, {@code b[i]} of fb, in line order), decays rounded
     * into fe, outputs into out.
     */
    public static int[][] build(Net net, int[][] z, FixedFormat fz, int[][] b, FixedFormat fb, FixedFormat fe,
                                FixedFormat out, int rounds) {
        int n = z.length;
        if (b.length != n) throw new IllegalArgumentException("lines of " + n + " and " + b.length);
        for (int i = 0; i < n; i++) {
            if (z[i].length != fz.width() || b[i].length != fb.width()) throw new IllegalArgumentException("word widths differ from the formats");
        }
        Steps all = n > 1 ? steps(fz, n - 1, fe) : null;
        long e0 = SelectiveScan.exp(0, fz.fracBits(), fe);
        int[][][] e = new int[n][][]; // e[t][j]: the bits of E_(j,t), j < t
        for (int t = 1; t < n; t++) {
            e[t] = new int[t][];
            for (int j = 0; j < t; j++) {
                int len = t - j;
                LinearForm s = new LinearForm();
                for (int i = j + 1; i <= t; i++) s.addWord(z[i], 1);
                Steps st = all.restrict((long) len * fz.minCode(), (long) len * fz.maxCode());
                int[] ge = new int[st.values.length];
                s.atLeastAll(net, st.breaks, 1, ge.length, ge);
                e[t][j] = Lookup.stepBits(net, ge, st.values, fe.width());
            }
        }
        int[][] h = new int[n][];
        for (int t = 0; t < n; t++) {
            LinearForm f = new LinearForm().addWord(b[t], e0);
            for (int j = 0; j < t; j++) Multiply.addProduct(net, f, e[t][j], b[j], 1);
            h[t] = WeightedSum.toFormat(net, f, fe.fracBits() + fb.fracBits(), out, rounds);
        }
        return h;
    }

    /** The cost of {@link #build} for a line of n (counted on a {@link CountingNet}). */
    public static Cost cost(int n, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out, int rounds) {
        CountingNet net = new CountingNet();
        build(net, net.inputs(n, fz.width()), fz, net.inputs(n, fb.width()), fb, fe, out, rounds);
        return net.cost();
    }

    /** Comparators {@code [S >= a]} per line of n: {@code sum_(L=1..n-1) (n - L) B_L}. */
    public static long comparators(int n, FixedFormat fz, FixedFormat fe) {
        if (n < 2) return 0;
        Steps all = steps(fz, n - 1, fe);
        long c = 0;
        for (int len = 1; len < n; len++) {
            c += (long) (n - len) * (all.restrict((long) len * fz.minCode(), (long) len * fz.maxCode()).values.length - 1);
        }
        return c;
    }

    /**
     * {@code E(S)} as a step function on {@code [lo, hi]}: {@code values[0] = E(lo)}, and {@code values[i]}
     * from {@code S >= breaks[i]} on ({@code i >= 1}; breaks increasing, values increasing; {@code breaks[0]
     * = lo}). Public for counting ({@code tc0.compiler.count.ScanSteps}); the arrays are shared: do not modify.
     */
    public record Steps(long[] breaks, long[] values) {
        /** The same function on {@code [from, to]}, a subrange of this one's. */
        Steps restrict(long from, long to) {
            int a = upper(from), c = upper(to); // a: the step holding from; c: the step holding to
            long[] br = Arrays.copyOfRange(breaks, a, c + 1), v = Arrays.copyOfRange(values, a, c + 1);
            br[0] = from;
            return new Steps(br, v);
        }

        /** Index of the last break {@code <= s}. */
        private int upper(long s) {
            int i = Arrays.binarySearch(breaks, s);
            return i >= 0 ? i : -i - 2;
        }
    }

    private record Key(int frac, FixedFormat fe, long lo, long hi) {}

    private static final Map<Key, Steps> STEPS = new ConcurrentHashMap<>();

    /** The steps of E over the sums of up to {@code len} codes of fz (cached: every line and layer shares them). */
    public static Steps steps(FixedFormat fz, int len, FixedFormat fe) {
        long lo = Math.multiplyExact((long) len, fz.minCode()), hi = Math.multiplyExact((long) len, fz.maxCode());
        return STEPS.computeIfAbsent(new Key(fz.fracBits(), fe, lo, hi), k -> find(k.frac, fe, lo, hi));
    }

    /**
     * Walks the steps: from each break, the first S where E rises, by a galloping search (steps are mostly
     * short: a few evaluations each, not one per bit of the range) then a binary search.
     */
    static Steps find(int frac, FixedFormat fe, long lo, long hi) {
        long[] br = new long[16], v = new long[16];
        int k = 0;
        long s = lo, cur = SelectiveScan.exp(lo, frac, fe), last = SelectiveScan.exp(hi, frac, fe);
        br[k] = s;
        v[k++] = cur;
        while (cur != last) {
            long a = s + 1, c = hi; // the first S in [a, c] with E(S) > cur: E(c) > cur
            for (long step = 1; a + step - 1 < c; step *= 2) { // [a, a + step - 1] has no rise: skip it
                long probe = a + step - 1;
                if (SelectiveScan.exp(probe, frac, fe) > cur) { c = probe; break; }
                a = probe + 1;
            }
            while (a < c) {
                long mid = a + (c - a) / 2;
                if (SelectiveScan.exp(mid, frac, fe) > cur) c = mid; else a = mid + 1;
            }
            s = a;
            cur = SelectiveScan.exp(s, frac, fe);
            if (k == br.length) { br = Arrays.copyOf(br, 2 * k); v = Arrays.copyOf(v, 2 * k); }
            br[k] = s;
            v[k++] = cur;
        }
        return new Steps(Arrays.copyOf(br, k), Arrays.copyOf(v, k));
    }
}
