package dev.gosetup.host.live;

import dev.gosetup.host.LiveHostSource;
import dev.gosetup.host.NativeCalls;
import dev.gosetup.host.linux.LinuxNativeCalls;
import dev.gosetup.host.mac.MacNativeCalls;
import dev.gosetup.host.windows.WindowsNativeCalls;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the OS-specific {@link NativeCalls} are chosen: outside {@code host}, so the structure reads one
 * way ({@code host} owns the seam, {@code host.mac}/{@code linux}/{@code windows} implement it, this package
 * picks one). The faces start detection of the running machine through {@link #hostSource()}.
 */
public final class ThisMachine {
    private static final Logger LOG = Logger.getLogger(ThisMachine.class.getName());

    private ThisMachine() {}

    /** This machine, read in-process with the native calls for its OS. */
    public static LiveHostSource hostSource() {
        return new LiveHostSource(Chosen.CALLS);
    }

    /** The native calls for the OS this JVM runs on (chosen once per run). */
    public static NativeCalls nativeCalls() {
        return Chosen.CALLS;
    }

    /** Chosen when first needed: loading a JNA library is not free, and a run that never detects skips it. */
    private static final class Chosen {
        static final NativeCalls CALLS = forOs(System.getProperty("os.name", ""));
    }

    /** The calls for an OS named as {@code os.name} says; none (files and properties only) when JNA cannot load. */
    static NativeCalls forOs(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
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
            LOG.log(Level.WARNING, "Native calls unavailable on " + osName + "; detection falls back to files and properties", e);
        }
        return new NativeCalls() {};
    }
}
