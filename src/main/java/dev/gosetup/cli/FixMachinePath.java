package dev.gosetup.cli;

import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.ProblemArgumentException;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.MachinePathFix;
import dev.gosetup.shell.WindowsUserEnvironment.MachineCheck;
import dev.gosetup.shell.sources.ShellSources;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code gosetup env [--apply] --fix-machine-path}: on Windows, when a machine-wide Go (the MSI's) comes before ours
 * in every new process, shows what the machine environment will become, asks (unless --yes), and makes the change
 * through one elevation prompt; says "fixed" only when the registry, read again, says our Go wins.
 */
final class FixMachinePath {
    /** Where the fix comes from: the real registry and ShellExecuteEx on Windows; tests put a fake-backed one here. */
    static volatile Function<ShellSources, Optional<MachinePathFix>> source = ShellSources::machinePathFix;

    private FixMachinePath() {}

    static int run(ShellSources where, EnvSpec spec, boolean apply, boolean yes, Messages m, PrintWriter out, PrintWriter err)
            throws Exception {
        MachinePathFix fix = source.apply(where).orElseThrow(() -> new ProblemArgumentException("cli.env.fixMachinePath.onlyOnWindows"));
        MachineCheck now = fix.check(spec);
        if (now.goWins().isEmpty()) {
            out.println(m.get("cli.env.fixMachinePath.nothingToFix", spec.goBin()));
            return ExitCodes.OK;
        }
        now.problem(fix.sdkRoot()).ifPresent(p -> err.println(m.describe(p)));
        out.println(m.get("cli.env.fixMachinePath.heading"));
        fix.plan(spec).diffText().forEach(t -> out.println(m.text(t)));
        if (!apply) {
            out.println(m.get("cli.env.fixMachinePath.howToApply"));
            return ExitCodes.OK;
        }
        if (!yes) {
            if (Terminal.interactive().isEmpty()) {
                err.println(m.get("cli.env.needYes"));
                return ExitCodes.BAD_INPUT;
            }
            String answer = Terminal.interactive().get().readLine(m.get("cli.env.fixMachinePath.confirm"));
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|是|好")) {
                out.println(m.get("cli.env.cancelled"));
                return ExitCodes.OK;
            }
        }
        // Declined prompt, failed administrator run, a Go still first: each a problem the handler words (exit 1).
        fix.run(spec);
        out.println(m.get("cli.env.fixMachinePath.fixed", spec.goBin()));
        return ExitCodes.OK;
    }
}
