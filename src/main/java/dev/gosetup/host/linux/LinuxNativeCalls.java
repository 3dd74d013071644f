package dev.gosetup.host.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import dev.gosetup.host.NativeCalls;
import dev.gosetup.host.Uname;
import java.util.Optional;

/** Linux: uname(2) through libc. Its machine field is the process's personality (qemu-user shows the guest). */
public final class LinuxNativeCalls implements NativeCalls {

    interface LibC extends Library {
        int uname(Utsname buf);
    }

    /** struct utsname on Linux: six fields of _UTSNAME_LENGTH (65) bytes. */
    @Structure.FieldOrder({"sysname", "nodename", "release", "version", "machine", "domainname"})
    public static final class Utsname extends Structure {
        public byte[] sysname = new byte[65];
        public byte[] nodename = new byte[65];
        public byte[] release = new byte[65];
        public byte[] version = new byte[65];
        public byte[] machine = new byte[65];
        public byte[] domainname = new byte[65];
    }

    // "libc.so.6" by its soname: asked for "c", JNA falls back to running `ldconfig -p` (a process, ~40 ms).
    private final LibC libc = Native.load("libc.so.6", LibC.class);

    @Override
    public Optional<Uname> uname() {
        Utsname u = new Utsname();
        if (libc.uname(u) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Uname(Native.toString(u.sysname), Native.toString(u.nodename),
                Native.toString(u.release), Native.toString(u.version), Native.toString(u.machine)));
    }
}
