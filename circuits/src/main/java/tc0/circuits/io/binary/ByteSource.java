package tc0.circuits.io.binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tc0.circuits.io.CircuitFormatException;

/**
 * Bounds-checked decoding from a slice of a byte array: every read that would pass the slice's end, every
 * over-long varint and every value out of its range becomes a {@link CircuitFormatException} naming the
 * file and the absolute byte offset.
 */
final class ByteSource {
    private final byte[] bytes;
    private final int end;
    private final long fileOffset; // file offset of bytes[0]
    private final String file;
    private int pos;

    ByteSource(byte[] bytes, int start, int end, long fileOffset, String file) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
        this.fileOffset = fileOffset;
        this.file = file;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    /** A source over the next {@code length} bytes; this source skips past them. */
    ByteSource slice(int length) {
        ByteSource s = new ByteSource(bytes, pos, pos + length, fileOffset, file);
        pos += length;
        return s;
    }

    int readByte(String what) throws CircuitFormatException {
        if (pos >= end) throw error("truncated " + what);
        return bytes[pos++] & 0xFF;
    }

    long readVarint(String what) throws CircuitFormatException {
        int start = pos;
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte(what);
            if (shift == 63 && b > 1) throw errorAt(start, what + ": varint overflows 64 bits");
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw errorAt(start, what + ": varint longer than 10 bytes");
    }

    long readSignedVarint(String what) throws CircuitFormatException {
        long z = readVarint(what);
        return (z >>> 1) ^ -(z & 1);
    }

    /** A varint that must lie in {@code [0, max]}. */
    int readInt(String what, long max) throws CircuitFormatException {
        int start = pos;
        long v = readVarint(what);
        if (v < 0 || v > max) throw errorAt(start, what + " " + Long.toUnsignedString(v) + " out of range (at most " + max + ")");
        return (int) v;
    }

    String readString(String what) throws CircuitFormatException {
        int length = readInt(what + " length", remaining());
        int start = pos;
        pos += length;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, length)).toString();
        } catch (CharacterCodingException e) {
            throw errorAt(start, what + " is not valid UTF-8");
        }
    }

    CircuitFormatException error(String message) {
        return errorAt(pos, message);
    }

    CircuitFormatException errorAt(int position, String message) {
        return new CircuitFormatException(file + ": byte " + (fileOffset + position) + ": " + message);
    }
}
