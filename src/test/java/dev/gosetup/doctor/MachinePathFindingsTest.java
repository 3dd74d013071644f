package dev.gosetup.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.shell.Elevation;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.MachinePathFix;
import dev.gosetup.shell.UserEnvironment;
import dev.gosetup.shell.WindowsEnvEditor;
import dev.gosetup.shell.WindowsUserEnvironment;
import dev.gosetup.testing.MapRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Health check's finding for a machine-wide Go that wins on Windows, against a registry seam holding a real PC's
 * machine Path with the Go MSI's entry (ddkwork capture): FAIL with the one-prompt fix while it wins, OK once the
 * machine Path puts ours first, nothing at all where there is no machine Path (not Windows).
 */
class MachinePathFindingsTest {
    private static final String MSI_GO = "C:\\Program Files\\Go\\bin";
    private static final Path HOME = Path.of("C:\\Users\\mawid6");
    private static final Path SDK = HOME.resolve("sdk");

    @TempDir
    Path tmp;

    private MachinePathFix fix(MapRegistry machine, Elevation elevation) {
        Function<String, Optional<String>> vars = WindowsEnvEditor.lookupIn(Map.of("USERPROFILE", HOME.toString()));
        WindowsUserEnvironment user = new WindowsUserEnvironment(MapRegistry.user(), machine, new WindowsEnvEditor(vars), tmp.resolve("u"));
        return new MachinePathFix(user, WindowsUserEnvironment.machine(machine, new WindowsEnvEditor(vars), tmp.resolve("m")),
                plan -> user.check(plan, machine, vars, MSI_GO::equalsIgnoreCase), SDK, Optional.of(tmp.resolve("gosetup.exe")), elevation);
    }

    private static EnvSpec spec() {
        return new EnvSpec(HOME, SDK.resolve("go"), HOME.resolve("go"), false, Map.of());
    }

    @Test
    void aMachineWideGoThatWinsIsAFailureWithTheOnePromptFixThenOkOnceOursIsFirst() throws Exception {
        MapRegistry machine = MapRegistry.machine();
        machine.set("Path", new UserEnvironment.Value(MapRegistry.msiMachinePath(), true));
        MachinePathFix fix = fix(machine, (program, arguments) -> {
            WindowsUserEnvironment.machine(machine, new WindowsEnvEditor(n -> Optional.empty()), tmp.resolve("admin"))
                    .apply(new EnvSpec(HOME, SDK.resolve("go"), SDK.resolve("go"), false, Map.of()));
            return 0;
        });

        List<Finding> before = MachinePathFindings.check(Optional.of(fix), spec());
        assertThat(before).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("machine-go-wins");
            assertThat(f.status()).isEqualTo(Finding.Status.FAIL);
            assertThat(f.fix()).isEqualTo(Finding.Fix.FIX_MACHINE_PATH);
            assertThat(f.arg(0)).isEqualTo(MSI_GO);
            Messages en = Messages.of(Language.ENGLISH);
            assertThat(en.get(f.key() + ".detail", f.args().toArray())).startsWith(MSI_GO + " is on the machine Path")
                    .contains("Settings → Apps").contains("gosetup env --apply --system --sdk-root");
            assertThat(Messages.of(Language.SIMPLIFIED_CHINESE).get(f.key() + ".detail", f.args().toArray())).contains("系统 Path");
        });

        fix.run(spec());

        assertThat(MachinePathFindings.check(Optional.of(fix), spec())).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Finding.Status.OK);
            assertThat(f.fix()).isNull();
        });
    }

    @Test
    void elsewhereThereIsNoMachinePathToSpeakOf() {
        assertThat(MachinePathFindings.check(Optional.empty(), spec())).isEmpty();
    }
}
