package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.compiler.gadgets.CountingNet;
import tc0.compiler.gadgets.Primitive;

/** tc0 primitives' float rows: counted as a CountingNet counts over float words, one depth for every p. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PrimitivesFloatRowsTest {
    @Test
    void floatRowsAreCountedOverFloatWordsWithOneDepthPerPrimitive() {
        Cli r = Cli.run("primitives", "--set", "p=8,16,32", "--set", "m=3", "--only", "float_compare,float_add,float_multiply,float_sum,float_product,float_divide");
        assertEquals(0, r.exitCode(), r.err());
        for (Primitive prim : new Primitive[] {Primitive.FLOAT_COMPARE, Primitive.FLOAT_ADD, Primitive.FLOAT_MULTIPLY, Primitive.FLOAT_SUM, Primitive.FLOAT_PRODUCT, Primitive.FLOAT_DIVIDE}) {
            int p = 16;
            CountingNet net = new CountingNet();
            prim.build(net, net.inputs(prim.operands(3), p + Primitive.FLOAT_EXPONENT_BITS + 1), 2);
            String row = r.out().lines().filter(l -> l.contains(" " + PrimitivesCommand.name(prim) + " ") && l.matches(".*\\s" + p + "\\s+(3|-) \\|.*"))
                    .findFirst().orElseThrow(() -> new AssertionError(prim + " missing: " + r.out()));
            String[] counted = row.split("\\|")[1].trim().split("\\s+");
            assertEquals(net.cost().depth(), Integer.parseInt(counted[0]), row);
            assertEquals(net.cost().gates(), Long.parseLong(counted[1].replace(",", "")), row);
            assertTrue(r.out().contains(prim.depthName + " (" + PrimitivesCommand.name(prim) + "): depth " + net.cost().depth() + " for every p counted (8 .. 32)"), r.out());
        }
    }
}
