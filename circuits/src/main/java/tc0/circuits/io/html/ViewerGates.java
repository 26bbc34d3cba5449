package tc0.circuits.io.html;

import tc0.circuits.io.NonClosingOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.Levels;

/**
 * The page's gate-by-gate part: every gate's level, region, threshold and fan-in range, and every stored wire's
 * source and weight, as little-endian typed arrays, zlib-compressed and Base64-encoded into the page (the
 * browser inflates it with its own DecompressionStream). Gates that share their stored wires share them here
 * too, so the page holds the circuit's stored wires, not one per fan-in. In order, each array's length known
 * from the head:
 * <pre>
 * float64 threshold[gates]
 * weight[storedWires]         int32, or float64 where some weight does not fit an int (weightBytes)
 * int32   level[gates]
 * int32   region[gates]       region id
 * int32   faninStart[gates], faninEnd[gates]   stored-wire range of each gate
 * int32   sourceDelta[storedWires]  source node minus the previous stored wire's source (the first: minus 0)
 * </pre>
 * Float64 first keeps every array aligned to its element size. Deltas are small along a gate's fan-in, so they
 * compress far better than node ids. Numbers beyond 2^53 lose precision in float64: {@link #exact()} says
 * whether any does.
 */
final class ViewerGates {
    private static final int CHUNK = 1 << 16;

    private final Circuit c;
    private final Levels levels;
    private final int stored;
    private final boolean wide;
    private final boolean exact;

    ViewerGates(Circuit c, Levels levels) {
        this.c = c;
        this.levels = levels;
        int s = 0;
        for (int g = 0; g < c.gateCount(); g++) s = Math.max(s, c.faninEnd(g));
        this.stored = s;
        boolean anyWide = false, allExact = true;
        for (int e = 0; e < s; e++) {
            long w = c.weight(e);
            anyWide |= w != (int) w;
            allExact &= fitsDouble(w);
        }
        for (int g = 0; g < c.gateCount(); g++) allExact &= fitsDouble(c.threshold(g));
        this.wide = anyWide;
        this.exact = allExact;
    }

    private static boolean fitsDouble(long v) {
        return Math.abs((double) v) <= 0x1p53;
    }

    int storedWires() {
        return stored;
    }

    int weightBytes() {
        return wide ? 8 : 4;
    }

    boolean exact() {
        return exact;
    }

    /** Writes the arrays compressed and Base64-encoded, without closing {@code out}. */
    void writeBase64(OutputStream out) throws IOException {
        OutputStream b64 = Base64.getEncoder().wrap(new NonClosingOutputStream(out));
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(b64, deflater, CHUNK)) {
            Sink sink = new Sink(z);
            int gates = c.gateCount();
            for (int g = 0; g < gates; g++) sink.f64(c.threshold(g));
            for (int e = 0; e < stored; e++) {
                if (wide) sink.f64(c.weight(e));
                else sink.i32((int) c.weight(e));
            }
            for (int g = 0; g < gates; g++) sink.i32(levels.level(c.firstGate() + g));
            for (int g = 0; g < gates; g++) sink.i32(c.region(g));
            for (int g = 0; g < gates; g++) sink.i32(c.faninStart(g));
            for (int g = 0; g < gates; g++) sink.i32(c.faninEnd(g));
            int previous = 0;
            for (int e = 0; e < stored; e++) {
                int source = c.faninNode(e);
                sink.i32(source - previous);
                previous = source;
            }
            sink.flush();
        } finally {
            deflater.end();
        }
    }

    /** Little-endian numbers through one reused buffer: no object per gate or wire. */
    private static final class Sink {
        private final OutputStream out;
        private final ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

        Sink(OutputStream out) {
            this.out = out;
        }

        void i32(int v) throws IOException {
            if (buf.remaining() < 4) flush();
            buf.putInt(v);
        }

        void f64(long v) throws IOException {
            if (buf.remaining() < 8) flush();
            buf.putDouble(v);
        }

        void flush() throws IOException {
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }
    }

}
