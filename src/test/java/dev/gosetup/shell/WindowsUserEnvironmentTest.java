package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two applies with different settings, then one undo: the registry comes back to what it was before the first. */
class WindowsUserEnvironmentTest {
    @TempDir
    Path tmp;

    @Test
    void applyTwiceThenUndoRestoresTheOriginalRegistry() throws Exception {
        FakeRegistryEnvironment registry = FakeRegistryEnvironment.user();
        String original = "%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;C:\\Program Files\\Go\\bin;";
        registry.set("Path", new UserEnvironment.Value(original, true));
        WindowsEnvEditor editor = new WindowsEnvEditor(WindowsEnvEditor.lookupIn(Map.of("USERPROFILE", "C:\\Users\\dev")));
        WindowsUserEnvironment windows = new WindowsUserEnvironment(registry, editor, tmp);
        Path home = Path.of("/c/Users/dev");
        EnvSpec first = new EnvSpec(home, home.resolve("sdk/go"), home.resolve("go"), false, Map.of());
        EnvSpec second = new EnvSpec(home, home.resolve("sdk/go"), home.resolve("go"), false, Map.of("GOPROXY", "https://goproxy.cn,direct"));

        assertThat(WindowsEnvEditorTest.english(windows.plan(first).diffText())).anyMatch(l -> l.contains("%USERPROFILE%\\sdk\\go\\bin"));
        windows.apply(first);
        assertThat(registry.get("Path").orElseThrow().data()).startsWith("%USERPROFILE%\\sdk\\go\\bin;%USERPROFILE%\\go\\bin;");
        assertThat(registry.get("GOPATH")).contains(new UserEnvironment.Value("%USERPROFILE%\\go", true));
        windows.apply(second);
        assertThat(registry.get("GOPROXY").map(UserEnvironment.Value::data)).contains("https://goproxy.cn,direct");
        windows.apply(second); // no change: nothing recorded

        windows.undo();
        assertThat(registry.get("Path")).contains(new UserEnvironment.Value(original, true));
        assertThat(registry.get("GOPATH")).isEqualTo(Optional.empty());
        assertThat(registry.get("GOPROXY")).isEqualTo(Optional.empty());
        assertThat(windows.hasRecord()).isFalse();
    }
}
