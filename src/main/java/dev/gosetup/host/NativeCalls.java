package dev.gosetup.host;

import dev.gosetup.host.linux.LinuxNativeCalls;
import dev.gosetup.host.mac.MacNativeCalls;
import dev.gosetup.host.windows.WindowsNativeCalls;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one seam per OS for what only a system call can tell, made in this process through JNA (a child
 * {@code uname} or {@code sysctl} inherits Rosetta's x86 view and lies). Tests feed captured values
 * through {@link HostSource} instead; these implementations are the only code that needs a real Mac or
 * Windows.
 */
public interface NativeCalls {

    default Optional<Uname> uname() {
        return Optional.empty();
    }

    default SysctlValue sysctl(String name) {
        return SysctlValue.notCaptured();
    }

    default Optional<String> windows(String key) {
        return Optional.empty();
    }

    /** The calls for the OS this JVM runs on; none when the native library cannot be loaded. */
    static NativeCalls forThisOs() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.startsWith("mac")) {
                return new MacNativeCalls();
            }
            if (os.startsWith("windows")) {
                return new WindowsNativeCalls();
            }
            if (os.startsWith("linux")) {
                return new LinuxNativeCalls();
            }
        } catch (LinkageError e) {
            Logger.getLogger(NativeCalls.class.getName()).log(Level.WARNING,
                    "Native calls unavailable on " + os + "; detection falls back to files and properties", e);
        }
        return new NativeCalls() {};
    }
}
