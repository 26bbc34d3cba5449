package tc0.circuits.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PatternTextTest {

    private static BitMatrix read(String text, int width) throws Exception {
        return PatternText.read(new StringReader(text), "p.txt", width);
    }

    @Test
    void commentsBlankLinesWhitespaceAndUnderscoresAreIgnored() throws Exception {
        BitMatrix m = read("# a b c d\n0110\n\n 1 0_0 1  # second\n", 4);
        assertEquals(2, m.patterns());
        assertEquals("0110", PatternText.line(m, 0));
        assertEquals("1001", PatternText.line(m, 1));
    }

    @Test
    void aLineOfTheWrongWidthIsReportedWithFileAndLine() {
        var e = assertThrows(PatternText.FormatException.class, () -> read("01\n\n011\n", 2));
        assertEquals("p.txt:3: 3 bits, but the circuit has 2 inputs", e.getMessage());
    }

    @Test
    void aCharacterThatIsNotABitIsReportedWithFileAndLine() {
        var e = assertThrows(PatternText.FormatException.class, () -> read("0x\n", 2));
        assertEquals("p.txt:1: 'x' is not a bit; a pattern is 2 characters 0 or 1", e.getMessage());
    }

    @Test
    void aCircuitWithoutInputsTakesNoPatternsFromText() throws Exception {
        assertEquals(0, read("# nothing\n", 0).patterns());
    }
}
