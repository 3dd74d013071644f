package dev.gosetup.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared, read-only captures of real machines ({@code ../shared/fixtures}). */
public final class Fixtures {
    private Fixtures() {}

    public static Path root() {
        String configured = System.getProperty("gosetup.fixtures");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "fixtures");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Fixtures not found at " + root.toAbsolutePath()
                    + ": the shared/ folder must sit beside the checkout.");
        }
        return root;
    }

    /** Real macOS and Windows files and values (PATH, path_helper, zsh, PowerShell, the Go installers); INDEX.md. */
    public static Path platform() {
        return root().resolve("platform");
    }

    public static Path hosts() {
        return root().resolve("hosts");
    }

    /** A capture's text without its "# SOURCE/MACHINE/NOTE" header (no real capture line starts with "# "). */
    public static String capture(String hostFile) {
        try {
            // Byte for byte after the header: real captures carry real quirks (CR CR LF line ends).
            String text = Files.readString(hosts().resolve(hostFile));
            while (text.startsWith("# ")) {
                int nl = text.indexOf('\n');
                text = nl < 0 ? "" : text.substring(nl + 1);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
