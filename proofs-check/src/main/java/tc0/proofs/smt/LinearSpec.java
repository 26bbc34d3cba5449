package tc0.proofs.smt;

import com.microsoft.z3.Expr;
import java.util.List;
import java.util.Map;

/**
 * A specification written once in {@link Linear} arithmetic: each output bus's value from the input buses'
 * signed values. Read on bit-vectors it is the case's {@link GadgetCase.Spec} (each value's low bits); read
 * on integers, {@link IntegerProver} decides it in linear integer arithmetic. (A generic method: written as
 * a class, not a lambda.)
 */
public interface LinearSpec {
    /** One value per output bus; the bus holds it modulo 2^width. */
    <E extends Expr<?>> List<E> outputs(Linear<E> a, Map<String, E> signedInputs);
}
