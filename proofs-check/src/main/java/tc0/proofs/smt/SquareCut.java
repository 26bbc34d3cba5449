package tc0.proofs.smt;

import com.microsoft.z3.BitVecExpr;
import java.math.BigInteger;
import java.util.List;

/**
 * A step whose outputs are a function of comparators {@code [Q >= a]} of the quadratic form
 * {@code Q = m sum x_i^2 - S^2}, read as one gate each over the bits of an exact word {@code T = sum x_i^2} and
 * the ANDs of S's bits (layer norm's scale): what {@link SquareCutProver} needs to prove it with a cut at T.
 * The input buses are the row x0 .. x(m-1) and S (bus xm), S given as their sum (the case's precondition).
 *
 * @param m    the row's length
 * @param qMax the largest Q over rows of the input words' range (proved by the prover, not trusted)
 * @param spec the output words as a function of Q (one per output bus), the case's specification read at Q
 */
public record SquareCut(int m, BigInteger qMax, OfQ spec) {

    /** The outputs from Q. */
    @FunctionalInterface
    public interface OfQ {
        List<BitVecExpr> outputs(Words w, BitVecExpr q);
    }
}
