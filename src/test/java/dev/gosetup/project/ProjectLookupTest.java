package dev.gosetup.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.install.ActiveLink;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * For a real home: the go a new terminal starts (gosetup's env block in .bashrc), its VERSION and go.env, and the
 * go1.X.Y commands on PATH only when the env script puts ~/sdk/bin there. An env script written before the commands
 * existed does not: go cannot find them, and the report says to run `gosetup env --apply` instead of pretending.
 */
class ProjectLookupTest {
    @TempDir
    Path tmp;

    private static void fakeGo(Path sdk, String version) throws Exception {
        Path bin = Files.createDirectories(sdk.resolve("go" + version + "/bin"));
        dev.gosetup.testing.HostOs.mode(Files.writeString(bin.resolve("go"), "#!/bin/sh\n"), "rwxr-xr-x"); // looked at, never run
        Files.writeString(bin.resolveSibling("VERSION"), "go" + version + "\ntime 2025-01-31T18:38:03Z\n");
        Files.writeString(bin.resolveSibling("go.env"), "GOTOOLCHAIN=auto\n");
        Files.createFile(bin.resolveSibling(SdkRoot.MARKER));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "expects the POSIX go1.X.Y command (a symbolic link ~/sdk/bin/go1.22.12) and bash's env.sh; on Windows the command is go1.22.12.cmd")
    @Test
    void theCommandsCountOnlyWhenTheEnvScriptPutsThemOnPath() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("alex"));
        Path sdk = home.resolve("sdk");
        fakeGo(sdk, "1.21.13");
        fakeGo(sdk, "1.22.12");
        SdkRoot root = new SdkRoot(sdk, new ActiveLink.Symlink());
        root.activate(dev.gosetup.release.GoVersion.parse("go1.21.13").orElseThrow());
        root.syncCommands();
        Files.writeString(home.resolve(".bashrc"), "# ~/.bashrc\n");
        ShellSources shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"), sdk, Shell.BASH);
        var setup = shells.setup();
        setup.apply(setup.plan(shells.spec(Settings.defaults()), Set.of(Shell.BASH), Set.of()));
        Path project = Files.createDirectories(home.resolve("src/payments"));
        Files.writeString(project.resolve("go.mod"), "module example.com/payments\n\ngo 1.22.12\n");

        ProjectReport now = ProjectLookup.of(shells, Settings.defaults(), Map.of("PATH", "/usr/bin:/bin")).report(project);
        assertThat(now.start()).hasValueSatisfying(s -> assertThat(s.version()).isEqualTo("1.21.13"));
        assertThat(now.gotoolchain().where()).isEqualTo(Gotoolchain.Where.GOROOT_GO_ENV);
        assertThat(now.outcome().result()).isEqualTo(ProjectReport.Result.SWITCH_FROM_PATH);
        assertThat(now.outcome().runs()).isEqualTo(sdk.resolve("bin/go1.22.12"));
        assertThat(now.advice()).isNull();

        // The script as an older gosetup wrote it: no ~/sdk/bin.
        Path script = home.resolve(".config/gosetup/env.sh");
        String old = Files.readString(script).lines().filter(l -> !l.contains("\"$HOME/sdk/bin\"")).reduce("", (a, l) -> a + l + "\n");
        Files.writeString(script, old);
        ProjectReport before = ProjectLookup.of(shells, Settings.defaults(), Map.of("PATH", "/usr/bin:/bin")).report(project);
        assertThat(before.outcome().result()).isEqualTo(ProjectReport.Result.DOWNLOAD);
        assertThat(before.advice()).isEqualTo("project.advice.envOutdated");
    }

    /**
     * The per-folder Go as the report tells it: on Linux and macOS with pwsh as the login shell, env.ps1's hook (the
     * PowerShell form) is recognised as on; on Windows, where the report is about cmd and the user environment, the
     * hook in env.ps1 is on in PowerShell only, and GOTOOLCHAIN is not said to come from it.
     */
    @Test
    void thePowerShellHookCountsForPwshLoginsAndOnlyForPowerShellOnWindows() throws Exception {
        Settings on = Settings.defaults().withFolderVersions(true);
        for (String os : java.util.List.of("linux", "windows")) {
            Path home = Files.createDirectories(tmp.resolve(os + "/kim"));
            Path sdk = home.resolve("sdk");
            fakeGo(sdk, "1.22.12");
            Path project = Files.createDirectories(home.resolve("src/tool"));
            Files.writeString(project.resolve(".go-version"), "1.22.12\n");
            ShellSources shells = new ShellSources(new ShellFiles(os, home, Map.of(), null), home, home.resolve(".config/gosetup"), sdk,
                    os.equals("windows") ? null : Shell.PWSH);
            Map<String, String> env = os.equals("windows") ? Map.of("Path", "C:\\Windows\\System32") : Map.of("PATH", "/usr/bin:/bin");
            assertThat(ProjectLookup.of(shells, on, env).report(project).folderHook()).as(os + ": chosen, not written yet")
                    .isEqualTo(ProjectReport.FolderHook.OFF);

            var setup = shells.setup();
            setup.apply(setup.plan(shells.spec(on), Set.of(Shell.PWSH), Set.of()));
            assertThat(Files.readString(home.resolve(".config/gosetup/env.ps1"))).contains("__gosetup_folder_go");
            ProjectReport written = ProjectLookup.of(shells, on, env).report(project);
            if (os.equals("windows")) {
                assertThat(written.folderHook()).isEqualTo(ProjectReport.FolderHook.POWERSHELL_ONLY);
                assertThat(written.gotoolchain().where()).isNotEqualTo(Gotoolchain.Where.FOLDER_HOOK);
            } else {
                assertThat(written.folderHook()).isEqualTo(ProjectReport.FolderHook.ON);
                assertThat(written.gotoolchain().value()).isEqualTo("go1.22.12+path");
                assertThat(written.gotoolchain().where()).isEqualTo(Gotoolchain.Where.FOLDER_HOOK);
            }
        }
    }
}
