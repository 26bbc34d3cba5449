package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gate's term ({@link GateTerms}: constant, AND, OR or a tree of adders) is the gate on every assignment:
 * random gates over 1-6 fan-ins (a node repeated, zero and negative weights, weights up to 2^40), each term
 * with every assignment of its nodes substituted and simplified, against {@code sum w v >= t} computed here.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GateTermsTest {

    @Test
    void everyFormIsTheGateOnEveryAssignment() {
        Random r = new Random(18);
        int[] forms = new int[4]; // constant, AND, OR, sum
        try (Context ctx = new Context()) {
            BoolExpr[] node = new BoolExpr[4];
            for (int i = 0; i < node.length; i++) node[i] = ctx.mkBoolConst("n" + i);
            for (int k = 0; k < 600; k++) {
                int fanin = 1 + r.nextInt(6);
                int[] of = new int[fanin];
                BoolExpr[] v = new BoolExpr[fanin];
                long[] w = new long[fanin];
                long scale = k % 5 == 0 ? 1L << 40 : 1;
                for (int i = 0; i < fanin; i++) {
                    of[i] = r.nextInt(node.length); // repeats: correlated terms
                    v[i] = node[of[i]];
                    w[i] = (r.nextInt(9) - 4) * (r.nextBoolean() ? scale : 1);
                }
                long t = (r.nextInt(13) - 6) * (r.nextInt(3) == 0 ? scale : 1);
                BoolExpr term = GateTerms.atLeast(ctx, v, w, t);
                forms[term.isTrue() || term.isFalse() ? 0 : term.isAnd() ? 1 : term.isOr() ? 2 : 3]++;
                for (int a = 0; a < 1 << node.length; a++) {
                    long sum = 0;
                    for (int i = 0; i < fanin; i++) if ((a >>> of[i] & 1) != 0) sum += w[i];
                    Expr<?>[] values = new Expr<?>[node.length];
                    for (int i = 0; i < node.length; i++) values[i] = ctx.mkBool((a >>> i & 1) != 0);
                    Expr<?> got = term.substitute(node, values).simplify();
                    assertEquals(sum >= t, got.isTrue(), "weights " + java.util.Arrays.toString(w) + " on nodes "
                            + java.util.Arrays.toString(of) + ", t = " + t + ", assignment " + a + ": " + term);
                }
            }
        }
        for (int f : forms) assertTrue(f > 20, "each form met: " + java.util.Arrays.toString(forms));
    }
}
