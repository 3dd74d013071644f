package dev.gosetup.shell.posix;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
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
        if (Platform.isLinux()) {
            return fromAccountLinux().or(LoginShell::fromEnvironment);
        }
        try {
            LibC libc = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
            Pointer pw = libc.getpwuid(libc.getuid());
            if (pw != null) {
                Pointer shell = pw.getPointer(shellOffset(Native.POINTER_SIZE, Platform.isMac() || Platform.isFreeBSD()));
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
        return fromEnvironment();
    }

    private static Optional<String> fromEnvironment() {
        return Optional.ofNullable(System.getenv("SHELL")).filter(s -> !s.isBlank());
    }

    /**
     * Linux: getpwuid(getuid())'s pw_shell through the JDK's foreign function API, not JNA: JNA's first library
     * load on Linux runs {@code /sbin/ldconfig -p}, a process, which every command asking for the login shell paid.
     */
    private static Optional<String> fromAccountLinux() {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            MethodHandle getuid = linker.downcallHandle(libc.find("getuid").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            MethodHandle getpwuid = linker.downcallHandle(libc.find("getpwuid").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            MemorySegment pw = (MemorySegment) getpwuid.invokeExact((int) getuid.invokeExact());
            if (pw.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            long offset = shellOffset(ValueLayout.ADDRESS.byteSize(), false);
            MemorySegment shell = pw.reinterpret(offset + ValueLayout.ADDRESS.byteSize())
                    .get(ValueLayout.ADDRESS, offset);
            if (shell.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            String s = shell.reinterpret(4096).getString(0); // a path; PATH_MAX bounds it
            return s.isBlank() ? Optional.empty() : Optional.of(s);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.log(Level.FINE, "getpwuid failed; using $SHELL", e);
            return Optional.empty();
        }
    }

    /**
     * Where pw_shell sits in struct passwd. Linux (glibc, musl): name, passwd, uid, gid, gecos, dir, shell.
     * macOS/BSD add pw_change and pw_class before gecos: name, passwd, uid, gid, change, class, gecos, dir, shell.
     */
    static long shellOffset(long pointerSize, boolean bsdLayout) {
        return bsdLayout ? 2 * pointerSize + 8 + 8 + 3 * pointerSize : 4 * pointerSize + 8;
    }
}
