package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.doctor.TerminalFindings;
import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.ProblemArgumentException;
import dev.gosetup.settings.InstallRootChoice;
import dev.gosetup.settings.PolicySetting;
import dev.gosetup.files.ProcessUser;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.Conflict;
import dev.gosetup.shell.EnvScripts;
import dev.gosetup.shell.EnvSetup;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.shell.StartupFiles;
import dev.gosetup.shell.SystemEnvironment;
import dev.gosetup.shell.WslWindowsGo;
import dev.gosetup.shell.WindowsEnvPlan;
import dev.gosetup.shell.WindowsUserEnvironment;
import dev.gosetup.shell.terminal.NewTerminal;
import dev.gosetup.shell.terminal.TerminalCheck;
import dev.gosetup.shell.terminal.TerminalReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup env}: PATH, GOPATH and the Go variables for the user's shells. Shows the exact change
 * first (the default); writes only with --apply, and asks unless --yes.
 */
@Command(name = "env", mixinStandardHelpOptions = true)
public final class EnvCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--shell", paramLabel = "SHELL", split = ",", descriptionKey = "gosetup.env.shell")
    List<String> shellNames = List.of();

    static final class Action {
        @Option(names = "--print", descriptionKey = "gosetup.env.print")
        boolean print;
        @Option(names = "--diff", descriptionKey = "gosetup.env.diff")
        boolean diff;
        @Option(names = "--apply", descriptionKey = "gosetup.env.apply")
        boolean apply;
        @Option(names = "--undo", descriptionKey = "gosetup.env.undo")
        boolean undo;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Action action = new Action();

    @picocli.CommandLine.Mixin
    HomeOptions homeOptions = new HomeOptions();

    @Option(names = "--gopath", paramLabel = "DIR", descriptionKey = "gosetup.env.gopath")
    Path gopath;

    @Option(names = "--set-goroot", negatable = true, descriptionKey = "gosetup.env.setGoroot")
    Boolean setGoroot;

    @Option(names = "--folder-versions", negatable = true, descriptionKey = "gosetup.env.folderVersions")
    Boolean folderVersions;

    @Option(names = "--go-env", paramLabel = "NAME=VALUE", descriptionKey = "gosetup.env.goEnv")
    Map<String, String> goEnv = new LinkedHashMap<>();

    @Option(names = "--disable-conflicts", descriptionKey = "gosetup.env.disableConflicts")
    boolean disableConflicts;

    @Option(names = "--system", descriptionKey = "gosetup.env.system")
    boolean system;

    @Option(names = "--fix-machine-path", descriptionKey = "gosetup.env.fixMachinePath")
    boolean fixMachinePath;

    /** Tests point the system-wide files at a folder instead of /. */
    @Option(names = "--system-root", hidden = true)
    Path systemRoot = Path.of("/");

    @Option(names = "--json", descriptionKey = "gosetup.install.json")
    boolean json;

    @Option(names = {"--yes", "-y"}, descriptionKey = "gosetup.install.yes")
    boolean yes;

    @picocli.CommandLine.Mixin
    ProbeOptions probe = new ProbeOptions();

    EnvCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Messages m = context.messages();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = settingsWithOptions(m);
        NewTerminal.Options terminals = probe.options(m); // a bad --probe-timeout is refused before anything is written
        if (fixMachinePath) {
            if (system || action.undo || action.print || action.diff || !shellNames.isEmpty()) {
                throw new ProblemArgumentException("cli.env.fixMachinePath.notWithOthers");
            }
            ShellSources where = sources(settings);
            return FixMachinePath.run(where, where.spec(settings), action.apply, yes, m, out, err);
        }
        if (system) {
            return systemWide(settings, m, out, err);
        }
        // An MDM script runs as root (SYSTEM on Windows): on a managed machine its `env --apply` is for every
        // account, not for root's own dotfiles. --home still names one account's files.
        if (homeOptions.home == null && context.managed().active() && ProcessUser.isMachineAccount()) {
            err.println(m.get("cli.env.machineAccount"));
            return systemWide(settings, m, out, err);
        }
        ShellSources where = sources(settings);
        EnvSetup setup = where.setup();
        EnvSpec envSpec = where.spec(settings);
        Set<Shell> shells = shells(where, m);

        if (action.print) {
            Shell shell = shells.iterator().next();
            out.print(switch (shell) {
                case FISH -> EnvScripts.fish(envSpec);
                case PWSH, CMD -> EnvScripts.powershell(envSpec);
                default -> EnvScripts.sh(envSpec);
            });
            out.flush();
            return ExitCodes.OK;
        }
        java.util.Optional<WindowsUserEnvironment> windows = java.util.Optional.empty();
        if (shells.contains(Shell.CMD)) {
            windows = where.windows();
            if (windows.isEmpty()) {
                throw new ProblemArgumentException(where.files().os().equals("windows") ? "cli.env.cmdOtherAccount"
                        : "cli.env.cmdOnlyOnWindows");
            }
        }
        EnvSetup.Plan plan = action.undo ? setup.planUndo(shells) : setup.plan(envSpec, shells, Set.of());
        WindowsEnvPlan windowsPlan = windows.isPresent() && !action.undo ? windows.get().plan(envSpec) : null;
        // The machine Path comes first in every new process: an MSI's Go there beats anything in the user Path.
        WindowsUserEnvironment.MachineCheck machineCheck = windowsPlan != null ? windows.get().check(windowsPlan) : null;
        if (disableConflicts && !action.undo) {
            plan = setup.plan(envSpec, shells, Set.copyOf(plan.conflicts().stream().filter(Conflict::canDisable).toList()));
        }
        boolean write = action.apply || action.undo;
        // A file that is not a file (a FIFO, a device, a folder) or is far too large is left alone and named; the
        // others go ahead, and the exit code says that not everything could be set up.
        int done = plan.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        if (json && !write) {
            out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(plan, null)));
            return plan.problems().isEmpty() ? done : ExitCodes.FAILED;
        }
        if (!json) {
            describe(plan, out, m);
            if (windowsPlan != null && windowsPlan.changesAnything()) {
                out.println(m.get("cli.env.windows"));
                windowsPlan.diffText().forEach(t -> out.println(m.text(t)));
            }
            if (machineCheck != null) {
                machineCheck.problem(where.sdkRoot()).ifPresent(p -> {
                    err.println(m.describe(p));
                    err.println(m.get("cli.env.fixMachinePath.hint"));
                });
            }
            if (shells.contains(Shell.PWSH) && where.files().os().equals("windows") && !where.files().windowsPowerShellRunsScripts()) {
                out.println(m.get(shells.contains(Shell.CMD) ? "env.windows.ps51NoScripts" : "env.windows.ps51NoScripts.noCmd"));
            }
            plan.skipped().forEach(u -> err.println(unusable(m, u)));
        }
        if (!plan.problems().isEmpty()) {
            plan.problems().forEach(p -> err.println(m.get("cli.env.problem", m.describe(p.what()))));
            err.println(m.get("cli.env.nothingWritten"));
            return ExitCodes.FAILED;
        }
        if (!write) {
            if (!plan.effective().isEmpty() || windowsPlan != null && windowsPlan.changesAnything()) {
                out.println(m.get("cli.env.howToApply"));
            }
            return done;
        }
        boolean windowsWork = windows.isPresent() && (action.undo ? windows.get().hasRecord() : windowsPlan.changesAnything());
        if (plan.effective().isEmpty() && !windowsWork) {
            TerminalReport report = action.undo ? TerminalReport.NONE : newTerminals(where, shells, terminals);
            if (json) {
                ObjectNode o = toJson(plan, null);
                if (report.ran()) {
                    o.set("newTerminals", TerminalLines.json(report));
                }
                out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
            } else {
                out.println(m.get(action.undo ? "cli.env.nothingToUndo" : "cli.env.upToDate"));
                if (report.ran()) {
                    TerminalLines.print(out, m, report, where.home(), "cli.env.verify.heading");
                    out.println(verdict(report, where, m));
                }
            }
            return done;
        }
        if (!yes) {
            if (Terminal.interactive().isEmpty() || json) {
                err.println(m.get("cli.env.needYes"));
                return ExitCodes.BAD_INPUT;
            }
            String answer = Terminal.interactive().get().readLine(m.get(action.undo ? "cli.env.confirmUndo" : "cli.env.confirmApply"));
            if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).matches("y|yes|是|好")) {
                out.println(m.get("cli.env.cancelled"));
                return ExitCodes.OK;
            }
        }
        java.util.Optional<WindowsUserEnvironment> win = windows;
        EnvSetup.Result result;
        try {
            // the Windows environment and the settings are saved under the same lock as the files: two writers
            // at once end with settings, scripts and blocks that agree
            result = setup.apply(plan, () -> {
                if (win.isPresent()) {
                    if (action.undo) {
                        win.get().undo().notes().forEach(n -> out.println(m.text(n)));
                    } else {
                        win.get().apply(envSpec);
                    }
                }
                if (!action.undo) {
                    context.apply(settings);
                    context.save();
                }
            });
        } catch (EnvSetup.PartlyAppliedException e) {
            // never "nothing was written" when something was: say exactly what was
            err.println(m.get("cli.error.input", m.describe(e.getCause())));
            e.done().written().forEach(p -> err.println(m.get("cli.env.wrote", p)));
            e.done().deleted().forEach(p -> err.println(m.get("cli.env.deleted", p)));
            e.done().backups().forEach(p -> err.println(m.get("cli.env.backup", p)));
            err.println(m.get("cli.env.partlyDone"));
            return ExitCodes.FAILED;
        }
        // What a new terminal will run now, asked of the real shells: the proof the change works.
        TerminalReport report = action.undo ? TerminalReport.NONE : newTerminals(where, shells, terminals);
        if (json) {
            ObjectNode o = toJson(plan, result);
            if (report.ran()) {
                o.set("newTerminals", TerminalLines.json(report));
            }
            out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
            result.written().forEach(p -> out.println(m.get("cli.env.wrote", p)));
            result.deleted().forEach(p -> out.println(m.get("cli.env.deleted", p)));
            result.backups().forEach(p -> out.println(m.get("cli.env.backup", p)));
            java.util.Optional<dev.gosetup.i18n.Problem> beaten = machineCheck == null ? java.util.Optional.empty()
                    : machineCheck.problem(where.sdkRoot());
            if (beaten.isPresent()) {
                // Written, but not done: never "applied" while another Go still wins in every new terminal.
                err.println(m.describe(beaten.get()));
                err.println(m.get("cli.env.fixMachinePath.hint"));
                return ExitCodes.FAILED;
            }
            if (action.undo || !report.ran()) {
                out.println(m.get(action.undo ? "cli.env.undone" : "cli.env.applied"));
            } else {
                out.println();
                TerminalLines.print(out, m, report, where.home(), "cli.env.verify.heading");
                out.println(verdict(report, where, m));
            }
            if (!action.undo && settings.folderVersions()) {
                // say plainly where the per-folder Go does not reach
                err.println(envSpec.folderVersionSuffix().isEmpty()
                        ? m.get("cli.env.folderVersionsLeftOut", settings.goEnv().getOrDefault("GOTOOLCHAIN", ""))
                        : m.get("cli.env.folderVersionsShells"));
            }
            if (!result.skipped().isEmpty()) {
                err.println(m.get("cli.env.leftAlone", result.skipped().size()));
            }
        }
        return result.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Whose shells: --home's, else this account's, with --sdk-root or the install root a managed machine uses. */
    private ShellSources sources(Settings settings) {
        Path sdkRoot = homeOptions.chosenSdkRoot(context); // --sdk-root, else where install puts Go on a managed machine
        return homeOptions.home != null ? ShellSources.forHome(homeOptions.home, sdkRoot)
                : ShellSources.forThisUser(sdkRoot != null ? settings.withSdkRoot(sdkRoot.toString()) : settings, context.paths());
    }

    /** A startup file left alone, in the user's language: what it is and what to do. */
    static String unusable(Messages m, StartupFiles.Unusable u) {
        return m.get("startup.unusable." + u.kind().name() + ".detail", u.file(), u.real(), String.valueOf(u.sizeMb()));
    }

    /** What a new terminal of each of these shells runs, asked of the real shells; NONE when not to ask. */
    private static TerminalReport newTerminals(ShellSources where, Set<Shell> shells, NewTerminal.Options terminals) {
        Set<Shell> probed = EnumSet.noneOf(Shell.class);
        probed.addAll(shells);
        probed.remove(Shell.CMD); // the Windows user environment: no shell to start
        return terminals == null || probed.isEmpty() ? TerminalReport.NONE : NewTerminal.check(where, probed, terminals);
    }

    /** The last word: done (and what go version will say), nothing installed yet, or not done yet. */
    private static String verdict(TerminalReport report, ShellSources where, Messages m) {
        if (report.newTerminalsFine()) {
            String version = report.first().map(TerminalCheck::version).orElse("");
            return m.get("cli.env.verify.done", version);
        }
        if (!java.nio.file.Files.exists(where.sdkRoot().resolve("go"))) {
            return m.get("cli.env.verify.nothingInstalled", TerminalFindings.tilde(where.sdkRoot().toString(), where.home()));
        }
        return m.get("cli.env.verify.notYet");
    }

    /** --system: /etc/profile.d/gosetup.sh, /etc/paths.d/gosetup or the Windows machine environment. */
    private int systemWide(Settings settings, Messages m, PrintWriter out, PrintWriter err) throws Exception {
        // A managed machine needs no --sdk-root: the policy's, else where the machine account's install puts
        // Go (/usr/local/sdk; %ProgramData%\gosetup\sdk on Windows).
        Path sdkRoot = homeOptions.sdkRoot != null ? homeOptions.sdkRootPath(context)
                : context.managed().active() ? InstallRootChoice.choose(true, context.managed(), settings, homeOptions.home()) : null;
        if (sdkRoot == null) {
            throw new ProblemArgumentException("cli.env.systemNeedsRoot");
        }
        String os = ShellFiles.osOf(System.getProperty("os.name", ""));
        EnvSpec spec = new EnvSpec(dev.gosetup.settings.UserHome.current(), sdkRoot.resolve("go"), sdkRoot.resolve("go"),
                settings.setGoroot(), settings.goEnv());
        if (os.equals("windows")) {
            WindowsUserEnvironment machine = WindowsUserEnvironment.machine(dev.gosetup.shell.windows.RegistryEnvironment.forMachine(),
                    dev.gosetup.shell.WindowsEnvEditor.withProcessEnvironment(), context.paths().configDir());
            WindowsEnvPlan p = machine.plan(spec);
            p.diffText().forEach(t -> out.println(m.text(t)));
            if (!action.apply && !action.undo) {
                return ExitCodes.OK;
            }
            if (!yes) {
                err.println(m.get("cli.env.needYes"));
                return ExitCodes.BAD_INPUT;
            }
            if (action.undo) {
                machine.undo();
            } else {
                machine.apply(spec);
            }
            out.println(m.get(action.undo ? "cli.env.undone" : "cli.env.applied"));
            return ExitCodes.OK;
        }
        SystemEnvironment sys = new SystemEnvironment(os, systemRoot);
        SystemEnvironment.Plan plan = action.undo ? sys.planUndo() : sys.plan(sdkRoot, settings.goEnv(), settings.setGoroot());
        if (json) {
            ObjectNode o = HostJson.mapper().createObjectNode();
            o.put("file", sys.file().toString());
            var files = o.putArray("files");
            for (SystemEnvironment.Change change : plan.changes()) {
                ObjectNode f = files.addObject();
                f.put("file", change.file().toString());
                f.put("change", !change.changes() ? "none" : change.after() == null ? "delete" : change.before() == null ? "create" : "modify");
            }
            o.put("diff", plan.diff());
            o.put("applied", (action.apply || action.undo) && yes && plan.changesAnything());
            if (o.get("applied").asBoolean()) {
                sys.apply(plan);
            }
            out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
            return ExitCodes.OK;
        }
        if (!plan.changesAnything()) {
            out.println(m.get(action.undo ? "cli.env.nothingToUndo" : "cli.env.upToDate"));
            return ExitCodes.OK;
        }
        out.print(plan.diff());
        if (!action.apply && !action.undo) {
            out.println(m.get("cli.env.howToApply"));
            return ExitCodes.OK;
        }
        if (!yes) {
            err.println(m.get("cli.env.needYes"));
            return ExitCodes.BAD_INPUT;
        }
        sys.apply(plan);
        for (SystemEnvironment.Change change : plan.changes()) {
            if (change.changes()) {
                out.println(m.get(change.after() == null ? "cli.env.deleted" : "cli.env.wrote", change.file()));
            }
        }
        return ExitCodes.OK;
    }

    private Settings settingsWithOptions(Messages m) {
        Settings s = context.settings();
        Map<String, String> vars = new LinkedHashMap<>(s.goEnv());
        for (Map.Entry<String, String> e : goEnv.entrySet()) {
            if (!Settings.GO_VARIABLES.contains(e.getKey())) {
                throw new ProblemArgumentException("cli.env.unknownVariable", e.getKey(), String.join(", ", Settings.GO_VARIABLES));
            }
            if (e.getKey().equals("GOTOOLCHAIN") && !Settings.validGotoolchain(e.getValue())) {
                throw new ProblemArgumentException("cli.env.badGotoolchain", VersionArgument.excerpt(e.getValue()));
            }
            ManagedOptions.refuseContradiction(context, PolicySetting.goVariable(e.getKey()).orElseThrow(), e.getValue(),
                    "--go-env " + e.getKey());
            vars.put(e.getKey(), e.getValue());
        }
        if (gopath != null) {
            ManagedOptions.refuseContradiction(context, PolicySetting.GOPATH, gopath.toAbsolutePath().toString(), "--gopath");
        }
        Settings chosen = s.withEnvironment(gopath != null ? gopath.toAbsolutePath().toString() : s.gopath(),
                setGoroot != null ? setGoroot : s.setGoroot(), vars);
        return folderVersions != null ? chosen.withFolderVersions(folderVersions) : chosen;
    }

    private Set<Shell> shells(ShellSources where, Messages m) {
        if (!shellNames.isEmpty()) {
            Set<Shell> chosen = EnumSet.noneOf(Shell.class);
            for (String name : shellNames) {
                chosen.add(Shell.parse(name).orElseThrow(() -> new ProblemArgumentException("cli.env.unknownShell", name)));
            }
            return chosen;
        }
        return where.defaultShells();
    }

    private void describe(EnvSetup.Plan plan, PrintWriter out, Messages m) {
        out.println(m.get("cli.env.shells", String.join(", ", plan.shells().stream().map(s -> s.id).toList())));
        for (EnvSetup.FileChange c : plan.effective()) {
            String action = c.after() == null ? "cli.env.willDelete" : c.before().exists() ? "cli.env.willChange" : "cli.env.willCreate";
            String change = m.get(action, c.path());
            out.println(c.before().viaLink() ? m.get("text.then", change, m.get("cli.env.viaLink", c.before().real())) : change);
        }
        if (!plan.effective().isEmpty()) {
            out.println();
            out.print(plan.diff());
        }
        for (Conflict c : plan.conflicts()) {
            out.println(m.get("cli.env.conflict", c.file(), c.line() + 1, c.text().strip(), m.get(c.explanationKey())));
        }
        WslWindowsGo.forThisProcess().filter(l -> !l.isEmpty()).ifPresent(dirs ->
                out.println(m.get("env.wsl.windowsGo", dirs.getFirst(), WslWindowsGo.WSL_CONF_FIX)));
        if (plan.conflicts().stream().anyMatch(Conflict::canDisable) && !disableConflicts) {
            out.println(m.get("cli.env.conflictHint"));
        }
    }

    private ObjectNode toJson(EnvSetup.Plan plan, EnvSetup.Result result) {
        ObjectNode o = HostJson.mapper().createObjectNode();
        o.put("action", plan.undo() ? "undo" : "apply");
        o.put("applied", result != null);
        ArrayNode shells = o.putArray("shells");
        plan.shells().forEach(s -> shells.add(s.id));
        ArrayNode files = o.putArray("files");
        for (EnvSetup.FileChange c : plan.changes()) {
            ObjectNode f = files.addObject();
            f.put("path", c.path().toString());
            f.put("real", c.before().real().toString());
            f.put("shell", c.shell() == null ? null : c.shell().id);
            f.put("change", !c.changes() ? "none" : c.after() == null ? "delete" : c.before().exists() ? "modify" : "create");
            f.put("diff", c.diff());
        }
        ArrayNode conflicts = o.putArray("conflicts");
        for (Conflict c : plan.conflicts()) {
            ObjectNode x = conflicts.addObject();
            x.put("file", c.file().toString());
            x.put("line", c.line() + 1);
            x.put("text", c.text());
            x.put("kind", c.kind().name());
            x.put("canDisable", c.canDisable());
        }
        ArrayNode problems = o.putArray("problems");
        plan.problems().forEach(p -> problems.addObject().put("file", p.file().toString()).put("key", p.what().key())
                .put("message", context.messages().describe(p.what())));
        ArrayNode skipped = o.putArray("skipped");
        for (StartupFiles.Unusable u : result != null ? result.skipped() : plan.skipped()) {
            skipped.addObject().put("file", u.file().toString()).put("real", u.real().toString())
                    .put("kind", u.kind().name()).put("message", unusable(context.messages(), u));
        }
        if (result != null) {
            ArrayNode backups = o.putArray("backups");
            result.backups().forEach(b -> backups.add(b.toString()));
        }
        return o;
    }
}
