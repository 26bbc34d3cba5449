package tc0.circuits.io.aiger;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [sum w_i l_i >= t]} for positive weights, as ANDs. Each literal is placed in the bit columns where
 * its weight has a one; each column is then reduced carry-save style (a full adder takes three bits and
 * leaves their sum bit in the column and their carry in the next one, a half adder does the same with two),
 * oldest bits first so the adders form a tree rather than a chain, until every column holds at most one bit:
 * the binary sum. A comparator against the constant {@code t} then runs from the least significant bit up:
 * {@code ge_j = t_j ? s_j AND ge_{j-1} : s_j OR ge_{j-1}}, starting from true.
 */
final class WeightedSum {
    private WeightedSum() {}

    static int atLeast(AigBuilder aig, int[] lits, List<BigInteger> weights, BigInteger t) {
        List<ArrayDeque<Integer>> columns = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            BigInteger w = weights.get(i);
            for (int j = 0; j < w.bitLength(); j++) if (w.testBit(j)) column(columns, j).add(lits[i]);
        }
        List<Integer> sumBits = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            ArrayDeque<Integer> q = columns.get(j);
            while (q.size() >= 2) {
                int a = q.poll(), b = q.poll();
                int x = aig.xor(a, b);
                if (q.isEmpty()) { // half adder
                    q.add(x);
                    column(columns, j + 1).add(aig.and(a, b));
                } else { // full adder
                    int cin = q.poll();
                    q.add(aig.xor(x, cin));
                    column(columns, j + 1).add(aig.or(aig.and(a, b), aig.and(x, cin)));
                }
            }
            sumBits.add(q.isEmpty() ? AigBuilder.FALSE : q.poll());
        }
        int ge = AigBuilder.TRUE;
        for (int j = 0; j < Math.max(sumBits.size(), t.bitLength()); j++) {
            int s = j < sumBits.size() ? sumBits.get(j) : AigBuilder.FALSE;
            ge = t.testBit(j) ? aig.and(s, ge) : aig.or(s, ge);
        }
        return ge;
    }

    private static ArrayDeque<Integer> column(List<ArrayDeque<Integer>> columns, int j) {
        while (columns.size() <= j) columns.add(new ArrayDeque<>());
        return columns.get(j);
    }
}
