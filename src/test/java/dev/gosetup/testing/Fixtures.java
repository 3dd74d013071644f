package dev.gosetup.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The captures of real machines vendored in src/test/fixtures (README.md there says where they came from). The
 * build passes their folder as {@code gosetup.fixtures}; {@code -Dgosetup.fixtures=DIR} points the tests at another
 * copy. Without the property (a test started from an IDE) the folder is found from the project's base directory,
 * so the tests need nothing beside the checkout and run the same on every CI runner.
 */
public final class Fixtures {
    private Fixtures() {}

    public static Path root() {
        String configured = System.getProperty("gosetup.fixtures");
        Path root = configured != null ? Path.of(configured) : projectDir().resolve("src").resolve("test").resolve("fixtures");
        if (!Files.isDirectory(root)) {
            // Loud, not a skip: a test that silently lost its real inputs would prove nothing.
            throw new IllegalStateException("Fixtures not found at " + root.toAbsolutePath()
                    + (configured != null ? " (set by -Dgosetup.fixtures)" : " (the vendored src/test/fixtures)"));
        }
        return root;
    }

    /** Surefire's {@code basedir}; an IDE's working directory is the project's folder. */
    static Path projectDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
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
