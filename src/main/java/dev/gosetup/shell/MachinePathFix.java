package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.shell.WindowsUserEnvironment.MachineCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Puts our Go before a machine-wide one (the Go MSI's {@code C:\Program Files\Go\bin}) in the machine Path, with one
 * elevation prompt: gosetup's own launcher runs elevated with the machine-scope apply ({@code env --apply --system
 * --sdk-root ROOT --yes}), which only an administrator may do; this side then reads the registry again and checks
 * what new processes will run. Success is that check, never the child's exit code alone: an administrator run that
 * "succeeded" while the MSI's Go still comes first is reported as such.
 */
public final class MachinePathFix {
    /** Exit codes of the elevated gosetup (cli.ExitCodes; the engine does not import the command line). */
    static final int CHILD_FAILED = 1;
    static final int CHILD_REFUSED = 2;
    static final int CHILD_BUSY = 7;

    private final WindowsUserEnvironment user;
    private final WindowsUserEnvironment machineScope;
    private final WindowsUserEnvironment.CheckFor recheck;
    private final Path sdkRoot;
    private final Optional<Path> launcher;
    private final Elevation elevation;

    /**
     * @param user         the user environment, whose plan says which entries are ours
     * @param machineScope the machine environment as the elevated run will write it: read only here, for the preview
     * @param recheck      the machine check, reading the registry afresh each time ({@code user::check} on Windows)
     * @param sdkRoot      the install root whose Go must win
     * @param launcher     gosetup's own launcher ({@link OwnLauncher}); empty when it is not known
     */
    public MachinePathFix(WindowsUserEnvironment user, WindowsUserEnvironment machineScope, WindowsUserEnvironment.CheckFor recheck,
                          Path sdkRoot, Optional<Path> launcher, Elevation elevation) {
        this.user = user;
        this.machineScope = machineScope;
        this.recheck = recheck;
        this.sdkRoot = sdkRoot;
        this.launcher = launcher;
        this.elevation = elevation;
    }

    /** On Windows: against the real registry, checking go.exe on disk. */
    public static MachinePathFix of(WindowsUserEnvironment user, WindowsUserEnvironment machineScope, Path sdkRoot,
                                    Optional<Path> launcher, Elevation elevation) {
        return new MachinePathFix(user, machineScope, user::check, sdkRoot, launcher, elevation);
    }

    public Path sdkRoot() {
        return sdkRoot;
    }

    /** What new processes run now: the machine folder whose go.exe comes before ours, if any. */
    public MachineCheck check(EnvSpec spec) throws IOException {
        return recheck.check(user.plan(spec));
    }

    /** What the elevated run will change in the machine environment, to be shown before the prompt. */
    public WindowsEnvPlan plan(EnvSpec spec) throws IOException {
        return machineScope.plan(machineSpec(spec));
    }

    /**
     * The machine-scope spec the elevated {@code env --apply --system} makes of the same settings: Go's bin and the
     * go1.X.Y commands, the Go variables and GOROOT; GOPATH stays per user.
     */
    static EnvSpec machineSpec(EnvSpec spec) {
        return new EnvSpec(spec.home(), spec.goLink(), spec.goLink(), spec.setGoroot(), spec.goVariables());
    }

    /** The arguments the elevated gosetup gets: the same command the advice shows for an administrator terminal. */
    public List<String> arguments() {
        return List.of("env", "--apply", "--system", "--sdk-root", sdkRoot.toString(), "--yes");
    }

    /**
     * Asks for elevation once, runs the machine-scope apply, and checks the registry again.
     *
     * @return the check after the change, in which our Go wins
     * @throws ElevationDeclined the user answered No; nothing changed
     * @throws ProblemException  no launcher to run, the elevated run failed (by its exit code), or a machine-wide Go
     *                           still comes first ({@code env.windows.machineFix.stillWins}), or the Path new
     *                           processes get is now too long
     */
    public MachineCheck run(EnvSpec spec) throws IOException {
        String command = WindowsUserEnvironment.machineFixCommand(sdkRoot);
        Path program = launcher.orElseThrow(() -> new ProblemException(Problem.of("env.windows.machineFix.noLauncher", command)));
        int code = elevation.run(program, arguments());
        if (code != 0) {
            throw new ProblemException(switch (code) {
                case CHILD_REFUSED -> Problem.of("env.windows.machineFix.childRefused", command);
                case CHILD_BUSY -> Problem.of("env.windows.machineFix.childBusy", command);
                // 1 (failed) and anything else, a crash's NTSTATUS included: the code as Windows gave it
                default -> Problem.of("env.windows.machineFix.childFailed", exitCodeText(code), command);
            });
        }
        MachineCheck after = recheck.check(user.plan(spec));
        if (after.goWins().isPresent()) {
            throw new ProblemException(Problem.of("env.windows.machineFix.stillWins", after.goWins().get(), command));
        }
        if (after.tooLong()) {
            throw new ProblemException(Problem.of("env.windows.machineFix.tooLong", after.processLength(), PathEntries.MAX_LENGTH));
        }
        return after;
    }

    /** 1 as "1"; an NTSTATUS such as 0xC0000005 (a crash) in the hex form Microsoft's docs use. */
    static String exitCodeText(int code) {
        return code >= 0 && code < 0x10000 ? String.valueOf(code) : "0x%08X".formatted(code);
    }
}
