package tc0.circuits.io.binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tc0.circuits.io.CircuitFormatException;

/**
 * Bounds-checked decoding from a slice of bytes held in chunks of 2^shift bytes (a body past 2 GiB does not
 * fit one array): every read that would pass the slice's end, every over-long varint and every value out
 * of its range becomes a {@link CircuitFormatException} naming the file and the absolute byte offset.
 */
final class ByteSource {
    private final byte[][] chunks;
    private final int shift;
    private final long mask;
    private final long end;
    private final long fileOffset; // file offset of byte 0 of chunk 0
    private final String file;
    private long pos;

    /** A source over {@code bytes[start, end)}. */
    ByteSource(byte[] bytes, int start, int end, long fileOffset, String file) {
        this(new byte[][] {bytes}, 31, start, end, fileOffset, file);
    }

    /** A source over bytes {@code [start, end)} of the chunks, chunk {@code i} holding bytes {@code i << shift} on. */
    ByteSource(byte[][] chunks, int shift, long start, long end, long fileOffset, String file) {
        this.chunks = chunks;
        this.shift = shift;
        this.mask = (1L << shift) - 1;
        this.pos = start;
        this.end = end;
        this.fileOffset = fileOffset;
        this.file = file;
    }

    long position() {
        return pos;
    }

    long remaining() {
        return end - pos;
    }

    /** A source over the next {@code length} bytes; this source skips past them. */
    ByteSource slice(long length) {
        ByteSource s = new ByteSource(chunks, shift, pos, pos + length, fileOffset, file);
        pos += length;
        return s;
    }

    int readByte(String what) throws CircuitFormatException {
        return readByte(what, NO_INDEX);
    }

    /**
     * The {@code ...(what, index)} readers name their subject {@code what + index} ("weight of gate " and
     * 17), and make that string only for a message: a reader that made it for every varint of a large file
     * spent most of its time printing numbers.
     */
    private static final long NO_INDEX = -1;

    private static String subject(String what, long index) {
        return index == NO_INDEX ? what : what + index;
    }

    private int readByte(String what, long index) throws CircuitFormatException {
        if (pos >= end) throw error("truncated " + subject(what, index));
        int b = chunks[(int) (pos >>> shift)][(int) (pos & mask)] & 0xFF;
        pos++;
        return b;
    }

    long readVarint(String what) throws CircuitFormatException {
        return readVarint(what, NO_INDEX);
    }

    long readVarint(String what, long index) throws CircuitFormatException {
        long start = pos;
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte(what, index);
            if (shift == 63 && b > 1) throw errorAt(start, subject(what, index) + ": varint overflows 64 bits");
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw errorAt(start, subject(what, index) + ": varint longer than 10 bytes");
    }

    long readSignedVarint(String what) throws CircuitFormatException {
        return readSignedVarint(what, NO_INDEX);
    }

    long readSignedVarint(String what, long index) throws CircuitFormatException {
        long z = readVarint(what, index);
        return (z >>> 1) ^ -(z & 1);
    }

    /** A varint that must lie in {@code [0, max]}. */
    int readInt(String what, long max) throws CircuitFormatException {
        return readInt(what, NO_INDEX, max);
    }

    int readInt(String what, long index, long max) throws CircuitFormatException {
        return Math.toIntExact(readLength(what, index, Math.min(max, Integer.MAX_VALUE)));
    }

    /** A varint that must lie in {@code [0, max]}, as a long (a section's length may pass 2 GiB). */
    long readLength(String what, long max) throws CircuitFormatException {
        return readLength(what, NO_INDEX, max);
    }

    private long readLength(String what, long index, long max) throws CircuitFormatException {
        long start = pos;
        long v = readVarint(what, index);
        if (v < 0 || v > max) throw errorAt(start, subject(what, index) + " " + Long.toUnsignedString(v) + " out of range (at most " + max + ")");
        return v;
    }

    String readString(String what) throws CircuitFormatException {
        int length = readInt(what + " length", remaining());
        long start = pos;
        byte[] b = new byte[length]; // names are short: copied, whichever chunks they lie in
        for (int i = 0; i < length; i++) b[i] = chunks[(int) ((start + i) >>> shift)][(int) ((start + i) & mask)];
        pos += length;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw errorAt(start, what + " is not valid UTF-8");
        }
    }

    CircuitFormatException error(String message) {
        return errorAt(pos, message);
    }

    CircuitFormatException errorAt(long position, String message) {
        return new CircuitFormatException(file + ": byte " + (fileOffset + position) + ": " + message);
    }
}
