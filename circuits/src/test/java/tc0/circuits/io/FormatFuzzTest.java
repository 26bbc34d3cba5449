package tc0.circuits.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.circuits.Circuit;
import tc0.circuits.io.aiger.AigerReader;
import tc0.circuits.io.binary.Tc0cReader;
import tc0.circuits.io.fixtures.EpflData;
import tc0.circuits.io.fixtures.TestCircuits;

/**
 * Seeded mutation fuzzing of both readers: bit flips, byte edits, inserts, deletes, truncation, splices and
 * number edits on small valid .aag, .aig and .tc0c files. Half of the .tc0c mutants get a fresh checksum, so
 * the section decoder sees corrupt content behind valid framing. Every input must be read or refused with a
 * one-line CircuitFormatException; anything else fails with the mutant's bytes. A circuit that is read must
 * also write back and (.tc0c) read back unchanged.
 */
class FormatFuzzTest {
    private record Seed(String name, byte[] bytes, boolean tc0c) {}

    private static final class Tally {
        int accepted, refused;
    }

    @Test
    @Timeout(300) // a hang guard, generous on a loaded machine; the loop takes a few seconds
    void thousandsOfMutatedFilesAreReadOrRefusedWithOneLine() throws Exception {
        Tally aiger = new Tally(), tc0c = new Tally();
        fuzz(20_260_101L, 10_000, aiger, tc0c);
        // Not a vacuous run: some mutants must pass and most must fail, for both readers.
        assertTrue(aiger.accepted > 0 && aiger.refused > aiger.accepted, "AIGER accepted " + aiger.accepted + ", refused " + aiger.refused);
        assertTrue(tc0c.accepted > 0 && tc0c.refused > tc0c.accepted, ".tc0c accepted " + tc0c.accepted + ", refused " + tc0c.refused);
    }

    @Test
    @Tag("heavy")
    @Timeout(3600)
    void aQuarterMillionMutatedFilesAreReadOrRefusedWithOneLine() throws Exception {
        fuzz(7L, 250_000, new Tally(), new Tally());
    }

