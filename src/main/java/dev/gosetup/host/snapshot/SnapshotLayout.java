package dev.gosetup.host.snapshot;

/**
 * The support report format, easy to assemble by hand from captures:
 * <pre>
 * DIR/system.properties    os.name, os.arch, os.version as the process saw them
 * DIR/env.properties       environment variables detection reads
 * DIR/sysctl.txt           macOS: "name: value" lines, as sysctl prints them
 * DIR/windows.properties   Windows: processMachine, nativeMachine as hex (0xaa64), CurrentBuild, ...
 * DIR/uname.txt            optional: one `uname -a` line
 * DIR/root/...             files as found under /
 * </pre>
 */
public final class SnapshotLayout {
    public static final String SYSTEM_PROPERTIES = "system.properties";
    public static final String ENV_PROPERTIES = "env.properties";
    public static final String SYSCTL = "sysctl.txt";
    public static final String WINDOWS_PROPERTIES = "windows.properties";
    public static final String UNAME = "uname.txt";
    public static final String ROOT = "root";

    private SnapshotLayout() {}
}
