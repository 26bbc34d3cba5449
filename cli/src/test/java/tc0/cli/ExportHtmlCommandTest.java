package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** tc0 export --format html, without a browser: the file, standard output, and a name that says another format. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExportHtmlCommandTest {
    static final String ADDER = ViewerBrowserTest.repositoryFile("examples/circuits/full_adder.aag").toString();

    @Test
    void writesOnePageNamedByItsExtension(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("adder.html");
        Cli r = Cli.run("export", ADDER, "-o", page.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("(html)"), r.err());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.strip().endsWith("</html>"));
    }

    @Test
    void writesToStandardOutputWhenAsked() {
        Cli r = Cli.run("export", ADDER, "--format", "html", "-o", "-");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("<!DOCTYPE html>"), r.out().substring(0, Math.min(80, r.out().length())));
    }

    @Test
    void refusesAFileNamedForAnotherFormat(@TempDir Path dir) {
        Cli r = Cli.run("export", ADDER, "--format", "html", "-o", dir.resolve("adder.json").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.saysOneLineError() && r.err().contains("--format is html"), r.err());
    }
}
