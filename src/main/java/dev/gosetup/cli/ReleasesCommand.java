package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.i18n.Messages;
import dev.gosetup.release.ArchiveChooser;
import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.Platform;
import dev.gosetup.release.Release;
import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.settings.VersionRules;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gosetup releases}: the Go versions there are, with the file for this platform and support status. */
@Command(name = "releases", mixinStandardHelpOptions = true)
public final class ReleasesCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SdkOptions sdk = new SdkOptions();

    @Option(names = "--all", descriptionKey = "gosetup.releases.all")
    boolean all;

    @Option(names = "--json", descriptionKey = "gosetup.releases.json")
    boolean json;

    @Option(names = "--platform", paramLabel = "OS-ARCH", descriptionKey = "gosetup.opt.platform")
    String platform;

    ReleasesCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return sdk.closingClient(this::run);
    }

    private Integer run() throws Exception {
        Messages m = context.messages();
        sdk.use(context);
        Platform target = platform != null ? Platform.parse(platform) : Platform.of(new HostDetector().detect(ThisMachine.hostSource()));
        ReleaseCatalog.Loaded loaded = sdk.catalog(context.paths().cacheDir()).load(sdk.catalogSource());
        ReleaseList list = loaded.list();
        // On a managed machine only what may be installed is listed, and the pinned default is marked.
        VersionRules rules = context.managed().versions();
        List<Release> shown = (all ? list.releases() : newestPerLine(list)).stream().filter(r -> rules.permits(r.version())).toList();
        Release pinned = rules.choosesDefault() ? rules.defaultRelease(list).orElse(null) : null;
        ArchiveChooser chooser = new ArchiveChooser();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = HostJson.mapper().createArrayNode();
            for (Release r : shown) {
                ObjectNode o = array.addObject();
                o.put("version", r.version().name());
                o.put("stable", r.stable());
                ReleaseList.SupportStatus s = list.supportOf(r.version());
                o.put("supported", s.supported());
                o.put("newerPatch", s.newerPatch());
                o.put("pinned", r == pinned);
                if (target != null && chooser.choose(r, target) instanceof ArchiveChooser.Choice.Found f) {
                    o.put("filename", f.file().filename());
                    o.put("size", f.file().size());
                    o.put("sha256", f.file().sha256());
                    o.put("usable", ArchiveName.problem(r.version(), f.file()).isEmpty());
                } else {
                    o.putNull("filename");
                }
            }
            out.println(HostJson.mapper().writeValueAsString(array));
            return ExitCodes.OK;
        }
        if (loaded.fromCache() && loaded.staleReason() != null) {
            spec.commandLine().getErr().println(m.get("cli.releases.stale", loaded.age().toHours(), loaded.staleReason()));
        }
        // A newer Go for the active one first: what someone running "releases" most likely wants to know.
        dev.gosetup.update.UpdateNotices.of(list, sdk.sdk(), context.managed()).ifPresent(n -> {
            out.println(m.get(n.key(), n.args()));
            out.println("  " + (n.changesLine() ? m.get("cli.update.runLine", n.target().line()) : m.get("cli.update.run")));
        });
        out.println(m.get("cli.releases.heading", target == null ? "?" : target, loaded.origin()));
        context.managed().file().filter(f -> rules.choosesDefault()).ifPresent(f ->
                out.println(m.get("cli.releases.managed", f, rules.permitted().isEmpty() ? "-" : String.join(", ", rules.permitted()))));
        // Columns as wide as what they show (file names differ in length: go1.23.5… and go1.22.12…), so that
        // sizes and labels line up whatever the versions.
        java.util.Map<Release, ArchiveChooser.Choice> choices = new java.util.LinkedHashMap<>();
        int nameWidth = 0;
        int fileNameWidth = 0;
        int sizeWidth = 0;
        for (Release r : shown) {
            nameWidth = Math.max(nameWidth, Columns.width(r.version().name()));
            if (target != null) {
                choices.put(r, chooser.choose(r, target));
            }
            if (choices.get(r) instanceof ArchiveChooser.Choice.Found f) {
                sizeWidth = Math.max(sizeWidth, Columns.width(size(f.file().size(), m)));
                fileNameWidth = Math.max(fileNameWidth, Columns.width(f.file().filename()));
            }
        }
        for (Release r : shown) {
            ReleaseList.SupportStatus s = list.supportOf(r.version());
            String file = target == null ? "" : switch (choices.get(r)) {
                case ArchiveChooser.Choice.Found f when ArchiveName.problem(r.version(), f.file()).isPresent() ->
                        m.get("cli.releases.badFile", ArchiveName.printable(f.file().filename()));
                case ArchiveChooser.Choice.Found f -> m.get("cli.releases.file", Columns.pad(f.file().filename(), fileNameWidth),
                        Columns.padLeft(size(f.file().size(), m), sizeWidth));
                case ArchiveChooser.Choice.NoBuild n -> m.get("cli.releases.noBuild", n.platform());
            };
            List<String> labels = new ArrayList<>();
            if (r == pinned) {
                labels.add(m.get("release.label.pinned"));
            }
            if (!r.stable()) {
                labels.add(m.get("release.label.prerelease"));
            }
            if (!s.supported() && r.stable()) {
                labels.add(m.get("release.label.unsupported"));
            }
            if (s.newerPatch() != null) {
                labels.add(m.get("release.label.newerPatch", s.newerPatch()));
            }
            int fileWidth = fileNameWidth + sizeWidth + 2;
            out.println(("  " + Columns.pad(r.version().name(), nameWidth) + "  " + Columns.pad(file, fileWidth) + "  "
                    + String.join(m.get("list.partSeparator"), labels)).stripTrailing());
        }
        return ExitCodes.OK;
    }

    /** A file's size as the list gives it; go.dev lists its oldest archives with size 0, which means not known. */
    private static String size(long bytes, dev.gosetup.i18n.Messages m) {
        return bytes > 0 ? new dev.gosetup.i18n.ByteSize(bytes).format(m.locale()) : "";
    }

    /** The newest stable patch of every line, plus a newer pre-release if there is one. */
    static List<Release> newestPerLine(ReleaseList list) {
        Set<String> lines = new LinkedHashSet<>();
        List<Release> out = new ArrayList<>();
        for (Release r : list.releases()) {
            if (!r.stable()) {
                if (out.isEmpty() && lines.isEmpty()) {
                    out.add(r);
                }
                continue;
            }
            if (lines.add(r.version().line())) {
                out.add(r);
            }
        }
        return out;
    }
}
