package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.doctor.Doctor;
import dev.gosetup.doctor.DoctorFixes;
import dev.gosetup.doctor.Finding;
import dev.gosetup.doctor.IdeFindings;
import dev.gosetup.doctor.TerminalFindings;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.i18n.Messages;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.shell.terminal.NewTerminal;
import dev.gosetup.shell.terminal.TerminalCheck;
import dev.gosetup.shell.terminal.TerminalReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gosetup doctor}: checks the Go setup, explains each finding, and fixes what it can (asking first). */
@Command(name = "doctor", mixinStandardHelpOptions = true)
public final class DoctorCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOptions where = new HomeOptions();

    @Option(names = "--json", descriptionKey = "gosetup.install.json")
    boolean json;

    @Option(names = "--fix", descriptionKey = "gosetup.doctor.fix")
    boolean fix;

    @Option(names = {"--yes", "-y"}, descriptionKey = "gosetup.install.yes")
    boolean yes;

    @Option(names = "--offline", descriptionKey = "gosetup.doctor.offline")
    boolean offline;

    @Mixin
    ProbeOptions probe = new ProbeOptions();

    DoctorCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Messages m = context.messages();
        PrintWriter out = spec.commandLine().getOut();
        ShellSources shells = where.home != null ? ShellSources.forHome(where.home, where.sdkRoot)
                : ShellSources.forThisUser(context.settings(), context.paths());
        InventorySources installs = new InventorySources(shells.home(), shells.sdkRoot(), context.paths().cacheDir(),
                context.settings().releaseList());
        NewTerminal.Options terminals = probe.options(m);
        List<Finding> findings = new java.util.ArrayList<>();
        findings.add(dev.gosetup.doctor.PolicyFindings.of(context.managed(), context.policyError(), m,
                System.getProperty("os.name", ""), System.getenv()));
        Doctor.Checkup checkup = Doctor.check(shells, installs, ThisMachine.hostSource(), System.getenv(), Path.of("").toAbsolutePath(),
                offline ? null : dev.gosetup.install.InstallSources.of(context.settings(), context.paths(), context.installRoot()), terminals);
        findings.addAll(checkup.findings());
        findings.addAll(updateFindings(shells.sdkRoot()));

        if (json) {
            ArrayNode array = HostJson.mapper().createArrayNode();
            for (Finding f : findings) {
                ObjectNode o = array.addObject();
                o.put("id", f.id());
                o.put("status", f.status().name().toLowerCase(Locale.ROOT));
                o.put("title", m.get(f.key() + ".title", f.argsShown(shells.home())));
                o.put("detail", m.get(f.key() + ".detail", f.argsShown(shells.home())));
                o.put("fix", f.fix() == null ? null : m.get("doctor.fix." + f.fix().name()));
                for (TerminalCheck c : checkup.terminals().checks()) {
                    if (f.id().equals(TerminalFindings.id(c)) || f.id().equals(TerminalFindings.defeatId(c))) {
                        o.set("terminal", TerminalLines.json(c)); // what the shell answered, for scripts
                    }
                }
            }
            out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else {
            for (Finding f : findings) {
                String mark = TerminalLines.mark(m, f);
                out.println(mark + "  " + m.get(f.key() + ".title", f.argsShown(shells.home())));
                if (f.status() != Finding.Status.OK) {
                    m.get(f.key() + ".detail", f.argsShown(shells.home())).lines().forEach(l -> out.println("      " + l));
                    if (f.fix() != null) {
                        out.println("      " + m.get("cli.doctor.canFix", m.get("doctor.fix." + f.fix().name())));
                    }
                }
            }
        }
        List<Finding> fixable = findings.stream().filter(f -> f.status() != Finding.Status.OK && f.fix() != null).toList();
        if (fix && !fixable.isEmpty()) {
            if (!yes) {
                if (Terminal.interactive().isEmpty() || json) {
                    spec.commandLine().getErr().println(m.get("cli.env.needYes"));
                    return ExitCodes.BAD_INPUT;
                }
                String answer = Terminal.interactive().get().readLine(m.get("cli.doctor.confirm", fixable.size()));
                if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|是|好")) {
                    out.println(m.get("cli.env.cancelled"));
                    return failed(findings);
                }
            }
            java.util.Set<Object> done = new java.util.HashSet<>();
            boolean unproven = false;
            boolean pathFixed = fixable.stream().anyMatch(f -> f.fix() != Finding.Fix.CRLF_TO_LF && f.fix() != Finding.Fix.CHECK_SIGNATURE
                    && f.fix() != Finding.Fix.REBUILD_TOOL
                    && f.fix() != Finding.Fix.POINT_VSCODE_GOROOT);
            for (Finding f : fixable) {
                // One env write covers every env finding; a block is placed once below each line that undid it.
                Object which = switch (f.fix()) {
                    case CRLF_TO_LF -> f.fix() + " " + f.args();
                    case PLACE_BLOCK_AFTER -> f.fix() + " " + TerminalFindings.placement(f);
                    case CHECK_SIGNATURE -> f.fix() + " " + f.args(); // one check per version
                    case REBUILD_TOOL -> f.fix() + " " + f.id(); // one rebuild per tool
                    case POINT_VSCODE_GOROOT -> f.fix() + " " + f.arg(IdeFindings.ARG_FILE); // one edit per settings file
                    default -> f.fix();
                };
                if (done.add(which)) {
                    List<DoctorFixes.Change> changes;
                    try {
                        changes = DoctorFixes.apply(f, shells, context.settings(), context.paths().cacheDir());
                    } catch (java.io.IOException | RuntimeException e) {
                        if (f.fix() != Finding.Fix.CHECK_SIGNATURE && f.fix() != Finding.Fix.REBUILD_TOOL) {
                            throw e;
                        }
                        // A version that cannot be proven (offline, changed files) does not stop the other fixes; it is said.
                        spec.commandLine().getErr().println(context.messages().get("cli.error.input", context.messages().describe(e)));
                        unproven = true;
                        continue;
                    }
                    for (DoctorFixes.Change c : changes) {
                        out.println(m.get("cli.env.wrote", c.file()));
                        if (c.backup() != null) {
                            out.println("  " + m.get("cli.env.backup", c.backup()));
                        }
                    }
                }
            }
            // A startup file that is not a file (a FIFO, a device, a folder, far too large) was left alone: the
            // others are fixed, and the exit code says that not everything is.
            boolean leftAlone = unproven
                    || findings.stream().anyMatch(f -> f.id().equals("startup-file") && f.status() == Finding.Status.FAIL);
            if (json) {
                return leftAlone ? ExitCodes.FAILED : ExitCodes.OK;
            }
            if (terminals != null && pathFixed) {
                // Check again with the real shells: a fix is done when new terminals say so.
                TerminalReport again = NewTerminal.check(shells, terminals);
                if (again.ran()) {
                    TerminalLines.print(out, m, again, shells.home(), "cli.doctor.verify.heading");
                    boolean installed = again.checks().stream().anyMatch(c -> java.nio.file.Files.exists(c.intended()));
                    if (installed && !again.newTerminalsFine()) {
                        out.println(m.get("cli.doctor.verify.stillNot"));
                        return ExitCodes.FAILED;
                    }
                }
            }
            out.println(m.get(leftAlone ? "cli.doctor.fixedExceptFiles" : "cli.doctor.fixed"));
            return leftAlone ? ExitCodes.FAILED : ExitCodes.OK;
        }
        return failed(findings);
    }

    /** A newer Go for the active one, from the cached release list (the health check does not fetch it for this). */
    private List<Finding> updateFindings(Path sdkRoot) {
        return dev.gosetup.doctor.UpdateFindings.cached(
                dev.gosetup.install.InstallSources.of(context.settings(), context.paths(), sdkRoot), context.managed());
    }

    private int failed(List<Finding> findings) {
        if (context.policyError().isPresent()) {
            return ExitCodes.BAD_INPUT; // a broken policy is bad input wherever it shows
        }
        return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL) ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
