package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.doctor.Doctor;
import dev.gosetup.doctor.DoctorFixes;
import dev.gosetup.doctor.Finding;
import dev.gosetup.host.LiveHostSource;
import dev.gosetup.i18n.Messages;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.shell.ShellSources;
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
        List<Finding> findings = new java.util.ArrayList<>();
        findings.add(dev.gosetup.doctor.PolicyFindings.of(context.managed(), context.policyError(), m,
                System.getProperty("os.name", ""), System.getenv()));
        findings.addAll(Doctor.run(shells, installs, new LiveHostSource(), System.getenv(), Path.of("").toAbsolutePath(),
                offline ? null : dev.gosetup.install.InstallSources.of(context.settings(), context.paths(), context.installRoot())));

        if (json) {
            ArrayNode array = HostJson.mapper().createArrayNode();
            for (Finding f : findings) {
                ObjectNode o = array.addObject();
                o.put("id", f.id());
                o.put("status", f.status().name().toLowerCase(Locale.ROOT));
                o.put("title", m.get(f.key() + ".title", f.args().toArray()));
                o.put("detail", m.get(f.key() + ".detail", f.args().toArray()));
                o.put("fix", f.fix() == null ? null : m.get("doctor.fix." + f.fix().name()));
            }
            out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else {
            for (Finding f : findings) {
                String mark = switch (f.status()) {
                    case OK -> "ok  ";
                    case WARN -> "WARN";
                    case FAIL -> "FAIL";
                };
                out.println(mark + "  " + m.get(f.key() + ".title", f.args().toArray()));
                if (f.status() != Finding.Status.OK) {
                    m.get(f.key() + ".detail", f.args().toArray()).lines().forEach(l -> out.println("      " + l));
                    if (f.fix() != null) {
                        out.println("      " + m.get("cli.doctor.canFix", m.get("doctor.fix." + f.fix().name())));
                    }
                }
            }
        }
        List<Finding> fixable = findings.stream().filter(f -> f.status() != Finding.Status.OK && f.fix() != null).toList();
        if (fix && !fixable.isEmpty()) {
            if (!yes) {
                if (System.console() == null || json) {
                    spec.commandLine().getErr().println(m.get("cli.env.needYes"));
                    return ExitCodes.BAD_INPUT;
                }
                String answer = System.console().readLine(m.get("cli.doctor.confirm", fixable.size()));
                if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|是|好")) {
                    out.println(m.get("cli.env.cancelled"));
                    return failed(findings);
                }
            }
            java.util.Set<Finding.Fix> done = java.util.EnumSet.noneOf(Finding.Fix.class);
            for (Finding f : fixable) {
                if (f.fix() == Finding.Fix.CRLF_TO_LF || done.add(f.fix())) { // one env write covers every env finding
                    for (DoctorFixes.Change c : DoctorFixes.apply(f, shells, context.settings())) {
                        out.println(m.get("cli.env.wrote", c.file()));
                        if (c.backup() != null) {
                            out.println("  " + m.get("cli.env.backup", c.backup()));
                        }
                    }
                }
            }
            if (!json) {
                out.println(m.get("cli.doctor.fixed"));
            }
            return ExitCodes.OK;
        }
        return failed(findings);
    }

    private int failed(List<Finding> findings) {
        if (context.policyError().isPresent()) {
            return ExitCodes.BAD_INPUT; // a broken policy is bad input wherever it shows
        }
        return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL) ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
