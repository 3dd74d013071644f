package dev.gosetup.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.shell.windows.ShellExecuteElevation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real elevation behind "Fix for everyone (administrator)" and {@code env --apply --fix-machine-path} (issue 19):
 * ShellExecuteEx with "runas", the wait on the process handle and its exit code, through JNA. GitHub's Windows
 * runners run as an administrator with no UAC prompt, so nobody has to answer one there. Skipped on other OSes.
 */
@Tag("real-os")
@EnabledOnOs(value = OS.WINDOWS, disabledReason = "ShellExecuteEx and UAC exist only on Windows (platforms.yml runs this on windows-latest)")
class RealElevationTest {
    @Test
    void theElevatedProgramsExitCodeComesBack() throws Exception {
        Path cmd = Path.of(System.getenv("SystemRoot"), "System32", "cmd.exe");
        int code = new ShellExecuteElevation(Duration.ofMinutes(2)).run(cmd, List.of("/c", "exit", "7"));
        assertThat(code).isEqualTo(7);
    }
}
