package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code tc0 lemmas}: the table, the exit code, the JUnit XML read back, and bad options refused in one line. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LemmasCommandTest {
    @Test
    void thm45sDepthAboveItsFormulaFailsAndTheJUnitXmlSaysSo(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("lemmas.xml");
        Path md = dir.resolve("lemmas.md");
        Cli r = Cli.run("lemmas", "--root", "..", "--paper", "2412.06148", "--lemma", "Thm 4.5", "--junit", xml.toString(),
                "--markdown", md.toString(), "--samples", "4");
        assertEquals(ExitCodes.CHECK_FAILED, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("finding 1 about the paper"), r.out());
        assertTrue(r.out().contains("Thm 4.5                      DEPTH     FAILS      examples/mamba.tc0"), r.out());

        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = d.getDocumentElement();
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(Integer.parseInt(suite.getAttribute("tests")), cases.getLength());
        int failures = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertEquals("2412.06148.Thm 4.5", c.getAttribute("classname"));
            NodeList f = c.getElementsByTagName("failure");
            if (f.getLength() > 0) {
                failures++;
                assertTrue(((Element) f.item(0)).getAttribute("message").contains("is above the formula"), c.getAttribute("name"));
            }
        }
        assertEquals(Integer.parseInt(suite.getAttribute("failures")), failures);
        assertTrue(failures >= 1);
        assertTrue(Files.readString(md).contains("| 2412.06148 | Thm 4.5 | DEPTH | FAILS |"), Files.readString(md));
    }

    @Test
    void aLemmaThatHoldsExitsZero() {
        Cli r = Cli.run("lemmas", "--root", "..", "--paper", "2412.06148", "--lemma", "Lemma B.1", "--samples", "4");
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("Lemma B.1                    STRUCT    HOLDS"), r.out());
    }

    @Test
    void anUnknownPaperOrLemmaIsOneLine() {
        Cli r = Cli.run("lemmas", "--root", "..", "--paper", "9999.99999");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.saysOneLineError() && r.err().contains("no such paper in the catalog"), r.err());
        Cli l = Cli.run("lemmas", "--root", "..", "--lemma", "Lemma Z.9");
        assertEquals(ExitCodes.BAD_INPUT, l.exitCode());
        assertTrue(l.saysOneLineError() && l.err().contains("no claim has that id"), l.err());
    }
}
