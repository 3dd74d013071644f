package dev.gosetup.tools;

import dev.gosetup.project.GoEnvFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // The user's file, then GOROOT/go.env; an empty value is unset for go (but still hides go.env's)
        return GoEnvFile.lookup(key, GoEnvFile.userFile(os, env, home).orElse(null), goroot)
                .map(GoEnvFile.Found::value).filter(found -> !found.isEmpty()).orElse(null);
    }
}
