package tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tc0} launcher (bash) on a small checkout of its own, with a stand-in JDK and a stand-in Maven
 * that record how they were called: what it rebuilds, when it trains its cache, what it refuses.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherTest {
    @TempDir
    Path tmp;

    Path root;
    Path calls;

    /** Ran the launcher: exit code, stdout, stderr, and the calls the stand-ins recorded. */
    record Run(int exitCode, String out, String err, List<String> calls) {
        long count(String prefix) {
            return calls.stream().filter(c -> c.startsWith(prefix)).count();
        }
    }

    @BeforeEach
    void checkout() throws IOException {
        root = tmp.resolve("checkout");
        calls = tmp.resolve("calls");
        Files.createDirectories(root.resolve("cli/src/main/java"));
        Files.createDirectories(root.resolve("cli/target"));
        Files.copy(launcher(), root.resolve("tc0"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.writeString(root.resolve("cli/pom.xml"), "<project/>\n");
        Files.writeString(root.resolve("cli/src/main/java/A.java"), "class A {}\n");
        Files.writeString(root.resolve("cli/target/tc0.jar"), "jar 1\n");
        // The jar is newer than its sources, as after a build.
        setTime(root.resolve("cli/target/tc0.jar"), 2_000_000_000_000L);
        Path jdk = tmp.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        script(jdk.resolve("bin/java"), """
                #!/usr/bin/env bash
                echo "java $*" >> "$CALLS"
                for a in "$@"; do
                  [[ "$a" == -Xbad ]] && { echo "Unrecognized option: -Xbad" >&2; echo "Error: Could not create the Java Virtual Machine." >&2; exit 1; }
                  [[ "$a" == -XX:AOTCacheOutput=* ]] && : > "${a#-XX:AOTCacheOutput=}"
                done
                exit 0
                """);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        script(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                echo "mvn $*" >> "$CALLS"
                echo "jar rebuilt" > cli/target/tc0.jar
                """);
    }

    @Test
    void aCopiedCheckoutWithEveryFileNewerThanItsJarDoesNotRebuild() throws Exception {
        assertEquals(0, launch(Map.of(), "--version").exitCode()); // stamps the jar with its sources' hash
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) setTime(f, System.currentTimeMillis()); // cp -r
        }
        setTime(root.resolve("cli/target/tc0.jar"), 1_000_000_000_000L);
        Run r = launch(Map.of(), "--version");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0, r.count("mvn"), r.calls().toString());
        assertTrue(r.calls().getLast().endsWith("-jar " + root.resolve("cli/target/tc0.jar") + " --version"), r.calls().toString());
    }

    @Test
    void aChangedSourceRebuildsOnceEvenWhenItLooksOlderThanTheJar() throws Exception {
        assertEquals(0, launch(Map.of(), "--version").count("mvn"));
        Files.writeString(root.resolve("cli/src/main/java/A.java"), "class A { int changed; }\n");
        setTime(root.resolve("cli/src/main/java/A.java"), 1_000_000_000_000L); // older than the jar: times would miss it
        Run r = launch(Map.of(), "--version");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.count("mvn"), r.calls().toString());
        assertTrue(r.err().contains("building the CLI"), r.err());
        assertEquals(0, launch(Map.of(), "--version").count("mvn"), "built once, current after");
    }

    @Test
    void theCacheIsTrainedOncePerJar() throws Exception {
        Run first = launch(Map.of(), "--version");
        assertEquals(1, first.calls().stream().filter(c -> c.contains("-XX:AOTCacheOutput=")).count(), first.calls().toString());
        // The training run compiles, then counts a causal and a plain transformer in the same JVM (tc0.aot.then).
        String all = String.join("\n", first.calls());
        assertTrue(all.contains("-Dtc0.aot.then=stats\t" + root.resolve("examples/rope_transformer.tc0") + "\t--set\tn=256\t--count-only\nstats\t"
                + root.resolve("examples/softmax_transformer.tc0") + "\t--set\tn=256\t--count-only -jar"), all);
        Run second = launch(Map.of(), "--version");
        assertFalse(second.calls().stream().anyMatch(c -> c.contains("-XX:AOTCacheOutput=")), second.calls().toString());
        assertTrue(second.calls().getLast().contains("-XX:AOTCache=" + root.resolve("cli/target/tc0.aot")), second.calls().toString());
        setTime(root.resolve("cli/target/tc0.jar"), 2_100_000_000_000L); // another jar (a copy, a build)
        Run third = launch(Map.of(), "--version");
        assertTrue(third.calls().stream().anyMatch(c -> c.contains("-XX:AOTCacheOutput=")), third.calls().toString());
    }

    @Test
    void javaOptionsTheJvmRefusesExitTwoWithOneLine() throws Exception {
        Run r = launch(Map.of("TC0_JAVA_OPTS", "-Xmx1g -Xbad"), "--version");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("tc0: TC0_JAVA_OPTS is not accepted by "), r.err());
        assertTrue(r.err().contains("Unrecognized option: -Xbad"), r.err());
        Run ok = launch(Map.of("TC0_JAVA_OPTS", "-Xmx1g"), "--version");
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.calls().getLast().contains("-Xmx1g -jar"), ok.calls().toString());
        Run again = launch(Map.of("TC0_JAVA_OPTS", "-Xmx1g"), "--version");
        assertFalse(again.calls().stream().anyMatch(c -> c.endsWith(" -version")), "accepted options are not tried again: " + again.calls());
    }

    /** As a user who can write neither the checkout nor its home: the run goes on, its cache in XDG_CACHE_HOME or none. */
    @Test
    void aReadOnlyCheckoutRunsAndKeepsItsCacheInTheUsersCacheFolder() throws Exception {
        boolean root0 = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(root0 || !Files.isWritable(Path.of("/")), "skipped: needs root to run as another user");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
                "skipped: runuser not installed");
        assertEquals(0, launch(Map.of(), "--version").exitCode()); // stamped and trained as the owner
        Files.delete(root.resolve("cli/target/tc0.aot"));
        Path cache = Files.createDirectories(tmp.resolve("nobody-cache"));
        run(List.of("chmod", "-R", "a+rX,go-w", tmp.toString()));
        run(List.of("chmod", "a+w", calls.toString()));
        run(List.of("chown", "nobody", cache.toString()));
        Run withCache = launchAs("nobody", Map.of("XDG_CACHE_HOME", cache.toString(), "HOME", "/nonexistent"));
        assertEquals(0, withCache.exitCode(), withCache.err());
        assertEquals(0, withCache.count("mvn"));
        assertTrue(withCache.calls().getLast().contains("-XX:AOTCache=" + cache.resolve("tc0")), withCache.calls().toString());
        Run noCache = launchAs("nobody", Map.of("XDG_CACHE_HOME", "/nonexistent/cache", "HOME", "/nonexistent"));
        assertEquals(0, noCache.exitCode(), noCache.err());
        assertEquals("", noCache.err(), "nothing to say when the cache cannot be kept");
        assertFalse(noCache.calls().getLast().contains("-XX:AOTCache"), noCache.calls().toString());
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("tc0").toString()));
        cmd.addAll(List.of(args));
        return start(cmd, env);
    }

    private Run launchAs(String user, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", user, "--", "env"));
        for (var e : environment(env).entrySet()) cmd.add(e.getKey() + "=" + e.getValue());
        cmd.addAll(List.of("bash", root.resolve("tc0").toString(), "--version"));
        return start(cmd, Map.of());
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tmp.resolve("bin") + ":/usr/bin:/bin:/usr/sbin:/sbin");
        env.put("TC0_JAVA_HOME", tmp.resolve("jdk").toString());
        env.put("CALLS", calls.toString());
        env.put("HOME", tmp.resolve("home").toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        env.putAll(extra);
        env.values().removeIf(String::isEmpty);
        return env;
    }

    private Run start(List<String> cmd, Map<String, String> env) throws Exception {
        long before = Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment(env));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<String> all = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        return new Run(p.exitValue(), out, err, all.subList((int) before, all.size()));
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", cmd));
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void setTime(Path file, long millis) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
    }

    /** The repository's own launcher, found by walking up from the module. */
    private static Path launcher() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("tc0")) && Files.isDirectory(p.resolve("cli"))) return p.resolve("tc0");
        }
        throw new AssertionError("the tc0 launcher not found above " + Path.of("").toAbsolutePath());
    }
}
