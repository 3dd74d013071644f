package dev.gosetup.shell;

import dev.gosetup.files.AtomicFiles;
import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system-wide environment IT sets for every account, when the process has the rights. GOPATH stays per user
 * ($HOME/go, Go's default); the policy's Go variables (GOPROXY, GOPRIVATE, GOFLAGS, GOROOT …) go to everyone.
 * <ul>
 *   <li>Linux: /etc/profile.d/gosetup.sh, read by every login shell through /etc/profile; wholly ours.</li>
 *   <li>macOS: /etc/gosetup/env.sh (wholly ours), sourced by a marked block at the end of /etc/zprofile and
 *   /etc/profile — after their path_helper line, so our Go comes before what path_helper puts first
 *   (/etc/paths, then /etc/paths.d in name order, where the official .pkg's {@code go} sorts before anything
 *   called gosetup) and before Homebrew's. A paths.d file cannot do that, nor carry a variable: the
 *   /etc/paths.d/gosetup of earlier versions is removed.</li>
 * </ul>
 * The Windows machine environment goes through {@link WindowsUserEnvironment} over HKLM.
 *
 * @param systemRoot "/" on a real machine; a folder in tests
 */
public record SystemEnvironment(String os, Path systemRoot) {
    /** Stands for "any user's home" in the scripts, which say $HOME. */
    private static final Path ANY_HOME = Path.of("/home/.gosetup-any-user");

    /** One system file going from {@code before} to {@code after} (null: absent). */
    public record Change(Path file, byte[] before, byte[] after, String diff) {
        public boolean changes() {
            return !java.util.Arrays.equals(before, after);
        }
    }

    /** Every file a system-wide setup (or its undo) touches, in the order they are written. */
    public record Plan(List<Change> changes) {
        public Plan {
            changes = List.copyOf(changes);
        }

        public boolean changesAnything() {
            return changes.stream().anyMatch(Change::changes);
        }

        public String diff() {
            return changes.stream().filter(Change::changes).map(Change::diff).collect(java.util.stream.Collectors.joining());
        }
    }

    /** The script every login shell runs: profile.d on Linux, /etc/gosetup/env.sh on macOS. */
    public Path file() {
        return os.equals("mac") ? systemRoot.resolve("etc/gosetup/env.sh") : systemRoot.resolve("etc/profile.d/gosetup.sh");
    }

    /** @param sdkRoot a system-wide install root (e.g. /usr/local/sdk), whose go link every user's PATH gets */
    public Plan plan(Path sdkRoot, Map<String, String> goVariables, boolean setGoroot) throws IOException {
        EnvSpec spec = new EnvSpec(ANY_HOME, sdkRoot.resolve("go"), ANY_HOME.resolve("go"), setGoroot, goVariables);
        if (!os.equals("mac")) {
            return new Plan(List.of(whole(file(), EnvScripts.sh(spec).replace("sh, bash and zsh", "every login shell of every user (/etc/profile)"))));
        }
        String script = EnvScripts.sh(spec).replace("sh, bash and zsh", "every login zsh and bash of every user (/etc/zprofile, /etc/profile)");
        return new Plan(List.of(whole(file(), script), block(zprofile(), true), block(profile(), true), whole(legacyPathsD(), null)));
    }

    public Plan planUndo() throws IOException {
        if (!os.equals("mac")) {
            return new Plan(List.of(whole(file(), null)));
        }
        return new Plan(List.of(block(zprofile(), false), block(profile(), false), whole(file(), null), whole(legacyPathsD(), null)));
    }

    /**
     * On macOS, the files that should source the machine-wide env script but no longer do: a macOS update rewrites
     * /etc/zprofile and /etc/profile from its own copies (as 26.0 did to /etc/zprofile), and with them goes our
     * block — every user's zsh then starts without the Go IT set up. Empty when no system setup was made (no
     * script), elsewhere than macOS, or when every block is in place. A file that cannot be read safely is listed too.
     */
    public List<Path> lostBlocks() {
        if (!os.equals("mac") || !Files.isRegularFile(file())) {
            return List.of();
        }
        List<Path> lost = new java.util.ArrayList<>();
        for (Path f : List.of(zprofile(), profile())) {
            try {
                byte[] content = StartupFiles.inspect(f).content();
                if (content == null || !BlockEditor.hasBlock(content)) {
                    lost.add(f);
                }
            } catch (IOException e) {
                lost.add(f); // damaged block, a FIFO, unreadable: it does not run our script either
            }
        }
        return List.copyOf(lost);
    }

    private Path zprofile() {
        return systemRoot.resolve("etc/zprofile");
    }

    private Path profile() {
        return systemRoot.resolve("etc/profile");
    }

    private Path legacyPathsD() {
        return systemRoot.resolve("etc/paths.d/gosetup");
    }

    /** The lines our block in /etc/zprofile and /etc/profile holds: run the script if it is there. */
    private List<String> sourceLines() {
        String script = file().toString();
        return List.of("# Go for every user, set up by IT with gosetup (undo: sudo gosetup env --system --undo)",
                "[ -r '" + script + "' ] && . '" + script + "'");
    }

    private Change whole(Path f, String text) throws IOException {
        byte[] before = StartupFiles.inspect(f).content(); // never opens a FIFO, never reads a huge file whole
        byte[] after = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        return new Change(f, before, after, Diffs.unified(f.toString(), before, after));
    }

    /** A marked block at the end of a file macOS owns (kept as it is around the block; undone by removing it). */
    private Change block(Path f, boolean wanted) throws IOException {
        byte[] before = StartupFiles.inspect(f).content();
        byte[] after;
        if (wanted) {
            after = BlockEditor.apply(before == null ? new byte[0] : before, sourceLines(), BlockEditor.Placement.END_OF_FILE);
        } else {
            after = before == null ? null : BlockEditor.undo(before);
        }
        return new Change(f, before, after, Diffs.unified(f.toString(), before, after));
    }

    public void apply(Plan plan) throws IOException {
        for (Change c : plan.changes()) {
            apply(c);
        }
    }

    private void apply(Change c) throws IOException {
        if (!c.changes()) {
            return;
        }
        try {
            if (c.after() == null) {
                Files.deleteIfExists(c.file());
                return;
            }
            Path target = Files.exists(c.file()) ? c.file().toRealPath() : c.file(); // /etc is /private/etc on macOS
            if (c.before() != null) {
                // A file the OS owns: its content before our first change is kept beside it, once.
                Path backup = target.resolveSibling(target.getFileName() + ".gosetup-backup");
                if (!Files.exists(backup, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !BlockEditor.hasBlock(c.before())) {
                    AtomicFiles.write(backup, c.before(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
            Files.createDirectories(target.getParent());
            AtomicFiles.write(target, c.after(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (AccessDeniedException e) {
            throw new StartupFileException(c.file(), Problem.of("startup.system.needsAdmin", c.file()), e);
        }
    }
}
