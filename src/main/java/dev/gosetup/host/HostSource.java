package dev.gosetup.host;

import java.util.Optional;

/**
 * Everything host detection reads, and nothing else. The live implementation asks this process and the
 * OS in-process (JNA, never a child {@code uname}/{@code sysctl}, which lie under Rosetta); a snapshot
 * implementation reads a support report folder. Detection logic sees only this interface, so it runs the
 * same on captured values from any machine.
 */
public interface HostSource {

    /** A JVM system property as this process sees it ({@code os.name}, {@code os.arch}, {@code os.version}). */
    Optional<String> systemProperty(String name);

    /** An environment variable of this process. */
    Optional<String> env(String name);

    /**
     * A small text file by its absolute path on the host (Linux: {@code /proc/cpuinfo},
     * {@code /etc/os-release}, sysfs). Empty when absent or unreadable.
     *
     * @throws SnapshotException when the file exists but is not usable text (binary, too large)
     */
    Optional<String> file(String absolutePath);

    /** Whether a path exists on the host ({@code /.dockerenv}). */
    boolean exists(String absolutePath);

    /** A macOS sysctl, read with sysctlbyname in this process. */
    SysctlValue sysctl(String name);

    /**
     * A Windows fact: {@code processMachine} / {@code nativeMachine} from IsWow64Process2 as hex
     * ({@code 0xaa64}), or a value of HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion
     * ({@code CurrentBuild}, {@code DisplayVersion}, {@code ProductName}, {@code UBR}).
     */
    Optional<String> windows(String key);

    /** uname(2) of this process, read in-process. */
    Optional<Uname> uname();

    /** Where the facts come from, for messages: "this computer" or the snapshot folder. */
    String origin();
}
