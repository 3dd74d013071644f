package dev.gosetup.cli;

import dev.gosetup.i18n.Messages;
import dev.gosetup.shell.terminal.NewTerminal;
import java.time.Duration;
import picocli.CommandLine.Option;

/** --no-probe and --probe-timeout: whether and how long to ask real shells what a new terminal runs. */
final class ProbeOptions {
    @Option(names = "--no-probe", descriptionKey = "gosetup.opt.noProbe")
    boolean noProbe;

    @Option(names = "--probe-timeout", paramLabel = "SECONDS", descriptionKey = "gosetup.opt.probeTimeout")
    Integer seconds;

    /** @return how to ask the shells, or null when they are not to be started */
    NewTerminal.Options options(Messages m) {
        if (seconds != null && (seconds < 1 || seconds > 120)) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.probeTimeout.bad", String.valueOf(seconds));
        }
        if (noProbe) {
            return null;
        }
        NewTerminal.Options o = NewTerminal.Options.defaults();
        return seconds == null ? o : o.withTimeout(Duration.ofSeconds(seconds));
    }
}
