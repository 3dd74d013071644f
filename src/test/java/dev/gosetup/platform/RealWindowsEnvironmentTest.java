package dev.gosetup.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.shell.UserEnvironment;
import dev.gosetup.shell.windows.RegistryEnvironment;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real registry calls behind the Windows user environment (issue 19), on the Windows runner of
 * .github/workflows/platforms.yml: a scratch value under HKCU\Environment is written as REG_EXPAND_SZ, read back
 * unexpanded with its type (RegGetValue would have expanded it), announced with the real WM_SETTINGCHANGE
 * broadcast (which must return within its timeout), and removed. Skipped on other OSes.
 */
@Tag("real-os")
@EnabledOnOs(value = OS.WINDOWS, disabledReason = "the real registry environment (HKCU) and its WM_SETTINGCHANGE broadcast exist only on Windows")
class RealWindowsEnvironmentTest {
    @Test
    void aScratchValueRoundTripsUnexpandedAndTheBroadcastReturns() throws Exception {
        RegistryEnvironment user = RegistryEnvironment.forUser();
        String name = "GOSETUP_TEST_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        UserEnvironment.Value value = new UserEnvironment.Value("%USERPROFILE%\\sdk\\go\\bin;C:\\Tools", true);
        try {
            assertThat(user.get(name)).isEmpty();
            user.set(name, value);
            assertThat(user.get(name)).contains(value);
            long start = System.nanoTime();
            user.broadcastChange();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            user.set(name, new UserEnvironment.Value("C:\\plain", false));
            assertThat(user.get(name)).contains(new UserEnvironment.Value("C:\\plain", false));
        } finally {
            user.remove(name);
        }
        assertThat(user.get(name)).isEmpty();
    }
}
