package tc0.circuits.io.binary;

import static tc0.circuits.io.binary.Tc0cLayout.*;

import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Bus;
import tc0.circuits.Circuit;
import tc0.circuits.Regions;
import tc0.circuits.WireStore;
import tc0.circuits.io.CircuitFormatException;

/**
 * Decodes a checksummed {@code .tc0c} body into a {@link Circuit}. Every count is checked against the bytes
 * its section really has before an array is allocated for it, and the result goes through
 * {@link Circuit#of}, which checks every invariant of the circuit.
 */
final class Tc0cSections {
    private final String file;
    /** Version 3: a gate may repeat the previous gate's terms (head 0), and other heads are fan-in + 1. */
    private final boolean repeats;
    private final ByteSource[] section = new ByteSource[SECTION_NAMES.length];
    private int inputs, gates, outputs, regionCount, inputBusCount, outputBusCount;
    /** The circuit's wires: below 2^31 where every wire is stored; in version 3 repeated gates count theirs again. */
    private long wires;

    private Tc0cSections(String file, boolean repeats) {
        this.file = file;
        this.repeats = repeats;
    }

    static Circuit decode(ByteSource body, String file, boolean repeats) throws CircuitFormatException {
        Tc0cSections s = new Tc0cSections(file, repeats);
        s.split(body);
        s.counts();
        Regions regions = s.regions();
        List<Bus> inputBuses = s.buses(INPUT_BUSES, s.inputBusCount, s.inputs);
        List<Bus> outputBuses = s.buses(OUTPUT_BUSES, s.outputBusCount, s.outputs);
        return s.gatesAndOutputs(regions, inputBuses, outputBuses);
    }

    /** Cuts the body into its sections, which must come in the order of their ids and fill it exactly. */
    private void split(ByteSource body) throws CircuitFormatException {
        for (int id = COUNTS; id <= OUTPUTS; id++) {
            long at = body.position();
            int found = body.readByte("body: section '" + SECTION_NAMES[id] + "' missing");
            if (found != id) {
                throw body.errorAt(at, "expected section '" + SECTION_NAMES[id] + "' (id " + id + "), found id " + found);
            }
            long length = body.readLength("length of section '" + SECTION_NAMES[id] + "'", body.remaining());
            section[id] = body.slice(length);
        }
        if (body.remaining() > 0) throw body.error(body.remaining() + " unexpected bytes after the last section");
    }

    private void counts() throws CircuitFormatException {
        ByteSource s = section[COUNTS];
        long start = s.position();
        inputs = s.readInt("input count", MAX_NODES);
        gates = s.readInt("gate count", MAX_NODES);
        wires = s.readLength("wire count", repeats ? MAX_REPEATED_WIRES : Integer.MAX_VALUE - 8);
        outputs = s.readInt("output count", Integer.MAX_VALUE - 8);
        long at = s.position();
        regionCount = s.readInt("region count", Integer.MAX_VALUE - 8);
        if (regionCount == 0) throw s.errorAt(at, "region count 0: the root region is always there");
        inputBusCount = s.readInt("input bus count", Integer.MAX_VALUE - 8);
        outputBusCount = s.readInt("output bus count", Integer.MAX_VALUE - 8);
        end(COUNTS);
        if (1L + inputs + gates > MAX_NODES) throw s.errorAt(start, "too many nodes: " + (1L + inputs + gates));
        need(REGIONS, 2L * (regionCount - 1), (regionCount - 1) + " regions");
        need(INPUT_BUSES, 2L * inputBusCount, inputBusCount + " input buses");
        need(OUTPUT_BUSES, 2L * outputBusCount, outputBusCount + " output buses");
        // A repeated gate's wires take no bytes: version 3 bounds only the stored wires (2 bytes each), as it reads them.
        if (repeats) need(GATES, 3L * gates, gates + " gates");
        else need(GATES, 3L * gates + 2L * wires, gates + " gates and " + wires + " wires");
        need(OUTPUTS, outputs, outputs + " outputs");
    }

    private Regions regions() throws CircuitFormatException {
        ByteSource s = section[REGIONS];
        int[] parent = new int[regionCount];
        String[] name = new String[regionCount];
        parent[0] = -1;
        name[0] = "";
        for (int r = 1; r < regionCount; r++) {
            parent[r] = s.readInt("parent of region " + r, r - 1);
            name[r] = s.readString("name of region " + r);
        }
        end(REGIONS);
        return Regions.of(parent, name);
    }

