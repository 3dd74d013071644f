package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Reported;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine Path fixed through one elevation prompt, with the elevated gosetup played by a fake {@link Elevation}
 * that does what `env --apply --system --sdk-root ROOT --yes` does (the machine scope of WindowsUserEnvironment) to a
 * registry seam fed with the real captured values MachineGoWinsTest uses: the Go MSI's machine Path (ddkwork) and a
 * real user Path (pathman#10). Success is what the registry says afterwards, never the exit code alone.
 */
class MachinePathFixTest {
    private static final Path PLATFORM = dev.gosetup.testing.Fixtures.platform();
    private static final Function<String, Optional<String>> VARS = WindowsEnvEditor.lookupIn(
            Map.of("USERPROFILE", "C:\\Users\\mawid6", "SystemRoot", "C:\\Windows"));
    private static final Predicate<String> HAS_GO = folder -> folder.equalsIgnoreCase("C:\\Program Files\\Go\\bin");
    private static final String MSI_GO = "C:\\Program Files\\Go\\bin";
    private static final Path SDK = Path.of("C:\\Users\\mawid6\\sdk");
    private static final Path LAUNCHER = Path.of("C:\\Program Files\\gosetup\\gosetup.exe");

    @TempDir
    Path tmp;

    FakeRegistryEnvironment machine;
    FakeRegistryEnvironment user;
    String machineBefore;
    final List<List<String>> elevatedRuns = new ArrayList<>();

    @BeforeEach
    void capturedRegistry() throws Exception {
        machineBefore = Files.readString(PLATFORM.resolve("windows_path_value_program-files-go_ddkwork.txt")).strip();
        machine = FakeRegistryEnvironment.machine().expandable("Path", machineBefore);
        String line = Files.readAllLines(PLATFORM.resolve("windows_user_path_reg_query_go-bin_pathman10.txt")).stream()
                .filter(l -> l.strip().startsWith("Path")).findFirst().orElseThrow();
        user = FakeRegistryEnvironment.user().plain("Path", line.substring(line.indexOf("REG_SZ") + "REG_SZ".length()).strip());
    }

    /** What the elevated `gosetup env --apply --system --sdk-root ROOT --yes` does, with its exit code. */
    private Elevation child(int exitCode) {
        return (program, arguments) -> {
            elevatedRuns.add(arguments);
            assertThat(program).isEqualTo(LAUNCHER);
            Path root = Path.of(arguments.get(arguments.indexOf("--sdk-root") + 1));
            EnvSpec system = new EnvSpec(Path.of("C:\\Users\\mawid6"), root.resolve("go"), root.resolve("go"), false, Map.of());
            WindowsUserEnvironment.machine(machine, new WindowsEnvEditor(VARS), tmp.resolve("admin")).apply(system);
            return exitCode;
        };
    }

    private MachinePathFix fix(Optional<Path> launcher, Elevation elevation) {
        WindowsUserEnvironment windows = new WindowsUserEnvironment(user, machine, new WindowsEnvEditor(VARS), tmp.resolve("user"));
        WindowsUserEnvironment machineScope = WindowsUserEnvironment.machine(machine, new WindowsEnvEditor(VARS), tmp.resolve("preview"));
        return new MachinePathFix(windows, machineScope, plan -> windows.check(plan, machine, VARS, HAS_GO), SDK, launcher, elevation);
    }

    private static EnvSpec spec() {
        Path home = Path.of("C:\\Users\\mawid6");
        return new EnvSpec(home, SDK.resolve("go"), home.resolve("go"), false, Map.of());
    }

    @Test
    void oneElevatedRunPutsOurGoFirstAndTheRegistryReadAgainSaysSo() throws Exception {
        MachinePathFix fix = fix(Optional.of(LAUNCHER), child(0));
        assertThat(fix.check(spec()).goWins()).contains(MSI_GO);
        // The change shown before the prompt: our two folders in front of the machine Path, the rest kept.
        WindowsEnvPlan preview = fix.plan(spec());
        assertThat(preview.scope()).startsWith("HKEY_LOCAL_MACHINE");
        // (the separator is this OS's Path's: on Windows C:\Users\mawid6\sdk\go\bin)
        assertThat(preview.pathAfter().data()).startsWith(spec().goBin() + ";" + spec().versionCommands() + ";").contains(MSI_GO);
        assertThat(machine.get("Path").orElseThrow().data()).as("a preview writes nothing").isEqualTo(machineBefore);

        WindowsUserEnvironment.MachineCheck after = fix.run(spec());

        assertThat(after.goWins()).isEmpty();
        assertThat(elevatedRuns).containsExactly(List.of("env", "--apply", "--system", "--sdk-root", SDK.toString(), "--yes"));
        assertThat(machine.get("Path").orElseThrow().data()).isEqualTo(preview.pathAfter().data()); // what was shown is what was done
        assertThat(fix.check(spec()).goWins()).isEmpty();
    }

    @Test
    void aDeclinedPromptIsAClearProblemAndChangesNothing() throws Exception {
        MachinePathFix fix = fix(Optional.of(LAUNCHER), (program, arguments) -> {
            throw new ElevationDeclined(); // ShellExecuteEx failing with ERROR_CANCELLED (1223)
        });
        assertThatThrownBy(() -> fix.run(spec())).isInstanceOfSatisfying(ElevationDeclined.class, e -> {
            assertThat(e.problem().key()).isEqualTo("elevation.declined");
            assertThat(Messages.english().describe(e)).contains("declined").contains("nothing was changed");
        });
        assertThat(machine.get("Path").orElseThrow().data()).isEqualTo(machineBefore);
        assertThat(machine.writes()).isZero();
        assertThat(Elevation.DECLINED).isEqualTo(1223);
    }

    @Test
    void aFailedAdministratorRunIsNamedByItsExitCode() throws Exception {
        Elevation failing = (program, arguments) -> 1;
        assertThatThrownBy(() -> fix(Optional.of(LAUNCHER), failing).run(spec()))
                .isInstanceOfSatisfying(Reported.class, r -> {
                    assertThat(r.problem().key()).isEqualTo("env.windows.machineFix.childFailed");
                    assertThat(r.problem().args()).containsExactly("1", WindowsUserEnvironment.machineFixCommand(SDK));
                });
        assertThatThrownBy(() -> fix(Optional.of(LAUNCHER), (p, a) -> 2).run(spec()))
                .isInstanceOfSatisfying(Reported.class, r -> assertThat(r.problem().key()).isEqualTo("env.windows.machineFix.childRefused"));
        assertThatThrownBy(() -> fix(Optional.of(LAUNCHER), (p, a) -> 7).run(spec()))
                .isInstanceOfSatisfying(Reported.class, r -> assertThat(r.problem().key()).isEqualTo("env.windows.machineFix.childBusy"));
        // An access violation (STATUS_ACCESS_VIOLATION) as Windows' docs write it, not -1073741819.
        assertThatThrownBy(() -> fix(Optional.of(LAUNCHER), (p, a) -> 0xC0000005).run(spec()))
                .isInstanceOfSatisfying(Reported.class, r -> assertThat(r.problem().args().getFirst()).isEqualTo("0xC0000005"));
        assertThat(machine.writes()).isZero();
    }

    @Test
    void aChildThatSucceedsWhileTheMsisGoStillWinsIsNotSuccess() throws Exception {
        // Exit code 0, but nothing written (say, another install root's Go was put first).
        Elevation liar = (program, arguments) -> 0;
        assertThatThrownBy(() -> fix(Optional.of(LAUNCHER), liar).run(spec()))
                .isInstanceOfSatisfying(Reported.class, r -> {
                    assertThat(r.problem().key()).isEqualTo("env.windows.machineFix.stillWins");
                    assertThat(r.problem().args().getFirst()).isEqualTo(MSI_GO);
                    assertThat(Messages.english().describe(r.problem())).contains("still run the Go in " + MSI_GO);
                });
        // Exit code 0, ours written, but behind the MSI's entry (appended): still not success.
        Elevation behind = (program, arguments) -> {
            machine.set("Path", new UserEnvironment.Value(machineBefore + ";C:\\Users\\mawid6\\sdk\\go\\bin", true));
            return 0;
        };
        assertThatThrownBy(() -> fix(Optional.of(LAUNCHER), behind).run(spec()))
                .isInstanceOfSatisfying(Reported.class, r -> assertThat(r.problem().key()).isEqualTo("env.windows.machineFix.stillWins"));
    }

    @Test
    void withoutItsOwnLauncherNothingIsElevatedAndTheManualCommandIsGiven() {
        assertThatThrownBy(() -> fix(Optional.empty(), child(0)).run(spec()))
                .isInstanceOfSatisfying(Reported.class, r -> {
                    assertThat(r.problem().key()).isEqualTo("env.windows.machineFix.noLauncher");
                    assertThat(r.problem().args()).containsExactly(WindowsUserEnvironment.machineFixCommand(SDK));
                });
        assertThat(elevatedRuns).isEmpty();
    }

    @Test
    void theLauncherIsOnlyWhatTheLauncherSaysItIs() throws IOException {
        Path exe = Files.createFile(tmp.resolve("gosetup.exe"));
        Path dev = Files.createFile(tmp.resolve("gosetup"));
        Path other = Files.createFile(tmp.resolve("other.exe"));
        Optional<Path> unknown = Optional.empty();
        assertThat(OwnLauncher.find(Map.of("jpackage.app-path", exe.toString(), "gosetup.launcher", dev.toString())::get, Optional.of(exe)))
                .contains(exe);
        assertThat(OwnLauncher.find(Map.of("gosetup.launcher", dev.toString())::get, unknown)).contains(dev);
        // jpackage's property naming another program than this process's own executable (JAVA_TOOL_OPTIONS can set it)
        assertThat(OwnLauncher.find(Map.of("jpackage.app-path", other.toString())::get, Optional.of(exe))).isEmpty();
        // relative, missing, a folder: not a program we may run as administrator
        assertThat(OwnLauncher.find(Map.of("jpackage.app-path", "gosetup.exe")::get, unknown)).isEmpty();
        assertThat(OwnLauncher.find(Map.of("jpackage.app-path", tmp.resolve("gone.exe").toString())::get, unknown)).isEmpty();
        assertThat(OwnLauncher.find(Map.of("gosetup.launcher", tmp.toString())::get, unknown)).isEmpty();
        assertThat(OwnLauncher.find(name -> null, unknown)).isEmpty();
        // this test JVM was started by no launcher of ours
        assertThat(OwnLauncher.find()).isEmpty();
    }

    @Test
    void exitCodesAreTheCommandLines() {
        assertThat(MachinePathFix.CHILD_FAILED).isEqualTo(dev.gosetup.cli.ExitCodes.FAILED);
        assertThat(MachinePathFix.CHILD_REFUSED).isEqualTo(dev.gosetup.cli.ExitCodes.BAD_INPUT);
        assertThat(MachinePathFix.CHILD_BUSY).isEqualTo(dev.gosetup.cli.ExitCodes.BUSY);
    }
}
