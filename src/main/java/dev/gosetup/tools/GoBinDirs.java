package dev.gosetup.tools;

import dev.gosetup.project.Gotoolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folders `go install` writes to and where older installs may have left tools: GOBIN, and the bin folder of
 * each GOPATH entry. Values are found in the go command's own order (cmd/go's cfg): the environment, then the
 * {@code go env -w} file ($GOENV, else os.UserConfigDir()/go/env; GOENV=off skips it), then $GOROOT/go.env of the
 * active Go; GOPATH defaults to ~/go.
 *
 * @param gobin   GOBIN when set (go install writes there), else null
 * @param gopaths the GOPATH entries, in order
 */
public record GoBinDirs(Path gobin, List<Path> gopaths) {
    /** A go env file larger than this is no env file. */
    static final long MAX_ENV_FILE = 1 << 20;

    public GoBinDirs {
        gopaths = List.copyOf(gopaths);
    }

    /** GOBIN first, then each GOPATH/bin; each folder once. */
    public List<Path> dirs() {
        Map<Path, Boolean> seen = new LinkedHashMap<>();
        if (gobin != null) {
            seen.put(gobin, true);
        }
        gopaths.forEach(p -> seen.putIfAbsent(p.resolve("bin"), true));
        return List.copyOf(seen.keySet());
    }

    /** Where `go install` puts a tool: GOBIN, else the first GOPATH entry's bin. */
    public Path installDir() {
        return gobin != null ? gobin : gopaths.getFirst().resolve("bin");
    }

    /**
     * @param os     mac, linux or windows (as the rest of gosetup names them)
     * @param goroot the active Go's root (for its go.env), or null
     */
    public static GoBinDirs resolve(Map<String, String> env, String os, Path home, Path goroot) {
        String gopath = value("GOPATH", env, os, home, goroot);
        String gobin = value("GOBIN", env, os, home, goroot);
        List<Path> paths = new ArrayList<>();
        if (gopath != null && !gopath.isEmpty()) {
            for (String entry : gopath.split(os.equals("windows") ? ";" : ":")) {
                // the go command refuses relative entries; so are they skipped here
                if (!entry.isEmpty() && Path.of(entry).isAbsolute()) {
                    paths.add(Path.of(entry));
                }
            }
        }
        if (paths.isEmpty()) {
            paths.add(home.resolve("go"));
        }
        Path bin = gobin != null && !gobin.isEmpty() && Path.of(gobin).isAbsolute() ? Path.of(gobin) : null;
        return new GoBinDirs(bin, paths);
    }

    static String value(String key, Map<String, String> env, String os, Path home, Path goroot) {
        String v = env.get(key);
        if (v != null && !v.isEmpty()) {
            return v;
        }
        String goenv = env.get("GOENV");
        if (!"off".equals(goenv)) {
            Path config = Gotoolchain.userConfigDir(os, env, home);
            Path file = goenv != null && !goenv.isEmpty() ? Path.of(goenv) : config == null ? null : config.resolve("go/env");
            Optional<String> fromFile = file == null ? Optional.empty() : envFileValue(file, key);
            if (fromFile.isPresent()) {
                return fromFile.get();
            }
        }
        return goroot == null ? null : envFileValue(goroot.resolve("go.env"), key).orElse(null);
    }

    /** KEY=VALUE in Go's env file format: the first line of the key, '#' lines skipped. */
    static Optional<String> envFileValue(Path file, String key) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_ENV_FILE) {
                return Optional.empty();
            }
            for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#") && line.substring(0, eq).strip().equals(key)) {
                    String value = line.substring(eq + 1).strip();
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // unreadable or not UTF-8: the go command cannot use it either
        }
        return Optional.empty();
    }
}
