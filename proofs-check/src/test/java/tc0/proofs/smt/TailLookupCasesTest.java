package tc0.proofs.smt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tc0.compiler.gadgets.TailLookup;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;

/** The GELU, SiLU and softplus cases prove {@link TailLookup}'s circuit: at their formats the tail is used. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TailLookupCasesTest {

    @ParameterizedTest
    @EnumSource(value = UnaryFunction.class, names = {"GELU", "SILU", "SOFTPLUS"})
    void theProvedFormatsTakeTheTailPath(UnaryFunction f) {
        long[] t = Table.of(f, Gadgets.F44, Gadgets.F44).codes();
        int h = TailLookup.start(t, 8, 8);
        assertTrue(TailLookup.pays(t.length, h), f + ": tail from index " + h + " of " + t.length);
        assertTrue(Gadgets.all().stream().anyMatch(g -> g.name().equals("Lookup " + f) && g.widths().equals("8 -> 8 bits")), f + " has no case");
    }
}
