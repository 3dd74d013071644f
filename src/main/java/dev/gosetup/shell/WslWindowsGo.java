package dev.gosetup.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Under WSL, /etc/wsl.conf's appendWindowsPath (on by default) appends the Windows PATH to Linux's, so a
 * Windows Go (C:\Program Files\Go\bin → /mnt/c/Program Files/Go/bin/go.exe) can answer to `go` in a
 * shell where Linux's go is missing, or confuse tools that search PATH. This finds such entries.
 */
public final class WslWindowsGo {
    /** What stops Windows PATH entries from being appended (then `wsl --shutdown`). */
    public static final String WSL_CONF_FIX = "[interop]\nappendWindowsPath = false";

    private WslWindowsGo() {}

    /** The PATH entries under /mnt/<drive>/ that hold a go.exe, in PATH order. */
    public static List<Path> find(String path) {
        return find(path, Path.of("/"));
    }

    /** @param fsRoot where "/" is (a folder in tests) */
    static List<Path> find(String path, Path fsRoot) {
        List<Path> out = new ArrayList<>();
        if (path == null) {
            return out;
        }
        for (String entry : path.split(":")) {
            if (entry.matches("/mnt/[a-zA-Z]/.*")) {
                Path dir = fsRoot.resolve(entry.substring(1));
                if (Files.isRegularFile(dir.resolve("go.exe"))) {
                    out.add(Path.of(entry));
                }
            }
        }
        return out;
    }

    /** For this process when it runs under WSL (WSL_DISTRO_NAME is set by every WSL shell). */
    public static Optional<List<Path>> forThisProcess() {
        if (System.getenv("WSL_DISTRO_NAME") == null && System.getenv("WSL_INTEROP") == null) {
            return Optional.empty();
        }
        return Optional.of(find(System.getenv("PATH")));
    }
}
