package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.testing.Shells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole promise on a real macOS or Linux arm64 machine with the internet (the platform runners of
 * .github/workflows/platforms.yml set GOSETUP_REAL_RUNNER=1): gosetup installs the newest Go for this CPU from
 * go.dev, verified, writes the environment for the shells the machine has — on macOS the real zsh and Apple's
 * bash 3.2, pwsh where the runner has it — and a new login shell of each runs that Go. Skipped elsewhere (no
 * network here): ProjectOfflineRunTest and FolderVersionsOfflineRunTest do the same offline with real Go builds.
 */
@Tag("real-os")
@Timeout(900)
@EnabledIfEnvironmentVariable(named = "GOSETUP_REAL_RUNNER", matches = "1")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "a new login shell (bash -l, zsh -l) is macOS and Linux; Windows runs its own: RealWindowsEnvironmentTest, RealPwshFolderGoTest")
class RealLoginShellTest {
    @TempDir
    Path tmp;

    @Test
    void aNewLoginShellOfEachShellRunsTheGoJustInstalled() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("newhire"));
        CliResult install = CliResult.run(tmp, "install", "--home", home.toString(), "--yes", "--json");
        assertThat(install.exitCode()).as(install.err()).isZero();
        String version = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(install.out()).at("/version").asText();
        assertThat(version).startsWith("go1.");

        List<String> shells = new ArrayList<>(List.of("bash", "zsh"));
        if (Files.isExecutable(Path.of("/usr/local/bin/pwsh")) || Files.isExecutable(Path.of("/usr/bin/pwsh"))
                || Files.isExecutable(Path.of("/opt/homebrew/bin/pwsh"))) {
            shells.add("pwsh");
        }
        CliResult env = CliResult.run(tmp, "env", "--home", home.toString(), "--shell", String.join(",", shells), "--apply", "--yes");
        assertThat(env.exitCode()).as(env.err()).isZero();
        String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "arm64" : "amd64";
        List<String> terminals = new ArrayList<>(shells);
        if (System.getProperty("os.name").startsWith("Mac")) {
            terminals.add("/bin/bash"); // Apple's bash 3.2, whatever bash comes first on the runner's PATH
        }
        for (String shell : terminals) {
            String out = shell.equals("pwsh") ? Shells.newPwsh(home, "go version") : Shells.newTerminal(home, shell, "go version");
            assertThat(out).as(shell).contains("go version " + version + " ").contains("/" + arch);
        }
    }
}
