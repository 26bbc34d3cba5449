package tc0.proofs.smt;

import static tc0.proofs.smt.Gadgets.x;

import com.microsoft.z3.BitVecExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tc0.compiler.gadgets.Scan;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.SelectiveScan;
import tc0.proofs.smt.GadgetCase.Tier;

/**
 * The selective scan of one line (NUMERICS.md, "Selective scan"): {@code S_(j,t) = z_(j+1) + ... + z_t}
 * exact, {@code E_(j,t) = EXP(S_(j,t))} correctly rounded into fe and saturated, {@code h_t = sum_(j<=t)
 * E_(j,t) b_j} exact, rounded once into out. The specification's EXP is the correctly rounded table over the
 * sums' range, its entries from {@link SelectiveScan#exp} (the numerics' definition, checked against
 * high-precision values elsewhere), so this proves the scan's circuit (range comparators, step bits, products,
 * one weighted sum per output), not the exp values.
 */
final class ScanCases {
    private ScanCases() {}

    /** A line of n: inputs x0..x(n-1) the log-decays z, xn..x(2n-1) the inputs b. */
    static GadgetCase line(int n, FixedFormat fz, FixedFormat fb, FixedFormat fe, FixedFormat out) {
        int[] widths = new int[2 * n];
        for (int i = 0; i < n; i++) { widths[i] = fz.width(); widths[n + i] = fb.width(); }
        long lo = (n - 1) * fz.minCode(), hi = (n - 1) * fz.maxCode();
        long[] table = new long[(int) (hi - lo + 1)];
        for (int i = 0; i < table.length; i++) table[i] = SelectiveScan.exp(lo + i, fz.fracBits(), fe);
        int ln = 32 - Integer.numberOfLeadingZeros(n), work = Math.max(fz.width() + ln, fe.width() + fb.width() + ln) + 4;
        return new GadgetCase("Scan (selective scan, one line)", "n = " + n + ", z " + fz.width() + " bits, b " + fb.width()
                + " bits, decays " + fe.width() + " bits -> " + out.width() + " bits", Tier.QUICK,
                () -> GadgetCircuits.of(widths, (net, x) -> Scan.build(net, Arrays.copyOfRange(x, 0, n), fz,
                        Arrays.copyOfRange(x, n, 2 * n), fb, fe, out, WeightedSum.DEFAULT_ROUNDS)),
                work, (w, in) -> {
                    List<BitVecExpr> h = new ArrayList<>();
                    for (int t = 0; t < n; t++) {
                        BitVecExpr acc = w.num(0), s = w.num(0);
                        for (int j = t; j >= 0; j--) {
                            if (j < t) s = w.add(s, x(w, in, j + 1));
                            BitVecExpr e = w.signed(w.lookup(s, lo, table, fe.width()));
                            acc = w.add(acc, w.mul(e, x(w, in, n + j)));
                        }
                        h.add(w.toFormat(acc, fe.fracBits() + fb.fracBits(), out));
                    }
                    return h;
                },
                v -> SelectiveScan.line(Arrays.copyOfRange(v, 0, n), fz, Arrays.copyOfRange(v, n, 2 * n), fb, fe, out));
    }
}
