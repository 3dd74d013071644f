package dev.gosetup.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.cli.GoSetupCommand;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.Leaks;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.PseudoLocale;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the command line in the {@link PseudoLocale} (issue 14): a word outside ⟦ ⟧ was not said by a
 * bundle and would stay English for a Chinese reader ({@link Leaks} says what may stand outside and why). Each run's
 * output is kept in target/pseudo-cli/ to read.
 */
@Timeout(300)
class PseudoLocaleCliTest {
    static final List<String> COMMANDS = List.of("detect", "report", "releases", "install", "use", "update", "rollback", "remove", "list", "env", "doctor", "gui", "tools");

    @TempDir
    static Path tmp;
    static LoopbackServer server;
    static final Map<String, List<String>> LEAKS = new LinkedHashMap<>();

    @BeforeAll
    static void serveTheReleaseList() throws Exception {
        server = new LoopbackServer().serveFile("/dl.json", GoMirror.dir().resolve("dl.json"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One run in the pseudo-locale, on a fresh home; its leaks are noted under {@code name}. */
    static String run(String name, String... args) throws Exception {
        return run(name, Set.of(), args);
    }

    static String run(String name, Set<String> facts, String... args) throws Exception {
        Path home = Files.createDirectories(tmp.resolve(name).resolve("home"));
        AppContext context = AppContext.of(new AppPaths(tmp.resolve(name).resolve("config"), tmp.resolve(name).resolve("logs")),
                tmp.resolve(name).resolve("logs/gosetup0.log"), home);
        context.useMessages(PseudoLocale.messages());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> full = new ArrayList<>(List.of(args));
        full.replaceAll(a -> a.replace("HOME", home.toString()));
        int code = GoSetupCommand.run(context, full.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        String shown = out + err.toString();
        Path keep = Path.of(System.getProperty("gosetup.target", "target"), "pseudo-cli", name + ".txt");
        Files.createDirectories(keep.getParent());
        Files.writeString(keep, "$ gosetup " + String.join(" ", full) + "\n(exit " + code + ")\n" + shown);
        Set<String> allowed = new java.util.HashSet<>(facts);
        allowed.addAll(Leaks.dateWords(PseudoLocale.LOCALE)); // dates written for the locale
        List<String> leaks = Leaks.in(shown, true, allowed);
        if (!leaks.isEmpty()) {
            LEAKS.put(name + " (gosetup " + String.join(" ", args) + ")", leaks);
        }
        return shown;
    }

    @Test
    void everyCommandSpeaksOnlyFromTheBundles() throws Exception {
        String catalog = server.uri("/dl.json").toString();
        String mirror = server.uri("/missing/").toString(); // nothing there: the install fails with HTTP 404
        run("help", "--help");
        for (String command : COMMANDS) {
            run("help-" + command, command, "--help");
        }
        String detect = run("detect", Leaks.thisMachine(), "detect");
        run("list", "list", "--home", "HOME");
        run("tools", "tools", "--home", "HOME");
        String releases = run("releases", "releases", "--catalog", catalog, "--allow-http", "127.0.0.1", "--platform", "linux-amd64");
        run("doctor", "doctor", "--home", "HOME", "--offline", "--no-probe");
        run("env", "env", "--home", "HOME", "--shell", "bash,zsh,fish", "--no-probe");
        String failed = run("install-fails", "install", "1.19", "--catalog", catalog, "--mirror", mirror, "--allow-http", "127.0.0.1",
                "--home", "HOME", "--platform", "linux-amd64", "--yes");
        run("install-no-such-version", "install", "9.99", "--catalog", catalog, "--allow-http", "127.0.0.1", "--home", "HOME",
                "--platform", "linux-amd64");
        run("use-not-installed", "use", "1.19.8", "--home", "HOME");
        run("update-no-active", "update", "--yes", "--home", "HOME");
        run("rollback-nothing", "rollback", "--home", "HOME");
        run("update-bad-line", Set.of("soon"), "update", "--line", "soon", "--home", "HOME");
        for (String command : List.of("cleanup", "ide")) { // ide cleanup
            run("help-" + command, command, "--help");
        }
        run("cleanup", "cleanup", "--dry-run", "--home", "HOME");
        run("ide", "ide", "--home", "HOME");
        run("bad-option", "install", "--no-such-option");
        for (String sub : List.of("build", "verify")) {
            run("help-mirror-" + sub, "mirror", sub, "--help");
        }
        run("help-mirror", "mirror", "--help");
        String plan = run("mirror-plan", "mirror", "build", "--out", "HOME/mirror", "--catalog", catalog, "--allow-http", "127.0.0.1",
                "--versions", "1.19", "--platforms", "linux/amd64,windows/arm64", "--home", "HOME");
        run("mirror-verify-missing", "mirror", "verify", "HOME/nowhere");

        assertThat(detect).as("the pseudo-locale is in use").contains(String.valueOf(PseudoLocale.OPEN));
        assertThat(releases).contains("go1.19.8");
        assertThat(failed).contains("404");
        assertThat(plan).contains("go1.19.8").contains("linux-amd64");
        StringBuilder report = new StringBuilder();
        LEAKS.forEach((run, leaks) -> report.append("\n").append(run).append(":\n  ").append(String.join("\n  ", leaks)));
        assertThat(LEAKS).as("words outside ⟦ ⟧, not from a bundle:%s", report).isEmpty();
    }

    /** The guard itself: it flags a word from code and lets bundle text, paths, versions and names pass. */
    @Test
    void theLeakCheckSeesWordsFromCode() {
        String bundle = PseudoLocale.pseudo("x.y", "Installed {0} in {1}.");
        assertThat(bundle).startsWith("⟦").endsWith("⟧").contains("‹{0}›", "‹{1}›").doesNotContain("Installed");
        assertThat(PseudoLocale.pseudo("x.y", "It''s '{'0'}' {0}\nnext")).matches("⟦Íţ''š '\\{'0'}' ‹\\{0}›·*⟧\n⟦ñéxţ·*⟧");
        assertThat(PseudoLocale.pseudo("gosetup.x", "Give %s.%nMore")).matches("⟦Ğívé ‹%s›.·*⟧%n⟦Móřé·*⟧");
        String shown = new java.text.MessageFormat(bundle).format(new Object[] {"go1.22.5", "/home/me/sdk"});
        assertThat(Leaks.in(shown, false)).isEmpty();
        assertThat(Leaks.in("ok " + shown + " GOPATH ~/go https://go.dev/dl/ linux-amd64 --home Go gosetup", false))
                .containsExactly("line 1: «ok» in: ok " + shown + " GOPATH ~/go https://go.dev/dl/ linux-amd64 --home Go gosetup");
        assertThat(Leaks.in("+export PATH=\"$HOME/sdk/go/bin:$PATH\"\nShell: bash", true)).containsExactly("line 2: «Shell» in: Shell: bash");
        String english = new java.text.MessageFormat(bundle).format(new Object[] {"IOException: disk full", "/sdk"});
        assertThat(Leaks.in(english, false)).as("an exception's English passed as an argument")
                .extracting(l -> l.substring(l.indexOf('«') + 1, l.indexOf('»'))).containsExactly("IOException", "disk", "full");
        String nested = new java.text.MessageFormat(bundle).format(new Object[] {PseudoLocale.pseudo("a.b", "Go 1.22"), "/sdk"});
        assertThat(Leaks.in(nested, false)).as("bundle text passed as an argument").isEmpty();
    }
}
