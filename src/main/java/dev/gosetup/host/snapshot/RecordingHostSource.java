package dev.gosetup.host.snapshot;

import dev.gosetup.host.HostSource;
import dev.gosetup.host.SysctlValue;
import dev.gosetup.host.Uname;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Passes every read through to another source and remembers what it answered, so that a support report
 * holds exactly what detection read on this machine: no more (no full environment dump), no less.
 */
public final class RecordingHostSource implements HostSource {
    private final HostSource delegate;
    final Map<String, String> systemProperties = new TreeMap<>();
    final Map<String, String> env = new TreeMap<>();
    final Map<String, String> files = new TreeMap<>();
    final Map<String, Boolean> existing = new TreeMap<>();
    final Map<String, SysctlValue> sysctl = new TreeMap<>();
    final Map<String, String> windows = new TreeMap<>();
    Uname uname;

    public RecordingHostSource(HostSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized Optional<String> systemProperty(String name) {
        Optional<String> v = delegate.systemProperty(name);
        v.ifPresent(value -> systemProperties.put(name, value));
        return v;
    }

    @Override
    public synchronized Optional<String> env(String name) {
        Optional<String> v = delegate.env(name);
        v.ifPresent(value -> env.put(name, value));
        return v;
    }

    @Override
    public synchronized Optional<String> file(String absolutePath) {
        Optional<String> v = delegate.file(absolutePath);
        v.ifPresent(value -> files.put(absolutePath, value));
        return v;
    }

    @Override
    public synchronized boolean exists(String absolutePath) {
        boolean e = delegate.exists(absolutePath);
        if (e) {
            existing.put(absolutePath, true);
        }
        return e;
    }

    @Override
    public synchronized SysctlValue sysctl(String name) {
        SysctlValue v = delegate.sysctl(name);
        if (!(v instanceof SysctlValue.NotCaptured)) {
            sysctl.put(name, v);
        }
        return v;
    }

    @Override
    public synchronized Optional<String> windows(String key) {
        Optional<String> v = delegate.windows(key);
        v.ifPresent(value -> windows.put(key, value));
        return v;
    }

    @Override
    public synchronized Optional<Uname> uname() {
        Optional<Uname> u = delegate.uname();
        u.ifPresent(value -> uname = value);
        return u;
    }

    @Override
    public String origin() {
        return delegate.origin();
    }

    public synchronized Map<String, String> filesRead() {
        return Collections.unmodifiableMap(new TreeMap<>(files));
    }
}
