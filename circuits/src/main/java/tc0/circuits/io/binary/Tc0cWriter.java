package tc0.circuits.io.binary;

import static tc0.circuits.io.binary.Tc0cLayout.*;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.CRC32C;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Regions;
import tc0.circuits.io.CircuitWriter;

/**
 * Writes the {@code .tc0c} format (docs/FORMATS.md). The output depends on the circuit alone: the same
 * circuit always gives the same bytes, so files can be compared and cached by content.
 */
public final class Tc0cWriter implements CircuitWriter {

    @Override
    public void write(Circuit c, OutputStream out) throws IOException {
        ByteSink file = new ByteSink();
        file.write(MAGIC, 0, MAGIC.length);
        file.writeLittleEndian(VERSION, 4);
        file.writeLittleEndian(0, 8); // body length, patched below
        writeSection(file, COUNTS, counts(c));
        writeSection(file, REGIONS, regions(c.regions()));
        writeSection(file, INPUT_BUSES, buses(c.inputBuses()));
        writeSection(file, OUTPUT_BUSES, buses(c.outputBuses()));
        writeSection(file, GATES, gates(c));
        writeSection(file, OUTPUTS, outputs(c));
        long bodyLength = file.size() - HEADER_BYTES;
        byte[] bytes = file.array();
        for (int i = 0; i < 8; i++) bytes[LENGTH_OFFSET + i] = (byte) (bodyLength >>> (8 * i));
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, file.size());
        file.writeLittleEndian(crc.getValue(), CHECKSUM_BYTES);
        out.write(file.array(), 0, file.size());
    }

    private static void writeSection(ByteSink file, int id, ByteSink payload) throws IOException {
        file.write(id);
        file.writeVarint(payload.size());
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

    private static ByteSink gates(Circuit c) throws IOException {
        ByteSink s = new ByteSink();
        for (int g = 0; g < c.gateCount(); g++) {
            int node = c.firstGate() + g;
            s.writeVarint(c.fanin(g));
            s.writeSignedVarint(c.threshold(g));
            s.writeVarint(c.region(g));
            for (int e = c.faninStart(g); e < c.faninEnd(g); e++) {
                s.writeVarint(node - c.faninNode(e)); // >= 1; fan-in is mostly recent, so deltas are short
                s.writeSignedVarint(c.weight(e));
            }
        }
        return s;
    }

    private static ByteSink outputs(Circuit c) throws IOException {
        ByteSink s = new ByteSink();
        for (int i = 0; i < c.outputCount(); i++) s.writeVarint(c.output(i));
        return s;
    }
}
