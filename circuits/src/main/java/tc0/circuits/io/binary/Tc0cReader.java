package tc0.circuits.io.binary;

import static tc0.circuits.io.binary.Tc0cLayout.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFormatException;
import tc0.circuits.io.CircuitReader;

/**
 * Reads the {@code .tc0c} format (docs/FORMATS.md). The framing is checked first (magic, version, body
 * length against the bytes really there, CRC32C), so a damaged file is reported as damaged rather than as
 * whatever its damaged content happens to look like; then {@link Tc0cSections} decodes the body.
 */
public final class Tc0cReader implements CircuitReader {
    /** The body is read in chunks of 2^30 bytes: one array cannot hold a body past 2 GiB. */
    static final int CHUNK_BITS = 30;
    private final int chunkBits;

    public Tc0cReader() {
        this(CHUNK_BITS);
    }

    /** A reader with chunks of 2^chunkBits bytes: small ones for tests, so that reads cross chunks. */
    Tc0cReader(int chunkBits) {
        if (chunkBits < 1 || chunkBits > CHUNK_BITS) throw new IllegalArgumentException("chunk bits " + chunkBits);
        this.chunkBits = chunkBits;
    }

    @Override
    public Circuit read(InputStream in, String file) throws IOException, CircuitFormatException {
        byte[] header = in.readNBytes(HEADER_BYTES);
        long version = checkHeader(header, file);
        long bodyLength = littleEndian(header, LENGTH_OFFSET, 8);
        if (bodyLength < 0 || bodyLength > (version == VERSION ? VERSION_1_MAX_BODY_BYTES : MAX_BODY_BYTES)) {
            throw new CircuitFormatException(file + ": byte " + LENGTH_OFFSET + ": body length "
                    + Long.toUnsignedString(bodyLength) + " is out of range: the header is corrupt");
        }
        CRC32C crc = new CRC32C();
        crc.update(header);
        // readNBytes grows its buffer as bytes arrive, so a corrupt length cannot allocate more than the file holds.
        List<byte[]> chunks = new ArrayList<>(); // every one full but the last: 2^chunkBits bytes
        long got = 0;
        while (got < bodyLength) {
            int want = (int) Math.min(1L << chunkBits, bodyLength - got);
            byte[] chunk = in.readNBytes(want);
            chunks.add(chunk);
            crc.update(chunk);
            got += chunk.length;
            if (chunk.length < want) break; // the file ended early
        }
        if (chunks.isEmpty()) chunks.add(new byte[0]);
        byte[] checksum = got == bodyLength ? in.readNBytes(CHECKSUM_BYTES) : new byte[0];
        long read = HEADER_BYTES + got + checksum.length;
        if (checksum.length < CHECKSUM_BYTES) {
            throw new CircuitFormatException(file + ": byte " + read + ": truncated: the header announces "
                    + bodyLength + " body bytes and a 4-byte checksum, the file ends after " + read + " bytes");
        }
        if (crc.getValue() != littleEndian(checksum, 0, CHECKSUM_BYTES)) {
            throw new CircuitFormatException(file + ": checksum mismatch: the file is corrupt");
        }
        if (in.read() != -1) {
            throw new CircuitFormatException(file + ": byte " + read
                    + ": unexpected bytes after the checksum (two files joined, or a corrupt length?)");
        }
        return Tc0cSections.decode(new ByteSource(chunks.toArray(byte[][]::new), chunkBits, 0, bodyLength, HEADER_BYTES, file), file,
                version == REPEAT_VERSION);
    }

    /** Checks the magic and the version; returns the version. */
    private static long checkHeader(byte[] header, String file) throws CircuitFormatException {
        if (header.length == 0) throw new CircuitFormatException(file + ": empty file, not a .tc0c circuit");
        for (int i = 0; i < Math.min(header.length, MAGIC.length); i++) {
            if (header[i] != MAGIC[i]) {
                throw new CircuitFormatException(file + ": byte " + i + ": not a .tc0c file (wrong magic bytes)");
            }
        }
        if (header.length < HEADER_BYTES) {
            throw new CircuitFormatException(file + ": byte " + header.length + ": truncated header: the file ends after "
                    + header.length + " bytes, the header alone has " + HEADER_BYTES);
        }
        long version = littleEndian(header, VERSION_OFFSET, 4);
        if (version != VERSION && version != LARGE_VERSION && version != REPEAT_VERSION) {
            throw new CircuitFormatException(file + ": byte " + VERSION_OFFSET + ": .tc0c format version " + version
                    + " is not supported; this tc0 reads versions " + VERSION + ", " + LARGE_VERSION + " and " + REPEAT_VERSION);
        }
        return version;
    }

    private static long littleEndian(byte[] b, int offset, int count) {
        long v = 0;
        for (int i = 0; i < count; i++) v |= (b[offset + i] & 0xFFL) << (8 * i);
        return v;
    }
}
