package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.shell.BlockEditor;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.terminal.NewTerminal;
import dev.gosetup.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * `env --apply` ends with what a new terminal runs, asked of the real shells; `doctor` judges PATH by it,
 * names the line that undoes our block, and `doctor --fix` places the block below it and checks again.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "starts Debian's bash, zsh and fish (installed by .ci/run) as new terminals, with a sh-script go; macOS runners have no fish, Windows none of them")
@Timeout(120)
class NewTerminalCliTest {
    @TempDir
    Path tmp;
    Path home;

    @BeforeEach
    void home() throws Exception {
        for (String shell : List.of("bash", "zsh", "fish")) {
            boolean found = NewTerminal.executable(Shell.parse(shell).orElseThrow(), null, "/usr/local/bin:/usr/bin:/bin") != null;
            if (!found && System.getenv("CI") != null) {
                throw new AssertionError(shell + " is not installed; .ci/run installs it");
            }
            Assumptions.assumeTrue(found, shell + " is not installed here");
        }
        home = Files.createDirectories(tmp.resolve("home"));
        Files.copy(Fixtures.root().resolve("rcfiles/bashrc__linuxmint_bash__debian_skel.bashrc"), home.resolve(".bashrc"));
        Files.copy(Fixtures.root().resolve("rcfiles/profile__linuxmint_bash__debian_skel.profile"), home.resolve(".profile"));
        Files.writeString(home.resolve(".zshrc"), "setopt autocd\n");
        Files.createDirectories(home.resolve(".config/fish"));
        // What `gosetup install` leaves: the version's folder and the active link.
        Path go = Files.createDirectories(home.resolve("sdk/go1.22.5/bin")).resolve("go");
        Files.writeString(home.resolve("sdk/go1.22.5/VERSION"), "go1.22.5\n");
        Files.writeString(go, "#!/bin/sh\ncase \"$1\" in version) echo go version go1.22.5 linux/amd64 ;; env) echo " + home.resolve("sdk/go1.22.5")
                + "; echo \"${GOPATH:-$HOME/go}\" ;; esac\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(home.resolve("sdk/go"), Path.of("go1.22.5"));
    }

    CliResult run(String... args) {
        return CliResult.run(tmp, args);
    }

    @Test
    void applyEndsWithWhatEachNewTerminalRuns() throws Exception {
        CliResult apply = run("env", "--home", home.toString(), "--apply", "--yes");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Backup: " + home.resolve(".bashrc.gosetup-backup-"))
                .contains("What a new terminal runs now (checked by starting your shells")
                .contains("ok    bash -l -i: new terminals will run go1.22.5 from ~/sdk/go/bin")
                .contains("ok    bash -i: new terminals will run go1.22.5 from ~/sdk/go/bin")
                .contains("ok    zsh -l -i: new terminals will run go1.22.5 from ~/sdk/go/bin")
                .contains("ok    fish -l -i: new terminals will run go1.22.5 from ~/sdk/go/bin")
                .endsWith("Done. Open a new terminal and run go version: it will say go1.22.5.\n");

        CliResult again = run("env", "--home", home.toString(), "--apply", "--yes");
        assertThat(again.out()).as("coming back: the current state, checked again").contains("already set up")
                .contains("ok    fish -l -i: new terminals will run go1.22.5 from ~/sdk/go/bin").contains("it will say go1.22.5");

        CliResult json = run("env", "--home", home.toString(), "--gopath", home.resolve("work").toString(), "--apply", "--yes", "--json");
        JsonNode terminals = new ObjectMapper().readTree(json.out()).get("newTerminals");
        assertThat(terminals).hasSize(4);
        assertThat(terminals.findValuesAsText("verdict")).containsOnly("ours");
        assertThat(terminals.findValuesAsText("gopath")).containsOnly(home.resolve("work").toString());

        CliResult zh = run("--lang", "zh-CN", "env", "--home", home.toString(), "--gopath", home.resolve("go").toString(), "--apply", "--yes");
        assertThat(zh.out()).contains("bash -l -i：新终端将运行 ~/sdk/go/bin 中的 go1.22.5").contains("它会显示 go1.22.5");

        CliResult quiet = run("env", "--home", home.toString(), "--gopath", home.resolve("work").toString(), "--apply", "--yes", "--no-probe");
        assertThat(quiet.out()).doesNotContain("new terminal runs").contains("Open a new terminal and run: go version");
    }

    @Test
    void doctorNamesTheLineThatUndoesTheBlockAndTheFixPlacesItBelowAndChecksAgain() throws Exception {
        assertThat(run("env", "--home", home.toString(), "--apply", "--yes").exitCode()).isZero();
        CliResult fine = run("doctor", "--home", home.toString(), "--offline");
        assertThat(fine.out()).contains("This process started before the change; new terminals are fine")
                .doesNotContain("There is no go on PATH");

        Path bashrc = home.resolve(".bashrc");
        Files.writeString(bashrc, "export PATH=/usr/bin:/bin\n", StandardOpenOption.APPEND);
        int line = Files.readAllLines(bashrc).size();
        CliResult json = run("doctor", "--home", home.toString(), "--offline", "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode findings = new ObjectMapper().readTree(json.out());
        JsonNode tab = null;
        JsonNode undone = null;
        for (JsonNode f : findings) {
            if (f.get("id").asText().equals("new-terminal-bash-tab")) {
                tab = f;
            } else if (f.get("id").asText().equals("path-undone-bash-tab")) {
                undone = f;
            }
        }
        assertThat(tab.get("status").asText()).isEqualTo("fail");
        assertThat(tab.get("terminal").get("verdict").asText()).isEqualTo("no_go");
        assertThat(tab.get("terminal").get("path").asText()).isEqualTo("/usr/bin:/bin");
        assertThat(undone.get("title").asText()).isEqualTo("~/.bashrc line " + line + " sets PATH from scratch after the gosetup block");
        assertThat(undone.get("terminal").get("undoneBy").get(0).get("line").asInt()).isEqualTo(line);
        assertThat(undone.get("fix").asText()).contains("right below the line");

        CliResult fixed = run("doctor", "--home", home.toString(), "--offline", "--fix", "--yes");
        assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains("Wrote " + bashrc).contains("Checked again with new terminals")
                .contains("ok    bash -i: new terminals will run go1.22.5 from ~/sdk/go/bin");
        List<String> lines = Files.readAllLines(bashrc);
        assertThat(lines.get(lines.indexOf("export PATH=/usr/bin:/bin") + 1)).isEqualTo(BlockEditor.START);
        assertThat(run("doctor", "--home", home.toString(), "--offline").out()).doesNotContain("FAIL");

        assertThat(run("env", "--home", home.toString(), "--shell", "bash", "--undo", "--yes").exitCode()).isZero();
        assertThat(Files.readString(bashrc)).doesNotContain("gosetup").endsWith("fi\nexport PATH=/usr/bin:/bin\n");
    }

    @Test
    void aBadProbeTimeoutIsRefusedBeforeAnythingIsWritten() {
        CliResult bad = run("env", "--home", home.toString(), "--apply", "--yes", "--probe-timeout", "0");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--probe-timeout");
        assertThat(home.resolve(".config/gosetup")).doesNotExist();
    }
}
