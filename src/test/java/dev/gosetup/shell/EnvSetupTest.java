package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.i18n.ProblemException;
import dev.gosetup.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole flow on a real home folder: preview, apply, apply again, undo; links, permissions, races, refusals. */
class EnvSetupTest {
    @TempDir
    Path tmp;

    Path home() throws IOException {
        return Files.createDirectories(tmp.resolve("home"));
    }

    EnvSetup setup(Path home, String os) {
        return new EnvSetup(new ShellFiles(os, home, Map.of(), null), home.resolve(".config/gosetup"));
    }

    static EnvSpec spec(Path home) {
        return new EnvSpec(home, home.resolve("sdk/go"), home.resolve("go"), false, Map.of("GOPROXY", "https://goproxy.cn,direct"));
    }

    Path copyFixture(String name, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(Fixtures.root().resolve("rcfiles").resolve(name), to);
    }

    @Test
    void thePowerShellScriptCarriesAByteOrderMarkForWindowsPowerShell() throws IOException {
        // Windows PowerShell 5.1 reads a .ps1 without a BOM in the ANSI code page: a Chinese folder name would be garbled.
        Path home = home();
        Path sdk = tmp.resolve("张三的 Go/sdk");
        EnvSpec spec = new EnvSpec(home, sdk.resolve("go"), home.resolve("go"), false, Map.of());
        EnvSetup setup = setup(home, "linux");
        setup.apply(setup.plan(spec, EnumSet.of(Shell.PWSH, Shell.BASH), Set.of()));

        byte[] ps1 = Files.readAllBytes(home.resolve(".config/gosetup/env.ps1"));
        assertThat(java.util.Arrays.copyOf(ps1, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(ps1, 3, ps1.length - 3, java.nio.charset.StandardCharsets.UTF_8)).contains("张三的 Go");
        byte[] sh = Files.readAllBytes(home.resolve(".config/gosetup/env.sh"));
        assertThat(sh[0]).as("sh scripts stay without one: a BOM would be a command to sh").isNotEqualTo((byte) 0xEF);
        assertThat(setup.plan(spec, EnumSet.of(Shell.PWSH, Shell.BASH), Set.of()).effective())
                .as("applying again changes nothing: the mark is part of what is compared").isEmpty();
    }

    @Test
    void linuxBashAndZshAndFishRoundTripToTheOriginalBytes() throws IOException {
        Path home = home();
        Path bashrc = copyFixture("bashrc__linuxmint_bash__debian_skel.bashrc", home.resolve(".bashrc"));
        Path profile = copyFixture("profile__linuxmint_bash__debian_skel.profile", home.resolve(".profile"));
        Path zshrc = copyFixture("zshrc__ohmyzsh_ohmyzsh__templates_zshrc.zsh-template", home.resolve(".zshrc"));
        boolean modes = dev.gosetup.testing.HostOs.posixModes(); // Windows files have ACLs, no mode to keep
        dev.gosetup.testing.HostOs.mode(zshrc, "rw-------");
        byte[] bashrcBefore = Files.readAllBytes(bashrc);
        byte[] profileBefore = Files.readAllBytes(profile);
        byte[] zshrcBefore = Files.readAllBytes(zshrc);
        EnvSetup setup = setup(home, "linux");
        Set<Shell> shells = EnumSet.of(Shell.BASH, Shell.ZSH, Shell.FISH);

        EnvSetup.Plan plan = setup.plan(spec(home), shells, Set.of());
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.effective()).extracting(c -> home.relativize(c.path()).toString()).containsExactlyInAnyOrder(
                ".config/gosetup/env.sh", ".config/gosetup/env.fish", ".bashrc", ".profile", ".zprofile", ".zshrc",
                ".config/fish/conf.d/gosetup.fish");
        assertThat(plan.diff()).contains("+++ b/.bashrc").contains("+" + BlockEditor.START).contains("--- /dev/null");
        assertThat(Files.readAllBytes(bashrc)).as("a plan writes nothing").isEqualTo(bashrcBefore);

        EnvSetup.Result applied = setup.apply(plan);
        assertThat(applied.backups()).hasSize(3); // .bashrc, .profile, .zshrc existed; .zprofile did not
        assertThat(Files.readString(home.resolve(".config/gosetup/env.sh"))).contains("export GOPROXY='https://goproxy.cn,direct'");
        if (modes) {
            assertThat(Files.getPosixFilePermissions(zshrc)).as("permissions kept").isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(setup.plan(spec(home), shells, Set.of()).effective()).as("applying again changes nothing").isEmpty();

        EnvSetup.Plan undo = setup.planUndo(shells);
        setup.apply(undo);
        assertThat(Files.readAllBytes(bashrc)).isEqualTo(bashrcBefore);
        assertThat(Files.readAllBytes(profile)).isEqualTo(profileBefore);
        assertThat(Files.readAllBytes(zshrc)).isEqualTo(zshrcBefore);
        assertThat(home.resolve(".zprofile")).as("we created it, so undo removes it").doesNotExist();
        assertThat(home.resolve(".config/fish/conf.d/gosetup.fish")).doesNotExist();
        assertThat(home.resolve(".config/gosetup/env.sh")).doesNotExist();
        assertThat(setup.plan(spec(home), shells, Set.of()).effective()).isNotEmpty();
    }

    @Test
    void undoDeletesTheFilesItCreatedUnlessTheUserWroteInThemSinceAndBacksNoneOfThemUp() throws IOException {
        Path home = home();
        EnvSetup setup = setup(home, "linux");
        Set<Shell> shells = EnumSet.of(Shell.BASH, Shell.ZSH);
        EnvSetup.Result applied = setup.apply(setup.plan(spec(home), shells, Set.of()));
        assertThat(applied.written()).extracting(p -> p.getFileName().toString()).contains(".bashrc", ".profile", ".zprofile", ".zshrc");
        assertThat(applied.backups()).isEmpty();
        Path zshrc = home.resolve(".zshrc");
        Files.writeString(zshrc, Files.readString(zshrc) + "alias g=git\n"); // the user's own line, after ours

        EnvSetup.Result undone = setup.apply(setup.planUndo(shells));
        assertThat(undone.backups()).as("a file gosetup created has nothing to back up").isEmpty();
        assertThat(Files.readString(zshrc)).as("only our block goes; the user's line stays").isEqualTo("alias g=git\n");
        for (String name : List.of(".bashrc", ".profile", ".zprofile")) {
            assertThat(home.resolve(name)).as(name).doesNotExist();
        }
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(".zshrc");
        }
    }

