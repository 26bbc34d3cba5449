package tc0.proofs.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which nodes' gates are a formula n^a L^b: per node, {@link Fit#search} on its counts at the powers of two (fitted
 * on the smallest, equal at every other one counted). Where every node has one, their sum equals the count at
 * every power of two counted; where some do not, this says which ops and what share of the gates they hold. A
 * gadget whose cost is not a polynomial in its word width (column compression by column heights, a table's change
 * points, a product by constant weights' set bits) has none: its count is evaluated gadget by gadget.
 *
 * @param formulas per node with gates (id order), its formula, or empty
 * @param nodes    those nodes' ids
 * @param ops      the ops of the nodes with none
 * @param share    the fitted nodes' share of the gates at the largest power of two counted, {@code at}
 */
public record NodeFormulas(List<Optional<Fit.Result>> formulas, List<Integer> nodes, TreeSet<String> ops, BigDecimal share, long at) {
    public static NodeFormulas of(SortedMap<Long, List<NodeFigures>> byN) {
        SortedMap<Long, List<NodeFigures>> powers = new TreeMap<>();
        byN.forEach((n, x) -> { if (Long.bitCount(n) == 1) powers.put(n, x); });
        List<NodeFigures> last = powers.get(powers.lastKey());
        List<Optional<Fit.Result>> formulas = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        TreeSet<String> ops = new TreeSet<>();
        BigInteger fitted = BigInteger.ZERO, all = BigInteger.ZERO;
        for (NodeFigures f : last) {
            if (powers.values().stream().allMatch(x -> x.get(f.id()).gates().signum() == 0)) continue;
            SortedMap<Long, BigInteger> v = new TreeMap<>();
            powers.forEach((n, x) -> v.put(n, x.get(f.id()).gates()));
            Optional<Fit.Result> r = Fit.search(v, SymbolicFigures.MAX_A, SymbolicFigures.MAX_B, SymbolicFigures.CONFIRM);
            formulas.add(r);
            nodes.add(f.id());
            all = all.add(f.gates());
            if (r.isPresent()) fitted = fitted.add(f.gates());
            else ops.add(f.op());
        }
        BigDecimal share = all.signum() == 0 ? BigDecimal.ONE : new BigDecimal(fitted).divide(new BigDecimal(all), 6, RoundingMode.HALF_UP);
        return new NodeFormulas(List.copyOf(formulas), List.copyOf(nodes), ops, share, powers.lastKey());
    }

    public long fitted() {
        return formulas.stream().filter(Optional::isPresent).count();
    }

    /** "exact per node at n = 2^L: 5 of 24 nodes ...". */
    public String text() {
        String head = "exact per node at n = 2^L: " + fitted() + " of " + formulas.size() + " nodes with gates have a formula n^a L^b (a <= " + SymbolicFigures.MAX_A
                + ", b <= " + SymbolicFigures.MAX_B + ") equal to their counts at every power of two counted";
        if (ops.isEmpty()) return head + ": their sum is the gates at every n = 2^L counted";
        return head + " (" + share.movePointRight(2).stripTrailingZeros().toPlainString() + "% of the gates at n = " + at + "); none for the others' ops ("
                + String.join(", ", ops) + "): their costs go by column heights, table change points or weights' bits, not polynomials in the width; counted gadget by gadget";
    }
}
