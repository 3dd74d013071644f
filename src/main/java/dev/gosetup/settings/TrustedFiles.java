package dev.gosetup.settings;

import com.sun.jna.Platform;
import com.sun.jna.platform.win32.Advapi32Util;
import dev.gosetup.files.ProcessUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which files a privileged process (root; on Windows an elevated administrator or SYSTEM) may take
 * instructions from: the policy file and every file it names. Like sudo with sudoers, such a file and
 * every folder above it, up to the top of the file system, must belong to root (Administrators, SYSTEM or
 * TrustedInstaller) and be writable by no one else: whoever may write a folder may replace what is in
 * it, so one user-writable folder on the way lets that user hand root a policy, a release list or a CA.
 * A symbolic link is followed and the folders of its target are checked as well. An ordinary user's
 * process trusts any file it can read: a file could only mislead it into what its user may do anyway.
 *
 * <p>Checking once, before reading, is enough: nothing on a trusted path can change without root.
 */
public final class TrustedFiles {
    private static final Logger LOG = Logger.getLogger(TrustedFiles.class.getName());

    /** For a process without privileges: every readable file is good enough. */
    static final TrustedFiles ANY_OWNER = new TrustedFiles(null);

    /** Who owns one file or folder and who else may change it: the part that differs by operating system. */
    public interface Inspector {
        /**
         * Why an account other than root may change {@code path}, or empty when none may.
         *
         * @param file   the file being checked ({@code path} itself, or a file inside the folder {@code path})
         * @param folder whether {@code path} is a folder above {@code file}
         */
        Optional<Distrust> inspect(Path file, Path path, boolean folder) throws IOException;
    }

    /** How an untrusted path fails. */
    public enum Kind {
        /** The file itself belongs to another account, or others may write it. */
        FILE,
        /** A folder above the file belongs to another account, or others may write it. */
        FOLDER,
        /** A folder every account may write to, such as /tmp: no chmod makes a file there safe. */
        SHARED_FOLDER
    }

    /**
     * @param file  the file that was checked (the policy, a CA file...)
     * @param path  what is at fault: the file itself, or a folder above it (or above the target of a link)
     * @param owner its owner, as the operating system names it
     * @param mode  its permissions: the octal mode ("0666") or the accounts an ACL lets change it
     * @param fix   the commands that make it trustworthy, as one line
     */
    public record Distrust(Kind kind, Path file, Path path, String owner, String mode, String fix) {}

    private final Inspector inspector;

    TrustedFiles(Inspector inspector) {
        this.inspector = inspector;
    }

    /** The rule for this process: checks when it runs as root or an elevated administrator, none otherwise. */
    public static TrustedFiles forThisProcess() {
        return Privileged.IS ? new TrustedFiles(Platform.isWindows() ? WindowsOwnership.live() : new PosixOwnership(
                System.getProperty("os.name", ""))) : ANY_OWNER;
    }

    /** Whether this rule checks anything (the process is privileged). */
    public boolean checks() {
        return inspector != null;
    }

    /**
     * Why {@code file} cannot be trusted, or empty when only root can change it (or this process needs no
     * such guarantee).
     *
     * @throws IOException when the file or a folder above it cannot be examined (a missing file: NoSuchFileException)
     */
    public Optional<Distrust> check(Path file) throws IOException {
        if (inspector == null) {
            return Optional.empty();
        }
        Path given = file.toAbsolutePath();
        Path real = given.toRealPath();
        Set<Path> seen = new LinkedHashSet<>();
        // The path as written: a link on it is not judged itself (its mode means nothing) but the folder
        // holding it is, since whoever may write that folder may point the link elsewhere.
        for (Path p = given; p != null; p = p.getParent()) {
            if (!Files.isSymbolicLink(p) && seen.add(p)) {
                Optional<Distrust> d = inspector.inspect(given, p, !p.equals(given));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        for (Path p = real; p != null; p = p.getParent()) {
            if (seen.add(p)) {
                Optional<Distrust> d = inspector.inspect(given, p, !p.equals(real));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    /** "'/Library/Application Support/x'" for a shell; plain when nothing in it needs quoting. */
    static String quoted(Path path, boolean windows) {
        String s = path.toString();
        if (s.matches("[A-Za-z0-9/._:\\\\-]+")) {
            return s;
        }
        return windows ? "\"" + s + "\"" : "'" + s.replace("'", "'\\''") + "'";
    }

    static String fix(List<String> commands) {
        return String.join(" && ", commands);
    }

    /** Asked once per process: the account does not change while gosetup runs. */
    private static final class Privileged {
        static final boolean IS = Platform.isWindows() ? windowsAdmin() : ProcessUser.isRoot();

        private static boolean windowsAdmin() {
            try {
                return ProcessUser.isMachineAccount() || Advapi32Util.isCurrentProcessElevated();
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                LOG.log(Level.WARNING, "Could not tell whether this process is elevated; policy files are checked as if it were", e);
                return true;
            }
        }
    }
}
