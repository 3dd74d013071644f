package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.fetch.CancelToken;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.i18n.Messages;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.release.GoVersion;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.tools.GoBinDirs;
import dev.gosetup.tools.GoBuildInfo;
import dev.gosetup.tools.Tool;
import dev.gosetup.tools.ToolBinary;
import dev.gosetup.tools.ToolRebuilder;
import dev.gosetup.tools.ToolScan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup tools}: the programs in GOBIN and each GOPATH/bin with what their build information says (read
 * from the files, none run), flagging those built with an older Go than the active one or for another CPU;
 * {@code --rebuild [NAME…]} reinstalls them with the active Go after showing the plan.
 */
@Command(name = "tools", mixinStandardHelpOptions = true)
public final class ToolsCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOptions where = new HomeOptions();

    @Option(names = "--json", descriptionKey = "gosetup.install.json")
    boolean json;

    @Option(names = "--rebuild", descriptionKey = "gosetup.tools.rebuild")
    boolean rebuild;

    @Option(names = {"--yes", "-y"}, descriptionKey = "gosetup.install.yes")
    boolean yes;

    @Parameters(paramLabel = "NAME", arity = "0..*", descriptionKey = "gosetup.tools.names")
    List<String> names = new ArrayList<>();

    ToolsCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Messages m = context.messages();
        PrintWriter out = spec.commandLine().getOut();
        ShellSources shells = where.home != null ? ShellSources.forHome(where.home, where.sdkRoot)
                : ShellSources.forThisUser(context.settings(), context.paths());
        HostInfo host = new HostDetector().detect(ThisMachine.hostSource());
        List<InventoryEntry> installs = new InventorySources(shells.home(), shells.sdkRoot(), context.paths().cacheDir(),
                context.settings().releaseList()).inventory(host.arch()).scan();
        Optional<InventoryEntry> active = installs.stream().filter(InventoryEntry::active).findFirst()
                .or(() -> installs.stream().filter(InventoryEntry::sdkActive).findFirst());
        GoVersion activeVersion = active.flatMap(a -> GoVersion.parse(a.install().version())).orElse(null);
        GoBinDirs dirs = GoBinDirs.resolve(System.getenv(), shells.files().os(), shells.home(),
                active.map(a -> a.install().root()).orElse(null));
        ToolScan.Result scan = ToolScan.scan(dirs, activeVersion, host.arch(), System.getProperty("user.name"));
        for (String n : names) {
            if (scan.tools().stream().noneMatch(t -> t.name().equals(n))) {
                spec.commandLine().getErr().println(m.get("cli.tools.unknown", n, dirs.dirs().toString()));
                return ExitCodes.BAD_INPUT;
            }
        }
        List<Tool> shown = scan.named(names);
        if (!rebuild) {
            if (json) {
                out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(scan, shown)));
            } else {
                print(m, out, scan, shown);
            }
            return ExitCodes.OK;
        }
        if (active.isEmpty() || activeVersion == null) {
            spec.commandLine().getErr().println(m.get("cli.tools.noActiveGo"));
            return ExitCodes.BAD_INPUT;
        }
        // Without names: the tools that need it (an older Go, another CPU); with names: those, whatever their state.
        List<Tool> chosen = names.isEmpty() ? shown.stream().filter(t -> t.olderGo() || t.wrongArch()).toList() : shown;
        ToolRebuilder.Plan plan = ToolRebuilder.plan(chosen, active.get().install().root(), activeVersion.name(),
                shells.files().os().equals("windows"));
        if (plan.steps().isEmpty()) {
            out.println(m.get("cli.tools.nothing"));
            return ExitCodes.OK;
        }
        out.println(m.get("cli.tools.plan", activeVersion.name(), plan.go()));
        for (ToolRebuilder.Step s : plan.steps()) {
            out.println("  " + (s.possible() ? m.get("cli.tools.plan.step", s.tool().name(), s.target())
                    : m.get("cli.tools.plan.cannot", s.tool().name(), m.describe(s.cannot()))));
        }
        if (plan.possible().isEmpty()) {
            return ExitCodes.FAILED;
        }
        if (!yes) {
            if (Terminal.interactive().isEmpty() || json) {
                spec.commandLine().getErr().println(m.get("cli.env.needYes"));
                return ExitCodes.BAD_INPUT;
            }
            String answer = Terminal.interactive().get().readLine(m.get("cli.tools.confirm", plan.possible().size()));
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|是|好")) {
                out.println(m.get("cli.env.cancelled"));
                return ExitCodes.OK;
            }
        }
        List<ToolRebuilder.Outcome> outcomes = new ToolRebuilder().run(plan, System.getenv(), new ToolRebuilder.Listener() {
            @Override
            public void started(ToolRebuilder.Step step, int index, int total) {
                if (step.possible()) {
                    out.println(m.get("cli.tools.progress", index + 1, total, step.tool().name(), step.target()));
                    out.flush();
                }
            }

            @Override
            public void finished(ToolRebuilder.Outcome o, int index, int total) {
                switch (o.status()) {
                    case REBUILT -> out.println("  " + m.get("cli.tools.rebuilt", o.step().tool().name(), o.after().buildInfo().goVersion()));
                    case FAILED -> out.println("  " + m.get("cli.tools.failed", o.step().tool().name(), m.describe(o.problem())));
                    case CANCELLED -> out.println("  " + m.get("cli.tools.cancelled", o.step().tool().name()));
                    case SKIPPED -> { } // said in the plan
                }
                out.flush();
            }
        }, new CancelToken());
        boolean allDone = outcomes.stream().allMatch(o -> o.status() == ToolRebuilder.Status.REBUILT);
        return allDone ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void print(Messages m, PrintWriter out, ToolScan.Result scan, List<Tool> shown) {
        out.println(m.get("cli.tools.dirs", String.join(java.io.File.pathSeparator, scan.dirs().dirs().stream().map(Path::toString).toList())));
        scan.dirProblems().forEach(p -> out.println("  " + m.describe(p)));
        if (shown.isEmpty()) {
            out.println(m.get("cli.tools.none"));
            return;
        }
        Path lastDir = null;
        for (Tool t : shown) {
            ToolBinary b = t.binary();
            if (!b.file().getParent().equals(lastDir)) {
                lastDir = b.file().getParent();
                out.println();
                out.println(lastDir + ":");
            }
            GoBuildInfo bi = b.buildInfo();
            String module = bi == null ? "" : bi.main() == null ? bi.path() : bi.path() + "@" + bi.main().version();
            String kind = switch (b.kind()) {
                case GO -> bi.goVersion();
                case NOT_GO -> m.get("cli.tools.notGo");
                case NOT_A_PROGRAM -> m.get("cli.tools.notAProgram");
                case UNREADABLE -> m.describe(b.problem());
            };
            String cgo = bi == null ? "" : bi.setting("CGO_ENABLED").map(v -> "CGO_ENABLED=" + v).orElse("");
            out.println("  " + Columns.pad(t.name(), 16) + " " + Columns.pad(kind, 12) + " " + Columns.pad(String.join("+", b.platforms()), 14)
                    + " " + Columns.pad(cgo, 14) + " " + module);
            if (b.real() != null && !b.real().equals(b.file())) {
                out.println("      " + m.get("cli.tools.link", b.real()));
            }
            if (b.foreignOwner() != null) {
                out.println("      " + m.get("cli.tools.foreign", b.foreignOwner()));
            }
            if (t.olderGo()) {
                out.println("      " + (t.linesBehind() == 0 ? m.get("cli.tools.olderPatch", bi.goVersion(), scan.active().name())
                        : m.get("cli.tools.olderGo", bi.goVersion(), t.linesBehind(), scan.active().name(), t.name())));
            }
            if (t.wrongArch()) {
                out.println("      " + m.get("cli.tools.wrongArch", String.join("+", b.archs()), scan.hostArch(), t.name()));
            }
        }
    }

    private static ArrayNode json(ToolScan.Result scan, List<Tool> shown) {
        ArrayNode array = HostJson.mapper().createArrayNode();
        for (Tool t : shown) {
            ToolBinary b = t.binary();
            ObjectNode o = array.addObject();
            o.put("name", t.name());
            o.put("file", b.file().toString());
            o.put("real", b.real() == null ? null : b.real().toString());
            o.put("kind", b.kind().name().toLowerCase(Locale.ROOT));
            o.put("owner", b.foreignOwner());
            ArrayNode platforms = o.putArray("platforms");
            b.platforms().forEach(platforms::add);
            GoBuildInfo bi = b.buildInfo();
            if (bi != null) {
                o.put("goVersion", bi.goVersion());
                o.put("path", bi.path());
                o.put("module", bi.main() == null ? null : bi.main().path());
                o.put("version", bi.main() == null ? null : bi.main().version());
                o.put("goos", bi.setting("GOOS").orElse(null));
                o.put("goarch", bi.setting("GOARCH").orElse(null));
                o.put("cgo", bi.setting("CGO_ENABLED").map("1"::equals).orElse(null));
                ObjectNode settings = o.putObject("settings");
                bi.settings().forEach(s -> settings.put(s.key(), s.value()));
                ArrayNode deps = o.putArray("deps");
                bi.deps().forEach(d -> deps.add(d.path() + "@" + d.version()));
            }
            o.put("olderGo", t.olderGo());
            o.put("linesBehind", t.linesBehind());
            o.put("activeGo", scan.active() == null ? null : scan.active().name());
            o.put("wrongArch", t.wrongArch());
            o.put("hostArch", scan.hostArch());
            if (b.problem() != null) {
                o.put("problem", b.problem().english());
            }
        }
        return array;
    }
}