    @Test
    void symlinkedDotfilesAreWrittenThroughTheLinkWhichStaysALink() throws IOException {
        Path home = home();
        Path repo = copyFixture("zshrc__carmeloriolo_dotfiles__zsh_.zshrc", tmp.resolve("dotfiles/zsh/.zshrc"));
        byte[] before = Files.readAllBytes(repo);
        Files.createSymbolicLink(home.resolve(".zshrc"), repo);
        EnvSetup setup = setup(home, "mac");
        EnvSetup.Plan plan = setup.plan(spec(home), EnumSet.of(Shell.ZSH), Set.of());
        EnvSetup.FileChange zshrc = plan.effective().stream().filter(c -> c.path().endsWith(".zshrc")).findFirst().orElseThrow();
        assertThat(zshrc.before().viaLink()).isTrue();
        assertThat(zshrc.before().real()).isEqualTo(repo.toRealPath());
        setup.apply(plan);
        assertThat(Files.isSymbolicLink(home.resolve(".zshrc"))).isTrue();
        assertThat(Files.readString(repo)).contains(BlockEditor.START);
        setup.apply(setup.planUndo(EnumSet.of(Shell.ZSH)));
        assertThat(Files.isSymbolicLink(home.resolve(".zshrc"))).isTrue();
        assertThat(Files.readAllBytes(repo)).isEqualTo(before);
    }

