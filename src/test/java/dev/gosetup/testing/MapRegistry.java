package dev.gosetup.testing;

import dev.gosetup.shell.UserEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A registry environment key for tests outside dev.gosetup.shell (the command line, the window): values by name
 * without regard to case, REG_SZ and REG_EXPAND_SZ kept apart, as the registry keeps them.
 */
public final class MapRegistry implements UserEnvironment {
    private final Map<String, Value> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final String description;

    private MapRegistry(String description) {
        this.description = description;
    }

    public static MapRegistry machine() {
        return new MapRegistry("HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment");
    }

    public static MapRegistry user() {
        return new MapRegistry("HKEY_CURRENT_USER\\Environment");
    }

    /** The machine Path of a real PC with the Go MSI installed (src/test/fixtures/platform, ddkwork). */
    public static String msiMachinePath() throws java.io.IOException {
        return java.nio.file.Files.readString(Fixtures.platform().resolve("windows_path_value_program-files-go_ddkwork.txt")).strip();
    }

    @Override
    public Optional<Value> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public void set(String name, Value value) {
        values.put(name, value);
    }

    @Override
    public void remove(String name) {
        values.remove(name);
    }

    @Override
    public void broadcastChange() {}

    @Override
    public String describe() {
        return description;
    }
}
