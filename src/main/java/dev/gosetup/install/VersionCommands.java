package dev.gosetup.install;

import dev.gosetup.files.FileOwner;
import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code go1.X.Y} commands: {@code ROOT/bin/go1.22.12}, one per installed version, the names golang.org/dl's
 * wrappers use. The go command's own toolchain switching (GOTOOLCHAIN=auto or path) runs the {@code go1.X.Y} it
 * finds on PATH, so with this folder on PATH a go.mod asking for go1.22.12 gets the verified install, offline.
 *
 * <p>On Linux and macOS each is a relative link {@code ../go1.22.12/bin/go}: the go binary finds its GOROOT
 * through the link, as it does for {@code ROOT/go}. On Windows a link needs developer mode and a hard link of
 * go.exe would not find its GOROOT, so each is a two-line {@code go1.22.12.cmd} that runs
 * {@code ..\go1.22.12\bin\go.exe} (Go looks commands up with PATHEXT, so {@code .cmd} is found).
 *
 * <p>Only what gosetup made here is ever replaced or deleted: a link with exactly our target, a .cmd with exactly
 * our text. A golang.org/dl wrapper lives in GOPATH/bin, not here; anything else found here is left alone and
 * reported as not ours.
 */
public final class VersionCommands {
    public static final String FOLDER = "bin";
    private static final String CMD_MARK = "rem Made by Go Setup Assistant (gosetup)";

    private final Path folder;
    private final boolean windows;

    public VersionCommands(Path sdkRoot, boolean windows) {
        this.folder = sdkRoot.toAbsolutePath().normalize().resolve(FOLDER);
        this.windows = windows;
    }

    public static VersionCommands of(SdkRoot sdk) {
        return new VersionCommands(sdk.path(), System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
    }

    /** The folder the env script puts on PATH. */
    public Path folder() {
        return folder;
    }

    /** Where the command of {@code v} is (whether or not it exists). */
    public Path command(GoVersion v) {
        return folder.resolve(windows ? v.name() + ".cmd" : v.name());
    }

    /** What the command of {@code v} is, as gosetup makes it. */
    public String expectedTarget(GoVersion v) {
        return windows ? cmdText(v) : "../" + v.name() + "/bin/go";
    }

    private static String cmdText(GoVersion v) {
        return "@" + CMD_MARK + " for " + v.name() + "; removed with it.\r\n@\"%~dp0..\\" + v.name() + "\\bin\\go.exe\" %*\r\n";
    }

    /** The state of one version's command. */
    public enum State { MISSING, OURS, NOT_OURS }

    public State state(GoVersion v) {
        Path p = command(v);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return State.MISSING;
        }
        return isOurs(p, v) ? State.OURS : State.NOT_OURS;
    }

    private boolean isOurs(Path p, GoVersion v) {
        try {
            if (windows) {
                return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) < 4096
                        && Files.readString(p, StandardCharsets.UTF_8).equals(cmdText(v));
            }
            return Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().equals(expectedTarget(v));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * Makes the command of {@code v} (atomically: a temporary sibling renamed into place). Returns false and
     * changes nothing when something that is not ours has that name.
     */
    public boolean add(GoVersion v, FileOwner owner) throws IOException {
        State s = state(v);
        if (s == State.OURS) {
            return true;
        }
        if (s == State.NOT_OURS) {
            return false;
        }
        owner.createDirectories(folder);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            // a link or file there: where would the commands go?
            throw new dev.gosetup.i18n.ProblemException(dev.gosetup.i18n.Problem.of("sdk.commands.notFolder", folder));
        }
        Path tmp = folder.resolve(".go-cmd-" + UUID.randomUUID());
        try {
            if (windows) {
                Files.writeString(tmp, cmdText(v), StandardCharsets.UTF_8);
            } else {
                Files.createSymbolicLink(tmp, Path.of(expectedTarget(v)));
            }
            owner.claim(tmp);
            // No REPLACE_EXISTING: a file that appeared meanwhile is someone's and stays.
            Files.move(tmp, command(v), StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return isOurs(command(v), v);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }

    /** Deletes the command of {@code v} when it is ours; true when there is none of ours left. */
    public boolean remove(GoVersion v) throws IOException {
        Path p = command(v);
        if (state(v) == State.OURS) {
            Files.deleteIfExists(p);
        }
        return state(v) != State.OURS;
    }

    /**
     * Every version in the root gets its command, and ours for versions no longer there go (an install made
     * before this existed, or a version removed by hand). Returns the versions whose name is taken by a file that
     * is not ours.
     */
    public List<GoVersion> sync(List<GoVersion> installed, FileOwner owner) throws IOException {
        List<GoVersion> blocked = new ArrayList<>();
        for (GoVersion v : installed) {
            if (!add(v, owner)) {
                blocked.add(v);
            }
        }
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "go*")) {
                for (Path p : entries) {
                    String name = p.getFileName().toString();
                    Optional<GoVersion> v = GoVersion.parse(windows && name.endsWith(".cmd") ? name.substring(0, name.length() - 4) : name);
                    if (v.isPresent() && installed.stream().noneMatch(i -> i.name().equals(v.get().name()))) {
                        remove(v.get());
                    }
                }
            }
        }
        return blocked;
    }
}
