package tc0.proofs.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A spec (a path in the repository, e.g. {@code examples/blocks/matmul.tc0}) and the parameter values a claim is
 * checked on: each parameter's list of values (n's sweep), the spec's defaults for the others.
 */
public record CheckedOn(String spec, Map<String, List<Long>> params) {
    public CheckedOn {
        Objects.requireNonNull(spec, "spec");
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
