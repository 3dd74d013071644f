package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.i18n.Messages;
import dev.gosetup.install.ArchiveLimits;
import dev.gosetup.install.InstallPlan;
import dev.gosetup.install.InstallResult;
import dev.gosetup.install.Installer;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.ArchiveChooser;
import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import dev.gosetup.release.Release;
import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.settings.VersionRules;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup install [VERSION|latest]}: the right archive for this machine's native CPU, verified
 * and unpacked side by side under ~/sdk. The first version installed becomes the active one.
 */
@Command(name = "install", mixinStandardHelpOptions = true)
public final class InstallCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SdkOptions sdk = new SdkOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "VERSION", descriptionKey = "gosetup.install.versionArg")
    String version = LATEST;

    private static final String LATEST = "latest";

    @Option(names = "--archive", paramLabel = "FILE", descriptionKey = "gosetup.install.archive")
    Path archive;

    @Option(names = "--sha256", paramLabel = "HEX", descriptionKey = "gosetup.install.sha256")
    String sha256;

    @Option(names = "--platform", paramLabel = "OS-ARCH", descriptionKey = "gosetup.opt.platform")
    String platform;

    @Option(names = "--from", paramLabel = "SNAPSHOT", descriptionKey = "gosetup.install.from")
    Path from;

    @Option(names = "--allow-amd64", descriptionKey = "gosetup.install.allowAmd64")
    boolean allowAmd64;

    @Option(names = "--dry-run", descriptionKey = "gosetup.install.dryRun")
    boolean dryRun;

    @Option(names = "--json", descriptionKey = "gosetup.install.json")
    boolean json;

    @Option(names = {"--yes", "-y"}, descriptionKey = "gosetup.install.yes")
    boolean yes;

    InstallCommand(AppContext context) {
        this.context = context;
    }

    /** The release has no build for the platform (and no consent for the alternative). */
    /** No download for the platform (exit 4): said as a problem, in the user's language. */
    static final class NoBuildException extends dev.gosetup.i18n.ProblemException {
        NoBuildException(String key, Object... args) {
            super(dev.gosetup.i18n.Problem.of(key, args));
        }
    }

    @Override
    public Integer call() throws Exception {
        return sdk.closingClient(this::run);
    }

    private Integer run() throws Exception {
        Messages m = context.messages();
        sdk.use(context);
        if (archive == null) {
            version = VersionArgument.check(version, m); // "" is a mistake, not "latest"
        }
        SdkRoot root = sdk.sdk();
        root.requireActiveLinkOrNothing(); // said before the release list is fetched, not after the install
        Platform target = target();
        InstallPlan plan = archive != null ? localPlan(target) : catalogPlan(target);
        if (!context.managed().versions().permits(plan.version())) {
            throw notAllowed(context, plan.version());
        }
        root.requireInstallable(plan.version()); // a dry run says it too; the installer checks again under the lock
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            if (json) {
                ObjectNode o = HostJson.mapper().createObjectNode();
                o.put("version", plan.version().name());
                o.put("filename", plan.file().filename());
                o.put("url", plan.source().toString());
                o.put("sha256", plan.file().sha256());
                o.put("size", plan.file().size());
                o.put("target", root.versionDir(plan.version()).toString());
                out.println(HostJson.mapper().writeValueAsString(o));
            } else {
                out.println(m.get("cli.install.plan", plan.version().name(), plan.file().filename(), plan.source(),
                        plan.file().sha256(), plan.file().size(), root.versionDir(plan.version())));
            }
            return ExitCodes.OK;
        }
        boolean interactive = Terminal.interactive().isPresent() && !json;
        TerminalProgress progress = interactive ? new TerminalProgress(spec.commandLine().getErr(), m) : null;
        CancelToken cancel = new CancelToken();
        Thread hook = new Thread(cancel::cancel, "gosetup-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        InstallResult result;
        try {
            result = new Installer(root, sdk.downloader(), ArchiveLimits.defaults(), sdk.archiveSignatures())
                    .install(plan, progress != null ? progress : ProgressListener.NONE, cancel);
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
        boolean activated = false;
        if (root.active().isEmpty()) {
            root.activate(plan.version());
            activated = true;
        }
        if (json) {
            ObjectNode o = HostJson.mapper().createObjectNode();
            o.put("version", result.version());
            o.put("dir", result.dir().toString());
            o.put("sha256", result.sha256());
            o.put("size", result.size());
            o.put("goVersion", result.goVersion());
            o.putPOJO("goEnv", result.goEnv());
            o.put("binaryPlatform", result.binaryPlatform());
            o.put("alreadyInstalled", result.alreadyInstalled());
            o.set("verified", VerificationJson.of(result.verified()));
            o.put("active", activated || root.active().map(a -> a.sameAs(plan.version())).orElse(false));
            out.println(HostJson.mapper().writeValueAsString(o));
        } else {
            String where = dev.gosetup.files.HomePaths.display(result.dir(), sdk.home());
            java.util.Optional<GoVersion> active = root.active();
            boolean isActive = active.map(a -> a.sameAs(plan.version())).orElse(false);
            String key = result.alreadyInstalled()
                    ? (isActive ? "install.summary.alreadyActive" : "install.summary.alreadyInactive")
                    : (isActive ? "install.summary.active" : "install.summary.inactive");
            out.println(m.get(key, where, active.map(GoVersion::name).orElse("-"), plan.version().name().replaceFirst("^go", "")));
            out.println(m.text(dev.gosetup.install.VerificationRecord.summary(result.verified())));
            out.println(m.get("cli.install.checked", result.goVersion() == null ? m.get("cli.install.notRun") : result.goVersion(),
                    result.binaryPlatform() == null ? "?" : result.binaryPlatform()));
            if (activated) {
                out.println(m.get("cli.install.activated", dev.gosetup.files.HomePaths.display(root.path().resolve(SdkRoot.ACTIVE_LINK), sdk.home())));
            }
        }
        return ExitCodes.OK;
    }

    private Platform target() {
        if (platform != null) {
            return Platform.parse(platform);
        }
        HostInfo host = new HostDetector().detect(from != null ? new SnapshotHostSource(from) : ThisMachine.hostSource());
        Platform p = Platform.of(host);
        if (p == null) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.install.noPlatform");
        }
        return p;
    }

    private InstallPlan catalogPlan(Platform target) throws Exception {
        Messages m = context.messages();
        ReleaseCatalog.Loaded loaded = sdk.catalog(context.paths().cacheDir()).load(sdk.catalogSource());
        if (loaded.fromCache() && loaded.staleReason() != null && !json) {
            spec.commandLine().getErr().println(m.get("cli.releases.stale", loaded.age().toHours(), loaded.staleReason()));
        }
        Release release = find(loaded.list());
        GoFile file = switch (new ArchiveChooser().choose(release, target)) {
            case ArchiveChooser.Choice.Found f -> f.file();
            case ArchiveChooser.Choice.NoBuild n when n.alternative() != null && allowAmd64 -> n.alternative();
            case ArchiveChooser.Choice.NoBuild n when n.alternative() != null ->
                    throw new NoBuildException("cli.install.noBuildAlternative", release.version().name(), n.platform(),
                            ArchiveName.printable(n.alternative().filename()));
            case ArchiveChooser.Choice.NoBuild n -> throw new NoBuildException("cli.install.noBuild",
                    release.version().name(), n.platform());
        };
        java.util.Optional<Path> besideCatalog = sdk.archivesBesideCatalog();
        if (besideCatalog.isPresent() && !Files.isRegularFile(besideCatalog.get().resolve(file.filename()))) {
            // An offline list without its archives: say where we looked and how to download instead.
            throw new dev.gosetup.fetch.DownloadException(dev.gosetup.i18n.Problem.of("cli.install.notBesideCatalog",
                    file.filename(), besideCatalog.get()));
        }
        return sdk.plan(release.version(), file);
    }

    /**
     * The release asked for. With no version (or "latest") on a managed machine: the pinned version, or the
     * newest stable one the policy allows.
     */
    private Release find(dev.gosetup.release.ReleaseList list) {
        Messages m = context.messages();
        VersionRules rules = context.managed().versions();
        if (LATEST.equalsIgnoreCase(version.strip()) && rules.choosesDefault()) {
            return rules.defaultRelease(list).orElseThrow(() -> rules.pinned() != null
                    ? new dev.gosetup.i18n.ProblemArgumentException("cli.policy.pinnedMissing", rules.pinned(),
                            context.managed().file().orElseThrow())
                    : new dev.gosetup.i18n.ProblemArgumentException("cli.policy.noneAllowed", String.join(", ", rules.permitted()),
                            context.managed().file().orElseThrow()));
        }
        return list.find(version).orElseThrow(() -> new dev.gosetup.i18n.ProblemArgumentException("cli.install.noSuchVersion", VersionArgument.excerpt(version)));
    }

    /** "goX is not allowed by FILE; allowed: ..." */
    static dev.gosetup.i18n.ProblemArgumentException notAllowed(AppContext context, GoVersion v) {
        return new dev.gosetup.i18n.ProblemArgumentException("cli.policy.notAllowed", v.name(),
                context.managed().file().orElseThrow(), String.join(", ", context.managed().versions().permitted()));
    }

    /** --archive FILE --sha256 HEX: no release list needed; the name says version and platform. */
    private InstallPlan localPlan(Platform target) throws Exception {
        Messages m = context.messages();
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.install.needSha");
        }
        if (!Files.isRegularFile(archive)) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.install.noArchive", archive);
        }
        // The same check as a release list's names: the name says version and platform, and names the download.
        String fileName = archive.getFileName().toString();
        ArchiveName name = ArchiveName.parse(fileName).filter(n -> n.kind().equals("archive")).orElseThrow(
                () -> new dev.gosetup.i18n.ProblemArgumentException("cli.install.badArchiveName", ArchiveName.printable(fileName)));
        GoVersion v = GoVersion.parse(name.version()).orElseThrow(
                () -> new dev.gosetup.i18n.ProblemArgumentException("cli.install.badArchiveName", ArchiveName.printable(fileName)));
        GoFile file = new GoFile(name.name(), name.os(), name.arch(), v.name(),
                sha256.toLowerCase(java.util.Locale.ROOT), Files.size(archive), "archive");
        if (!new Platform(file.os(), file.arch()).equals(target) && !allowAmd64) {
            throw new NoBuildException("cli.install.archivePlatform", file.platform(), target);
        }
        return new InstallPlan(v, file, archive.toUri(), archive);
    }
}
