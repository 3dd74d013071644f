package dev.gosetup.shell.posix;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The user's login shell from the OS account (getpwuid), as Terminal.app and login(1) use it. $SHELL is
 * only a fallback: it is inherited, and stays "/bin/bash" in an IDE long after `chsh -s /bin/zsh`.
 */
public final class LoginShell {
    private static final Logger LOG = Logger.getLogger(LoginShell.class.getName());

    interface LibC extends Library {
        int getuid();

        Pointer getpwuid(int uid);
    }

    private LoginShell() {}

    /** The login shell's path, e.g. /bin/zsh; empty on Windows or when neither the account nor $SHELL says. */
    public static Optional<String> path() {
        if (Platform.isWindows()) {
            return Optional.empty();
        }
        try {
            // On Linux by its soname: asked for "c", JNA runs `ldconfig -p` (a process) to find it.
            LibC libc = Native.load(Platform.isLinux() ? "libc.so.6" : Platform.C_LIBRARY_NAME, LibC.class);
            Pointer pw = libc.getpwuid(libc.getuid());
            if (pw != null) {
                Pointer shell = pw.getPointer(shellOffset());
                if (shell != null) {
                    String s = shell.getString(0);
                    if (!s.isBlank()) {
                        return Optional.of(s);
                    }
                }
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(Level.FINE, "getpwuid failed; using $SHELL", e);
        }
        return Optional.ofNullable(System.getenv("SHELL")).filter(s -> !s.isBlank());
    }

    /**
     * Where pw_shell sits in struct passwd. Linux (glibc, musl): name, passwd, uid, gid, gecos, dir, shell.
     * macOS/BSD add pw_change and pw_class before gecos: name, passwd, uid, gid, change, class, gecos, dir, shell.
     */
    static long shellOffset() {
        int p = Native.POINTER_SIZE;
        return Platform.isMac() || Platform.isFreeBSD() ? 2L * p + 8 + 8 + 3L * p : 4L * p + 8;
    }
}
