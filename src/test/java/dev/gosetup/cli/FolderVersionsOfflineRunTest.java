package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.MultiGoMirror;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.testing.Shells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-in per-folder Go, for real: real Go builds installed by gosetup, the env applied with
 * --folder-versions for bash, zsh and fish, and projects that name their Go only in .go-version or
 * .tool-versions. New terminals opened in them run that verified Go offline (go's own switching, from the
 * GOTOOLCHAIN the hook sets), `gosetup project` predicts exactly that, and a version that is not installed is
 * refused with go's own message, never downloaded.
 */
@RunsLinuxAmd64Go
@Timeout(600)
class FolderVersionsOfflineRunTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void versionFilesChooseTheGoOfNewTerminalsOnlyWhenAskedFor() throws Exception {
        List<String> shells = List.of("bash", "zsh", "fish");
        shells.forEach(Shells::require);
        Path mirror = MultiGoMirror.dir();
        String catalog = mirror.resolve("dl.json").toString();
        Path home = Files.createDirectories(tmp.resolve("mei"));
        for (String v : List.of("1.21.13", "1.22.12")) { // the first install is the active one
            CliResult install = CliResult.run(tmp, "install", v, "--catalog", catalog, "--home", home.toString(), "--platform", "linux-amd64");
            assertThat(install.exitCode()).as(install.err()).isZero();
        }
        CliResult env = CliResult.run(tmp, "env", "--home", home.toString(), "--shell", "bash,zsh,fish", "--apply", "--yes");
        assertThat(env.exitCode()).as(env.err()).isZero();

        Path tool = Files.createDirectories(home.resolve("src/tool"));
        Files.writeString(tool.resolve(".go-version"), "1.22\n"); // goenv style: the newest installed 1.22 patch
        JsonNode off = json(CliResult.run(tmp, "project", tool.toString(), "--home", home.toString(), "--json"));
        assertThat(off.at("/folderHook").asText()).isEqualTo("off");
        assertThat(off.at("/runs/result").asText()).isEqualTo("local");
        CliResult offText = CliResult.run(tmp, "project", tool.toString(), "--home", home.toString());
        assertThat(offText.out()).contains("per-folder Go is off").contains("gosetup env --folder-versions --apply");
        assertThat(Shells.newTerminalIn(home, tool, "bash", "GOPROXY=off go version")).as("off: nothing changes")
                .contains("go version go1.21.13 linux/amd64");

        CliResult on = CliResult.run(tmp, "env", "--home", home.toString(), "--shell", "bash,zsh,fish", "--folder-versions", "--apply", "--yes");
        assertThat(on.exitCode()).as(on.err()).isZero();
        assertThat(on.err()).contains("bash, zsh, fish and PowerShell");
        JsonNode report = json(CliResult.run(tmp, "project", tool.toString(), "--home", home.toString(), "--json"));
        assertThat(report.at("/folderHook").asText()).isEqualTo("on");
        assertThat(report.at("/gotoolchain/from").asText()).isEqualTo("folder_hook");
        assertThat(report.at("/gotoolchain/value").asText()).isEqualTo("go1.22.12+path");
        assertThat(report.at("/runs/result").asText()).isEqualTo("switch_from_path");
        assertThat(report.at("/runs/toolchain").asText()).isEqualTo("go1.22.12");
        for (String shell : shells) {
            assertThat(Shells.newTerminalIn(home, tool, shell, "GOPROXY=off go version"))
                    .as(shell + ": the project's Go, verified, offline").contains("go version go1.22.12 linux/amd64");
            assertThat(Shells.newTerminal(home, shell, "GOPROXY=off go version")).as(shell + ": elsewhere the active one")
                    .contains("go version go1.21.13 linux/amd64");
        }

        // asdf's file naming a version that is not installed: refused with go's own words, not downloaded
        Path legacy = Files.createDirectories(home.resolve("src/legacy"));
        Files.writeString(legacy.resolve(".tool-versions"), "nodejs 20.11.0\ngolang 1.23.5\n");
        JsonNode refused = json(CliResult.run(tmp, "project", legacy.toString(), "--home", home.toString(), "--json"));
        assertThat(refused.at("/runs/result").asText()).isEqualTo("refused");
        String goSays = refused.at("/runs/goMessage").asText();
        assertThat(goSays).isEqualTo("go: cannot find \"go1.23.5\" in PATH");
        assertThat(Shells.newTerminalIn(home, legacy, "zsh", "GOPROXY=off go version; echo exit=$?")).contains(goSays).contains("exit=1");

        // a go.mod decides by itself: the hook stays out of it
        Path module = Files.createDirectories(home.resolve("src/module"));
        Files.writeString(module.resolve("go.mod"), "module example.com/m\n\ngo 1.21.13\n");
        Files.writeString(module.resolve(".go-version"), "1.22.12\n");
        assertThat(Shells.newTerminalIn(home, module, "fish", "GOPROXY=off go version")).contains("go version go1.21.13 linux/amd64");

        // turned off again: the scripts lose the hook, and the projects say so
        CliResult offAgain = CliResult.run(tmp, "env", "--home", home.toString(), "--shell", "bash,zsh,fish", "--no-folder-versions", "--apply", "--yes");
        assertThat(offAgain.exitCode()).as(offAgain.err()).isZero();
        assertThat(Files.readString(home.resolve(".config/gosetup/env.sh"))).doesNotContain("_gosetup_folder_go");
        assertThat(Shells.newTerminalIn(home, tool, "bash", "GOPROXY=off go version")).contains("go version go1.21.13 linux/amd64");
    }

    private static JsonNode json(CliResult r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }
}
