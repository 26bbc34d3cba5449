package tc0.compiler.pipeline;

import java.nio.file.Path;
import java.util.Map;
import tc0.dsl.CheckedModel;

/**
 * A spec read and checked for parameter values.
 *
 * @param spec   the file
 * @param source its text (diagnostics of later stages are rendered against it)
 * @param model  the checked model
 * @param values the parameter values it was checked for (the others take their defaults)
 */
public record Checked(Path spec, String source, CheckedModel model, Map<String, Long> values) {
    public Checked {
        values = Map.copyOf(values);
    }
}
