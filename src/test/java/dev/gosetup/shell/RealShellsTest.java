package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real bash, zsh, fish and dash started the ways terminals, IDEs and ssh start them, with a test home
 * after `apply`: `command -v go` must be the active Go (not an older one earlier on PATH) and GOPATH ours.
 * .ci/run installs zsh and fish; on CI a missing shell fails the test instead of skipping it.
 */
@Timeout(60)
class RealShellsTest {
    @TempDir
    Path tmp;
    Path home;
    String otherGoBin;

    @BeforeEach
    void home() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        Files.copy(Fixtures.root().resolve("rcfiles/bashrc__linuxmint_bash__debian_skel.bashrc"), home.resolve(".bashrc"));
        Files.copy(Fixtures.root().resolve("rcfiles/profile__linuxmint_bash__debian_skel.profile"), home.resolve(".profile"));
        Files.copy(Fixtures.root().resolve("rcfiles/zshrc__sorin-ionescu_prezto__runcoms_zshrc"), home.resolve(".zshrc"));
        fakeGo(home.resolve("sdk/go1.22.5/bin/go"), "go1.22.5");
        Files.createSymbolicLink(home.resolve("sdk/go"), Path.of("go1.22.5"));
        Path other = tmp.resolve("usr-local-go/bin/go"); // an older Go earlier on PATH, as /usr/local/go/bin often is
        fakeGo(other, "go1.19");
        otherGoBin = other.getParent().toString();
        EnvSetup setup = new EnvSetup(new ShellFiles("linux", home, Map.of(), null), home.resolve(".config/gosetup"));
        EnvSpec spec = new EnvSpec(home, home.resolve("sdk/go"), home.resolve("gopath"), false, Map.of("GOPROXY", "https://goproxy.cn,direct"));
        EnvSetup.Plan plan = setup.plan(spec, EnumSet.of(Shell.BASH, Shell.ZSH, Shell.FISH), Set.of());
        assertThat(plan.problems()).isEmpty();
        setup.apply(plan);
    }

    static void fakeGo(Path go, String version) throws IOException {
        Files.createDirectories(go.getParent());
        // run only by the real shells, on Linux (Shells.require); elsewhere the tests skip before
        dev.gosetup.testing.HostOs.mode(Files.writeString(go, "#!/bin/sh\necho go version " + version + " linux/amd64\n"), "rwxr-xr-x");
    }

    @Test
    void bashLoginInteractiveAndSshStyle() throws Exception {
        requireShell("bash");
        expectOurs(run("bash", "-l", "-c", PROBE));                       // macOS Terminal, IDE probes (login)
        expectOurs(run("bash", "-i", "-c", PROBE));                       // a Linux terminal tab (interactive, non-login)
        expectOurs(run("bash", "-c", ". \"$HOME/.bashrc\"; " + PROBE));    // ssh host cmd: .bashrc read non-interactively
    }

    @Test
    void zshLoginInteractiveAndPlain() throws Exception {
        requireShell("zsh");
        expectOurs(run("zsh", "-l", "-c", PROBE));
        expectOurs(run("zsh", "-i", "-c", PROBE));
    }

    @Test
    void fishLoginAndNonInteractive() throws Exception {
        requireShell("fish");
        expectOurs(run("fish", "-l", "-c", FISH_PROBE));
        expectOurs(run("fish", "-c", FISH_PROBE)); // conf.d is read by every fish, scripts too
    }

    @Test
    void dashReadsTheProfile() throws Exception {
        requireShell("dash");
        expectOurs(run("dash", "-l", "-c", PROBE));
    }

    @Test
    void sourcingTheEnvScriptAgainChangesNothingAndMovesOurEntriesToTheFront() throws Exception {
        requireShell("bash");
        String env = home.resolve(".config/gosetup/env.sh").toString();
        // After path_helper our entries sit behind /usr/local/go/bin: sourcing again puts them in front, once.
        String behind = "PATH=\"" + otherGoBin + ":$HOME/sdk/go/bin:/usr/bin:$HOME/gopath/bin:/bin\"; ";
        Result r = run("bash", "-c", behind + ". '" + env + "'; a=$PATH; . '" + env + "'; . '" + env + "'; "
                + "[ \"$a\" = \"$PATH\" ] && echo same; echo \"$PATH\"");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).first().isEqualTo("same");
        // ~/sdk/bin (the go1.X.Y commands) is ours too, after go itself and GOPATH/bin
        assertThat(lines.get(1)).isEqualTo(home + "/sdk/go/bin:" + home + "/gopath/bin:" + home + "/sdk/bin:" + otherGoBin + ":/usr/bin:/bin");
        requireShell("zsh");
        Result z = run("zsh", "-c", behind + ". '" + env + "'; . '" + env + "'; echo \"$PATH\"");
        assertThat(z.out().strip()).isEqualTo(lines.get(1));
    }

    @Test
    void undoLeavesShellsWithoutOurGo() throws Exception {
        requireShell("bash");
        EnvSetup setup = new EnvSetup(new ShellFiles("linux", home, Map.of(), null), home.resolve(".config/gosetup"));
        setup.apply(setup.planUndo(EnumSet.of(Shell.BASH, Shell.ZSH, Shell.FISH)));
        // Non-login: the inherited PATH stays, so the older Go is what runs again.
        Result r = run("bash", "-i", "-c", PROBE);
        assertThat(r.out()).as(r.toString()).startsWith(otherGoBin + "/go").contains("GOPATH=\n").doesNotContain("sdk/go");
        requireShell("fish");
        assertThat(run("fish", "-c", FISH_PROBE).out()).startsWith(otherGoBin + "/go");
    }

    static final String PROBE = "command -v go; echo \"GOPATH=$GOPATH\"; echo \"GOPROXY=$GOPROXY\"; go version";
    static final String FISH_PROBE = "command -v go; echo \"GOPATH=$GOPATH\"; echo \"GOPROXY=$GOPROXY\"; go version";

    void expectOurs(Result r) {
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines().toList()).as(r.toString()).containsSubsequence(home + "/sdk/go/bin/go",
                "GOPATH=" + home + "/gopath", "GOPROXY=https://goproxy.cn,direct", "go version go1.22.5 linux/amd64");
    }

    record Result(int exit, String out, String err) {}

    Result run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("HOME", home.toString());
        env.put("PATH", otherGoBin + ":/usr/local/bin:/usr/bin:/bin");
        env.put("TERM", "dumb");
        env.put("LANG", "C.UTF-8");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static void requireShell(String name) {
        dev.gosetup.testing.Shells.require(name);
    }
}