    private List<Bus> buses(int id, int count, int bits) throws CircuitFormatException {
        ByteSource s = section[id];
        List<Bus> buses = new ArrayList<>(count);
        int offset = 0;
        for (int i = 0; i < count; i++) {
            long at = s.position();
            String name = s.readString(SECTION_NAMES[id] + " " + i + " name");
            if (name.isEmpty()) throw s.errorAt(at, SECTION_NAMES[id] + " " + i + " has an empty name");
            int width = s.readInt(SECTION_NAMES[id] + " '" + name + "' width", bits - offset);
            buses.add(new Bus(name, offset, width));
            offset += width;
        }
        end(id);
        return buses;
    }

    /**
     * The gates: per gate a head, threshold, region and its wires. In versions 1 and 2 the head is the
     * fan-in; in version 3 it is fan-in + 1, or 0 for a gate repeating the previous gate's terms (the
     * circuit shares them). Stored wires take at least 2 bytes each: their store grows with the bytes read.
     */
    private Circuit gatesAndOutputs(Regions regions, List<Bus> inputBuses, List<Bus> outputBuses) throws CircuitFormatException {
        ByteSource s = section[GATES];
        int[] faninStart = new int[gates];
        int[] faninEnd = new int[gates];
        WireStore stored = new WireStore();
        long[] threshold = new long[gates];
        int[] region = new int[gates];
        long logical = 0;
        for (int g = 0; g < gates; g++) {
            int node = inputs + 1 + g;
            long at = s.position();
            int fanin = repeats ? s.readInt("fan-in + 1 of gate ", g, wires - logical + 1L) - 1 // -1: a repeat
                    : s.readInt("fan-in of gate ", g, wires - logical);
            threshold[g] = s.readSignedVarint("threshold of gate ", g);
            region[g] = s.readInt("region of gate ", g, regionCount - 1);
            if (fanin < 0) {
                if (g == 0) throw s.errorAt(at, "gate 0 repeats the terms of the gate before it, and there is none");
                faninStart[g] = faninStart[g - 1];
                faninEnd[g] = faninEnd[g - 1];
                logical += faninEnd[g] - faninStart[g];
                if (logical > wires) throw s.errorAt(at, "the gates have more wires than the counts say (" + wires + ")");
                continue;
            }
            faninStart[g] = stored.size();
            readWires(s, g, node, fanin, stored);
            faninEnd[g] = stored.size();
            logical += fanin;
        }
        if (logical != wires) throw s.error("the gates have " + logical + " wires, the counts say " + wires);
        end(GATES);
        int[] outs = outputs();
        try {
            return Circuit.ofRanges(inputs, faninStart, faninEnd, stored, threshold, region, outs, inputBuses, outputBuses, regions);
        } catch (IllegalArgumentException ex) {
            throw new CircuitFormatException(file + ": invalid circuit: " + ex.getMessage());
        }
    }

    /** Gate {@code g}'s {@code count} wires (distance back, weight), appended to {@code stored}. */
    private static void readWires(ByteSource s, int g, int node, int count, WireStore stored) throws CircuitFormatException {
        for (int k = 0; k < count; k++) {
            long at = s.position();
            long delta = s.readVarint("fan-in of gate ", g);
            if (delta < 1 || delta > node) {
                throw s.errorAt(at, "gate " + g + " reads node " + (node - delta) + ": not an earlier node");
            }
            stored.add((int) (node - delta), s.readSignedVarint("weight of gate ", g));
        }
    }

    private int[] outputs() throws CircuitFormatException {
        ByteSource o = section[OUTPUTS];
        int[] outs = new int[outputs];
        long maxLiteral = 2L * (inputs + 1L + gates) - 1;
        for (int i = 0; i < outputs; i++) outs[i] = o.readInt("output literal ", i, maxLiteral);
        end(OUTPUTS);
        return outs;
    }

    private void need(int id, long bytes, String what) throws CircuitFormatException {
        if (section[id].remaining() < bytes) {
            throw section[id].errorAt(section[id].position(), "section '" + SECTION_NAMES[id] + "' has "
                    + section[id].remaining() + " bytes, too few for " + what);
        }
    }

    private void end(int id) throws CircuitFormatException {
        ByteSource s = section[id];
        if (s.remaining() > 0) throw s.error("section '" + SECTION_NAMES[id] + "' has " + s.remaining() + " bytes left over");
    }
}
