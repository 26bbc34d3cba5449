package tc0.circuits.io.binary;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;
import tc0.circuits.Circuit;

/**
 * The {@code .tc0c} gates section measured and encoded in pieces of consecutive gates, on every core: each
 * gate's bytes depend on that gate alone (its fan-in as distances back from its own node) and, in version
 * 3, on whether its terms are the previous gate's, so pieces encode independently and are written in
 * order. A few pieces are in memory at a time, so the heap a write takes stays bounded whatever the
 * circuit's size.
 */
final class GatePieces {
    /** Gates per piece: a piece of a compiled circuit is a few MB. */
    private static final int GATES = 1 << 15;
    /** A piece longer than this (a gate of huge fan-in) is streamed, not encoded into an array. */
    private static final long MOST_BYTES = 1 << 26;

    private final Circuit c;
    private final int gates;
    private final long mostBytes;
    /** Bit g: gate g repeats the terms of the gate before it. Found once, read by both passes. */
    private final long[] repeated;
    /** Version 3's encoding: some gate repeats (else versions 1 and 2's). */
    private final boolean repeats;
    private final long[] length;

    private GatePieces(Circuit c, int gates, long mostBytes) {
        this.c = c;
        this.gates = gates;
        this.mostBytes = mostBytes;
        this.repeated = new long[(c.gateCount() + 63) >>> 6];
        IntStream.range(0, repeated.length).parallel().forEach(w -> { // a word each: no two threads write one
            for (int g = w << 6, end = Math.min(c.gateCount(), g + 64); g < end; g++) {
                if (repeatsPrevious(c, g)) repeated[w] |= 1L << g;
            }
        });
        this.repeats = Arrays.stream(repeated).anyMatch(bits -> bits != 0);
        this.length = new long[(int) ((c.gateCount() + (long) gates - 1) / gates)];
        IntStream.range(0, length.length).parallel().forEach(p -> length[p] = measure(first(p), end(p)));
    }

    /** True if some gate is written as repeating the previous gate's terms: the file is version 3. */
    boolean repeats() {
        return repeats;
    }

    /**
     * True if gate {@code g}'s terms (sources and weights, in order) are gate {@code g - 1}'s: the bytes
     * depend on the circuit, not on whether the two gates share their stored wires.
     */
    private static boolean repeatsPrevious(Circuit c, int g) {
        if (g == 0) return false;
        if (c.sharesPreviousFanin(g)) return true;
        int n = c.fanin(g);
        if (n != c.fanin(g - 1)) return false;
        for (int e = c.faninStart(g), f = c.faninStart(g - 1), end = e + n; e < end; e++, f++) {
            if (c.faninNode(e) != c.faninNode(f) || c.weight(e) != c.weight(f)) return false;
        }
        return true;
    }

    private boolean isRepeated(int g) {
        return (repeated[g >>> 6] & 1L << g) != 0;
    }

    /** The gate's first varint: its fan-in, or in version 3 0 for "the previous gate's terms" and fan-in + 1 otherwise. */
    private long head(int g, boolean repeated) {
        return !repeats ? c.fanin(g) : repeated ? 0 : c.fanin(g) + 1L;
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
                if (length[p] > mostBytes) stream(first(p), end(p), file);
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
            boolean repeated = isRepeated(g);
            at = ChecksummedOut.varint(b, at, head(g, repeated));
            at = ChecksummedOut.varint(b, at, ChecksummedOut.zigzag(c.threshold(g)));
            at = ChecksummedOut.varint(b, at, c.region(g));
            if (repeated) continue;
            for (int e = c.faninStart(g), stop = c.faninEnd(g); e < stop; e++) {
                at = ChecksummedOut.varint(b, at, node - c.faninNode(e)); // >= 1; fan-in is mostly recent, so deltas are short
                at = ChecksummedOut.varint(b, at, ChecksummedOut.zigzag(c.weight(e)));
            }
        }
        if (at != length[p]) throw new IllegalStateException("gates piece " + p + " measured wrong");
    }

    /** Per gate: head, threshold (zigzag), region, then per wire (unless repeated) the distance back to its source and its weight (zigzag). */
    private void stream(int from, int to, ChecksummedOut s) throws IOException {
        for (int g = from, node = c.firstGate() + g; g < to; g++, node++) {
            boolean repeated = isRepeated(g);
            s.room();
            s.varint(head(g, repeated));
            s.signedVarint(c.threshold(g));
            s.varint(c.region(g));
            if (repeated) continue;
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                s.room();
                s.varint(node - c.faninNode(e));
                s.signedVarint(c.weight(e));
            }
        }
    }

    private long measure(int from, int to) {
        long n = 0;
        for (int g = from, node = c.firstGate() + g; g < to; g++, node++) {
            boolean repeated = isRepeated(g);
            n += ChecksummedOut.varintLength(head(g, repeated)) + ChecksummedOut.signedVarintLength(c.threshold(g))
                    + ChecksummedOut.varintLength(c.region(g));
            if (repeated) continue;
            for (int e = c.faninStart(g), end = c.faninEnd(g); e < end; e++) {
                n += ChecksummedOut.varintLength(node - c.faninNode(e)) + ChecksummedOut.signedVarintLength(c.weight(e));
            }
        }
        return n;
    }
}
