package dev.gosetup.shell.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.settings.UserHome;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Windows, "cmd" is the user environment in HKCU: the signed-in account's. With --home naming another folder (an
 * administrator preparing a colleague's profile, every CLI test on a Windows runner) gosetup must not write the
 * environment of whoever runs it: the startup files of that home are written, HKCU is left alone.
 */
class OtherAccountsHomeTest {
    @TempDir
    Path tmp;

    private static ShellSources windowsSources(Path home) {
        return new ShellSources(new ShellFiles("windows", home, Map.of(), null), home, home.resolve("config"),
                home.resolve("sdk"), null);
    }

    @Test
    void anotherFolderThanTheSignedInAccountsHomeGetsNoUserEnvironment() {
        ShellSources other = windowsSources(tmp);
        assertThat(other.signedInAccountsHome()).isFalse();
        assertThat(other.windows()).isEmpty();
        assertThat(other.machinePathFix()).isEmpty();
        assertThat(other.defaultShells()).contains(Shell.PWSH).doesNotContain(Shell.CMD);
    }

    @Test
    void theSignedInAccountsOwnHomeIsRecognisedHoweverItIsWritten() {
        Path own = UserHome.current();
        assertThat(windowsSources(own).signedInAccountsHome()).isTrue();
        assertThat(windowsSources(own.resolve("sub/..")).signedInAccountsHome()).as("the same folder, written otherwise").isTrue();
    }
}
