package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.CountingNet;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.Primitive;
import tc0.compiler.gadgets.TwinNet;
import tc0.compiler.gadgets.WideSum;

/** tc0 primitives: a row per primitive and p, counted as a CountingNet counts, built no larger; bad options in one line. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PrimitivesCommandTest {
    @Test
    void printsCountedAndBuiltFiguresPerPrimitiveAndWidth() {
        Cli r = Cli.run("primitives", "--set", "p=8,16", "--set", "m=3", "--only", "add,sum,product");
        assertEquals(0, r.exitCode(), r.err());
        for (Primitive prim : new Primitive[] {Primitive.ADD, Primitive.SUM, Primitive.PRODUCT}) {
            for (int p : new int[] {8, 16}) {
                CountingNet net = new CountingNet();
                prim.build(net, net.inputs(prim.operands(3), p), 2);
                String row = r.out().lines().filter(l -> l.contains(" " + PrimitivesCommand.name(prim) + " ") && l.matches(".*\\s" + p + "\\s+(3|-) \\|.*"))
                        .findFirst().orElseThrow(() -> new AssertionError(prim + " p " + p + " missing: " + r.out()));
                String[] counted = row.split("\\|")[1].trim().split("\\s+");
                assertEquals(net.cost().depth(), Integer.parseInt(counted[0]), row);
                assertEquals(net.cost().gates(), Long.parseLong(counted[1].replace(",", "")), row);
                assertEquals(net.cost().wires(), Long.parseLong(counted[2].replace(",", "")), row);
                String[] built = row.split("\\|")[2].trim().split(", ");
                assertTrue(Long.parseLong(built[1].replace(",", "")) <= net.cost().gates(), row);
            }
        }
        assertTrue(r.out().contains("d_prod (product): depth 31 for every p counted (8 .. 16)"), r.out());
        assertTrue(r.out().contains("d_sum (sum): depth 11 for every p counted (8 .. 16)"), r.out());
    }

    /**
     * tc0 primitives' net keeps every gate, so the reconstruction's last compression round reads the first round's
     * outputs by count and level (compiler's UnlistedRound), as on a bare CountingNet: at p = 256 and past, listing
     * them was more than a 7 GB heap (its wrapper had not said so, and a first log at 256 on this branch ran out).
     */
    @Test
    void theReconstructionsFirstRoundOutputsGoUnlisted() {
        long before = WideSum.secondRoundsUnlisted();
        Cli r = Cli.run("primitives", "--set", "p=16", "--only", "divide");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(WideSum.secondRoundsUnlisted() > before, "no sum went unlisted: " + r.out());
    }

    @Test
    void aCountPastTheLimitSaysSoInsteadOfRunningOn() {
        Cli r = Cli.run("primitives", "--set", "p=256", "--only", "multiply", "--max-count", "10000");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("not counted: more than 10,000 gates (--max-count)"), r.out());
    }

    /** The division at p = 1024 has about 58,000 primes with tables up to 730,000 entries: refused before any is made. */
    @Test
    void aPrimitiveWhoseTablesAloneExceedTheLimitIsNotStarted() {
        Cli r = Cli.run("primitives", "--set", "p=1024", "--only", "divide");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.contains(" divide ") && l.contains("not counted: at least ") && l.contains("(its residue tables)")), r.out());
    }

    /**
     * The wrapper answers every {@link TwinNet} method as its counting net does: each method of TwinNet and of
     * {@link Net} (defaults included) is declared by {@code Limited}, except Net's conveniences that only call
     * {@code gate} (inherited on purpose: they pass the limit's check); and each called on a wrapper and on a bare
     * CountingNet alike gives the same answer and the same count after. A method TwinNet gains fails here until
     * Limited forwards it.
     */
    @Test
    void limitedForwardsEveryTwinNetMethod() throws ReflectiveOperationException {
        Set<String> throughGate = Set.of("gates", "gate/3", "and", "or", "atLeast");
        List<String> checked = new ArrayList<>();
        for (Class<?> api : new Class<?>[] {TwinNet.class, Net.class}) {
            for (Method m : api.getDeclaredMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || Modifier.isPrivate(m.getModifiers())) continue;
                String name = m.getName().equals("gate") && m.getParameterCount() == 3 ? "gate/3" : m.getName();
                if (api == Net.class && throughGate.contains(name)) {
                    assertTrue(m.isDefault(), name + " is no longer a default that calls gate: forward it");
                    continue;
                }
                Method own;
                try {
                    own = PrimitivesCommand.Limited.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    throw new AssertionError("PrimitivesCommand.Limited does not forward " + m + " to its CountingNet");
                }
                CountingNet bare = new CountingNet(), inner = new CountingNet();
                PrimitivesCommand.Limited limited = new PrimitivesCommand.Limited(inner, Long.MAX_VALUE);
                int[] in = bare.input(4);
                inner.input(4);
                Object[] args = argumentsFor(m, in);
                Object expected = m.invoke(bare, args), got = own.invoke(limited, args);
                if (expected instanceof Number || expected instanceof Boolean || expected == null) assertEquals(expected, got, m.toString());
                else assertEquals(expected.getClass(), got.getClass(), m.toString()); // a region's scope
                assertEquals(bare.cost(), inner.cost(), m.toString());
                checked.add(name);
            }
        }
        assertTrue(checked.containsAll(List.of("keepsEveryGate", "bulkOneHots", "twins", "counted", "outputAt", "gate", "region")), checked.toString());
    }

    /** Arguments for a net's method on a net whose inputs are {@code in}: literals of them, counts, levels, a region's name. */
    private static Object[] argumentsFor(Method m, int[] in) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == int.class) args[i] = i == 0 ? in[1] : 2; // a literal first (or a level or count), then a count
            else if (t == long.class) args[i] = 1L; // a count, a fan-in, a threshold (one of two literals: a gate)
            else if (t == int[].class) args[i] = in;
            else if (t == long[].class) args[i] = new long[] {1, 1, 1, 1};
            else if (t == String.class) args[i] = "r";
            else throw new AssertionError(m + ": give the test an argument of " + t);
        }
        return args;
    }

    @Test
    void badOptionsAreOneLineErrors() {
        for (String[] args : new String[][] {
            {"primitives", "--set", "p=0"}, {"primitives", "--set", "q=3"}, {"primitives", "--set", "p=8,x"},
            {"primitives", "--set", "m=2,3"}, {"primitives", "--only", "sqrt"}, {"primitives", "--set", "p=8", "--set", "p=16"}}) {
            Cli r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.saysOneLineError(), r.err());
        }
    }
}
