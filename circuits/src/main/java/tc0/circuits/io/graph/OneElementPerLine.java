package tc0.circuits.io.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/**
 * Compact JSON with each array element and each top-level field on its own line: a million-node export stays
 * small, yet diffs and {@code grep} work line by line. Objects inside arrays stay on one line.
 */
final class OneElementPerLine extends MinimalPrettyPrinter {
    private int depth;

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        super.writeStartObject(g);
        depth++;
        if (depth == 1) g.writeRaw('\n');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (depth == 0) g.writeRaw('\n');
        super.writeEndObject(g, entries);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        super.writeObjectEntrySeparator(g);
        if (depth == 1) g.writeRaw('\n');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        super.writeArrayValueSeparator(g);
        g.writeRaw('\n');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        if (values > 0) g.writeRaw('\n');
        super.writeEndArray(g, values);
    }
}
