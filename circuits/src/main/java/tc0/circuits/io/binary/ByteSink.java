package tc0.circuits.io.binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the encodings {@code .tc0c} uses: little-endian fixed width, LEB128, zigzag. */
final class ByteSink {
    /** One array holds a sink: the small sections, or in tests a whole file. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 64;
    private byte[] bytes = new byte[1 << 12];
    private int size;

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void write(int b) throws IOException {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] b, int off, int len) throws IOException {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    void writeLittleEndian(long value, int byteCount) throws IOException {
        ensure(byteCount);
        for (int i = 0; i < byteCount; i++) bytes[size++] = (byte) (value >>> (8 * i));
    }

    /** Unsigned LEB128: 7 bits a byte, least significant group first, high bit set on all but the last. */
    void writeVarint(long value) throws IOException {
        ensure(10);
        size = ChecksummedOut.varint(bytes, size, value);
    }

    /** Zigzag then LEB128, so small negative numbers stay short. */
    void writeSignedVarint(long value) throws IOException {
        writeVarint(ChecksummedOut.zigzag(value));
    }

    void writeString(String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(utf8.length);
        write(utf8, 0, utf8.length);
    }

    private void ensure(int more) throws IOException {
        if (size + (long) more <= bytes.length) return;
        long wanted = Math.max(size + (long) more, bytes.length * 2L);
        if (wanted > MAX_BYTES) {
            if (size + (long) more > MAX_BYTES) {
                throw new IOException("a .tc0c section other than the gates over 2 GiB (its names or outputs): too large to encode");
            }
            wanted = MAX_BYTES;
        }
        bytes = Arrays.copyOf(bytes, (int) wanted);
    }
}
