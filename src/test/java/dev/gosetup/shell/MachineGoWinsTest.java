package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.i18n.Reported;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows gives new processes the machine Path, then the user Path (WindowsProcessPath says where that rule is
 * written). Fed with real captured values (src/test/fixtures/platform, INDEX.md): a Path holding the Go MSI's
 * {@code C:\Program Files\Go\bin} as a machine Path (ddkwork), and a real user Path from `reg query` (pathman#10).
 */
class MachineGoWinsTest {
    private static final Path PLATFORM = dev.gosetup.testing.Fixtures.platform();
    private static final Function<String, Optional<String>> VARS = WindowsEnvEditor.lookupIn(
            Map.of("USERPROFILE", "C:\\Users\\mawid6", "SystemRoot", "C:\\Windows"));
    /** Where go.exe is on the captured machine: the MSI's folder (the only Go it shows). */
    private static final Predicate<String> HAS_GO = folder -> folder.equalsIgnoreCase("C:\\Program Files\\Go\\bin");

    @TempDir
    Path tmp;

    @Test
    void theMsisMachineEntryStillWinsAfterTheUserPathIsFixed() throws Exception {
        FakeRegistryEnvironment machine = FakeRegistryEnvironment.machine().expandable("Path", machinePath());
        FakeRegistryEnvironment user = FakeRegistryEnvironment.user().plain("Path", userPath());
        WindowsUserEnvironment windows = new WindowsUserEnvironment(user, machine, new WindowsEnvEditor(VARS), tmp);
        EnvSpec spec = spec();

        WindowsEnvPlan plan = windows.plan(spec);
        // A REG_SZ user Path gets our entries written out (a %reference% would not expand in it): first in the user Path…
        assertThat(plan.pathAfter().data()).startsWith("C:\\Users\\mawid6\\sdk\\go\\bin;");
        WindowsUserEnvironment.MachineCheck check = windows.check(plan, machine, VARS, HAS_GO);
        assertThat(check.goWins()).contains("C:\\Program Files\\Go\\bin"); // …and still behind the machine's Go
        assertThat(check.fine()).isFalse();
        // What both faces show: the folder, and the administrator command for this install root.
        assertThat(check.problem(Path.of("C:\\Users\\mawid6\\sdk"))).hasValueSatisfying(p -> {
            assertThat(p.key()).isEqualTo("env.windows.machineGoWins");
            assertThat(p.args()).containsExactly("C:\\Program Files\\Go\\bin",
                    "gosetup env --apply --system --sdk-root \"C:\\Users\\mawid6\\sdk\" --yes");
        });
        assertThat(check.processLength()).isEqualTo(machinePath().length() + 1 + WindowsProcessPath.of(Optional.empty(),
                Optional.of(plan.pathAfter()), VARS).user().length());
    }

    @Test
    void oursFirstInTheMachinePathWins() throws Exception {
        // What `gosetup env --apply --system --sdk-root …` from an administrator terminal makes of the machine Path.
        FakeRegistryEnvironment machine = FakeRegistryEnvironment.machine().expandable("Path", machinePath());
        WindowsUserEnvironment machineScope = WindowsUserEnvironment.machine(machine, new WindowsEnvEditor(VARS), tmp);
        EnvSpec system = new EnvSpec(Path.of("C:\\Users\\mawid6"), Path.of("C:\\Users\\mawid6\\sdk\\go"),
                Path.of("C:\\Users\\mawid6\\sdk\\go"), false, Map.of());
        machineScope.apply(system);
        assertThat(machine.get("Path").orElseThrow().data()).contains("C:\\Program Files\\Go\\bin");

        FakeRegistryEnvironment user = FakeRegistryEnvironment.user().plain("Path", userPath());
        WindowsUserEnvironment windows = new WindowsUserEnvironment(user, machine, new WindowsEnvEditor(VARS), tmp.resolve("u"));
        WindowsEnvPlan plan = windows.plan(spec());
        assertThat(windows.check(plan, machine, VARS, HAS_GO).goWins()).isEmpty();
    }

    @Test
    void noGoOnTheMachinePathMeansNothingToSay() throws Exception {
        FakeRegistryEnvironment machine = FakeRegistryEnvironment.machine().expandable("Path", "%SystemRoot%\\system32;%SystemRoot%");
        FakeRegistryEnvironment user = FakeRegistryEnvironment.user().plain("Path", userPath());
        WindowsUserEnvironment windows = new WindowsUserEnvironment(user, machine, new WindowsEnvEditor(VARS), tmp);
        WindowsUserEnvironment.MachineCheck none = windows.check(windows.plan(spec()), machine, VARS, HAS_GO);
        assertThat(none.fine()).isTrue();
        assertThat(none.problem(Path.of("C:\\sdk"))).isEmpty();
    }

    @Test
    void theLimitAppliesToMachineAndUserTogether() throws Exception {
        // Each value alone is under 32,767 characters; together, as processes get them, they are not.
        String longMachine = machinePath() + ";" + "C:\\Tools\\x".repeat(2500);
        assertThat(longMachine.length()).isLessThan(32767);
        FakeRegistryEnvironment machine = FakeRegistryEnvironment.machine().expandable("Path", longMachine);
        FakeRegistryEnvironment user = FakeRegistryEnvironment.user().plain("Path", userPath() + ";" + "D:\\more\\y".repeat(1000));
        assertThat(user.get("Path").orElseThrow().data().length()).isLessThan(32767);
        String before = user.get("Path").orElseThrow().data();
        WindowsUserEnvironment windows = new WindowsUserEnvironment(user, machine, new WindowsEnvEditor(VARS), tmp);

        assertThatThrownBy(() -> windows.apply(spec(), plan -> windows.check(plan, machine, VARS, HAS_GO)))
                .isInstanceOfSatisfying(Reported.class, r -> assertThat(r.problem().key()).isEqualTo("env.windows.processPathTooLong"));
        assertThat(user.get("Path").orElseThrow().data()).isEqualTo(before); // nothing written
        assertThat(windows.hasRecord()).isFalse();
    }

    private static EnvSpec spec() {
        Path home = Path.of("/c/Users/mawid6");
        return new EnvSpec(home, home.resolve("sdk/go"), home.resolve("go"), false, Map.of());
    }

    private static String machinePath() throws Exception {
        return Files.readString(PLATFORM.resolve("windows_path_value_program-files-go_ddkwork.txt")).strip();
    }

    /** The REG_SZ data of a real `reg query HKCU\Environment` (the line with "Path    REG_SZ"). */
    private static String userPath() throws Exception {
        String line = Files.readAllLines(PLATFORM.resolve("windows_user_path_reg_query_go-bin_pathman10.txt")).stream()
                .filter(l -> l.strip().startsWith("Path")).findFirst().orElseThrow();
        return line.substring(line.indexOf("REG_SZ") + "REG_SZ".length()).strip();
    }
}
