package tc0.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests find the example specs and the golden bad inputs. */
final class TestFiles {
    private TestFiles() {}

    static Path examplesDir() {
        Path p = Path.of("..", "examples");
        return Files.isDirectory(p) ? p : Path.of("examples");
    }

    static List<Path> examples() {
        return list(examplesDir());
    }

    static List<Path> badInputs() {
        try {
            return list(Path.of(TestFiles.class.getResource("/bad").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".tc0")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
