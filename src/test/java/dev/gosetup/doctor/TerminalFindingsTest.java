package dev.gosetup.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.doctor.Finding.Status;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.inventory.GoInstall;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.Source;
import dev.gosetup.shell.Conflict;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.StartupOrder.Start;
import dev.gosetup.shell.terminal.Defeat;
import dev.gosetup.shell.terminal.TerminalCheck;
import dev.gosetup.shell.terminal.TerminalReport;
import dev.gosetup.shell.terminal.Verdict;
import dev.gosetup.testing.SnapshotBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health check judged by what a new terminal runs: never "no go on PATH" when new terminals are fine
 * (this process only started before the change), one finding per shell, and the line that undid our block
 * with the fix that places the block below it.
 */
class TerminalFindingsTest {
    @TempDir
    Path tmp;
    Path home;
    Path chosenRoot;
    HostInfo linux;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        chosenRoot = Files.createDirectories(home.resolve("sdk/go1.22.5/bin"));
        Files.writeString(chosenRoot.resolve("go"), "");
        Files.createSymbolicLink(home.resolve("sdk/go"), Path.of("go1.22.5"));
        chosenRoot = chosenRoot.getParent();
        linux = new HostDetector().detect(new SnapshotHostSource(SnapshotBuilder.linux("x86_64").writeTo(tmp.resolve("host"))));
    }

    TerminalCheck check(Shell shell, Start start, Verdict verdict, List<Defeat> defeats) {
        boolean ours = verdict == Verdict.OURS;
        return new TerminalCheck(shell, start, shell.id + (start == Start.TAB ? " -i" : " -l -i"), "/usr/bin/" + shell.id, verdict,
                ours ? home + "/sdk/go/bin/go" : "", ours ? "go1.22.5" : "", "", "", "", ours ? home + "/sdk/go/bin:" + home + "/go/bin:/usr/bin" : "/usr/bin:/bin",
                "", Duration.ofMillis(120), home.resolve("sdk/go/bin/go"), true, defeats);
    }

    /** This process: started before `env --apply`, so its PATH has no go at all. */
    DoctorInput staleProcess(TerminalReport report) {
        InventoryEntry chosen = new InventoryEntry(new GoInstall(chosenRoot, "go1.22.5", List.of("linux-amd64"), Source.SDK, null),
                -1, false, null, true, -1, List.of());
        return new DoctorInput(Map.of("PATH", "/usr/bin:/bin"), List.of(chosen), linux, home, home.resolve("sdk"), Map.of(), null, Map.of(),
                "/usr/bin/cc", "linux", false).withTerminals(report);
    }

    static Finding find(List<Finding> all, String id) {
        return all.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void whenNewTerminalsAreFineAStaleProcessIsSaidPlainlyNotNoGoOnPath() {
        TerminalReport fine = new TerminalReport(List.of(check(Shell.BASH, Start.LOGIN, Verdict.OURS, List.of()),
                check(Shell.BASH, Start.TAB, Verdict.OURS, List.of()), check(Shell.FISH, Start.LOGIN, Verdict.SHELL_MISSING, List.of())),
                Duration.ofMillis(130));
        List<Finding> all = Checks.run(staleProcess(fine));
        Finding goOnPath = find(all, "go-on-path");
        assertThat(goOnPath.status()).isEqualTo(Status.OK);
        assertThat(goOnPath.key()).isEqualTo("doctor.staleProcess.ok");
        assertThat(find(all, "path-order").status()).isEqualTo(Status.OK);
        assertThat(find(all, "gopath-bin").status()).as("the PATH new terminals have").isEqualTo(Status.OK);
        assertThat(all).noneMatch(f -> f.status() == Status.FAIL);
        Finding bash = find(all, "new-terminal-bash");
        assertThat(bash.key()).isEqualTo("doctor.newTerminal.ok");
        Messages en = Messages.of(Language.fromTag("en"));
        assertThat(en.get(bash.key() + ".title", bash.args().toArray())).isEqualTo("bash -l -i: new terminals will run go1.22.5 from ~/sdk/go/bin");
        assertThat(en.get(goOnPath.key() + ".title")).isEqualTo("This process started before the change; new terminals are fine");
        assertThat(find(all, "new-terminal-bash-tab").status()).isEqualTo(Status.OK);
        assertThat(find(all, "new-terminal-fish").key()).isEqualTo("doctor.newTerminal.missing.ok");

        // Without asking the shells, the same machine reads as a failure: the bug this fixes.
        assertThat(find(Checks.run(staleProcess(TerminalReport.NONE)), "go-on-path").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aLineThatUndoesOurBlockIsAFindingOfItsOwnWithTheFixThatPlacesTheBlockBelowIt() {
        Defeat reset = new Defeat(Shell.BASH, Start.TAB, home.resolve(".bashrc"), 117, "export PATH=/usr/bin:/bin", Conflict.Kind.PATH_RESET,
                true, true);
        TerminalReport broken = new TerminalReport(List.of(check(Shell.BASH, Start.LOGIN, Verdict.OURS, List.of()),
                check(Shell.BASH, Start.TAB, Verdict.NO_GO, List.of(reset))), Duration.ofMillis(90));
        List<Finding> all = Checks.run(staleProcess(broken));
        Finding tab = find(all, "new-terminal-bash-tab");
        assertThat(tab.status()).isEqualTo(Status.FAIL);
        assertThat(tab.key()).isEqualTo("doctor.newTerminal.noGo");
        Finding undone = find(all, "path-undone-bash-tab");
        assertThat(undone.fix()).isEqualTo(Finding.Fix.PLACE_BLOCK_AFTER);
        Messages en = Messages.of(Language.fromTag("en"));
        assertThat(en.get(undone.key() + ".title", undone.args().toArray())).isEqualTo("~/.bashrc line 118 sets PATH from scratch after the gosetup block");
        assertThat(en.get(undone.key() + ".detail", undone.args().toArray())).contains("export PATH=/usr/bin:/bin").contains("bash -i");
        Messages zh = Messages.of(Language.fromTag("zh-CN"));
        assertThat(zh.get(undone.key() + ".title", undone.args().toArray())).isEqualTo("~/.bashrc 第 118 行在 gosetup 配置块之后从头设置了 PATH");
        assertThat(find(all, "go-on-path").key()).as("the failing shell's own finding says it; not \"no go on PATH\"")
                .isEqualTo("doctor.staleProcess.partly.ok");
    }

    @Test
    void everyNewKeyHasItsWordsInBothLanguages() {
        Messages en = Messages.of(Language.fromTag("en"));
        Messages zh = Messages.of(Language.fromTag("zh-CN"));
        for (String k : List.of("doctor.newTerminal.ok", "doctor.newTerminal.missing.ok", "doctor.newTerminal.other.ok",
                "doctor.newTerminal.otherGo", "doctor.newTerminal.noGo", "doctor.newTerminal.timedOut", "doctor.newTerminal.failed",
                "doctor.pathUndone.reset", "doctor.pathUndone.goFirst", "doctor.pathUndone.manager", "doctor.staleProcess.ok", "doctor.staleProcess.partly.ok",
                "doctor.pathOrder.newTerminals.ok")) {
            for (String part : new String[] {".title", ".detail"}) {
                assertThat(en.has(k + part)).as(k + part).isTrue();
                assertThat(zh.get(k + part)).as(k + part).isNotEqualTo(en.get(k + part));
            }
        }
    }

    /** gosetup could not start the shell (a startup file is a FIFO): said as what happened, in the reader's language. */
    @Test
    void aShellThatCouldNotBeStartedIsSaidInTheReadersLanguage() {
        Path fifo = home.resolve(".bashrc");
        dev.gosetup.i18n.Problem why = new dev.gosetup.shell.StartupFiles.Unusable(fifo, fifo, dev.gosetup.shell.StartupFiles.Kind.FIFO, 0)
                .problem();
        TerminalCheck c = new TerminalCheck(Shell.BASH, Start.TAB, "bash -i", "/usr/bin/bash", Verdict.FAILED, "", "", "", "", "", "",
                why.english(), Duration.ofMillis(3), home.resolve("sdk/go/bin/go"), true, List.of(), why);
        Finding f = find(Checks.run(staleProcess(new TerminalReport(List.of(c), Duration.ofMillis(3)))), "new-terminal-bash-tab");
        assertThat(f.key()).isEqualTo("doctor.newTerminal.notRun");
        assertThat(f.args().get(6)).isEqualTo(why);
        Messages zh = Messages.of(Language.fromTag("zh-CN"));
        assertThat(zh.get(f.key() + ".title", f.args().toArray())).isEqualTo("bash -i：未检查，无法启动该 shell");
        assertThat(zh.get(f.key() + ".detail", f.args().toArray())).startsWith(fifo + " 是命名管道（FIFO）").doesNotContain("named pipe");
    }

    /** A go found where gosetup put it that gave no version: the sentence says "go", with no gap where the version was. */
    @Test
    void aGoWithoutAVersionIsStillNamed() {
        TerminalCheck c = new TerminalCheck(Shell.BASH, Start.LOGIN, "bash -l -i", "/usr/bin/bash", Verdict.OURS, home + "/sdk/go/bin/go", "",
                "", "", "", home + "/sdk/go/bin:/usr/bin", "", Duration.ofMillis(120), home.resolve("sdk/go/bin/go"), true, List.of());
        Finding f = TerminalFindings.verdict(c, home);
        String title = dev.gosetup.i18n.Messages.of(dev.gosetup.i18n.Language.ENGLISH).get(f.key() + ".title", f.args().toArray());
        assertThat(title).isEqualTo("bash -l -i: new terminals will run go from ~/sdk/go/bin");
    }
}
