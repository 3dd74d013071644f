package dev.gosetup.doctor;

import dev.gosetup.shell.SystemEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A machine-wide setup (IT's `gosetup env --system` on macOS) that a macOS update has quietly undone: the update
 * puts back its own /etc/zprofile and /etc/profile, our block with them, and every user's new terminal loses the
 * Go and the settings IT chose while /etc/gosetup/env.sh still sits there. Reads two small system files, so it runs
 * with the gathering, not among the pure checks. Nothing to say when there is no system setup.
 */
final class SystemSetupFindings {
    static final String ID = "system-setup-lost";

    private SystemSetupFindings() {}

    static List<Finding> check(SystemEnvironment system) {
        List<Path> lost = system.lostBlocks();
        if (lost.isEmpty()) {
            return List.of();
        }
        String files = lost.stream().map(Path::toString).collect(Collectors.joining(", "));
        return List.of(Finding.warn(ID, "doctor.systemSetupLost", null, files, system.file().toString()));
    }
}
