package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An environment key the way the registry keeps one: names matched without regard to case but stored
 * with the case they were created with, REG_SZ and REG_EXPAND_SZ kept apart. Counts writes and broadcasts,
 * and can refuse writes the way Windows does (access denied) to test that no change is left half made.
 */
final class FakeRegistryEnvironment implements UserEnvironment {
    private record Stored(String name, Value value) {}

    private final String description;
    private final boolean machine;
    private final Map<String, Stored> values = new LinkedHashMap<>();
    private final Set<String> refusedNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private boolean refuseAll;
    private int writesAllowed = Integer.MAX_VALUE;
    private int writes;
    private int broadcasts;

    private FakeRegistryEnvironment(String description, boolean machine) {
        this.description = description;
        this.machine = machine;
    }

    static FakeRegistryEnvironment user() {
        return new FakeRegistryEnvironment("HKEY_CURRENT_USER\\Environment", false);
    }

    static FakeRegistryEnvironment machine() {
        return new FakeRegistryEnvironment("HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment", true);
    }

    /** Seeds a REG_EXPAND_SZ value; not counted as a write. */
    FakeRegistryEnvironment expandable(String name, String data) {
        store(name, new Value(data, true));
        return this;
    }

    /** Seeds a REG_SZ value; not counted as a write. */
    FakeRegistryEnvironment plain(String name, String data) {
        store(name, new Value(data, false));
        return this;
    }

    /** Someone else (the user, another program) changes a value; not counted as one of ours. */
    void changedElsewhere(String name, Value value) {
        if (value == null) {
            values.remove(key(name));
        } else {
            store(name, value);
        }
    }

    void refuseWritesTo(String name) {
        refusedNames.add(name);
    }

    /** Like HKLM for a process without administrator rights. */
    void refuseAllWrites() {
        refuseAll = true;
    }

    /** The next {@code n} writes go through, every later one is refused. */
    void allowOnlyWrites(int n) {
        writesAllowed = n;
    }

    /** Every value under the name it is stored with. */
    Map<String, Value> snapshot() {
        Map<String, Value> copy = new LinkedHashMap<>();
        values.values().forEach(s -> copy.put(s.name(), s.value()));
        return copy;
    }

    String storedName(String name) {
        return values.get(key(name)).name();
    }

    int writes() {
        return writes;
    }

    int broadcasts() {
        return broadcasts;
    }

    @Override
    public Optional<Value> get(String name) {
        return Optional.ofNullable(values.get(key(name))).map(Stored::value);
    }

    @Override
    public void set(String name, Value value) throws IOException {
        checkWritable(name);
        writes++;
        store(name, value);
    }

    @Override
    public void remove(String name) throws IOException {
        checkWritable(name);
        if (values.remove(key(name)) != null) {
            writes++;
        }
    }

    @Override
    public void broadcastChange() {
        broadcasts++;
    }

    @Override
    public String describe() {
        return description;
    }

    private void checkWritable(String name) throws IOException {
        if (refuseAll || refusedNames.contains(name) || writesAllowed <= 0) {
            // as RegistryEnvironment reports ERROR_ACCESS_DENIED
            throw new ProblemException(Problem.of(machine ? "registry.machine.denied" : "registry.user.denied", description, name));
        }
        if (writesAllowed != Integer.MAX_VALUE) {
            writesAllowed--;
        }
    }

    /** An existing value keeps the case of its name, as RegSetValueEx leaves it. */
    private void store(String name, Value value) {
        Stored old = values.get(key(name));
        values.put(key(name), new Stored(old == null ? name : old.name(), value));
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
