package dev.gosetup.cli;

import dev.gosetup.AppContext;
import dev.gosetup.fetch.CancelToken;
import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.ProblemArgumentException;
import dev.gosetup.mirror.MirrorBuilder;
import dev.gosetup.mirror.MirrorEntry;
import dev.gosetup.mirror.MirrorLayout;
import dev.gosetup.mirror.MirrorPlan;
import dev.gosetup.mirror.MirrorSelection;
import dev.gosetup.release.Platform;
import dev.gosetup.release.ReleaseCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup mirror build --out DIR}: a folder any static web server can serve as the company's Go mirror,
 * from go.dev (or another mirror, or a local folder) given as {@code install} takes it. Shows the plan first and
 * asks at a terminal; {@code --yes} for scripts and timers.
 */
@Command(name = "build", mixinStandardHelpOptions = true)
public final class MirrorBuildCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SdkOptions sdk = new SdkOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", descriptionKey = "gosetup.mirror.build.out")
    Path out;

    @Option(names = "--versions", split = ",", paramLabel = "LIST", descriptionKey = "gosetup.mirror.build.versions")
    List<String> versions = new ArrayList<>();

    @Option(names = "--platforms", split = ",", paramLabel = "LIST", descriptionKey = "gosetup.mirror.build.platforms")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2", descriptionKey = "gosetup.mirror.build.jobs")
    int jobs;

    @Option(names = "--prune", descriptionKey = "gosetup.mirror.build.prune")
    boolean prune;

    @Option(names = {"--yes", "-y"}, descriptionKey = "gosetup.install.yes")
    boolean yes;

    @Option(names = "--toolchain-proxy", descriptionKey = "gosetup.mirror.build.toolchainProxy")
    boolean toolchainProxy;

    @Option(names = "--sumdb-key", paramLabel = "KEYFILE", descriptionKey = "gosetup.mirror.build.sumdbKey")
    Path sumdbKey;

    static final int MAX_JOBS = 6;

    MirrorBuildCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return sdk.closingClient(this::run);
    }

    private Integer run() throws Exception {
        Messages m = context.messages();
        sdk.use(context);
        if (sumdbKey != null && !toolchainProxy) {
            throw new ProblemArgumentException("cli.mirror.sumdbKeyAlone");
        }
        if (jobs < 1 || jobs > MAX_JOBS) {
            throw new ProblemArgumentException("cli.mirror.jobs", jobs, MAX_JOBS);
        }
        List<String> wanted = new ArrayList<>();
        for (String v : versions) {
            wanted.add(VersionArgument.check(v, m));
        }
        List<Platform> targets = new ArrayList<>();
        for (String p : platforms) {
            Platform t = MirrorSelection.platform(p);
            if (!targets.contains(t)) {
                targets.add(t);
            }
        }
        if (targets.isEmpty()) {
            targets.addAll(MirrorSelection.FLEET);
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReleaseCatalog.Loaded loaded = sdk.catalog(context.paths().cacheDir()).load(sdk.catalogSource());
        if (loaded.fromCache() && loaded.staleReason() != null) {
            err.println(m.get("cli.releases.stale", loaded.age().toHours(), loaded.staleReason()));
        }
        MirrorSelection selection = MirrorSelection.of(loaded.list(), wanted, targets, context.managed().versions());
        MirrorLayout layout = new MirrorLayout(out.toAbsolutePath().normalize());
        CancelToken cancel = new CancelToken();
        Thread hook = new Thread(cancel::cancel, "gosetup-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try (MirrorBuilder builder = MirrorBuilder.open(layout, sdk.downloader(), sdk.archiveSignatures(), sdk.mirrorSource())) {
            MirrorPlan plan = builder.plan(selection, cancel);
            printPlan(o, m, layout, loaded.origin(), plan);
            boolean changes = !plan.toFetch().isEmpty() || prune && !plan.stale().isEmpty();
            if (changes && !yes) {
                if (Terminal.interactive().isEmpty()) {
                    err.println(m.get("cli.mirror.needYes"));
                    return ExitCodes.BAD_INPUT;
                }
                String answer = Terminal.interactive().get().readLine(m.get("cli.mirror.confirm"));
                if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).matches("y|yes|是|好")) {
                    o.println(m.get("cli.mirror.cancelled"));
                    return ExitCodes.OK;
                }
            }
            MirrorProgress progress = new MirrorProgress(o, err, m, Terminal.interactive().isPresent());
            MirrorBuilder.Result result;
            try {
                result = builder.build(plan, jobs, prune, m, progress, cancel);
            } finally {
                progress.newline();
            }
            int toolchainExit = toolchainProxy ? toolchains(o, err, m, layout, result) : ExitCodes.OK;
            for (MirrorEntry e : result.pruned()) {
                o.println(m.get("cli.mirror.pruned", e.name().name()));
            }
            for (MirrorEntry e : result.keptForeign()) {
                o.println(m.get("cli.mirror.keptForeign", e.name().name()));
            }
            o.println(m.get("cli.mirror.done", result.listed().size(), layout.list(), result.stored().size()));
            if (!result.failures().isEmpty()) {
                err.println(m.get("cli.mirror.someFailed", result.failures().size()));
                return result.failures().stream().mapToInt(f -> GoSetupCommand.exitCodeFor(f.error()))
                        .filter(c -> c == ExitCodes.CHECKSUM).findAny().orElse(ExitCodes.DOWNLOAD_FAILED);
            }
            return toolchainExit;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the cancel hook has done its work
            }
        }
    }

    /**
     * Go's own toolchain downloads (GOTOOLCHAIN=auto) from this mirror: the golang.org/toolchain module of every
     * archive now listed, vouched for by IT's private checksum database (--sumdb-key) or by sum.golang.org's own
     * records fetched and checked now. A zip the database does not vouch for is refused (exit 3), the rest served.
     */
    private int toolchains(PrintWriter o, PrintWriter err, Messages m, MirrorLayout layout, MirrorBuilder.Result result) throws Exception {
        List<dev.gosetup.mirror.toolchain.ArchiveInput> inputs = new ArrayList<>();
        for (MirrorEntry e : result.listed()) {
            inputs.add(new dev.gosetup.mirror.toolchain.ArchiveInput(layout.archive(e.name()), e.version(),
                    new Platform(e.file().os(), e.file().arch())));
        }
        dev.gosetup.mirror.toolchain.SumDbMode mode = sumdbKey != null
                ? new dev.gosetup.mirror.toolchain.SumDbMode.Private(sumdbKey.toAbsolutePath())
                : new dev.gosetup.mirror.toolchain.SumDbMode.Public(new dev.gosetup.mirror.sumdb.PublicSumDb(sdk.httpClient()));
        var written = dev.gosetup.mirror.toolchain.ToolchainProxy.write(layout.dir(), inputs, mode, dev.gosetup.fetch.ProgressListener.NONE);
        o.println(m.get("cli.mirror.toolchain.done", written.built().size(), written.kept().size(), written.sumdbName()));
        for (var p : written.refused()) {
            err.println(m.describe(p));
        }
        o.println(m.get("cli.mirror.toolchain.clientEnv", layout.dir()));
        return written.refused().isEmpty() ? ExitCodes.OK : ExitCodes.CHECKSUM;
    }

    private static void printPlan(PrintWriter o, Messages m, MirrorLayout layout, String origin, MirrorPlan plan) {
        o.println(m.get("cli.mirror.plan.heading", layout.dir(), origin));
        for (MirrorPlan.Item i : plan.items()) {
            MirrorEntry e = i.entry();
            o.println(m.get("cli.mirror.plan.item", e.version().name(), e.platform(), new ByteSize(e.file().size()),
                    m.get("cli.mirror.state." + i.state().name()), e.name().name()));
        }
        for (var s : plan.skipped()) {
            o.println(m.get("cli.mirror.plan.skipped", s.version(), s.platform(), m.describe(s.reason())));
        }
        for (MirrorEntry s : plan.stale()) {
            o.println(m.get("cli.mirror.plan.stale", s.name().name()));
        }
        o.println(m.get("cli.mirror.plan.total", files(m, plan.toFetch().size(), plan.bytesToFetch()),
                files(m, plan.present().size(), plan.bytesPresent())));
    }

    /** "2 files, 138.6 MB", or "nothing" (never "0 files, 0 bytes"). */
    private static String files(Messages m, int count, long bytes) {
        return count == 0 ? m.get("cli.mirror.plan.nothing") : m.get("cli.mirror.plan.files", count, new ByteSize(bytes));
    }
}
