package tc0.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.TensorProgram;

class NpyReaderTest {
    @TempDir
    Path dir;

    /** A .npy file as NumPy writes it: magic, version, header padded to 64 bytes, data. */
    static byte[] npy(int major, String descr, String shape, boolean fortran, double[] data, int itemBytes) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': (" + shape + "), }";
        int pre = major == 1 ? 10 : 12;
        int total = (pre + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(total - pre - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total + data.length * itemBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) b.putShort((short) header.length()); else b.putInt(header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double d : data) {
            if (itemBytes == 8) b.putDouble(d); else b.putFloat((float) d);
        }
        return b.array();
    }

    @Test
    void readsFloat64AndFloat32InVersionsOneAndTwo() throws Exception {
        double[] v = {0.5, -1.25, 3, 0.125, 7, -8};
        NpyReader.Array a = NpyReader.parse(npy(1, "<f8", "2, 3", false, v, 8));
        assertEquals(List.of(2L, 3L), a.shape());
        assertArrayEquals(v, a.values());
        NpyReader.Array b = NpyReader.parse(npy(2, "<f4", "6,", false, v, 4));
        assertEquals(List.of(6L), b.shape());
        assertArrayEquals(v, b.values());
    }

    @Test
    void badFilesGiveAOneLineReason() {
        double[] v = {1, 2};
        assertReason("magic", "hello world, not numpy".getBytes(StandardCharsets.UTF_8));
        assertReason("dtype '>f8'", npy(1, ">f8", "2,", false, v, 8));
        assertReason("dtype '<i8'", npy(1, "<i8", "2,", false, v, 8));
        assertReason("Fortran order", npy(1, "<f8", "2,", true, v, 8));
        byte[] ok = npy(1, "<f8", "2,", false, v, 8);
        assertReason("data has 15 bytes", java.util.Arrays.copyOf(ok, ok.length - 1));
        assertReason("truncated header", java.util.Arrays.copyOf(ok, 20));
        byte[] v9 = ok.clone();
        v9[6] = 9;
        assertReason("version 9", v9);
    }

    private static void assertReason(String part, byte[] bytes) {
        NpyReader.NpyException e = assertThrows(NpyReader.NpyException.class, () -> NpyReader.parse(bytes));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    private Path spec(String body) throws IOException {
        Path f = dir.resolve("m.tc0");
        Files.writeString(f, "model m(n = 2) {\n    precision fixed(int: 4, frac: 2);\n    input X: [1, n];\n" + body + "\n}\n");
        return f;
    }

    @Test
    void aLoadedWeightIsQuantisedToTheModelsFormat() throws IOException {
        Files.write(dir.resolve("w.npy"), npy(1, "<f8", "2, 2", false, new double[] {0.3, -0.125, 100, 1}, 8));
        Path f = spec("    weight W: [n, n] = load(\"w.npy\");\n    output Y = X @ W;");
        TensorProgram p = Elaborator.elaborate(Specs.check(f, Map.of()), Map.of());
        Op.Constant w = (Op.Constant) p.nodes().stream().filter(n -> n.op() instanceof Op.Constant).findFirst().orElseThrow().op();
        // 0.3 -> 1.2 quarters -> 1; -0.125 -> -0.5 quarters -> 0 (ties up); 100 saturates at 31; 1 -> 4
        assertArrayEquals(new long[] {1, 0, 31, 4}, w.codes());
    }

    @Test
    void aMissingOrMismatchedFileIsAnErrorAtTheLoad() throws IOException {
        Path f = spec("    weight W: [n, n] = load(\"missing.npy\");\n    output Y = X @ W;");
        ElaborationException e = assertThrows(ElaborationException.class, () -> Elaborator.elaborate(Specs.check(f, Map.of()), Map.of()));
        assertEquals("cannot load 'missing.npy': no such file", e.diagnostic().message());
        assertEquals(4, e.diagnostic().line());
        assertEquals(24, e.diagnostic().col()); // at load(
        Files.write(dir.resolve("w.npy"), npy(1, "<f8", "3,", false, new double[] {1, 2, 3}, 8));
        Path g = spec("    weight W: [n, n] = load(\"w.npy\");\n    output Y = X @ W;");
        ElaborationException e2 = assertThrows(ElaborationException.class, () -> Elaborator.elaborate(Specs.check(g, Map.of()), Map.of()));
        assertEquals("cannot load 'w.npy': its shape is [3]; the weight is [2, 2]", e2.diagnostic().message());
    }
}
