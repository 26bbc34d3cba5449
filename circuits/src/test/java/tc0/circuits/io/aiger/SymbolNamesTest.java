package tc0.circuits.io.aiger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;

/**
 * Names through a read and a write of AIGER: the written symbol table is the one read, line for line; a
 * position without a symbol gets none. The AIG is 4 inputs, 3 outputs: o0 = i0 & i1, o1 = i2 & i3, o2 = !o0.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SymbolNamesTest {
    private static final String AIG = "aag 6 4 0 3 2\n2\n4\n6\n8\n10\n12\n11\n10 2 4\n12 6 8\n";

    /** The symbol lines tc0 writes after reading {@code AIG} with {@code symbols}. */
    private static List<String> symbolsWrittenBack(String symbols, boolean binary) throws Exception {
        Circuit c = new AigerReader().read(new ByteArrayInputStream((AIG + symbols).getBytes(StandardCharsets.UTF_8)), "t.aag");
        var out = new ByteArrayOutputStream();
        new AigerWriter(binary).write(c, out);
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] header = text.substring(0, text.indexOf('\n')).split(" "); // aag M I L O A
        int at = text.indexOf('\n') + 1;
        int lines = (binary ? 0 : Integer.parseInt(header[2])) + Integer.parseInt(header[4]) + (binary ? 0 : Integer.parseInt(header[5]));
        for (int i = 0; i < lines; i++) at = text.indexOf('\n', at) + 1;
        for (int i = 0; binary && i < 2 * Integer.parseInt(header[5]); i++) { // the delta-coded ANDs
            while ((bytes[at] & 0x80) != 0) at++;
            at++;
        }
        return text.substring(at).lines().takeWhile(l -> !l.equals("c")).toList();
    }

    private static List<String> symbols(String text) {
        return text.lines().toList();
    }

    @Test
    void aFileWithoutSymbolsIsWrittenWithoutSymbols() throws Exception {
        assertEquals(List.of(), symbolsWrittenBack("", false));
        assertEquals(List.of(), symbolsWrittenBack("", true));
    }

    @Test
    void interleavedLoneAndOutOfOrderNamesAreKeptExactly() throws Exception {
        String table = "i0 a[0]\ni1 b[0]\ni2 a[1]\ni3 b[1]\no0 x[2]\no1 x[0]\no2 c[0]\n";
        assertEquals(symbols(table), symbolsWrittenBack(table, false));
        assertEquals(symbols(table), symbolsWrittenBack(table, true));
    }

    @Test
    void somePositionsNamedOthersNot() throws Exception {
        String table = "i1 en\ni3 d[0]\no1 y\n";
        assertEquals(symbols(table), symbolsWrittenBack(table, false));
    }

    @Test
    void busesStillFormWhereTheNamesTileAndThoseBusesAreWrittenTheSame() throws Exception {
        String table = "i0 a[0]\ni1 a[1]\ni2 a[2]\ni3 en\no0 y[0]\no1 y[1]\no2 ok\n";
        Circuit c = new AigerReader().read(new ByteArrayInputStream((AIG + table).getBytes(StandardCharsets.UTF_8)), "t.aag");
        assertEquals(List.of(new Bus("a", 0, 3), new Bus("en", 3, 1)), c.inputBuses());
        assertEquals(List.of(new Bus("y", 0, 2), new Bus("ok", 2, 1)), c.outputBuses());
        assertEquals(symbols(table), symbolsWrittenBack(table, false));
    }

    @Test
    void aRunWhoseBaseIsAlsoAPlainNameStaysBitByBit() throws Exception {
        String table = "i0 a[0]\ni1 a[1]\ni2 a\no0 q[0]\no1 q[1]\no2 q\n";
        Circuit c = new AigerReader().read(new ByteArrayInputStream((AIG + table).getBytes(StandardCharsets.UTF_8)), "t.aag");
        assertEquals(List.of(new Bus("a[0]", 0, 1), new Bus("a[1]", 1, 1), new Bus("a", 2, 1), new Bus("?in", 3, 1)), c.inputBuses());
        assertEquals(symbols(table), symbolsWrittenBack(table, false));
    }

    @Test
    void aNameStartingWithAQuestionMarkIsNotTakenForUnnamed() throws Exception {
        String table = "i0 ?in\ni1 ?\ni2 ??x\no0 ?out[0]\no1 ?out[1]\n";
        Circuit c = new AigerReader().read(new ByteArrayInputStream((AIG + table).getBytes(StandardCharsets.UTF_8)), "t.aag");
        assertEquals(List.of(new Bus("??in", 0, 1), new Bus("??", 1, 1), new Bus("???x", 2, 1), new Bus("?in", 3, 1)), c.inputBuses());
        assertEquals(symbols(table), symbolsWrittenBack(table, false));
    }
}
