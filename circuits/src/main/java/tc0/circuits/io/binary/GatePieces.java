package tc0.circuits.io.binary;

import java.io.IOException;
import java.util.stream.IntStream;
import tc0.circuits.Circuit;

/**
 * The {@code .tc0c} gates section measured and encoded in pieces of consecutive gates, on every core: each
 * gate's bytes depend on that gate alone (its fan-in as distances back from its own node), so pieces encode
 * independently and are written in order. A few pieces are in memory at a time, so the heap a write takes
 * stays bounded whatever the circuit's size.
 */
final class GatePieces {
    /** Gates per piece: a piece of a compiled circuit is a few MB. */
    private static final int GATES = 1 << 15;
    /** A piece longer than this (a gate of huge fan-in) is streamed, not encoded into an array. */
    private static final long MOST_BYTES = 1 << 26;

    private final Circuit c;
    private final int gates;
    private final long mostBytes;
    private final long[] length;

    private GatePieces(Circuit c, int gates, long mostBytes) {
        this.c = c;
        this.gates = gates;
        this.mostBytes = mostBytes;
        this.length = new long[(int) ((c.gateCount() + (long) gates - 1) / gates)];
        IntStream.range(0, length.length).parallel().forEach(p -> length[p] = measure(c, first(p), end(p)));
    }

    /** Measures the pieces of {@code c}'s gates section (in parallel). */
    static GatePieces of(Circuit c) {
        return new GatePieces(c, GATES, MOST_BYTES);
    }

    /** As {@link #of(Circuit)} with {@code gates} per piece, streaming pieces past {@code mostBytes}: for tests. */
    static GatePieces of(Circuit c, int gates, long mostBytes) {
        return new GatePieces(c, gates, mostBytes);
    }

    /** The section's length in bytes. */
    long total() {
        long t = 0;
        for (long l : length) t += l;
        return t;
    }

    /** Writes the section: pieces encoded a batch at a time in parallel, passed on in order. */
    void writeTo(ChecksummedOut file) throws IOException {
        int batch = 2 * Runtime.getRuntime().availableProcessors();
        byte[][] buffers = new byte[batch][]; // reused from batch to batch: a write makes no garbage per piece
        for (int from = 0; from < length.length; from += batch) {
            int start = from, to = Math.min(length.length, from + batch);
            IntStream.range(start, to).parallel().forEach(p -> {
                if (length[p] > mostBytes) return;
                int slot = p - start;
                if (buffers[slot] == null || buffers[slot].length < length[p]) buffers[slot] = new byte[(int) length[p]];
                encode(p, buffers[slot]);
            });
            for (int p = start; p < to; p++) {
                if (length[p] > mostBytes) stream(c, first(p), end(p), file);
                else file.write(buffers[p - start], 0, (int) length[p]);
            }
        }
    }

    private int first(int p) {
        return p * gates;
    }

    private int end(int p) {
        return (int) Math.min(c.gateCount(), (long) (p + 1) * gates);
    }

    private void encode(int p, byte[] b) {
        int at = 0;
        for (int g = first(p), end = end(p), node = c.firstGate() + g; g < end; g++, node++) {
            at = ChecksummedOut.varint(b, at, c.fanin(g));
            at = ChecksummedOut.varint(b, at, ChecksummedOut.zigzag(c.threshold(g)));
            at = ChecksummedOut.varint(b, at, c.region(g));
            for (int e = c.faninStart(g), stop = c.faninEnd(g); e < stop; e++) {
                at = ChecksummedOut.varint(b, at, node - c.faninNode(e)); // >= 1; fan-in is mostly recent, so deltas are short
                at = ChecksummedOut.varint(b, at, ChecksummedOut.zigzag(c.weight(e)));
            }
        }
        if (at != length[p]) throw new IllegalStateException("gates piece " + p + " measured wrong");
    }

    /** Per gate: fan-in, threshold (zigzag), region, then per wire the distance back to its source and its weight (zigzag). */
    private static void stream(Circuit c, int from, int to, ChecksummedOut s) throws IOException {
        for (int g = from, node = c.firstGate() + g; g < to; g++, node++) {
            s.room();
            s.varint(c.fanin(g));
            s.signedVarint(c.threshold(g));
            s.varint(c.region(g));
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                s.room();
                s.varint(node - c.faninNode(e));
                s.signedVarint(c.weight(e));
            }
        }
    }

    private static long measure(Circuit c, int from, int to) {
        long n = 0;
        for (int g = from, node = c.firstGate() + g; g < to; g++, node++) {
            n += ChecksummedOut.varintLength(c.fanin(g)) + ChecksummedOut.signedVarintLength(c.threshold(g))
                    + ChecksummedOut.varintLength(c.region(g));
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                n += ChecksummedOut.varintLength(node - c.faninNode(e)) + ChecksummedOut.signedVarintLength(c.weight(e));
            }
        }
        return n;
    }
}
