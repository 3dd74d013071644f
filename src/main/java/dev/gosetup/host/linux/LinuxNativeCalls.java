package dev.gosetup.host.linux;

import dev.gosetup.host.NativeCalls;
import dev.gosetup.host.Uname;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Linux: uname(2) through libc. Its machine field is the process's personality (qemu-user shows the guest).
 *
 * <p>Called through the JDK's own foreign function API rather than JNA: on Linux, JNA's first library load runs
 * {@code /sbin/ldconfig -p} (a process) to build its search path, whatever library is asked for, and every command
 * that looks at the host (list, doctor, the window) paid that start of a process (docs/benchmarks.md). macOS and
 * Windows, which need many more calls, stay with JNA.
 */
public final class LinuxNativeCalls implements NativeCalls {
    /** struct utsname on Linux: six fields of _UTSNAME_LENGTH (65) bytes. */
    private static final int FIELD = 65;
    private static final int FIELDS = 6;

    @Override
    public Optional<Uname> uname() {
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle uname = Linker.nativeLinker().downcallHandle(
                    Linker.nativeLinker().defaultLookup().find("uname").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
            MemorySegment buf = arena.allocate((long) FIELD * FIELDS);
            if ((int) uname.invokeExact(buf) != 0) {
                return Optional.empty();
            }
            return Optional.of(new Uname(field(buf, 0), field(buf, 1), field(buf, 2), field(buf, 3), field(buf, 4)));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // no libc symbol, native access refused: the host facts say "not known"
            return Optional.empty();
        }
    }

    /** Field {@code i}, up to its NUL (always within its 65 bytes: the kernel terminates each). */
    private static String field(MemorySegment buf, int i) {
        return buf.asSlice((long) i * FIELD, FIELD).getString(0);
    }
}
