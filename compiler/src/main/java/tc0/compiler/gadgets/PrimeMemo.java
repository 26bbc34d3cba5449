package tc0.compiler.gadgets;

import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;

/**
 * The residues {@code [P mod q_i = y]} a {@link CrtReconstruct} reads, each made once: it reads the primes in order,
 * every y of prime i before prime i + 1, so only the current prime's literals are kept, and a prime's residues are
 * released ({@code done}) when the next one is first read. At p = 256 a division's reconstruction reads 4,700 primes
 * up to 46,000; a table per prime held to the end, and every prime's residues, were more than a 4 GB heap.
 * {@link #lazy} goes further: the residue itself (the series' terms, their sum) is made when the reconstruction
 * first reads its prime, so one prime's twins are held at a time, not every prime's from before the first is read
 * (a quarter of a byte per class and residue, some 1.5 GB at p = 512).
 */
final class PrimeMemo implements IntBinaryOperator {
    private final CrtBasis basis;
    private final IntBinaryOperator residue;
    private final IntConsumer done;
    private final java.util.function.IntFunction<OneHotBulk> bulk;
    private int prime = -1;
    private int[] memo;

    /** {@code residue.applyAsInt(i, y)} made once per (i, y); {@code done.accept(i)} once prime i is left behind. */
    PrimeMemo(CrtBasis basis, IntBinaryOperator residue, IntConsumer done) {
        this(basis, residue, done, i -> null);
    }

    /** As above; {@code bulk.apply(i)}: prime i's residues as one family ({@link OneHotBulk}), or null where not counted so. */
    PrimeMemo(CrtBasis basis, IntBinaryOperator residue, IntConsumer done, java.util.function.IntFunction<OneHotBulk> bulk) {
        this.basis = basis;
        this.residue = residue;
        this.done = done;
        this.bulk = bulk;
    }

    /** What a {@link #lazy} memo reads of a prime's residue: the member {@code [value = y]}. */
    interface Member<T> {
        int is(T residue, int y);
    }

    /**
     * A memo over {@code make.apply(i)}, prime i's residue, made when prime i is first read and dropped when the next
     * is: members read through {@code member}, the family through {@code bulk}.
     */
    static <T> PrimeMemo lazy(CrtBasis basis, java.util.function.IntFunction<T> make, Member<T> member,
            java.util.function.Function<T, OneHotBulk> bulk) {
        var current = new Object() {
            int at = -1;
            T value;

            T of(int i) {
                if (i != at) {
                    value = null; // the last prime's, released before the next is made
                    value = make.apply(i);
                    at = i;
                }
                return value;
            }
        };
        return new PrimeMemo(basis, (i, y) -> member.is(current.of(i), y), i -> {}, i -> bulk.apply(current.of(i)));
    }

    /** Prime i's residues as one family, or null (read in prime order, as {@link #applyAsInt}). */
    OneHotBulk bulk(int i) {
        enter(i);
        return bulk.apply(i);
    }

    @Override
    public int applyAsInt(int i, int y) {
        enter(i);
        if (memo[y] < 0) memo[y] = residue.applyAsInt(i, y);
        return memo[y];
    }

    private void enter(int i) {
        if (i != prime) {
            if (i < prime) throw new IllegalStateException("prime " + i + " read after prime " + prime);
            if (prime >= 0) done.accept(prime);
            prime = i;
            memo = new int[basis.prime(i)];
            Arrays.fill(memo, -1);
        }
    }
}
