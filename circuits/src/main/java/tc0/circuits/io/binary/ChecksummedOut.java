package tc0.circuits.io.binary;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * The {@code .tc0c} encodings ({@link ByteSink}'s: little-endian fixed width, LEB128, zigzag) straight to a
 * stream through one reused buffer, with the CRC32C of every byte passed on. A whole file never sits in
 * memory, so writing takes no heap that grows with the circuit.
 */
final class ChecksummedOut {
    private static final int BUFFER = 1 << 20;
    /** Room every caller may use without asking: a gate's head (3 varints) or a wire (2). */
    static final int SLACK = 32;

    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final byte[] buf = new byte[BUFFER + SLACK];
    private int pos;
    private long written;

    ChecksummedOut(OutputStream out) {
        this.out = out;
    }

    /** Bytes passed on so far, buffered ones included. */
    long count() {
        return written + pos;
    }

    /** The CRC32C of every byte so far. */
    long checksum() throws IOException {
        drain();
        return crc.getValue();
    }

    /** Makes room for {@link #SLACK} more bytes. */
    void room() throws IOException {
        if (pos >= BUFFER) drain();
    }

    void write(int b) throws IOException {
        room();
        buf[pos++] = (byte) b;
    }

    void write(byte[] b, int off, int len) throws IOException {
        drain();
        crc.update(b, off, len);
        out.write(b, off, len);
        written += len;
    }

    void writeLittleEndian(long value, int byteCount) throws IOException {
        room();
        for (int i = 0; i < byteCount; i++) buf[pos++] = (byte) (value >>> (8 * i));
    }

    /** Unsigned LEB128, as {@link ByteSink#writeVarint}; the caller has made room ({@link #room}). */
    void varint(long value) {
        pos = varint(buf, pos, value);
    }

    /** Zigzag then LEB128; the caller has made room. */
    void signedVarint(long value) {
        pos = varint(buf, pos, zigzag(value));
    }

    /** Unsigned LEB128 of {@code value} into {@code b} at {@code at}; returns the index after it. */
    static int varint(byte[] b, int at, long value) {
        while ((value & ~0x7FL) != 0) {
            b[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        b[at++] = (byte) value;
        return at;
    }

    /** Zigzag: small negative numbers to small unsigned ones (-1 to 1, 1 to 2). */
    static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    /** Bytes of {@code value} as an unsigned LEB128 varint. */
    static int varintLength(long value) {
        return (63 - Long.numberOfLeadingZeros(value | 1)) / 7 + 1;
    }

    /** Bytes of {@code value} zigzagged then LEB128-coded. */
    static int signedVarintLength(long value) {
        return varintLength(zigzag(value));
    }

    /** Passes the buffered bytes on (checksum and stream). */
    void drain() throws IOException {
        if (pos == 0) return;
        crc.update(buf, 0, pos);
        out.write(buf, 0, pos);
        written += pos;
        pos = 0;
    }
}
