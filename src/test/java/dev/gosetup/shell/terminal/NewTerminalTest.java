package dev.gosetup.shell.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.shell.BlockMove;
import dev.gosetup.shell.Conflict;
import dev.gosetup.shell.EnvSetup;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.shell.StartupOrder.Start;
import dev.gosetup.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bash, zsh and fish started as new terminals start them, in a test home after `env --apply`: what
 * they run, what undoes our block (named by file and line), and the fix that places the block below it —
 * verified again with the real shell, and undone byte for byte. .ci/run installs zsh and fish; on CI a
 * missing shell fails the test instead of skipping it.
 */
@Timeout(120)
class NewTerminalTest {
    /** Generous: the machine is shared; the timeout test uses its own short limit. */
    static final NewTerminal.Options OPTIONS = new NewTerminal.Options(Duration.ofSeconds(20), Path.of("/"));

    @TempDir
    Path tmp;
    Path home;
    ShellSources where;
    EnvSetup setup;

    @BeforeEach
    void home() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        Files.copy(Fixtures.root().resolve("rcfiles/bashrc__linuxmint_bash__debian_skel.bashrc"), home.resolve(".bashrc"));
        Files.copy(Fixtures.root().resolve("rcfiles/profile__linuxmint_bash__debian_skel.profile"), home.resolve(".profile"));
        Files.copy(Fixtures.root().resolve("rcfiles/zshrc__sorin-ionescu_prezto__runcoms_zshrc"), home.resolve(".zshrc"));
        Files.createDirectories(home.resolve(".config/fish"));
        fakeGo(home.resolve("sdk/go1.22.5"), "go1.22.5");
        Files.createSymbolicLink(home.resolve("sdk/go"), Path.of("go1.22.5"));
        ShellFiles files = new ShellFiles("linux", home, Map.of(), null);
        where = new ShellSources(files, home, home.resolve(".config/gosetup"), home.resolve("sdk"), null);
        setup = where.setup();
    }

    void apply(Shell... shells) throws IOException {
        EnvSpec spec = new EnvSpec(home, home.resolve("sdk/go"), home.resolve("gopath"), false, Map.of());
        EnvSetup.Plan plan = setup.plan(spec, Set.of(shells), Set.of());
        assertThat(plan.problems()).isEmpty();
        setup.apply(plan);
    }

    /** A go that answers `go version` and `go env GOROOT GOPATH` as the real one does. */
    static void fakeGo(Path root, String version) throws IOException {
        Path go = Files.createDirectories(root.resolve("bin")).resolve("go");
        Files.writeString(go, """
                #!/bin/sh
                case "$1" in
                  version) echo "go version %s linux/amd64" ;;
                  env) shift; for v in "$@"; do case "$v" in GOROOT) echo "%s" ;; GOPATH) echo "${GOPATH:-$HOME/go}" ;; *) echo ;; esac; done ;;
                esac
                """.formatted(version, root));
        dev.gosetup.testing.HostOs.mode(go, "rwxr-xr-x"); // run only by the real shells, on Linux (requireShells)
    }

    TerminalReport check(Shell... shells) {
        return NewTerminal.check(where, EnumSet.copyOf(List.of(shells)), OPTIONS);
    }

    static TerminalCheck only(TerminalReport r, Shell shell, Start start) {
        return r.checks().stream().filter(c -> c.shell() == shell && c.start() == start).findFirst().orElseThrow();
    }

    @Test
    void afterApplyEveryNewTerminalRunsTheActiveGo() throws Exception {
        requireShells("bash", "zsh", "fish");
        apply(Shell.BASH, Shell.ZSH, Shell.FISH);
        TerminalReport r = check(Shell.BASH, Shell.ZSH, Shell.FISH);
        assertThat(r.checks()).extracting(TerminalCheck::command).containsExactly("zsh -l -i", "bash -l -i", "bash -i", "fish -l -i");
        for (TerminalCheck c : r.checks()) {
            assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.OURS);
            assertThat(c.go()).as(c.command()).isEqualTo(home + "/sdk/go/bin/go");
            assertThat(c.goDir()).isEqualTo(home + "/sdk/go/bin");
            assertThat(c.version()).isEqualTo("go1.22.5");
            assertThat(c.goroot()).isEqualTo(home.resolve("sdk/go1.22.5").toString());
            assertThat(c.gopath()).isEqualTo(home.resolve("gopath").toString());
            assertThat(c.configured()).isTrue();
            assertThat(c.defeats()).isEmpty();
        }
        assertThat(r.newTerminalsFine()).isTrue();
    }

    @Test
    void withoutOurBlockNewTerminalsFindNoGoAndSaySo() throws Exception {
        requireShells("bash");
        TerminalReport r = check(Shell.BASH);
        TerminalCheck tab = only(r, Shell.BASH, Start.TAB);
        assertThat(tab.verdict()).isEqualTo(Verdict.NO_GO);
        assertThat(tab.configured()).isFalse();
        assertThat(r.newTerminalsFine()).isFalse();
    }

    @Test
    void aBashrcLineResettingPathAfterTheBlockIsNamedAndMovingTheBlockBelowItFixesIt() throws Exception {
        requireShells("bash");
        apply(Shell.BASH);
        Files.writeString(home.resolve(".bashrc"), "export PATH=/usr/bin:/bin\n", java.nio.file.StandardOpenOption.APPEND);
        byte[] userFile = withoutOurBlock(home.resolve(".bashrc"));
        int resetLine = Files.readAllLines(home.resolve(".bashrc")).size() - 1;

        TerminalReport r = check(Shell.BASH);
        // A terminal tab reads .bashrc alone; a login shell reads .profile, whose block comes after .bashrc.
        assertThat(only(r, Shell.BASH, Start.LOGIN).verdict()).isEqualTo(Verdict.OURS);
        TerminalCheck tab = only(r, Shell.BASH, Start.TAB);
        assertThat(tab.verdict()).as(tab.toString()).isIn(Verdict.NO_GO, Verdict.OTHER_GO);
        assertThat(tab.path()).isEqualTo("/usr/bin:/bin");
        Defeat d = tab.lastDefeat();
        assertThat(d.file()).isEqualTo(home.resolve(".bashrc"));
        assertThat(d.line()).isEqualTo(resetLine);
        assertThat(d.text()).isEqualTo("export PATH=/usr/bin:/bin");
        assertThat(d.kind()).isEqualTo(Conflict.Kind.PATH_RESET);

        BlockMove.apply(BlockMove.plan(setup, d.shell(), d.file(), d.line(), d.text(), d.standalone()));
        TerminalReport again = check(Shell.BASH);
        assertThat(again.checks()).allSatisfy(c -> assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.OURS));
        List<String> lines = Files.readAllLines(home.resolve(".bashrc"));
        assertThat(lines).as("moved, not copied: one block").containsOnlyOnce(dev.gosetup.shell.BlockEditor.START);
        assertThat(lines.get(lines.indexOf("export PATH=/usr/bin:/bin") + 1)).isEqualTo(dev.gosetup.shell.BlockEditor.START);

        setup.apply(setup.planUndo(EnumSet.of(Shell.BASH)));
        assertThat(Files.readAllBytes(home.resolve(".bashrc"))).isEqualTo(userFile);
    }

    @Test
    void fishConfigRebuildingPathFromScratchGetsOurBlockBelowTheLine() throws Exception {
        requireShells("fish");
        Path config = home.resolve(".config/fish/config.fish");
        Files.copy(Fixtures.root().resolve("rcfiles/fishconfig__haolian9_zongzi__fish_.config_fish_config.fish"), config);
        Files.writeString(config, "set -gx PATH /usr/bin /bin\nset -gx EDITOR nvim\n", java.nio.file.StandardOpenOption.APPEND);
        byte[] userFile = Files.readAllBytes(config);
        int resetLine = Files.readAllLines(config).size() - 2;
        apply(Shell.FISH);
        assertThat(Files.readAllBytes(config)).as("apply writes conf.d, not config.fish").isEqualTo(userFile);

        TerminalCheck c = only(check(Shell.FISH), Shell.FISH, Start.LOGIN);
        assertThat(c.verdict()).as(c.toString()).isIn(Verdict.NO_GO, Verdict.OTHER_GO);
        assertThat(c.configured()).isTrue();
        Defeat d = c.lastDefeat();
        assertThat(d.file()).isEqualTo(config);
        assertThat(d.line()).isEqualTo(resetLine);
        assertThat(d.kind()).isEqualTo(Conflict.Kind.PATH_RESET);

        BlockMove.apply(BlockMove.plan(setup, d.shell(), d.file(), d.line(), d.text(), d.standalone()));
        TerminalCheck fixed = only(check(Shell.FISH), Shell.FISH, Start.LOGIN);
        assertThat(fixed.verdict()).as(fixed.toString()).isEqualTo(Verdict.OURS);
        assertThat(fixed.path()).startsWith(home + "/sdk/go/bin:");

        setup.apply(setup.planUndo(EnumSet.of(Shell.FISH)));
        assertThat(Files.readAllBytes(config)).as("undo takes the placed block out too").isEqualTo(userFile);
        assertThat(home.resolve(".config/fish/conf.d/gosetup.fish")).doesNotExist();
    }

    @Test
    void zshLoginFileReadAfterZshrcResettingPathIsFoundAndFixed() throws Exception {
        requireShells("zsh");
        apply(Shell.ZSH);
        Path zlogin = Files.writeString(home.resolve(".zlogin"), "# login\npath=(/usr/bin /bin)\n");
        byte[] userFile = Files.readAllBytes(zlogin);

        TerminalCheck c = only(check(Shell.ZSH), Shell.ZSH, Start.LOGIN);
        assertThat(c.verdict()).as(c.toString()).isIn(Verdict.NO_GO, Verdict.OTHER_GO);
        Defeat d = c.lastDefeat();
        assertThat(d.file()).isEqualTo(zlogin);
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.text()).isEqualTo("path=(/usr/bin /bin)");

        BlockMove.apply(BlockMove.plan(setup, d.shell(), d.file(), d.line(), d.text(), d.standalone()));
        assertThat(only(check(Shell.ZSH), Shell.ZSH, Start.LOGIN).verdict()).isEqualTo(Verdict.OURS);
        setup.apply(setup.planUndo(EnumSet.of(Shell.ZSH)));
        assertThat(Files.readAllBytes(zlogin)).isEqualTo(userFile);
    }

    @Test
    void anotherGoPutFirstAfterOurBlockIsTheOneThatRunsAndIsNamed() throws Exception {
        requireShells("zsh");
        apply(Shell.ZSH);
        Path other = tmp.resolve("opt/go");
        fakeGo(other, "go1.19.8");
        Files.writeString(home.resolve(".zshrc"), "export PATH=\"" + other + "/bin:$PATH\"\n", java.nio.file.StandardOpenOption.APPEND);

        TerminalCheck c = only(check(Shell.ZSH), Shell.ZSH, Start.LOGIN);
        assertThat(c.verdict()).isEqualTo(Verdict.OTHER_GO);
        assertThat(c.version()).isEqualTo("go1.19.8");
        assertThat(c.goDir()).isEqualTo(other + "/bin");
        assertThat(c.lastDefeat().kind()).isEqualTo(Conflict.Kind.GO_ON_PATH);
        assertThat(c.lastDefeat().file()).isEqualTo(home.resolve(".zshrc"));

        Defeat d = c.lastDefeat();
        BlockMove.apply(BlockMove.plan(setup, d.shell(), d.file(), d.line(), d.text(), d.standalone()));
        assertThat(only(check(Shell.ZSH), Shell.ZSH, Start.LOGIN).verdict()).isEqualTo(Verdict.OURS);
    }

    @Test
    void startupNoiseDoesNotGetInTheWayOfTheAnswer() throws Exception {
        requireShells("bash");
        apply(Shell.BASH);
        Path bashrc = home.resolve(".bashrc");
        Files.writeString(bashrc, "printf 'Welcome! no newline here'\nfor i in 1 2 3; do echo \"motd line $i\"; done\necho 'go=nothing' >&2\n"
                + Files.readString(bashrc, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        assertThat(check(Shell.BASH).checks()).allSatisfy(c -> assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.OURS));
    }

    @Test
    void aShellThatHangsIsStoppedWithItsChildrenAndReportedAsTimedOut() throws Exception {
        requireShells("bash");
        apply(Shell.BASH);
        Path bashrc = home.resolve(".bashrc");
        Files.writeString(bashrc, "echo $$ >> \"$HOME/shell.pid\"; sleep 60 & echo $! >> \"$HOME/sleep.pid\"; wait\n"
                + Files.readString(bashrc, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        long t0 = System.nanoTime();
        TerminalReport r = NewTerminal.check(where, EnumSet.of(Shell.BASH), OPTIONS.withTimeout(Duration.ofSeconds(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("the shells run side by side, each stopped after 1 s")
                .isLessThan(Duration.ofSeconds(8));
        assertThat(r.checks()).extracting(TerminalCheck::verdict).containsOnly(Verdict.TIMED_OUT);
        for (String pidFile : List.of("shell.pid", "sleep.pid")) {
            for (String pid : Files.readAllLines(home.resolve(pidFile))) {
                assertThat(ProcessHandle.of(Long.parseLong(pid.strip())).map(ProcessHandle::isAlive).orElse(false))
                        .as(pidFile + " " + pid + " killed").isFalse();
            }
        }
    }

    @Test
    void theShellStartsFromTheSystemsDefaultPathNotFromThisProcesss() throws Exception {
        requireShells("bash");
        Path other = tmp.resolve("system-go");
        fakeGo(other, "go1.20.1");
        Path root = Files.createDirectories(tmp.resolve("root/etc"));
        Files.writeString(root.resolve("environment"), "LANG=C.UTF-8\nPATH=\"" + other + "/bin:/usr/bin:/bin\"\n");
        TerminalReport r = NewTerminal.check(where, EnumSet.of(Shell.BASH), new NewTerminal.Options(Duration.ofSeconds(20), tmp.resolve("root")));
        TerminalCheck tab = only(r, Shell.BASH, Start.TAB); // no /etc/profile for a tab, so the session's PATH stays
        assertThat(tab.path()).isEqualTo(other + "/bin:/usr/bin:/bin");
        assertThat(tab.verdict()).isEqualTo(Verdict.OTHER_GO);
        assertThat(tab.version()).isEqualTo("go1.20.1");
    }

    @Test
    void theDefaultPathComesFromTheSystemsFilesInTheOrderPamAndLoginReadThem() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("sys/etc")).getParent();
        assertThat(CleanEnvironment.defaultPath("linux", root, false)).isEqualTo(CleanEnvironment.LINUX_DEFAULT);
        Files.writeString(root.resolve("etc/login.defs"), "ENV_SUPATH\tPATH=/usr/local/sbin:/usr/sbin:/usr/bin\nENV_PATH\tPATH=/usr/local/bin:/usr/bin\n");
        assertThat(CleanEnvironment.defaultPath("linux", root, true)).isEqualTo("/usr/local/sbin:/usr/sbin:/usr/bin");
        assertThat(CleanEnvironment.defaultPath("linux", root, false)).isEqualTo("/usr/local/bin:/usr/bin");
        Files.writeString(root.resolve("etc/environment"), "# pam_env\nPATH='/opt/site/bin:/usr/bin:/bin'\n");
        assertThat(CleanEnvironment.defaultPath("linux", root, false)).isEqualTo("/opt/site/bin:/usr/bin:/bin");
        assertThat(CleanEnvironment.defaultPath("mac", root, false)).as("no path_helper there").isEqualTo(CleanEnvironment.MAC_DEFAULT);
    }

    @Test
    void aShellThatIsNotInstalledIsSaidSoNotFailed() {
        Assumptions.assumeTrue(NewTerminal.executable(Shell.PWSH, null, "/usr/bin:/bin") == null, "pwsh is installed here");
        TerminalCheck c = only(check(Shell.PWSH), Shell.PWSH, Start.LOGIN);
        assertThat(c.verdict()).isEqualTo(Verdict.SHELL_MISSING);
        assertThat(c.fine()).isTrue();
    }

    static byte[] withoutOurBlock(Path file) throws IOException {
        return dev.gosetup.shell.BlockEditor.undo(Files.readAllBytes(file));
    }

    static void requireShells(String... names) {
        for (String name : names) {
            dev.gosetup.testing.Shells.require(name); // Linux's shells and startup files: skipped on macOS and Windows
            boolean found = NewTerminal.executable(Shell.parse(name).orElseThrow(), null, "/usr/local/bin:/usr/bin:/bin") != null;
            if (!found && System.getenv("CI") != null) {
                throw new AssertionError(name + " is not installed; .ci/run installs it");
            }
            Assumptions.assumeTrue(found, name + " is not installed here");
        }
    }
}