    private static void fuzz(long seed, int mutants, Tally aiger, Tally tc0c) throws Exception {
        List<Seed> seeds = seeds();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < mutants; i++) {
            Seed s = seeds.get(rnd.nextInt(seeds.size()));
            byte[] m = mutate(s.bytes(), rnd, seeds);
            if (s.tc0c() && rnd.nextBoolean()) m = reseal(m);
            check(new AigerReader(), m, "mutant" + i + ".aig", aiger, s.name());
            check(new Tc0cReader(), m, "mutant" + i + ".tc0c", tc0c, s.name());
        }
    }

    private static void check(CircuitReader reader, byte[] bytes, String name, Tally tally, String seed) throws IOException {
        try {
            Circuit c = reader.read(new ByteArrayInputStream(bytes), name);
            tally.accepted++;
            writesBack(c, name, bytes);
        } catch (CircuitFormatException e) {
            tally.refused++;
            String msg = e.getMessage();
            if (msg == null || !msg.startsWith(name + ": ") || msg.length() <= name.length() + 2 || msg.contains("\n") || msg.contains("\r")) {
                throw new AssertionError("bad message " + (msg == null ? "null" : "'" + msg + "'") + " for " + describe(name, seed, bytes));
            }
        } catch (RuntimeException | Error e) {
            throw new AssertionError(e + " reading " + describe(name, seed, bytes), e);
        }
    }

    /** What was read can be written: .tc0c round trips exactly; AIGER writing must not fail (kept to small circuits). */
    private static void writesBack(Circuit c, String name, byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        Format.TC0C.writer().write(c, out);
        try {
            Circuit back = new Tc0cReader().read(new ByteArrayInputStream(out.toByteArray()), "rewritten");
            if (!back.sameAs(c)) throw new AssertionError(".tc0c round trip changed the circuit read from " + describe(name, "", bytes));
        } catch (CircuitFormatException e) {
            throw new AssertionError("rewritten .tc0c refused (" + e.getMessage() + ") for " + describe(name, "", bytes));
        }
        if (c.inputCount() <= 64 && c.gateCount() <= 10_000) Format.AIG.writer().write(c, new ByteArrayOutputStream());
    }

    private static List<Seed> seeds() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        for (var entry : List.of(
                new Object[] {"weighted", TestCircuits.weighted()},
                new Object[] {"adder", TestCircuits.adder(3)},
                new Object[] {"raw", TestCircuits.raw()})) {
            Circuit c = (Circuit) entry[1];
            for (Format f : List.of(Format.AAG, Format.AIG, Format.TC0C)) {
                var out = new ByteArrayOutputStream();
                f.writer().write(c, out);
                seeds.add(new Seed(entry[0] + "." + f.extension(), out.toByteArray(), f == Format.TC0C));
            }
        }
        seeds.add(new Seed("ctrl.aig", Files.readAllBytes(EpflData.file("ctrl")), false));
        seeds.add(new Seed("hand.aag", ("aag 7 3 0 2 4\n2\n4\n6\n14\n13\n10 2 4\n8 10 7\n12 9 3\n14 12 11\n"
                + "i0 a[0]\ni1 a[1]\ni2 en\no0 y\no1 z\nc\na comment\n").getBytes(StandardCharsets.US_ASCII), false));
        return seeds;
    }

    private static byte[] mutate(byte[] original, SplittableRandom rnd, List<Seed> seeds) {
        byte[] b = original;
        int edits = 1 + rnd.nextInt(3);
        for (int k = 0; k < edits; k++) b = mutateOnce(b, rnd, seeds);
        return b;
    }

    private static byte[] mutateOnce(byte[] b, SplittableRandom rnd, List<Seed> seeds) {
        int n = b.length;
        int at = n == 0 ? 0 : rnd.nextInt(n);
        switch (rnd.nextInt(8)) {
            case 0 -> { // flip a few bits
                b = b.clone();
                for (int i = 0, flips = 1 + rnd.nextInt(4); i < flips && n > 0; i++) b[rnd.nextInt(n)] ^= (byte) (1 << rnd.nextInt(8));
            }
            case 1 -> { // set a byte to an interesting value
                if (n == 0) return b;
                byte[] interesting = {0, (byte) 0xff, (byte) 0x80, 0x7f, '0', '1', '9', ' ', '\n', 'c', 'i', 'o'};
                b = b.clone();
                b[at] = interesting[rnd.nextInt(interesting.length)];
            }
            case 2 -> { // insert random bytes
                byte[] more = new byte[1 + rnd.nextInt(16)];
                for (int i = 0; i < more.length; i++) more[i] = (byte) rnd.nextInt(256);
                b = splice(b, at, at, more);
            }
            case 3 -> b = splice(b, at, Math.min(n, at + 1 + rnd.nextInt(64)), new byte[0]); // delete
            case 4 -> b = Arrays.copyOf(b, at); // truncate
            case 5 -> { // splice in the tail of another seed
                byte[] other = seeds.get(rnd.nextInt(seeds.size())).bytes();
                int from = rnd.nextInt(other.length);
                b = splice(b, at, n, Arrays.copyOfRange(other, from, other.length));
            }
            case 6 -> { // duplicate a chunk
                int end = Math.min(n, at + 1 + rnd.nextInt(32));
                b = splice(b, end, end, Arrays.copyOfRange(b, at, end));
            }
            default -> { // replace a run of digits by another number
                int start = -1;
                for (int i = 0; i < n && start < 0; i++) if (Character.isDigit(b[(at + i) % n])) start = (at + i) % n;
                if (start < 0) return b;
                int end = start;
                while (end < n && Character.isDigit(b[end])) end++;
                String[] numbers = {"0", "1", "2", "3", "7", "9", "99", "65535", "2147483647", "536870911", "4294967296", "99999999999"};
                b = splice(b, start, end, numbers[rnd.nextInt(numbers.length)].getBytes(StandardCharsets.US_ASCII));
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] r = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, r, 0, from);
        System.arraycopy(insert, 0, r, from, insert.length);
        System.arraycopy(b, to, r, from + insert.length, b.length - to);
        return r;
    }

    /** Body length (bytes 12..19) and CRC32C trailer made consistent again, per docs/FORMATS.md. */
    private static byte[] reseal(byte[] f) {
        if (f.length < 24) return f;
        f = f.clone();
        long body = f.length - 24;
        for (int i = 0; i < 8; i++) f[12 + i] = (byte) (body >>> (8 * i));
        CRC32C crc = new CRC32C();
        crc.update(f, 0, f.length - 4);
        for (int i = 0; i < 4; i++) f[f.length - 4 + i] = (byte) (crc.getValue() >>> (8 * i));
        return f;
    }

    private static String describe(String name, String seed, byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 512));
        return name + " (from seed " + seed + ", " + bytes.length + " bytes): " + hex + (bytes.length > 512 ? "..." : "");
    }
}
