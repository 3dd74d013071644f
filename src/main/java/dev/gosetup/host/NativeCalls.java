package dev.gosetup.host;

import java.util.Optional;

/**
 * The one seam per OS for what only a system call can tell, made in this process through JNA (a child
 * {@code uname} or {@code sysctl} inherits Rosetta's x86 view and lies). Tests feed captured values
 * through {@link HostSource} instead; these implementations are the only code that needs a real Mac or
 * Windows. This package owns the seam; the implementations (host.mac, host.linux, host.windows) depend on
 * it, and {@code dev.gosetup.host.live.ThisMachine} chooses one at start, so host imports none of them.
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

    /**
     * The user's preferred UI languages as BCP 47 tags, most preferred first (macOS: System Settings' list;
     * Windows: the display languages); empty where the OS keeps none (Linux: the locale variables say it).
     */
    default java.util.List<String> preferredLanguages() {
        return java.util.List.of();
    }
}
