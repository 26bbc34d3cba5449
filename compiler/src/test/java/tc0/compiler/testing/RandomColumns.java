package tc0.compiler.testing;

import java.math.BigInteger;
import java.util.Random;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WideColumns;

/**
 * Random columns of a wide sum shaped like the Chinese-remainder reconstruction's: runs of fresh gates (ANDs of the
 * first half of the inputs, one level and regular; unread, they die as the reconstruction's ORs do) and runs of any
 * inputs (repeats, several levels), literals negated, TRUE and FALSE among them, single entries between, a constant.
 */
public final class RandomColumns {
    private RandomColumns() {}

    /** Columns from {@code seed} over inputs {@code x}, at most {@code maxRun} literals a run. */
    public static WideColumns of(Net net, int[] x, long seed, int width, int maxRun) {
        Random k = new Random(seed);
        WideColumns c = new WideColumns(width);
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
                if (kind <= 3 && pick > 1 && fresh < half) { lits[t] = net.and(x[fresh], x[(fresh + 1) % half]); fresh++; }
                else lits[t] = pick == 0 ? Literal.FALSE : pick == 1 ? Literal.TRUE : x[k.nextInt(x.length)];
                if (k.nextInt(4) == 0) lits[t] = Literal.not(lits[t]);
            }
            BigInteger w = new BigInteger(1 + k.nextInt(width + 4), k);
            c.addRun(lits, k.nextBoolean() ? w.negate() : w);
        }
        return c.addConstant(new BigInteger(width, k));
    }
}
