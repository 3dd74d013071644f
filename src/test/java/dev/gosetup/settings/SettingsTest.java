package dev.gosetup.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path tmp;

    @Test
    void savesAndLoadsAtomically() throws Exception {
        SettingsStore store = new SettingsStore(tmp.resolve("cfg/settings.json"));
        assertThat(store.load()).isEqualTo(Settings.defaults());
        store.save(new Settings("zh-CN"));
        assertThat(store.load().language()).isEqualTo("zh-CN");
        try (var files = Files.list(tmp.resolve("cfg"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void damagedFileIsKeptAsideAndDefaultsUsed() throws Exception {
        Path file = tmp.resolve("settings.json");
        Files.writeString(file, "{ not json");
        assertThat(new SettingsStore(file).load()).isEqualTo(Settings.defaults());
        assertThat(Files.readString(tmp.resolve("settings.json.damaged"))).isEqualTo("{ not json");
    }

    @Test
    void theStallTimeoutIsSavedAndAnOutOfRangeValueMeansTheDefault() throws Exception {
        SettingsStore store = new SettingsStore(tmp.resolve("settings.json"));
        assertThat(Settings.defaults().stallTimeout()).hasSeconds(30);
        store.save(Settings.defaults().withStallTimeoutSeconds(90));
        assertThat(store.load().stallTimeout()).hasSeconds(90);
        assertThat(Files.readString(tmp.resolve("settings.json"))).contains("\"stallTimeoutSeconds\" : 90")
                .doesNotContain("\"stallTimeout\" :");
        Files.writeString(tmp.resolve("settings.json"), "{\"stallTimeoutSeconds\": -4}");
        assertThat(store.load().stallTimeout()).hasSeconds(30);
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws Exception {
        Path file = tmp.resolve("settings.json");
        Files.writeString(file, "{\"language\":\"en\",\"future\":42}");
        assertThat(new SettingsStore(file).load().language()).isEqualTo("en");
    }

    @Test
    void foldersFollowEachOs() {
        Path home = Path.of("/home/ana");
        assertThat(AppPaths.of("Linux", home, Map.of(), null, null).logDir()).isEqualTo(Path.of("/home/ana/.local/state/gosetup"));
        assertThat(AppPaths.of("Linux", home, Map.of("XDG_STATE_HOME", "/xdg/state", "XDG_CONFIG_HOME", "relative"), null, null))
                .satisfies(p -> {
                    assertThat(p.logDir()).isEqualTo(Path.of("/xdg/state/gosetup"));
                    assertThat(p.configDir()).isEqualTo(Path.of("/home/ana/.config/gosetup")); // relative XDG values are ignored
                });
        assertThat(AppPaths.of("Mac OS X", Path.of("/Users/ana"), Map.of(), null, null).logDir())
                .isEqualTo(Path.of("/Users/ana/Library/Logs/gosetup"));
        assertThat(AppPaths.of("Windows 11", Path.of("/c/Users/ana"), Map.of("LOCALAPPDATA", "/c/Users/ana/AppData/Local"), null, null).logDir())
                .isEqualTo(Path.of("/c/Users/ana/AppData/Local/gosetup/logs"));
        assertThat(AppPaths.of("Linux", home, Map.of(), "/etc/x", "/var/log/x").configDir()).isEqualTo(Path.of("/etc/x"));
        // sudo -E keeps the user's XDG folders: root's settings, log and cache stay root's own
        Map<String, String> sudoE = Map.of("XDG_CONFIG_HOME", "/home/alex/.config", "XDG_STATE_HOME", "/home/alex/.local/state");
        assertThat(AppPaths.of("Linux", Path.of("/root"), AppPaths.folderVariables(true, sudoE), null, null).configDir())
                .isEqualTo(Path.of("/root/.config/gosetup"));
        assertThat(AppPaths.of("Linux", home, AppPaths.folderVariables(false, sudoE), null, null).configDir())
                .isEqualTo(Path.of("/home/alex/.config/gosetup"));
    }
}
