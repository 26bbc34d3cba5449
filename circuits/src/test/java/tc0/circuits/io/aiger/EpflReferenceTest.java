package tc0.circuits.io.aiger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.CircuitStats;
import tc0.circuits.io.CircuitFiles;
import tc0.circuits.io.fixtures.EpflData;

/** Reading the EPFL benchmarks gives exactly the figures Berkeley ABC reports for them (README table). */
class EpflReferenceTest {

    static Stream<EpflData.Row> rows() {
        return EpflData.rows().stream();
    }

    @Test
    void theReadmeTableListsAllTwentyCircuits() {
        List<EpflData.Row> rows = EpflData.rows();
        assertEquals(20, rows.size(), "rows parsed from " + EpflData.folder().resolve("README.md"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readingGivesAbcsInputsOutputsAndsAndLevels(EpflData.Row row) throws Exception {
        Circuit c = CircuitFiles.read(EpflData.file(row.circuit()));
        CircuitStats s = CircuitStats.of(c);
        assertEquals(row, new EpflData.Row(row.circuit(), s.inputs(), s.outputs(), (int) s.gates(), s.depth()));
    }
}
