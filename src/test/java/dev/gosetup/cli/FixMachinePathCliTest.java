package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.shell.Elevation;
import dev.gosetup.shell.ElevationDeclined;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.MachinePathFix;
import dev.gosetup.shell.UserEnvironment;
import dev.gosetup.shell.WindowsEnvEditor;
import dev.gosetup.shell.WindowsUserEnvironment;
import dev.gosetup.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosetup env [--apply] --fix-machine-path}: for Windows only (a usage error elsewhere), the change shown first,
 * never asked for without a terminal, and "fixed" only when the machine Path read again says so. On this Linux
 * machine the Windows side is a registry seam holding the Go MSI's real machine Path (ddkwork capture) and an
 * elevation seam that plays the elevated gosetup.
 */
class FixMachinePathCliTest {
    private static final String MSI_GO = "C:\\Program Files\\Go\\bin";

    @TempDir
    Path tmp;
    Path home;
    dev.gosetup.testing.MapRegistry machine;
    String machineBefore;
    int elevations;

    @BeforeEach
    void windowsSeams() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        machineBefore = Files.readString(Fixtures.platform().resolve("windows_path_value_program-files-go_ddkwork.txt")).strip();
        machine = dev.gosetup.testing.MapRegistry.machine();
        machine.set("Path", new UserEnvironment.Value(machineBefore, true));
    }

    @AfterEach
    void realSource() {
        FixMachinePath.source = dev.gosetup.shell.sources.ShellSources::machinePathFix;
    }

    /** Windows, as far as the fix can tell: the seams, with the elevated child doing what `env --apply --system` does. */
    private void onWindows(Elevation elevation) {
        Function<String, Optional<String>> vars = WindowsEnvEditor.lookupIn(Map.of("USERPROFILE", home.toString()));
        FixMachinePath.source = where -> {
            dev.gosetup.testing.MapRegistry user = dev.gosetup.testing.MapRegistry.user();
            WindowsUserEnvironment windows = new WindowsUserEnvironment(user, machine, new WindowsEnvEditor(vars), tmp.resolve("u"));
            WindowsUserEnvironment machineScope = WindowsUserEnvironment.machine(machine, new WindowsEnvEditor(vars), tmp.resolve("m"));
            return Optional.of(new MachinePathFix(windows, machineScope,
                    plan -> windows.check(plan, machine, vars, MSI_GO::equalsIgnoreCase), where.sdkRoot(),
                    Optional.of(tmp.resolve("gosetup.exe")), elevation));
        };
    }

    private Elevation child() {
        return (program, arguments) -> {
            elevations++;
            Path root = Path.of(arguments.get(arguments.indexOf("--sdk-root") + 1));
            WindowsUserEnvironment.machine(machine, new WindowsEnvEditor(name -> Optional.empty()), tmp.resolve("admin"))
                    .apply(new EnvSpec(home, root.resolve("go"), root.resolve("go"), false, Map.of()));
            return 0;
        };
    }

    @Test
    void elsewhereThanWindowsItIsAUsageError() {
        CliResult r = CliResult.run(tmp, "env", "--home", home.toString(), "--fix-machine-path");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--fix-machine-path is for Windows only");
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "env", "--home", home.toString(), "--apply", "--fix-machine-path", "--yes");
        assertThat(zh.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(zh.err()).contains("仅适用于 Windows");
        CliResult mixed = CliResult.run(tmp, "env", "--home", home.toString(), "--fix-machine-path", "--undo");
        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mixed.err()).contains("only the machine Path");
    }

    @Test
    void theChangeIsShownFirstAndNotMadeWithoutATerminalOrYes() throws Exception {
        onWindows(child());
        CliResult preview = CliResult.run(tmp, "env", "--home", home.toString(), "--fix-machine-path");
        assertThat(preview.exitCode()).as(preview.err()).isZero();
        assertThat(preview.err()).contains("will still run the Go in " + MSI_GO);
        assertThat(preview.out()).contains("run as administrator (one Windows prompt)")
                .contains("HKEY_LOCAL_MACHINE").contains(home.resolve("sdk/go/bin").toString())
                .contains("gosetup env --apply --fix-machine-path");

        CliResult noTerminal = CliResult.run(tmp, "env", "--home", home.toString(), "--apply", "--fix-machine-path");
        assertThat(noTerminal.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noTerminal.err()).contains("--yes");
        assertThat(elevations).isZero();
        assertThat(machine.get("Path").orElseThrow().data()).isEqualTo(machineBefore);
    }

    @Test
    void withYesOnePromptAndTheRegistryReadAgainSaysFixed() throws Exception {
        onWindows(child());
        CliResult r = CliResult.run(tmp, "env", "--home", home.toString(), "--apply", "--fix-machine-path", "--yes");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Fixed for every account").contains(home.resolve("sdk/go/bin").toString());
        assertThat(elevations).isEqualTo(1);
        assertThat(machine.get("Path").orElseThrow().data()).startsWith(home.resolve("sdk/go/bin") + ";");

        CliResult again = CliResult.run(tmp, "env", "--home", home.toString(), "--apply", "--fix-machine-path", "--yes");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Nothing to fix");
        assertThat(elevations).as("nothing to fix: no prompt").isEqualTo(1);
    }

    @Test
    void aDeclinedPromptOrAGoThatStillWinsIsNeverFixed() {
        onWindows((program, arguments) -> {
            throw new ElevationDeclined();
        });
        CliResult declined = CliResult.run(tmp, "env", "--home", home.toString(), "--apply", "--fix-machine-path", "--yes");
        assertThat(declined.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(declined.err()).contains("You declined the administrator prompt; nothing was changed.");
        assertThat(declined.out()).doesNotContain("Fixed");

        onWindows((program, arguments) -> 0); // "succeeded", wrote nothing
        CliResult still = CliResult.run(tmp, "env", "--home", home.toString(), "--apply", "--fix-machine-path", "--yes");
        assertThat(still.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(still.err()).contains("will still run the Go in " + MSI_GO);
        assertThat(still.out()).doesNotContain("Fixed");
    }

    /** Every word of the preview, a fixed run and a declined one comes from the bundles (the pseudo-locale, issue 14). */
    @Test
    void everyWordComesFromTheBundles() throws Exception {
        onWindows(child());
        String preview = pseudo("env", "--home", home.toString(), "--fix-machine-path");
        String fixed = pseudo("env", "--home", home.toString(), "--apply", "--fix-machine-path", "--yes");
        onWindows((program, arguments) -> {
            throw new ElevationDeclined();
        });
        machine.set("Path", new UserEnvironment.Value(machineBefore, true));
        String declined = pseudo("env", "--home", home.toString(), "--apply", "--fix-machine-path", "--yes");
        for (String shown : List.of(preview, fixed, declined)) {
            assertThat(dev.gosetup.testing.Leaks.in(shown, true, java.util.Set.of())).as(shown).isEmpty();
            assertThat(shown).contains("⟦");
        }
        assertThat(elevations).isEqualTo(1);
    }

    private String pseudo(String... args) {
        dev.gosetup.AppContext context = dev.gosetup.AppContext.of(new dev.gosetup.settings.AppPaths(tmp.resolve("config"),
                tmp.resolve("logs")), tmp.resolve("logs/gosetup0.log"), home);
        context.useMessages(dev.gosetup.testing.PseudoLocale.messages());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        GoSetupCommand.run(context, args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        return out + err.toString();
    }
}
