package tc0.cli;

import java.math.BigInteger;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Objects;
import tc0.dsl.ast.Metric;

/**
 * One {@code assert} of a spec at one instance, compared with the circuit.
 *
 * @param index      the assert's number in the spec, from 1 (the table's first column)
 * @param where      "examples/gin.tc0:19:5", where the assert is written
 * @param metric     what it bounds
 * @param boundText  the bound as written ("40 * layers + 30")
 * @param instance   "examples/gin.tc0 (n=8, d=4, layers=2)": the spec and every parameter's value
 * @param parameters those values
 * @param built      whether {@code measured} is of the built circuit, else counted (never below the built figure)
 * @param measured   the circuit's figure
 * @param bound      the bound's exact value at the instance
 */
record AssertResult(int index, String where, Metric metric, String boundText, String instance, Map<String, Long> parameters, boolean built,
        BigInteger measured, BigInteger bound) {
    AssertResult {
        Objects.requireNonNull(measured);
        Objects.requireNonNull(bound);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters)); // in the spec's order
    }

    boolean holds() {
        return measured.compareTo(bound) <= 0;
    }

    /** bound - measured: negative where the assert fails. */
    BigInteger slack() {
        return bound.subtract(measured);
    }

    /** "1.23": bound / measured to two places, or "-" where nothing was measured. */
    String ratio() {
        if (measured.signum() == 0) return "-";
        return new BigDecimal(bound).divide(new BigDecimal(measured), MathContext.DECIMAL64).setScale(2, java.math.RoundingMode.DOWN).toPlainString();
    }

    /** "assert depth <= 20" */
    String assertion() {
        return "assert " + metric.text() + " <= " + boundText;
    }

    String mode() {
        return built ? "built" : "counted";
    }

    /** The one line that says why it fails: the bound, its value, the figure and the instance. */
    String failure() {
        return String.format("%s: %s fails at %s: %s %,d (%s) is above the bound %,d, by %,d", where, assertion(), instance,
                metric.text(), measured, mode(), bound, measured.subtract(bound));
    }
}
