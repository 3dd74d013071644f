package dev.gosetup.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.settings.Settings;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fix says what it changed: each file written and the backup kept of it, so the user can look or go back. */
class DoctorFixesTest {
    @TempDir
    Path tmp;

    ShellSources shells(Path home) {
        return new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"), home.resolve("sdk"),
                Shell.BASH);
    }

    @Test
    void theCrlfFixNamesTheFileAndItsBackup() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path bashrc = Files.writeString(home.resolve(".bashrc"), "export EDITOR=vim\r\n");
        Finding crlf = new Finding("crlf", Finding.Status.FAIL, "doctor.crlf", List.of(bashrc.toString()), Finding.Fix.CRLF_TO_LF);
        List<DoctorFixes.Change> changes = DoctorFixes.apply(crlf, shells(home), Settings.defaults());
        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().file()).isEqualTo(bashrc);
        Path backup = changes.getFirst().backup();
        assertThat(backup.getFileName().toString()).startsWith(".bashrc.gosetup-backup-");
        assertThat(Files.readString(backup, StandardCharsets.UTF_8)).isEqualTo("export EDITOR=vim\r\n");
        assertThat(Files.readString(bashrc, StandardCharsets.UTF_8)).isEqualTo("export EDITOR=vim\n");
    }

    @Test
    void theEnvironmentFixNamesEachFileWithTheBackupMadeBeforeOurFirstChange() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home2"));
        Path bashrc = Files.writeString(home.resolve(".bashrc"), "export EDITOR=vim\n");
        Finding noGo = new Finding("go-on-path", Finding.Status.FAIL, "doctor.goOnPath", List.of(), Finding.Fix.APPLY_ENV);
        List<DoctorFixes.Change> changes = DoctorFixes.apply(noGo, shells(home), Settings.defaults());
        DoctorFixes.Change rc = changes.stream().filter(c -> c.file().equals(bashrc)).findFirst().orElseThrow();
        assertThat(rc.backup()).isNotNull();
        assertThat(Files.readString(rc.backup(), StandardCharsets.UTF_8)).isEqualTo("export EDITOR=vim\n");
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.file()).isEqualTo(home.resolve(".config/gosetup/env.sh"));
            assertThat(c.backup()).as("our own script has no backup").isNull();
        });
        assertThat(changes).anySatisfy(c -> assertThat(c.file()).isEqualTo(home.resolve(".profile")));
    }
}
