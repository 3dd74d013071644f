package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.files.HomePaths;
import dev.gosetup.i18n.Messages;
import dev.gosetup.project.ProjectLookup;
import dev.gosetup.project.ProjectReport;
import dev.gosetup.project.Request;
import dev.gosetup.shell.sources.ShellSources;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup project [DIR]}: which Go the project in DIR asks for (go.work, go.mod, .go-version,
 * .tool-versions), which installed one gives it, and what {@code go} runs there in a new terminal and why;
 * {@code --install} installs what is missing through the normal verified install.
 */
@Command(name = "project", mixinStandardHelpOptions = true)
public final class ProjectCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SdkOptions sdk = new SdkOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", descriptionKey = "gosetup.project.dir")
    Path dir;

    @Option(names = "--install", descriptionKey = "gosetup.project.install")
    boolean install;

    @Option(names = "--platform", paramLabel = "OS-ARCH", descriptionKey = "gosetup.opt.platform")
    String platform;

    @Option(names = "--allow-amd64", descriptionKey = "gosetup.install.allowAmd64")
    boolean allowAmd64;

    @Option(names = "--json", descriptionKey = "gosetup.install.json")
    boolean json;

    @Option(names = {"--yes", "-y"}, descriptionKey = "gosetup.install.yes")
    boolean yes;

    ProjectCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Messages m = context.messages();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            err.println(m.get("cli.project.noFolder", folder));
            return ExitCodes.BAD_INPUT;
        }
        ProjectReport report = lookup().report(folder);
        if (install && !report.missing().isEmpty()) {
            if (!yes) {
                if (Terminal.interactive().isEmpty() || json) {
                    err.println(m.get("cli.project.needYes", String.join(", ", report.missing())));
                    return ExitCodes.BAD_INPUT;
                }
                String answer = Terminal.interactive().get().readLine(m.get("cli.project.confirm", String.join(", ", report.missing())));
                if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|是|好")) {
                    out.println(m.get("cli.env.cancelled"));
                    return ExitCodes.OK;
                }
            }
            for (String version : report.missing()) {
                int code = installOne(version);
                if (code != ExitCodes.OK) {
                    return code;
                }
            }
            report = lookup().report(folder);
        }
        if (json) {
            out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report)));
        } else {
            print(out, m, report);
        }
        return ExitCodes.OK;
    }

    /** The install command itself, with this command's release-list and mirror options: the same pipeline and checks. */
    private int installOne(String version) throws Exception {
        InstallCommand one = new InstallCommand(context);
        picocli.CommandLine line = new picocli.CommandLine(one); // gives it its own spec to print through
        line.setOut(json ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut()); // --json: only the project's JSON
        line.setErr(spec.commandLine().getErr());
        one.sdk = sdk;
        one.version = version;
        one.yes = true;
        one.json = json;
        one.platform = platform;
        one.allowAmd64 = allowAmd64;
        return one.call();
    }

    private ProjectLookup lookup() {
        Path home = sdk.where.home();
        Path sdkRoot = sdk.where.sdkRoot != null ? sdk.where.sdkRoot : sdk.where.chosenByRule(context);
        ShellSources user = sdk.where.home != null ? ShellSources.forHome(sdk.where.home, sdkRoot)
                : ShellSources.forThisUser(context.settings(), context.paths());
        ShellSources shells = new ShellSources(user.files(), home, user.scriptsDir(), sdkRoot, user.loginShell());
        Map<String, String> env = new HashMap<>(System.getenv());
        if (sdk.where.home != null) {
            env.remove("XDG_CONFIG_HOME"); // --home moves the whole run there: Go's config dir too
            env.remove("GOENV");
        }
        return ProjectLookup.of(shells, context.settings(), env);
    }

    private void print(PrintWriter out, Messages m, ProjectReport r) {
        Path home = sdk.where.home();
        out.println(m.get("cli.project.header", HomePaths.display(r.files().dir(), home)));
        if (r.files().requests().isEmpty()) {
            out.println("  " + m.get("cli.project.noFiles"));
        }
        for (Request q : r.files().requests()) {
            String where = m.get("cli.project.request", HomePaths.display(q.file(), home), q.line(), (q.key() + " " + q.raw()).strip());
            String need = switch (q.kind()) {
                case INVALID -> m.get("cli.project.invalid");
                case DEFAULT -> m.get("cli.project.toolchainDefault");
                default -> r.needs().stream().filter(n -> n.request() == q).findFirst().map(n -> n.installed()
                                .map(v -> m.get("cli.project.needInstalled", n.toolchain(), v.name()))
                                .orElseGet(() -> m.get("cli.project.needMissing", n.toolchain())))
                        .orElse(m.get("cli.project.notRead"));
            };
            out.println("  " + where + " — " + need);
        }
        for (var u : r.files().unreadable()) {
            out.println("  " + m.get(u.reasonKey(), HomePaths.display(u.file(), home)));
        }
        r.winner().ifPresent(w -> out.println(m.get(r.winnerWhy(), w.fileName)));
        out.println(r.start().map(s -> m.get("cli.project.start", s.version().isEmpty() ? "?" : s.version(), HomePaths.display(s.binary(), home)))
                .orElse(m.get("cli.project.startNone")));
        var g = r.gotoolchain();
        out.println(m.get("project.gotoolchain." + g.where().name(), g.value(), g.file() == null ? "" : HomePaths.display(g.file(), home)));
        ProjectReport.Outcome o = r.outcome();
        String local = r.start().map(ProjectReport.StartGo::version).orElse("?");
        String runs = o.runs() == null ? "" : HomePaths.display(o.runs(), home);
        String result = m.get("project.result." + o.result().name(), o.toolchain() == null ? "" : o.toolchain(), runs, local);
        out.println(o.runs() == null ? result
                : m.get("text.then", result, m.get(o.verified() ? "project.verified" : "project.notVerified")));
        out.println("  " + m.get(o.whyKey(), local, o.toolchain() == null ? "" : o.toolchain(),
                r.files().goFile().map(f -> f.getFileName().toString()).orElse("go.mod")));
        if (o.goMessage() != null) {
            out.println("  " + o.goMessage());
        }
        if (r.versionFileOnly()) {
            if (r.folderHook() != ProjectReport.FolderHook.ON) { // its advice is moot when the hook does it
                out.println(m.get("cli.project.versionFileOnly", r.winner().get().fileName));
            }
            out.println(m.get("project.folderHook." + r.folderHook().name(), r.winner().get().fileName, r.gotoolchain().value()));
        }
        for (ProjectReport.Conflict c : r.conflicts()) {
            out.println(m.get(c.key(), c.a().source().fileName, (c.a().key() + " " + c.a().raw()).strip(), c.b().source().fileName, c.b().raw()));
        }
        if (r.advice() != null) {
            out.println(m.get(r.advice()));
        }
        if (r.missing().isEmpty()) {
            out.println(m.get("cli.project.nothingMissing"));
        } else {
            out.println(m.get("cli.project.missing", String.join(", ", r.missing())));
        }
    }

    static ObjectNode toJson(ProjectReport r) {
        ObjectNode o = HostJson.mapper().createObjectNode();
        o.put("dir", r.files().dir().toString());
        ArrayNode files = o.putArray("requests");
        for (Request q : r.files().requests()) {
            ObjectNode f = files.addObject();
            f.put("file", q.file().toString());
            f.put("source", q.source().fileName);
            f.put("line", q.line());
            f.put("key", q.key());
            f.put("value", q.raw());
            f.put("kind", q.kind().name().toLowerCase(Locale.ROOT));
            f.put("version", q.version());
            r.needs().stream().filter(n -> n.request() == q).findFirst().ifPresent(n -> {
                f.put("needs", n.toolchain());
                f.put("installed", n.installed().map(v -> v.name()).orElse(null));
            });
        }
        ArrayNode unreadable = o.putArray("unreadable");
        r.files().unreadable().forEach(u -> unreadable.addObject().put("file", u.file().toString()).put("reason", u.reasonKey()));
        o.put("decides", r.winner().map(w -> w.fileName).orElse(null));
        o.put("decidesWhy", r.winnerWhy());
        ObjectNode start = o.putObject("newTerminal");
        start.put("go", r.start().map(s -> s.binary().toString()).orElse(null));
        start.put("version", r.start().map(ProjectReport.StartGo::version).orElse(null));
        ObjectNode g = o.putObject("gotoolchain");
        g.put("value", r.gotoolchain().value());
        g.put("from", r.gotoolchain().where().name().toLowerCase(Locale.ROOT));
        g.put("file", r.gotoolchain().file() == null ? null : r.gotoolchain().file().toString());
        ObjectNode runs = o.putObject("runs");
        ProjectReport.Outcome out = r.outcome();
        runs.put("result", out.result().name().toLowerCase(Locale.ROOT));
        runs.put("toolchain", out.toolchain());
        runs.put("binary", out.runs() == null ? null : out.runs().toString());
        runs.put("verified", out.verified());
        runs.put("why", out.whyKey());
        runs.put("goMessage", out.goMessage());
        ArrayNode conflicts = o.putArray("conflicts");
        for (ProjectReport.Conflict c : r.conflicts()) {
            conflicts.addObject().put("kind", c.key().substring(c.key().lastIndexOf('.') + 1))
                    .put("file", c.a().file().toString()).put("value", c.a().raw())
                    .put("otherFile", c.b().file().toString()).put("otherValue", c.b().raw());
        }
        o.put("advice", r.advice());
        o.put("folderHook", r.folderHook().name().toLowerCase(Locale.ROOT));
        ArrayNode missing = o.putArray("missing");
        List.copyOf(r.missing()).forEach(missing::add);
        return o;
    }
}
