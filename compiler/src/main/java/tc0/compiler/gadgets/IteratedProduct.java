package tc0.compiler.gadgets;


/**
 * The exact product of m unsigned words (any widths, {@code bits} in all) in constant depth, by Chinese
 * remaindering (Beame, Cook and Hoover 1986; Hesse, Allender and Barrington 2002):
 * <ol>
 *   <li>for each prime q of a {@link CrtBasis} covering {@code bits}: each word's residue
 *       {@code x_l mod q} one-hot ({@link Residue}: an n-ary sum of the constant residues {@code 2^j mod q}
 *       of its bits, reduced);</li>
 *   <li>the product modulo q through discrete logarithms: {@code x_l = g^(e_l)} with {@code e_l}'s bits ORs of
 *       the one-hot residue (a table of q entries); {@code e = sum_l e_l mod (q - 1)} one-hot (again a
 *       {@link Residue}); {@code [prod mod q = g^u] = [e = u] AND no x_l = 0 mod q}, one gate
 *       {@code [ [e = u] - sum_l [x_l = 0] >= 1 ]};</li>
 *   <li>{@link CrtReconstruct} from those residues.</li>
 * </ol>
 * Depth {@code (2k + 4) + 1 + (2k + 4) + 1 + 2 + (2k + 7)} = {@code 6k + 19} whatever m and the widths
 * (35 at k = 2, the default). The primes have O(log bits) bits and there are O(bits / log bits) of them;
 * every gate has polynomial fan-in and weights.
 */
public final class IteratedProduct {
    private IteratedProduct() {}

    /** {@code prod_l xs[l]} as {@code sum_l xs[l].length} bits. */
    public static int[] build(Net net, int[][] xs, int rounds) {
        int bits = 0;
        for (int[] x : xs) bits += x.length;
        CrtBasis basis = CrtBasis.covering(bits);
        PrimeMemo memo = PrimeMemo.lazy(basis, i -> new ProductResidue(net, basis, i, xs, rounds), ProductResidue::is, ProductResidue::bulk);
        return CrtReconstruct.build(net, basis, memo, bits, rounds);
    }

    /** {@code [prod_l x_l mod q = y]} for one prime of the basis. */
    static final class ProductResidue {
        private final Net net;
        private final CrtBasis basis;
        private final int i;
        private final Residue[] xs;
        private final Residue exponent; // null: some constant factor is 0 modulo q (on a count that drops dead gates)

        ProductResidue(Net net, CrtBasis basis, int i, int[][] words, int rounds) {
            this(net, basis, i, residues(net, basis.prime(i), words, rounds), rounds);
        }

        /** The product of factors given by their residues modulo {@code basis.prime(i)}. */
        ProductResidue(Net net, CrtBasis basis, int i, Residue[] factors, int rounds) {
            this.net = net;
            this.basis = basis;
            this.i = i;
            int q = basis.prime(i);
            xs = factors;
            // On a count that drops dead gates, a constant factor 0 modulo q makes every is(y) FALSE: no exponent, no one-hot
            // asked, which would be read by nothing and die (a LiveNet's second run for a layer norm's division by its width).
            if (net instanceof TwinNet t && t.twins() && !t.keepsEveryGate()) {
                for (Residue x : xs) if (x.isConstant() && x.is(0) == tc0.circuits.Literal.TRUE) { exponent = null; return; }
            }
            LinearForm e = new LinearForm();
            int logBits = 32 - Integer.numberOfLeadingZeros(q - 2);
            long[][] logs = new long[1][]; // a -> log_g a: bit t of x's logarithm is an OR of its one-hot residue (made when needed)
            java.util.function.Supplier<long[]> table = () -> {
                if (logs[0] == null) {
                    logs[0] = new long[q];
                    for (int a = 1; a < q; a++) logs[0][a] = basis.log(i, a);
                }
                return logs[0];
            };
            for (Residue x : xs) {
                OneHotBulk family = x.bulk(); // its bits' counts those of 0 .. q - 2, read by every a but 1 (log 0)
                int[] ors = family != null
                        ? OneHotOrs.family(net, family, q, TablePopcounts.logs(q, logBits), (1L << logBits) - 1, 2,
                                basis.power(i, q - 2), table) // log q - 2, the largest, is g^(q-2)
                        : OneHotOrs.of(net, x::is, null, q, table.get(), (1L << logBits) - 1, x.distinctOneHots());
                for (int t = 0; t < logBits; t++) e.add(ors[t], 1L << t);
            }
            exponent = Residue.of(net, e, q - 1, rounds);
        }

        private static Residue[] residues(Net net, int q, int[][] words, int rounds) {
            Residue[] r = new Residue[words.length];
            for (int l = 0; l < words.length; l++) r[l] = Residue.ofUnsigned(net, words[l], 0, q, rounds);
            return r;
        }

        /**
         * The gates {@code is(y)}, y = 1 .. q - 1, as one family where the exponent's one-hots are one and the gate's
         * normal form is one for every y (its exponent member a fresh node, the zero tests shared): fan-in and level
         * worked out once; else null (gate by gate).
         */
        OneHotBulk bulk() {
            OneHotBulk e = exponent == null ? null : exponent.bulk();
            if (e == null) return null;
            int m = xs.length, level = e.level();
            OneHotBulk[] zero = new OneHotBulk[m];
            for (int l = 0; l < m; l++) {
                zero[l] = xs[l].bulk(); // each [x_l = 0] a gate of its own: the gate has m + 1 terms, none folding
                if (zero[l] == null) return null;
                for (int k = 0; k < l; k++) if (xs[k] == xs[l]) return null;
                level = Math.max(level, zero[l].level());
            }
            TwinNet tn = (TwinNet) net;
            int gateLevel = level + 1;
            int q = basis.prime(i);
            java.util.BitSet counted = new java.util.BitSet();
            java.util.Map<Integer, Integer> alone = new java.util.HashMap<>();
            return new OneHotBulk() {
                private boolean all; // every y = 1 .. q - 1 counted
                @Override public int level() { return gateLevel; }
                @Override public void count(int y) {
                    if (all || counted.get(y)) return;
                    counted.set(y);
                    e.count(basis.log(i, y));
                    for (OneHotBulk z : zero) z.count(0);
                    tn.counted(1, m + 1, gateLevel);
                }
                // Every y: the exponent's members log y are every u = 0 .. q - 2, no discrete log asked.
                @Override public void countRange(int from, int to) {
                    if (all) return;
                    if (from != 1 || to != q - 1) { OneHotBulk.super.countRange(from, to); return; }
                    e.countRange(0, q - 2);
                    for (OneHotBulk z : zero) z.count(0);
                    tn.counted(q - 1 - counted.cardinality(), m + 1, gateLevel);
                    all = true;
                }
                @Override public int literal(int y) { // a gate that dies unread (a net that drops dead gates): counted where alive
                    return alone.computeIfAbsent(y, k -> {
                        int out = tn.outputAt(gateLevel);
                        if (tn.alive(out)) count(y);
                        return out;
                    });
                }
            };
        }

        /** For {@code y >= 1}: {@code [e = log y]} and no factor divisible by q. */
        int is(int y) {
            int m = xs.length;
            if (exponent == null) return tc0.circuits.Literal.FALSE;
            int[] lits = new int[m + 1];
            long[] w = new long[m + 1];
            lits[0] = exponent.is(basis.log(i, y));
            w[0] = 1;
            for (int l = 0; l < m; l++) { lits[l + 1] = xs[l].is(0); w[l + 1] = -1; }
            return net.gate(lits, w, m + 1, 1);
        }
    }
}
