package dev.gosetup.shell.posix;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Whether this process runs as root (effective uid 0), asked of libc, not of `id` or $USER (sudo keeps $USER). */
public final class ProcessUser {
    private static final Logger LOG = Logger.getLogger(ProcessUser.class.getName());

    interface LibC extends Library {
        int geteuid();
    }

    private ProcessUser() {}

    /** True for uid 0 on Linux and macOS; always false on Windows (administrators are not uid 0). */
    public static boolean isRoot() {
        if (Platform.isWindows()) {
            return false;
        }
        try {
            return Native.load(Platform.C_LIBRARY_NAME, LibC.class).geteuid() == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(Level.FINE, "geteuid failed; taken as not root", e);
            return false;
        }
    }
}
