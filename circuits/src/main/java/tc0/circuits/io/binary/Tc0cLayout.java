package tc0.circuits.io.binary;

/**
 * The constants of the {@code .tc0c} layout (see docs/FORMATS.md): a 20-byte header (magic, version, body
 * length), the body as a sequence of sections, and a CRC32C trailer over everything before it.
 */
final class Tc0cLayout {
    /** "\x89TC0C\r\n\x1a": the high byte and the CR LF / Ctrl-Z catch text-mode transfers, as in PNG. */
    static final byte[] MAGIC = {(byte) 0x89, 'T', 'C', '0', 'C', '\r', '\n', 0x1a};
    /** The version of every file whose body fits {@link #VERSION_1_MAX_BODY_BYTES}. */
    static final int VERSION = 1;
    /** Version 1's layout with a body past 2 GiB (read in chunks): older readers refuse it by its version. */
    static final int LARGE_VERSION = 2;
    /**
     * Version 1's layout where a gate may repeat the terms of the gate before it (a bank of comparators on
     * one sum) instead of listing them again; any body length version 2 takes.
     */
    static final int REPEAT_VERSION = 3;
    /** Version 1's bodies stay below 2 GiB, so that a reader of version 1 holds one in one array. */
    static final long VERSION_1_MAX_BODY_BYTES = Integer.MAX_VALUE - 64;
    static final int VERSION_OFFSET = 8;
    static final int LENGTH_OFFSET = 12;
    static final int HEADER_BYTES = 20;
    static final int CHECKSUM_BYTES = 4;
    /**
     * The longest body a version 2 or 3 reader accepts (1 TiB): past any circuit tc0 can hold (fewer than 2^31
     * stored wires), so a larger length is a corrupt header.
     */
    static final long MAX_BODY_BYTES = 1L << 40;
    /**
     * The most wires a version 3 file may count: fewer than 2^31 are stored, but each of up to 2^30 gates may
     * repeat a range of them (mamba n = 32 has 4.9 G wires, n = 64 78 G).
     */
    static final long MAX_REPEATED_WIRES = 1L << 61;
    /** Literals are {@code node * 2 + negated} in an int, so node ids stay below 2^30. */
    static final long MAX_NODES = 1L << 30;

    /** Section ids, in the order version 1 requires them. */
    static final int COUNTS = 1;
    static final int REGIONS = 2;
    static final int INPUT_BUSES = 3;
    static final int OUTPUT_BUSES = 4;
    static final int GATES = 5;
    static final int OUTPUTS = 6;
    static final String[] SECTION_NAMES = {"", "counts", "regions", "input buses", "output buses", "gates", "outputs"};

    private Tc0cLayout() {}
}
