package dev.gosetup.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** $HOME decides, as for Go's os.UserHomeDir; the account's home only when HOME is unset or not a path. */
class UserHomeTest {
    @Test
    void homeFromTheEnvironmentWins() {
        assertThat(UserHome.of("Linux", Map.of("HOME", "/work/alt-home"), "/home/alex")).isEqualTo(Path.of("/work/alt-home"));
        assertThat(UserHome.of("Mac OS X", Map.of("HOME", "/Users/alex/../alex2"), "/Users/alex")).isEqualTo(Path.of("/Users/alex2"));
    }

    @Test
    void unsetEmptyOrRelativeHomeFallsBackToTheAccount() {
        assertThat(UserHome.of("Linux", Map.of(), "/home/alex")).isEqualTo(Path.of("/home/alex"));
        assertThat(UserHome.of("Linux", Map.of("HOME", ""), "/home/alex")).isEqualTo(Path.of("/home/alex"));
        assertThat(UserHome.of("Linux", Map.of("HOME", "relative/dir"), "/home/alex")).isEqualTo(Path.of("/home/alex"));
    }
}
