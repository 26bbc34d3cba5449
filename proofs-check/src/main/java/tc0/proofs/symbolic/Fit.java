package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A formula fitted to counted figures and confirmed on others: the coefficients of a basis of monomials are
 * solved exactly (rational Gaussian elimination) from as many points as the basis has terms (the smallest n),
 * then the formula must equal the count at every other point, never used for the fit. Bases are tried from
 * the smallest: {@code n^a L^b} for every {@code a <= A, b <= B}, in order of size.
 */
public final class Fit {
    /** The fitted formula, the n it was solved from, and the n it was confirmed on (equal at each). */
    public record Result(Formula formula, List<Long> fittedOn, List<Long> confirmedOn) {}

    private Fit() {}

    /**
     * The smallest rectangle basis (a <= maxA, b <= maxB) whose fit on the first points equals the count at
     * every other point, with at least {@code confirm} points left to confirm on; empty where none does.
     */
    public static Optional<Result> search(SortedMap<Long, BigInteger> counts, int maxA, int maxB, int confirm) {
        List<int[]> shapes = new ArrayList<>();
        for (int a = 0; a <= maxA; a++) for (int b = 0; b <= maxB; b++) shapes.add(new int[] {a, b});
        shapes.sort((x, y) -> Integer.compare((x[0] + 1) * (x[1] + 1), (y[0] + 1) * (y[1] + 1)));
        List<Long> ns = new ArrayList<>(counts.keySet());
        for (int[] s : shapes) {
            List<Monomial> basis = new ArrayList<>();
            for (int a = 0; a <= s[0]; a++) for (int b = 0; b <= s[1]; b++) basis.add(new Monomial(a, b));
            if (basis.size() + confirm > ns.size()) continue;
            List<Long> fitOn = ns.subList(0, basis.size()), rest = ns.subList(basis.size(), ns.size());
            Optional<Formula> f = solve(basis, fitOn, counts);
            if (f.isEmpty()) continue;
            boolean all = rest.stream().allMatch(n -> f.get().equalsAt(BigInteger.valueOf(n), counts.get(n)));
            if (all) return Optional.of(new Result(f.get(), List.copyOf(fitOn), List.copyOf(rest)));
        }
        return Optional.empty();
    }

    /** The formula over {@code basis} through the points {@code (n, counts(n))}, n in {@code at}; empty where singular. */
    public static Optional<Formula> solve(List<Monomial> basis, List<Long> at, Map<Long, BigInteger> counts) {
        int m = basis.size();
        if (at.size() != m) throw new IllegalArgumentException(m + " terms need " + m + " points, got " + at.size());
        // rows [x_1 .. x_m | y] as fractions num/den per row (a common denominator per row keeps them integers)
        BigInteger[][] a = new BigInteger[m][m + 1];
        for (int i = 0; i < m; i++) {
            BigInteger n = BigInteger.valueOf(at.get(i));
            int l = Formula.ceilLog2(n);
            for (int j = 0; j < m; j++) a[i][j] = basis.get(j).at(n, l);
            a[i][m] = counts.get(at.get(i));
        }
        // fraction-free elimination (Bareiss): integer entries throughout, exact
        BigInteger prev = BigInteger.ONE;
        for (int k = 0; k < m; k++) {
            int p = k;
            while (p < m && a[p][k].signum() == 0) p++;
            if (p == m) return Optional.empty();
            BigInteger[] t = a[p]; a[p] = a[k]; a[k] = t;
            for (int i = k + 1; i < m; i++) {
                for (int j = k + 1; j <= m; j++) a[i][j] = a[i][j].multiply(a[k][k]).subtract(a[i][k].multiply(a[k][j])).divide(prev);
                a[i][k] = BigInteger.ZERO;
            }
            prev = a[k][k];
        }
        // back substitution over rationals: x_j = num_j / den
        BigInteger[] num = new BigInteger[m], den = new BigInteger[m];
        for (int i = m - 1; i >= 0; i--) {
            // a[i][i] x_i = a[i][m] - sum_{j>i} a[i][j] x_j
            BigInteger rn = a[i][m], rd = BigInteger.ONE;
            for (int j = i + 1; j < m; j++) {
                rn = rn.multiply(den[j]).subtract(a[i][j].multiply(num[j]).multiply(rd));
                rd = rd.multiply(den[j]);
                BigInteger g = rn.gcd(rd);
                if (g.signum() != 0 && !g.equals(BigInteger.ONE)) { rn = rn.divide(g); rd = rd.divide(g); }
            }
            BigInteger xn = rn, xd = rd.multiply(a[i][i]);
            if (xd.signum() < 0) { xn = xn.negate(); xd = xd.negate(); }
            BigInteger g = xn.gcd(xd);
            if (g.signum() != 0) { xn = xn.divide(g); xd = xd.divide(g); }
            num[i] = xn;
            den[i] = xd;
        }
        BigInteger lcm = BigInteger.ONE;
        for (BigInteger d : den) lcm = lcm.divide(lcm.gcd(d)).multiply(d);
        Map<Monomial, BigInteger> coeffs = new HashMap<>();
        for (int j = 0; j < m; j++) coeffs.put(basis.get(j), num[j].multiply(lcm.divide(den[j])));
        return Optional.of(new Formula(coeffs, lcm));
    }
}
