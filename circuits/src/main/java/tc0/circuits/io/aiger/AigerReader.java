package tc0.circuits.io.aiger;

import java.io.IOException;
import java.io.InputStream;
import tc0.circuits.Circuit;
import tc0.circuits.io.CircuitFormatException;
import tc0.circuits.io.CircuitReader;

/**
 * Reads combinational AIGER, ASCII ({@code aag}) or binary ({@code aig}), whichever the header says,
 * whatever the file's extension. Latches and AIGER 1.9 properties are refused. Any malformed input gives a
 * {@link CircuitFormatException} with one line: {@code file: line N: ...} or {@code file: byte N: ...}.
 */
public final class AigerReader implements CircuitReader {

    @Override
    public Circuit read(InputStream in, String sourceName) throws IOException, CircuitFormatException {
        AigerInput input = new AigerInput(in, sourceName);
        return AigerToCircuit.convert(AigerParser.parse(input), input);
    }
}
