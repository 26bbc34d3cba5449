package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: every subcommand in usage and help, its examples run, only the named one built for a run. */
class MainTest {
    @Test
    void usageAndHelpListEveryCommand() {
        Cli usage = Cli.run("--help");
        assertEquals(0, usage.exitCode());
        for (String name : new String[] {"parse", "compile", "verify", "stats", "export", "run", "sweep", "check", "lemmas", "bench",
            "bench-builder", "help"}) {
            assertTrue(usage.out().contains("\n  " + name + " "), name + " missing from: " + usage.out());
        }
        Cli help = Cli.run("help", "sweep");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Usage: tc0 sweep"), help.out());
    }

    /** Every "Start here" line of the usage runs as printed (from the repository's root) and exits 0. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyStartHereExampleRuns() {
        List<String> examples = Arrays.stream(Main.class.getAnnotation(Command.class).description())
                .filter(l -> l.startsWith("  tc0 ")).map(l -> l.strip().split("\\s{2,}")[0]).toList();
        assertTrue(examples.size() >= 5, examples.toString());
        for (String example : examples) {
            String[] args = Arrays.stream(example.substring("tc0 ".length()).split(" "))
                    .map(a -> a.startsWith("examples/") ? "../" + a : a).toArray(String[]::new);
            Cli r = Cli.run(args);
            assertEquals(0, r.exitCode(), example + ": " + r.err());
        }
    }

    @Test
    void aRunBuildsOnlyTheCommandItNames() {
        CommandLine cl = Main.commandLine(new String[] {"stats", "x.aag"});
        assertEquals(java.util.Set.of("stats"), cl.getSubcommands().keySet());
        assertEquals(Main.COMMANDS.size(), Main.commandLine(new String[] {"--version"}).getSubcommands().size());
        Cli unknown = Cli.run("nosuch");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("Unmatched argument at index 0: 'nosuch'"), unknown.err());
    }
}
