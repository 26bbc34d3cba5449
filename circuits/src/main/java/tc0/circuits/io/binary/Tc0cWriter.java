package tc0.circuits.io.binary;

import static tc0.circuits.io.binary.Tc0cLayout.*;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Regions;
import tc0.circuits.io.CircuitWriter;

/**
 * Writes the {@code .tc0c} format (docs/FORMATS.md). The output depends on the circuit alone: the same
 * circuit always gives the same bytes, so files can be compared and cached by content.
 *
 * <p>The file is streamed: the gates section, nearly all of a file, is measured first (a pass that only
 * adds varint lengths), so the header's body length and every section length are known before the first
 * byte goes out, and the CRC32C is taken on the way. Both passes run on every core, in pieces of gates
 * ({@link GatePieces}); memory stays a few pieces whatever the circuit's size.
 */
public final class Tc0cWriter implements CircuitWriter {

    @Override
    public void write(Circuit c, OutputStream out) throws IOException {
        ByteSink counts = counts(c), regions = regions(c.regions());
        ByteSink inputBuses = buses(c.inputBuses()), outputBuses = buses(c.outputBuses()), outputs = outputs(c);
        GatePieces gates = GatePieces.of(c);
        long gatesLength = gates.total();
        long bodyLength = framed(counts.size()) + framed(regions.size()) + framed(inputBuses.size())
                + framed(outputBuses.size()) + framed(gatesLength) + framed(outputs.size());
        ChecksummedOut file = new ChecksummedOut(out);
        file.write(MAGIC, 0, MAGIC.length);
        file.writeLittleEndian(gates.repeats() ? REPEAT_VERSION : bodyLength <= VERSION_1_MAX_BODY_BYTES ? VERSION : LARGE_VERSION, 4);
        file.writeLittleEndian(bodyLength, 8);
        writeSection(file, COUNTS, counts);
        writeSection(file, REGIONS, regions);
        writeSection(file, INPUT_BUSES, inputBuses);
        writeSection(file, OUTPUT_BUSES, outputBuses);
        sectionHead(file, GATES, gatesLength);
        long before = file.count();
        gates.writeTo(file);
        if (file.count() - before != gatesLength) throw new IllegalStateException("gates section measured wrong");
        writeSection(file, OUTPUTS, outputs);
        file.writeLittleEndian(file.checksum(), CHECKSUM_BYTES);
        file.drain();
    }

    /** Bytes of a section in the body: id, varint length, payload. */
    private static long framed(long payload) {
        return 1 + ChecksummedOut.varintLength(payload) + payload;
    }

    private static void sectionHead(ChecksummedOut file, int id, long length) throws IOException {
        file.write(id);
        file.room();
        file.varint(length);
    }

    private static void writeSection(ChecksummedOut file, int id, ByteSink payload) throws IOException {
        sectionHead(file, id, payload.size());
        file.write(payload.array(), 0, payload.size());
    }

    private static ByteSink counts(Circuit c) throws IOException {
        ByteSink s = new ByteSink();
        s.writeVarint(c.inputCount());
        s.writeVarint(c.gateCount());
        s.writeVarint(c.wireCount());
        s.writeVarint(c.outputCount());
        s.writeVarint(c.regions().size());
        s.writeVarint(c.inputBuses().size());
        s.writeVarint(c.outputBuses().size());
        return s;
    }

    private static ByteSink regions(Regions regions) throws IOException {
        ByteSink s = new ByteSink();
        for (int r = 1; r < regions.size(); r++) { // the root (no parent, empty name) is implicit
            s.writeVarint(regions.parent(r));
            s.writeString(regions.name(r));
        }
        return s;
    }

    private static ByteSink buses(List<Bus> buses) throws IOException {
        ByteSink s = new ByteSink();
        for (Bus b : buses) { // offsets follow from the widths: buses tile the inputs (outputs) in order
            s.writeString(b.name());
            s.writeVarint(b.width());
        }
        return s;
    }

    private static ByteSink outputs(Circuit c) throws IOException {
        ByteSink s = new ByteSink();
        for (int i = 0; i < c.outputCount(); i++) s.writeVarint(c.output(i));
        return s;
    }
}
