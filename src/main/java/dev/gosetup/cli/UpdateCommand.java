package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.i18n.Messages;
import dev.gosetup.install.ArchiveLimits;
import dev.gosetup.install.InstallPlan;
import dev.gosetup.install.Installer;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.ArchiveChooser;
import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import dev.gosetup.release.Release;
import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.update.NewGoCheck;
import dev.gosetup.update.UpdateAdvisor;
import dev.gosetup.update.UpdateNotice;
import dev.gosetup.update.Updater;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup update [--line 1.23]}: the newest patch of the active line (or of a newer line), installed and
 * verified like any install, checked by running it, then made active; the previous version stays installed for
 * {@code gosetup rollback}. The engine's {@link Updater} does the work, as for the window's Update button.
 */
@Command(name = "update", mixinStandardHelpOptions = true)
public final class UpdateCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SdkOptions sdk = new SdkOptions();

    @Option(names = "--line", paramLabel = "1.X", descriptionKey = "gosetup.update.line")
    String line;

    @Option(names = "--platform", paramLabel = "OS-ARCH", descriptionKey = "gosetup.opt.platform")
    String platform;

    @Option(names = "--json", descriptionKey = "gosetup.update.json")
    boolean json;

    @Option(names = {"--yes", "-y"}, descriptionKey = "gosetup.update.yes")
    boolean yes;

    UpdateCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return sdk.closingClient(this::run);
    }

    private Integer run() throws Exception {
        Messages m = context.messages();
        sdk.use(context);
        if (line != null && !line.strip().matches("(go)?\\d+\\.\\d+")) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.update.badLine", VersionArgument.excerpt(line));
        }
        SdkRoot root = sdk.sdk();
        GoVersion active = Updater.activeOf(root); // said before the release list is fetched
        ReleaseCatalog.Loaded loaded = sdk.catalog(context.paths().cacheDir()).load(sdk.catalogSource());
        if (loaded.fromCache() && loaded.staleReason() != null && !json) {
            spec.commandLine().getErr().println(m.get("cli.releases.stale", loaded.age().toHours(), loaded.staleReason()));
        }
        PrintWriter out = spec.commandLine().getOut();
        String wantedLine = line == null ? active.line() : line.strip().replaceFirst("^go", "");
        GoVersion lineStart = GoVersion.parse(wantedLine).orElseThrow();
        if (lineStart.major() < active.major() || lineStart.major() == active.major() && lineStart.minor() < active.minor()) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.update.olderLine", wantedLine, active.name());
        }
        Optional<Release> newest = UpdateAdvisor.newestOfLine(loaded.list(), wantedLine, context.managed().versions());
        if (newest.isEmpty() && line != null) {
            boolean exists = loaded.list().find(wantedLine).isPresent();
            throw exists ? InstallCommand.notAllowed(context, loaded.list().find(wantedLine).get().version())
                    : new dev.gosetup.i18n.ProblemArgumentException("cli.update.noSuchLine", wantedLine, loaded.origin());
        }
        if (newest.isEmpty() || newest.get().version().compareTo(active) <= 0) {
            Optional<UpdateNotice> notice = UpdateAdvisor.advise(loaded.list(), active, context.managed().versions());
            GoVersion newerLine = notice.map(UpdateNotice::newerLine).orElse(null);
            if (json) {
                ObjectNode o = HostJson.mapper().createObjectNode();
                o.put("updated", false);
                o.put("active", active.name());
                o.put("newerLine", newerLine == null ? null : newerLine.name());
                out.println(HostJson.mapper().writeValueAsString(o));
            } else {
                out.println(m.get("cli.update.upToDate", active.name()));
                if (newerLine != null) {
                    out.println(m.get("cli.update.newerLineHint", newerLine.name(), newerLine.line()));
                }
            }
            return ExitCodes.OK;
        }
        Release release = newest.get();
        Platform target = target();
        GoFile file = switch (new ArchiveChooser().choose(release, target)) {
            case ArchiveChooser.Choice.Found f -> f.file();
            case ArchiveChooser.Choice.NoBuild n -> throw new InstallCommand.NoBuildException("cli.install.noBuild",
                    release.version().name(), n.platform());
        };
        if (sdk.archivesBesideCatalog().isPresent()
                && !java.nio.file.Files.isRegularFile(sdk.archivesBesideCatalog().get().resolve(file.filename()))) {
            throw new dev.gosetup.fetch.DownloadException(dev.gosetup.i18n.Problem.of("cli.install.notBesideCatalog",
                    file.filename(), sdk.archivesBesideCatalog().get()));
        }
        InstallPlan plan = sdk.plan(release.version(), file);
        root.requireInstallable(plan.version());
        if (!json) {
            out.println(m.get("cli.update.plan", active.name(), plan.version().name(), ArchiveName.printable(file.filename()),
                    plan.source()));
            out.flush();
        }
        if (!yes) {
            if (Terminal.interactive().isEmpty() || json) {
                spec.commandLine().getErr().println(m.get("cli.update.needYes"));
                return ExitCodes.BAD_INPUT;
            }
            String answer = Terminal.interactive().get().readLine(m.get("cli.update.confirm", plan.version().name()));
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|是|好")) {
                out.println(m.get("cli.update.cancelled", active.name()));
                return ExitCodes.OK;
            }
        }
        boolean interactive = Terminal.interactive().isPresent() && !json;
        TerminalProgress progress = interactive ? new TerminalProgress(spec.commandLine().getErr(), m) : null;
        CancelToken cancel = new CancelToken();
        Thread hook = new Thread(cancel::cancel, "gosetup-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        Updater.Result result;
        try {
            Installer installer = new Installer(root, sdk.downloader(), ArchiveLimits.defaults(), sdk.archiveSignatures());
            result = new Updater(root, installer, NewGoCheck.standard()).update(plan, progress != null ? progress : ProgressListener.NONE, cancel);
        } finally {
            if (progress != null) {
                progress.newline();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the cancel hook has done its work
            }
        }
        if (json) {
            ObjectNode o = HostJson.mapper().createObjectNode();
            o.put("updated", true);
            o.put("from", result.previous().name());
            o.put("to", result.now().name());
            o.put("dir", result.install().dir().toString());
            o.put("sha256", result.install().sha256());
            o.set("verified", VerificationJson.of(result.install().verified()));
            o.put("goVersion", result.checked().versionLine());
            o.put("goroot", result.checked().goroot());
            o.put("goos", result.checked().goos());
            o.put("goarch", result.checked().goarch());
            out.println(HostJson.mapper().writeValueAsString(o));
        } else {
            out.println(m.get("cli.update.done", result.now().name(), result.previous().name(),
                    dev.gosetup.files.HomePaths.display(result.install().dir(), sdk.home())));
            out.println(m.text(dev.gosetup.install.VerificationRecord.summary(result.install().verified())));
            out.println(m.get("cli.update.checked", result.checked().versionLine(), result.checked().goroot()));
            out.println(m.get("cli.update.rollbackHint", result.previous().name()));
            // Tools in GOPATH/bin built with the Go just replaced (or for another CPU) are offered a rebuild.
            int stale = dev.gosetup.tools.ToolRebuilder.staleAfterUpdate(sdk.home(), result.install().dir(), result.now(),
                    new HostDetector().detect(ThisMachine.hostSource()).arch());
            if (stale > 0) {
                out.println(m.get("cli.update.toolsStale", stale));
            }
        }
        return ExitCodes.OK;
    }

    private Platform target() {
        if (platform != null) {
            return Platform.parse(platform);
        }
        Platform p = Platform.of(new HostDetector().detect(ThisMachine.hostSource()));
        if (p == null) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.install.noPlatform");
        }
        return p;
    }
}
