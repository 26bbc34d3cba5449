package tc0.circuits.io.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The page's parts read from the class path: the template, the viewer's script and style (beside this class)
 * and d3 from its WebJar (org.webjars.npm:d3, found through the WebJar's pom.properties, so a version bump in
 * the POM needs no code change).
 */
final class ViewerAssets {
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars.npm/d3/pom.properties";

    private ViewerAssets() {
    }

    static String template() {
        return own("viewer.html");
    }

    static String script() {
        return own("viewer.js");
    }

    static String style() {
        return own("viewer.css");
    }

    /** d3's minified bundle, as the WebJar ships it. */
    static String d3() {
        Properties p = new Properties();
        try (InputStream in = open(WEBJAR_PROPERTIES)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text("/META-INF/resources/webjars/d3/" + p.getProperty("version") + "/dist/d3.min.js");
    }

    private static String own(String name) {
        return text("/tc0/circuits/io/html/" + name);
    }

    private static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = ViewerAssets.class.getResourceAsStream(resource);
        if (in == null) throw new IOException("the viewer's resource " + resource + " is missing from the class path");
        return in;
    }
}
