package dev.gosetup.files;

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

    /**
     * Whether this process acts for the whole machine: root (uid 0) on Linux and macOS, the LocalSystem
     * account on Windows, where MDM agents (Intune, SCCM) run their scripts. An administrator's own
     * account is not: it has a profile of its own, and its changes are for itself.
     */
    public static boolean isMachineAccount() {
        return MachineAccount.IS;
    }

    /**
     * Asked once per process: the account does not change while gosetup runs, and the window asks for
     * every install root it shows (on the FX thread), which should not load libc each time.
     */
    private static final class MachineAccount {
        static final boolean IS = Platform.isWindows()
                ? isWindowsSystemAccount(System.getProperty("user.name"), System.getProperty("user.home"))
                : isRoot();
    }

    /** LocalSystem: named SYSTEM, its profile under Windows\System32\config\systemprofile. */
    static boolean isWindowsSystemAccount(String userName, String home) {
        return "SYSTEM".equalsIgnoreCase(userName)
                || home != null && home.replace('/', '\\').toLowerCase(java.util.Locale.ROOT).endsWith("\\config\\systemprofile");
    }

    /** True for uid 0 on Linux and macOS; always false on Windows (administrators are not uid 0). */
    public static boolean isRoot() {
        if (Platform.isWindows()) {
            return false;
        }
        // Linux: /proc/self belongs to this process's effective uid (proc(5)). Asked at every start (the
        // folders, the trust checks), so no native library has to be loaded for it.
        try {
            return (Integer) java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid") == 0;
        } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException noProc) {
            // macOS and the BSDs have no /proc: libc's geteuid
        }
        try {
            return Native.load(Platform.C_LIBRARY_NAME, LibC.class).geteuid() == 0;
        } catch (LinkageError | RuntimeException e) {
            // JNA cannot load here (an image started without its native folder): the account's name still tells
            LOG.log(Level.FINE, "geteuid failed; judged by the account name", e);
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
