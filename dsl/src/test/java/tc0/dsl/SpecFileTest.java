package tc0.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading a spec: bounded in bytes whatever the file is (devices, pipes), UTF-8 only, each refusal one line. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SpecFileTest {
    @TempDir
    Path dir;

    @Test
    void aFileAtTheLimitIsReadAndOneByteMoreIsRefused() throws IOException {
        Path at = Files.writeString(dir.resolve("at.tc0"), "x".repeat(1000));
        Path over = Files.writeString(dir.resolve("over.tc0"), "x".repeat(1001));
        assertEquals(1000, SpecFile.read(at, 1000).length());
        SpecFileException e = assertThrows(SpecFileException.class, () -> SpecFile.read(over, 1000));
        assertEquals(over + ": larger than 1000 bytes, the limit for a spec (a spec is text of a few KB;"
                + " raise the limit with -Dtc0.maxSpecBytes=16M in TC0_JAVA_OPTS)", e.getMessage());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void devZeroAndDevUrandomAreRefusedAtTheLimitNotReadToTheEnd() {
        for (String device : new String[] {"/dev/zero", "/dev/urandom"}) {
            SpecFileException e = assertThrows(SpecFileException.class, () -> SpecFile.read(Path.of(device)));
            assertEquals(device + ": larger than 4 MiB (4194304 bytes), the limit for a spec (a spec is text of a few KB;"
                    + " raise the limit with -Dtc0.maxSpecBytes=16M in TC0_JAVA_OPTS)", e.getMessage());
        }
    }

    @Test
    void anEndlessPipeIsRefusedAtTheLimit() throws Exception {
        Path fifo = dir.resolve("endless.tc0");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = Thread.ofVirtual().start(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                byte[] chunk = "model m() {}\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
                while (true) out.write(chunk);
            } catch (IOException e) {
                // the reader closed the pipe: what it should do
            }
        });
        SpecFileException e = assertThrows(SpecFileException.class, () -> SpecFile.read(fifo, 1 << 16));
        assertTrue(e.getMessage().startsWith(fifo + ": larger than 64 KiB (65536 bytes), the limit"), e.getMessage());
        writer.join(5000);
        assertTrue(!writer.isAlive(), "the writer sees the pipe closed");
    }

    @Test
    void aUtf8ByteOrderMarkIsDroppedSoColumnsCountFromTheText() throws IOException {
        Path f = Files.write(dir.resolve("bom.tc0"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'm', 'o', 'd'});
        assertEquals("mod", SpecFile.read(f));
    }

    @Test
    void utf16IsRefusedNamingTheEncoding() throws IOException {
        assertEquals("le.tc0: UTF-16 (little-endian, byte-order mark FF FE) is not supported; save the file as UTF-8",
                refusal("le.tc0", (byte) 0xFF, (byte) 0xFE, 'm', 0));
        assertEquals("be.tc0: UTF-16 (big-endian, byte-order mark FE FF) is not supported; save the file as UTF-8",
                refusal("be.tc0", (byte) 0xFE, (byte) 0xFF, 0, 'm'));
        assertEquals("nobom.tc0: UTF-16 (little-endian, no byte-order mark: a zero byte after 'm') is not supported;"
                + " save the file as UTF-8", refusal("nobom.tc0", 'm', 0, 'o', 0));
    }

    @Test
    void invalidUtf8IsRefusedAtItsByteOffset() throws IOException {
        // "model " then 0xC3 0x28: a two-byte lead followed by an ASCII byte, malformed at offset 6
        assertEquals("bad.tc0: invalid UTF-8 at byte offset 6; a spec is UTF-8 text, save the file as UTF-8",
                refusal("bad.tc0", 'm', 'o', 'd', 'e', 'l', ' ', (byte) 0xC3, '('));
        // a lone continuation byte after a BOM: the offset counts from the file's start, the BOM included
        assertEquals("cont.tc0: invalid UTF-8 at byte offset 4; a spec is UTF-8 text, save the file as UTF-8",
                refusal("cont.tc0", (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0x80));
        // a file cut inside a multi-byte character
        assertEquals("cut.tc0: invalid UTF-8 at byte offset 1; a spec is UTF-8 text, save the file as UTF-8",
                refusal("cut.tc0", 'a', (byte) 0xE2, (byte) 0x82));
    }

    @Test
    void theLimitTakesBytesOrASuffixAndRefusesAnythingElseInOneLine() {
        assertEquals(4096, SpecFile.parseBytes("4096"));
        assertEquals(16L << 20, SpecFile.parseBytes("16M"));
        assertEquals(2L << 10, SpecFile.parseBytes("2k"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecFile.parseBytes("lots"));
        assertEquals("tc0.maxSpecBytes=lots: expected a byte count below 2G, e.g. 4194304 or 16M", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpecFile.parseBytes("3G"));
        assertThrows(IllegalArgumentException.class, () -> SpecFile.parseBytes("-1"));
    }

    @Test
    void aMissingFileOrADirectoryIsOneLine() {
        assertEquals(dir.resolve("nope.tc0") + ": no such file",
                assertThrows(SpecFileException.class, () -> SpecFile.read(dir.resolve("nope.tc0"))).getMessage());
        assertEquals(dir + ": is a directory, not a spec file",
                assertThrows(SpecFileException.class, () -> SpecFile.read(dir)).getMessage());
    }

    private String refusal(String name, int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) bytes[i];
        Path f = Files.write(dir.resolve(name), b);
        String message = assertThrows(SpecFileException.class, () -> SpecFile.read(f)).getMessage();
        assertTrue(message.startsWith(f + ": "), message);
        return message.substring(f.toString().length() - name.length());
    }
}
