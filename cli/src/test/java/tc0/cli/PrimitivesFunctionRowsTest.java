package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.CountingNet;
import tc0.compiler.gadgets.Primitive;

/** tc0 primitives' float function rows (d_div, d_sqrt, d_exp, d_log): each as a CountingNet counts it over its own width. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PrimitivesFunctionRowsTest {
    @Test
    void functionRowsAreCountedOverTheirWidths() {
        Cli r = Cli.run("primitives", "--set", "p=8,16", "--only", "float_divide,float_sqrt,float_exp,float_log");
        assertEquals(0, r.exitCode(), r.err());
        for (Primitive prim : new Primitive[] {Primitive.FLOAT_DIVIDE, Primitive.FLOAT_SQRT, Primitive.FLOAT_EXP, Primitive.FLOAT_LOG}) {
            for (int p : new int[] {8, 16}) {
                CountingNet net = new CountingNet();
                prim.build(net, net.inputs(prim.operands(4), prim.width(p)), 2);
                String row = r.out().lines().filter(l -> l.contains(" " + PrimitivesCommand.name(prim) + " ") && l.matches(".*\\s" + p + "\\s+- \\|.*"))
                        .findFirst().orElseThrow(() -> new AssertionError(prim + " missing: " + r.out()));
                String[] counted = row.split("\\|")[1].trim().split("\\s+");
                assertEquals(net.cost().depth(), Integer.parseInt(counted[0]), row);
                assertEquals(net.cost().gates(), Long.parseLong(counted[1].replace(",", "")), row);
                assertTrue(net.cost().depth() > 50, row);
            }
        }
        // exp's exponent grows with p where 8 bits would put every float past its range: 8 to p = 31, then bits(p) + 3.
        assertEquals(8, Primitive.expExponentBits(31));
        assertEquals(9, Primitive.expExponentBits(32));
        assertEquals(14, Primitive.expExponentBits(1024));
    }
}
