package dev.gosetup.host.mac;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.mac.CoreFoundation;
import com.sun.jna.platform.unix.LibCAPI.size_t;
import dev.gosetup.host.NativeCalls;
import dev.gosetup.host.SysctlValue;
import dev.gosetup.host.Uname;
import java.util.Optional;
import java.util.Set;

/**
 * macOS: sysctlbyname(3) and uname(2) in this process. Under Rosetta 2, hw.optional.arm64 and
 * sysctl.proc_translated still tell the truth; a child process would not (it inherits x86 affinity).
 */
public final class MacNativeCalls implements NativeCalls {
    private static final int ENOENT = 2;
    /** sysctls that are strings; all others detection reads are integers. */
    private static final Set<String> STRINGS = Set.of("machdep.cpu.brand_string", "machdep.cpu.vendor", "hw.model",
            "kern.osproductversion", "kern.osrelease", "kern.version", "machdep.cpu.features",
            "machdep.cpu.leaf7_features", "machdep.cpu.extfeatures");

    interface SystemLib extends Library {
        int sysctlbyname(String name, Pointer oldp, size_t.ByReference oldlenp, Pointer newp, size_t newlen);

        int uname(Utsname buf);
    }

    /** struct utsname on Darwin: five fields of _SYS_NAMELEN (256) bytes. */
    @Structure.FieldOrder({"sysname", "nodename", "release", "version", "machine"})
    public static final class Utsname extends Structure {
        public byte[] sysname = new byte[256];
        public byte[] nodename = new byte[256];
        public byte[] release = new byte[256];
        public byte[] version = new byte[256];
        public byte[] machine = new byte[256];
    }

    private final SystemLib lib = Native.load("System", SystemLib.class);

    /** CoreFoundation's call for System Settings' language list (jna-platform maps the array, not this call). */
    interface PreferredLanguagesLib extends Library {
        CoreFoundation.CFArrayRef CFLocaleCopyPreferredLanguages();
    }

    /** The list `defaults read -g AppleLanguages` prints, e.g. zh-Hans-CN, en-CN: what the user put first. */
    @Override
    public java.util.List<String> preferredLanguages() {
        PreferredLanguagesLib cf = Native.load("CoreFoundation", PreferredLanguagesLib.class);
        CoreFoundation.CFArrayRef array = cf.CFLocaleCopyPreferredLanguages();
        if (array == null) {
            return java.util.List.of();
        }
        try {
            java.util.List<String> tags = new java.util.ArrayList<>();
            int count = Math.min(array.getCount(), 64); // a real list has a handful
            for (int i = 0; i < count; i++) {
                Pointer value = array.getValueAtIndex(i);
                if (value != null) {
                    tags.add(new CoreFoundation.CFStringRef(value).stringValue());
                }
            }
            return tags;
        } finally {
            array.release();
        }
    }

    @Override
    public SysctlValue sysctl(String name) {
        size_t.ByReference size = new size_t.ByReference();
        if (lib.sysctlbyname(name, null, size, null, new size_t(0)) != 0) {
            return Native.getLastError() == ENOENT ? SysctlValue.unknown() : SysctlValue.notCaptured();
        }
        long length = size.longValue();
        if (length <= 0 || length > 1 << 20) {
            return SysctlValue.notCaptured();
        }
        Memory buffer = new Memory(length);
        if (lib.sysctlbyname(name, buffer, size, null, new size_t(0)) != 0) {
            return Native.getLastError() == ENOENT ? SysctlValue.unknown() : SysctlValue.notCaptured();
        }
        if (STRINGS.contains(name)) {
            return SysctlValue.present(buffer.getString(0, "UTF-8").strip());
        }
        // Printed as sysctl(8) prints it: signed decimal (hw.cpufamily: -634136515).
        return switch ((int) size.longValue()) {
            case 4 -> SysctlValue.present(Integer.toString(buffer.getInt(0)));
            case 8 -> SysctlValue.present(Long.toString(buffer.getLong(0)));
            default -> SysctlValue.present(buffer.getString(0, "UTF-8").strip());
        };
    }

    @Override
    public Optional<Uname> uname() {
        Utsname u = new Utsname();
        if (lib.uname(u) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Uname(Native.toString(u.sysname), Native.toString(u.nodename),
                Native.toString(u.release), Native.toString(u.version), Native.toString(u.machine)));
    }
}
