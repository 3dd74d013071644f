package dev.gosetup.shell;

import dev.gosetup.files.AtomicFiles;
import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The system-wide environment IT sets for every account, when the process has the rights:
 * /etc/profile.d/gosetup.sh on Linux (read by every login shell through /etc/profile) and
 * /etc/paths.d/gosetup on macOS (read by path_helper for zsh, bash and GUI apps started from a shell).
 * Both files are wholly ours, so undo deletes them. GOPATH stays per user ($HOME/go, Go's default).
 * The Windows machine environment goes through {@link WindowsUserEnvironment} over HKLM.
 *
 * @param systemRoot "/" on a real machine; a folder in tests
 */
public record SystemEnvironment(String os, Path systemRoot) {
    /** Stands for "any user's home" in the profile.d script, which says $HOME. */
    private static final Path ANY_HOME = Path.of("/home/.gosetup-any-user");

    public record Change(Path file, byte[] before, byte[] after, String diff) {
        public boolean changes() {
            return !java.util.Arrays.equals(before, after);
        }
    }

    public Path file() {
        return os.equals("mac") ? systemRoot.resolve("etc/paths.d/gosetup") : systemRoot.resolve("etc/profile.d/gosetup.sh");
    }

    /** @param sdkRoot a system-wide install root (e.g. /usr/local/sdk), whose go link every user's PATH gets */
    public Change plan(Path sdkRoot, Map<String, String> goVariables, boolean setGoroot) throws IOException {
        byte[] after;
        if (os.equals("mac")) {
            // paths.d holds plain folder names, one per line; no variables are expanded there.
            after = (sdkRoot.resolve("go/bin") + "\n").getBytes(StandardCharsets.UTF_8);
        } else {
            EnvSpec spec = new EnvSpec(ANY_HOME, sdkRoot.resolve("go"), ANY_HOME.resolve("go"), setGoroot, goVariables);
            after = EnvScripts.sh(spec).replace("sh, bash and zsh", "every login shell of every user (/etc/profile)")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return change(after);
    }

    public Change planUndo() throws IOException {
        return change(null);
    }

    private Change change(byte[] after) throws IOException {
        Path f = file();
        byte[] before = StartupFiles.inspect(f).content(); // never opens a FIFO, never reads a huge file whole
        return new Change(f, before, after, Diffs.unified(f.toString(), before, after));
    }

    public void apply(Change c) throws IOException {
        if (!c.changes()) {
            return;
        }
        try {
            if (c.after() == null) {
                Files.deleteIfExists(c.file());
            } else {
                AtomicFiles.write(c.file(), c.after(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (AccessDeniedException e) {
            throw new StartupFileException(c.file(), Problem.of("startup.system.needsAdmin", c.file()), e);
        }
    }
}
