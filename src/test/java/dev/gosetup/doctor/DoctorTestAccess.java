package dev.gosetup.doctor;

import dev.gosetup.shell.SystemEnvironment;
import java.util.List;

/** The package's own checks for tests in other packages that build their inputs (a real /etc copy). */
public final class DoctorTestAccess {
    private DoctorTestAccess() {}

    public static List<Finding> systemSetupFindings(SystemEnvironment system) {
        return SystemSetupFindings.check(system);
    }
}
