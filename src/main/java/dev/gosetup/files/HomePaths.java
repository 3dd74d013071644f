package dev.gosetup.files;

import java.nio.file.Path;

/** Paths as people read them: {@code ~/sdk/go1.22.5} rather than {@code /home/alex/sdk/go1.22.5}. */
public final class HomePaths {
    private HomePaths() {}

    /**
     * {@code path} with the home folder written as {@code ~} (and / between names, as people type them) when it
     * is inside it; otherwise unchanged. One rule for the CLI, the doctor's findings and every page.
     */
    public static String display(Path path, Path home) {
        if (home == null || path == null || !path.isAbsolute()) {
            return String.valueOf(path);
        }
        Path p = path.normalize();
        Path h = home.toAbsolutePath().normalize();
        if (p.equals(h)) {
            return "~";
        }
        return p.startsWith(h) ? "~/" + h.relativize(p).toString().replace('\\', '/') : p.toString();
    }
}