    @Test
    void readOnlyFilesAndDanglingLinksAreRefusedAndNothingIsWritten() throws IOException {
        Path home = home();
        Path bashrc = Files.writeString(home.resolve(".bashrc"), "alias ll='ls -l'\n");
        Files.createDirectory(home.resolve(".profile"));
        Files.createSymbolicLink(home.resolve(".zshrc"), tmp.resolve("gone/.zshrc"));
        EnvSetup setup = setup(home, "linux");
        EnvSetup.Plan plan = setup.plan(spec(home), EnumSet.of(Shell.BASH, Shell.ZSH), Set.of());
        // a folder is no file at all: left alone, the others go ahead; a dangling link must be repaired first
        assertThat(plan.skipped()).singleElement().satisfies(u -> {
            assertThat(u.file()).isEqualTo(home.resolve(".profile"));
            assertThat(u.kind()).isEqualTo(StartupFiles.Kind.FOLDER);
        });
        assertThat(plan.problems()).extracting(p -> p.file().getFileName().toString()).containsExactly(".zshrc");
        assertThat(plan.problems()).extracting(EnvSetup.Problem::what).singleElement().satisfies(w -> {
            assertThat(w.key()).isEqualTo("startup.link.dangling");
            assertThat(w.args()).containsExactly(home.resolve(".zshrc"), tmp.resolve("gone/.zshrc"));
        });
        assertThatThrownBy(() -> setup.apply(plan)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().key()).isEqualTo("env.refused");
            assertThat(e.problem().args()).containsExactly(plan.problems().getFirst().what(), 0);
        });
        assertThat(Files.readString(bashrc)).isEqualTo("alias ll='ls -l'\n");
        assertThat(home.resolve(".config/gosetup/env.sh")).doesNotExist();

        if (!dev.gosetup.testing.HostOs.posixModes()) {
            return; // a read-only mode (0444) is POSIX; Windows' read-only is an ACL or attribute matter
        }
        Files.setPosixFilePermissions(bashrc, PosixFilePermissions.fromString("r--r--r--"));
        EnvSetup.Plan readOnly = setup.plan(spec(home), EnumSet.of(Shell.BASH), Set.of());
        if (!"root".equals(System.getProperty("user.name"))) { // root may write anything: the check is the OS's answer
            assertThat(readOnly.problems()).extracting(p -> p.what().key()).contains("startup.readOnly");
        }
    }

    @Test
    void aChangeByAnotherProgramBetweenPreviewAndApplyIsKept() throws IOException {
        Path home = home();
        Path bashrc = Files.writeString(home.resolve(".bashrc"), "alias ll='ls -l'\n");
        Files.writeString(home.resolve(".profile"), "# profile\n");
        EnvSetup setup = setup(home, "linux");
        EnvSetup.Plan plan = setup.plan(spec(home), EnumSet.of(Shell.BASH), Set.of());
        Files.writeString(bashrc, "alias ll='ls -l'\nexport EDITOR=nano\n"); // the user's editor saved meanwhile
        assertThatThrownBy(() -> setup.apply(plan)).isInstanceOfSatisfying(StartupFileException.class, e -> {
            assertThat(e.problem().key()).isEqualTo("startup.changedSincePreview");
            assertThat(e.problem().args()).containsExactly(bashrc);
        });
        assertThat(Files.readString(bashrc)).isEqualTo("alias ll='ls -l'\nexport EDITOR=nano\n");
    }

    @Test
    void damagedMarkersStopEverything() throws IOException {
        Path home = home();
        Files.writeString(home.resolve(".zshrc"), "x=1\n" + BlockEditor.START + "\n. ~/old\n");
        EnvSetup setup = setup(home, "mac");
        EnvSetup.Plan plan = setup.plan(spec(home), EnumSet.of(Shell.ZSH), Set.of());
        assertThat(plan.problems()).singleElement().satisfies(p -> {
            assertThat(p.what().key()).isEqualTo("startup.markers.damaged");
            assertThat(p.what().args()).containsExactly(home.resolve(".zshrc"), "2", BlockEditor.START, BlockEditor.END);
        });
    }

    @Test
    void conflictingGoLinesAreReportedAndCommentedOutOnlyWithConsent() throws IOException {
        Path home = home();
        Path zshrc = copyFixture("zshrc__carmeloriolo_dotfiles__zsh_.zshrc", home.resolve(".zshrc"));
        byte[] before = Files.readAllBytes(zshrc);
        Files.writeString(home.resolve(".zprofile"), """
                export GOROOT=/usr/local/go
                export PATH=$PATH:/usr/local/go/bin:$HOME/go/bin
                if [ -d /opt/go ]; then
                  export GOROOT=/opt/go
                fi
                eval "$(goenv init -)"
                . "$HOME/.asdf/asdf.sh"
                """);
        byte[] zprofileBefore = Files.readAllBytes(home.resolve(".zprofile"));
        EnvSetup setup = setup(home, "mac");
        EnvSetup.Plan plan = setup.plan(spec(home), EnumSet.of(Shell.ZSH), Set.of());
        List<Conflict> found = plan.conflicts().stream().filter(c -> c.file().endsWith(".zprofile")).toList();
        assertThat(found).extracting(Conflict::kind).containsExactly(Conflict.Kind.GOROOT, Conflict.Kind.GO_ON_PATH,
                Conflict.Kind.GOROOT, Conflict.Kind.GO_VERSION_MANAGER, Conflict.Kind.TOOL_MANAGER);
        assertThat(found).extracting(Conflict::canDisable).containsExactly(true, true, false, true, false);
        assertThat(plan.conflicts().stream().filter(c -> c.file().endsWith(".zshrc"))).isNotEmpty(); // its GOPATH lines

        Set<Conflict> consent = Set.copyOf(found.stream().filter(Conflict::canDisable).toList());
        setup.apply(setup.plan(spec(home), EnumSet.of(Shell.ZSH), consent));
        String after = Files.readString(home.resolve(".zprofile"));
        assertThat(after).contains(BlockEditor.OFF + "export GOROOT=/usr/local/go\n").contains("  export GOROOT=/opt/go\n")
                .contains(BlockEditor.OFF + "eval \"$(goenv init -)\"").contains("\n. \"$HOME/.asdf/asdf.sh\"");
        setup.apply(setup.planUndo(EnumSet.of(Shell.ZSH)));
        assertThat(Files.readAllBytes(home.resolve(".zprofile"))).isEqualTo(zprofileBefore);
        assertThat(Files.readAllBytes(zshrc)).isEqualTo(before);
    }

    @Test
    void macBashUsesBashProfileAndLinuxBashUsesBashProfileWhenItExists() throws IOException {
        Path home = home();
        // A new Mac account has none of them: .profile, as on Linux; one that has a .profile keeps it working.
        assertThat(new ShellFiles("mac", home, Map.of(), null).targets(Shell.BASH)).extracting(t -> t.path().getFileName().toString())
                .containsExactly(".profile");
        Files.writeString(home.resolve(".bash_login"), "export EDITOR=vi\n");
        assertThat(new ShellFiles("mac", home, Map.of(), null).targets(Shell.BASH)).extracting(t -> t.path().getFileName().toString())
                .containsExactly(".bash_login");
        Files.delete(home.resolve(".bash_login"));
        assertThat(new ShellFiles("linux", home, Map.of(), null).targets(Shell.BASH)).extracting(t -> t.path().getFileName().toString())
                .containsExactly(".bashrc", ".profile");
        Files.writeString(home.resolve(".bash_profile"), "[ -f ~/.bashrc ] && . ~/.bashrc\n");
        assertThat(new ShellFiles("linux", home, Map.of(), null).targets(Shell.BASH)).extracting(t -> t.path().getFileName().toString())
                .containsExactly(".bashrc", ".bash_profile");
        assertThat(new ShellFiles("mac", home, Map.of(), null).targets(Shell.BASH)).extracting(t -> t.path().getFileName().toString())
                .containsExactly(".bash_profile");
        Path zdot = Files.createDirectories(tmp.resolve("zdot"));
        assertThat(new ShellFiles("mac", home, Map.of("ZDOTDIR", zdot.toString()), null).targets(Shell.ZSH))
                .allSatisfy(t -> assertThat(t.path().getParent()).isEqualTo(zdot));
    }

    @Test
    void envScriptsQuoteWhatShellsWouldExpand() {
        Path home = Path.of("/home/张三");
        EnvSpec odd = new EnvSpec(home, Path.of("/opt/my \"go\"/$x/go"), home.resolve("go work"), true,
                Map.of("GOPRIVATE", "*.corp.example.com,github.com/it's-us"));
        String sh = EnvScripts.sh(odd);
        assertThat(sh).contains("export GOPATH=\"$HOME/go work\"").contains("export GOROOT=\"/opt/my \\\"go\\\"/\\$x/go\"")
                .contains("export GOPRIVATE='*.corp.example.com,github.com/it'\\''s-us'");
        assertThat(EnvScripts.powershell(odd)).contains("$env:GOPRIVATE = '*.corp.example.com,github.com/it''s-us'");
        assertThat(EnvScripts.fish(odd)).contains("set -gx GOPRIVATE '*.corp.example.com,github.com/it\\'s-us'");
        assertThat(EnvScripts.sh(new EnvSpec(home, home.resolve("sdk/go"), home.resolve("go"), false, Map.of())))
                .contains("# export GOROOT=\"$HOME/sdk/go\"").contains(EnvScripts.GOROOT_REASON);
        assertThat(new String(EnvScripts.sh(odd).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(sh);
    }
}
