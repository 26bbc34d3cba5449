package tc0.circuits.io.binary;

import static tc0.circuits.io.binary.Tc0cLayout.*;

import java.io.IOException;
import java.io.InputStream;
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

    @Override
    public Circuit read(InputStream in, String file) throws IOException, CircuitFormatException {
        byte[] header = in.readNBytes(HEADER_BYTES);
        checkHeader(header, file);
        long bodyLength = littleEndian(header, LENGTH_OFFSET, 8);
        if (bodyLength < 0 || bodyLength > MAX_BODY_BYTES) {
            throw new CircuitFormatException(file + ": byte " + LENGTH_OFFSET + ": body length "
                    + Long.toUnsignedString(bodyLength) + " is out of range: the header is corrupt");
        }
        // readNBytes grows its buffer as bytes arrive, so a corrupt length cannot allocate more than the file holds.
        byte[] rest = in.readNBytes((int) bodyLength + CHECKSUM_BYTES);
        if (rest.length < bodyLength + CHECKSUM_BYTES) {
            throw new CircuitFormatException(file + ": byte " + (HEADER_BYTES + rest.length) + ": truncated: the header announces "
                    + bodyLength + " body bytes and a 4-byte checksum, the file ends after " + (HEADER_BYTES + rest.length) + " bytes");
        }
        CRC32C crc = new CRC32C();
        crc.update(header);
        crc.update(rest, 0, (int) bodyLength);
        if (crc.getValue() != littleEndian(rest, (int) bodyLength, CHECKSUM_BYTES)) {
            throw new CircuitFormatException(file + ": checksum mismatch: the file is corrupt");
        }
        if (in.read() != -1) {
            throw new CircuitFormatException(file + ": byte " + (HEADER_BYTES + rest.length)
                    + ": unexpected bytes after the checksum (two files joined, or a corrupt length?)");
        }
        return Tc0cSections.decode(new ByteSource(rest, 0, (int) bodyLength, HEADER_BYTES, file), file);
    }

    private static void checkHeader(byte[] header, String file) throws CircuitFormatException {
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
        if (version != VERSION) {
            throw new CircuitFormatException(file + ": byte " + VERSION_OFFSET + ": .tc0c format version " + version
                    + " is not supported; this tc0 reads version " + VERSION);
        }
    }

    private static long littleEndian(byte[] b, int offset, int count) {
        long v = 0;
        for (int i = 0; i < count; i++) v |= (b[offset + i] & 0xFFL) << (8 * i);
        return v;
    }
}
