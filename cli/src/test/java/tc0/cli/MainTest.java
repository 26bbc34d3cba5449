package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The top-level command: every subcommand in usage and help, only the named one built for a run. */
class MainTest {
    @Test
    void usageAndHelpListEveryCommand() {
        Cli usage = Cli.run("--help");
        assertEquals(0, usage.exitCode());
        for (String name : new String[] {"parse", "compile", "verify", "stats", "export", "run", "sweep", "bench", "bench-builder", "help"}) {
            assertTrue(usage.out().contains("\n  " + name + " "), name + " missing from: " + usage.out());
        }
        Cli help = Cli.run("help", "sweep");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Usage: tc0 sweep"), help.out());
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
