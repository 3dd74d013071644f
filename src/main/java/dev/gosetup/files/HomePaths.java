package dev.gosetup.files;

import java.nio.file.Path;

/** Paths as people read them: {@code ~/sdk/go1.22.5} rather than {@code /home/alex/sdk/go1.22.5}. */
public final class HomePaths {
    private HomePaths() {}

    /** {@code path} with the home folder written as {@code ~} when it is inside it; otherwise unchanged. */
    public static String display(Path path, Path home) {
        if (home == null || path == null) {
            return String.valueOf(path);
        }
        Path p = path.toAbsolutePath().normalize();
        Path h = home.toAbsolutePath().normalize();
        if (p.equals(h)) {
            return "~";
        }
        return p.startsWith(h) ? "~" + java.io.File.separator + h.relativize(p) : p.toString();
    }
}
