package tc0.circuits.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import tc0.circuits.io.aiger.AigerReader;
import tc0.circuits.io.aiger.AigerWriter;
import tc0.circuits.io.binary.Tc0cReader;
import tc0.circuits.io.binary.Tc0cWriter;
import tc0.circuits.io.graph.DotExporter;
import tc0.circuits.io.graph.GraphmlExporter;
import tc0.circuits.io.graph.JsonExporter;
import tc0.circuits.io.html.HtmlViewerExporter;
import tc0.circuits.io.verilog.VerilogWriter;

/** The file formats tc0 reads and writes, with their extensions. Exports have no reader. */
public enum Format {
    AAG("aag", AigerReader::new, () -> new AigerWriter(false)),
    AIG("aig", AigerReader::new, () -> new AigerWriter(true)),
    TC0C("tc0c", Tc0cReader::new, Tc0cWriter::new),
    VERILOG("v", null, VerilogWriter::new),
    DOT("dot", null, DotExporter::new),
    GRAPHML("graphml", null, GraphmlExporter::new),
    JSON("json", null, JsonExporter::new),
    HTML("html", null, HtmlViewerExporter::new);

    private final String extension;
    private final Supplier<CircuitReader> reader;
    private final Supplier<CircuitWriter> writer;

    Format(String extension, Supplier<CircuitReader> reader, Supplier<CircuitWriter> writer) {
        this.extension = extension;
        this.reader = reader;
        this.writer = writer;
    }

    public String extension() {
        return extension;
    }

    public boolean readable() {
        return reader != null;
    }

    public CircuitReader reader() {
        if (reader == null) throw new UnsupportedOperationException(this + " is an export format; tc0 does not read it");
        return reader.get();
    }

    public CircuitWriter writer() {
        return writer.get();
    }

    /** The lower-case name users type: aag, aig, tc0c, verilog, dot, graphml, json, html. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format with this user name (case-insensitive). */
    public static Optional<Format> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.userName().equalsIgnoreCase(name)).findFirst();
    }

    /** The format of a file name by its extension. */
    public static Optional<Format> byFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String ext = fileName.substring(dot + 1);
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(ext)).findFirst();
    }
}
