package dev.gosetup.doctor;

import dev.gosetup.i18n.Problem;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.MachinePathFix;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Windows: a machine-wide Go (the MSI's {@code C:\Program Files\Go\bin}) on the machine Path, which Windows puts
 * before the user Path in every new process, so no user setting can make ours win. Reads the registry, so it runs with
 * the gathering, not among the pure checks; nothing to say on other systems. The fix is the same one prompt as the
 * Environment step's button and {@code env --apply --fix-machine-path}; the check that follows it is the proof.
 */
public final class MachinePathFindings {
    static final String ID = "machine-go-wins";
    private static final Logger LOG = Logger.getLogger(MachinePathFindings.class.getName());

    private MachinePathFindings() {}

    /** @param fix the machine-Path fix (present on Windows only) */
    public static List<Finding> check(Optional<MachinePathFix> fix, EnvSpec spec) {
        if (fix.isEmpty()) {
            return List.of();
        }
        Optional<Problem> wins;
        try {
            wins = fix.get().check(spec).problem(fix.get().sdkRoot());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The machine environment could not be read", e); // the other checks still count
            return List.of();
        }
        return List.of(wins.map(p -> Finding.fail(ID, "doctor.machineGoWins", Finding.Fix.FIX_MACHINE_PATH, p.args().toArray()))
                .orElseGet(() -> Finding.ok(ID, "doctor.machineGoWins")));
    }
}
