package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.doctor.DoctorFixes;
import dev.gosetup.doctor.Finding;
import dev.gosetup.doctor.IdeFindings;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.i18n.Messages;
import dev.gosetup.ide.VsCodeGorootEdit;
import dev.gosetup.ide.VsCodeSettings;
import dev.gosetup.inventory.StartupPathGo;
import dev.gosetup.settings.ProjectFolders;
import dev.gosetup.shell.sources.ShellSources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup ide}: which Go VS Code and GoLand are set to use, against what a new terminal runs (the same
 * findings as the doctor's, without starting shells); {@code --point-vscode} sets VS Code's go.goroot to the
 * active link (only that value changes; a backup first); {@code --undo} gives the settings files back.
 */
@Command(name = "ide", mixinStandardHelpOptions = true)
public final class IdeCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOptions where = new HomeOptions();

    @Option(names = "--json", descriptionKey = "gosetup.install.json")
    boolean json;

    @Option(names = "--point-vscode", descriptionKey = "gosetup.ide.pointVscode")
    boolean point;

    @Option(names = "--undo", descriptionKey = "gosetup.ide.undo")
    boolean undo;

    @Option(names = {"--yes", "-y"}, descriptionKey = "gosetup.install.yes")
    boolean yes;

    IdeCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Messages m = context.messages();
        PrintWriter out = spec.commandLine().getOut();
        ShellSources shells = where.home != null ? ShellSources.forHome(where.home, where.sdkRoot)
                : ShellSources.forThisUser(context.settings(), context.paths());
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        if (where.home != null) {
            env.remove("XDG_CONFIG_HOME"); // --home moves the whole run there: the IDEs' config folders too
            env.remove("APPDATA");
        }
        if (undo) {
            VsCodeGorootEdit edit = new VsCodeGorootEdit(shells.scriptsDir());
            int n = 0;
            for (Path file : VsCodeSettings.locations(shells.files().os(), shells.home(), env)) {
                if (edit.canUndo(file)) {
                    edit.undo(file);
                    out.println(m.get("cli.ide.undone", file));
                    n++;
                }
            }
            if (n == 0) {
                out.println(m.get("cli.ide.nothingToUndo"));
            }
            return ExitCodes.OK;
        }
        List<Finding> findings = IdeFindings.check(shells.files().os(), shells.home(), env,
                StartupPathGo.of(shells, context.settings()).go(), shells.sdkRoot(),
                new HostDetector().detect(ThisMachine.hostSource()).arch(), new ProjectFolders(shells.scriptsDir()).load());
        List<Finding> fixable = findings.stream().filter(f -> f.status() != Finding.Status.OK && f.fix() != null).toList();
        if (json && !point) {
            ArrayNode array = HostJson.mapper().createArrayNode();
            for (Finding f : findings) {
                ObjectNode o = array.addObject();
                o.put("id", f.id());
                o.put("status", f.status().name().toLowerCase(Locale.ROOT));
                o.put("file", f.arg(IdeFindings.ARG_FILE));
                o.put("configured", f.arg(1));
                o.put("title", m.get(f.key() + ".title", f.args().toArray()));
                o.put("detail", m.get(f.key() + ".detail", f.args().toArray()));
                o.put("fix", f.fix() == null ? null : m.get("doctor.fix." + f.fix().name()));
            }
            out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL) ? ExitCodes.FAILED : ExitCodes.OK;
        }
        if (findings.isEmpty()) {
            out.println(m.get("cli.ide.none"));
        }
        for (Finding f : findings) {
            out.println(TerminalLines.mark(m, f) + "  " + m.get(f.key() + ".title", f.args().toArray()));
            m.get(f.key() + ".detail", f.args().toArray()).lines().forEach(l -> out.println("      " + l));
        }
        if (!point || fixable.isEmpty()) {
            return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL) ? ExitCodes.FAILED : ExitCodes.OK;
        }
        if (!yes) {
            if (Terminal.interactive().isEmpty() || json) {
                spec.commandLine().getErr().println(m.get("cli.env.needYes"));
                return ExitCodes.BAD_INPUT;
            }
            String answer = Terminal.interactive().get().readLine(m.get("cli.doctor.confirm", fixable.size()));
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|是|好")) {
                out.println(m.get("cli.env.cancelled"));
                return ExitCodes.OK;
            }
        }
        for (Finding f : fixable) {
            for (DoctorFixes.Change c : DoctorFixes.apply(f, shells, context.settings())) {
                out.println(m.get("cli.env.wrote", c.file()));
                if (c.backup() != null) {
                    out.println("  " + m.get("cli.env.backup", c.backup()));
                }
            }
        }
        out.println(m.get("cli.ide.undoHint"));
        return ExitCodes.OK;
    }
}
