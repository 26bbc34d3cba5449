package tc0.circuits.io.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.RegionHierarchy;
import tc0.circuits.io.CircuitWriter;

/**
 * The interactive viewer: one HTML page that holds everything it needs (style, d3, the viewer's script, the
 * circuit) and fetches nothing; its Content-Security-Policy forbids any request. The template's markers
 * {@code @STYLE@}, {@code @D3@}, {@code @HEAD@}, {@code @GATES@} and {@code @VIEWER@} are replaced in that
 * order; the gate data is streamed, so memory stays at the circuit's own plus a buffer.
 */
public final class HtmlViewerExporter implements CircuitWriter {
    private static final String[] MARKERS = {"@STYLE@", "@D3@", "@HEAD@", "@GATES@", "@VIEWER@"};

    @Override
    public void write(Circuit c, OutputStream out) throws IOException {
        RegionHierarchy h = RegionHierarchy.of(c);
        ViewerGates gates = new ViewerGates(c, h.levels());
        String template = ViewerAssets.template();
        String[] parts = {ViewerAssets.style(), scriptSafe(ViewerAssets.d3()), ViewerHead.json(c, h, gates), null,
                          scriptSafe(ViewerAssets.script())};
        int at = 0;
        for (int i = 0; i < MARKERS.length; i++) {
            int m = template.indexOf(MARKERS[i], at);
            if (m < 0) throw new IllegalStateException("viewer template lacks " + MARKERS[i]);
            text(out, template.substring(at, m));
            if (parts[i] != null) text(out, parts[i]);
            else gates.writeBase64(out);
            at = m + MARKERS[i].length();
        }
        text(out, template.substring(at));
        out.flush();
    }

    /** A script inlined in a script element must not contain its end tag. */
    static String scriptSafe(String js) {
        return js.replace("</script", "<\\/script");
    }

    private static void text(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
