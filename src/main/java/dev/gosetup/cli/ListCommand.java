package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.AppContext;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.i18n.Messages;
import dev.gosetup.inventory.Inventory;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.inventory.SizeUnit;
import dev.gosetup.inventory.StartupPathGo;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.install.VersionCommands;
import dev.gosetup.release.GoVersion;
import dev.gosetup.shell.sources.ShellSources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gosetup list}: every Go on this machine, which one runs and why, read without running any of
 * them. Support status comes from the cached release list (no network: a listing must be instant).
 */
@Command(name = "list", mixinStandardHelpOptions = true)
public final class ListCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOptions where = new HomeOptions();

    @Option(names = "--json", descriptionKey = "gosetup.install.json")
    boolean json;

    ListCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Messages m = context.messages();
        Path home = where.home();
        // Listing only reads: a --sdk-root the policy would refuse for an install is still looked at.
        Path sdkRoot = where.sdkRoot != null ? where.sdkRoot : where.chosenByRule(context);
        HostInfo host = new HostDetector().detect(ThisMachine.hostSource());
        ShellSources user = where.home != null ? ShellSources.forHome(where.home, sdkRoot)
                : ShellSources.forThisUser(context.settings(), context.paths());
        ShellSources shells = new ShellSources(user.files(), user.home(), user.scriptsDir(), sdkRoot, user.loginShell());
        Inventory inventory = new InventorySources(home, sdkRoot, context.paths().cacheDir(), context.settings().releaseList())
                .withNewTerminal(StartupPathGo.of(shells, context.settings()))
                .inventory(host.arch());
        List<InventoryEntry> all = inventory.scan();
        inventory.sizes().save();
        PrintWriter out = spec.commandLine().getOut();
        VersionCommands commands = new SdkRoot(sdkRoot).commands();
        if (json) {
            ArrayNode array = HostJson.mapper().createArrayNode();
            for (InventoryEntry e : all) {
                ObjectNode o = array.addObject();
                o.put("version", e.install().version());
                o.put("root", e.install().root().toString());
                o.put("os", e.install().os());
                o.put("arch", e.install().arch());
                o.put("source", e.install().source().name().toLowerCase(Locale.ROOT));
                o.put("active", e.active());
                o.put("onPath", e.onPath() >= 0);
                o.put("pathIndex", e.onPath());
                o.put("shadowedBy", e.shadowedBy() == null ? null : e.shadowedBy().toString());
                o.put("chosen", e.sdkActive());
                o.put("newTerminal", e.newTerminal());
                o.put("sizeBytes", e.sizeBytes());
                Path command = command(commands, sdkRoot, e);
                o.put("command", command == null ? null : command.toString());
                ArrayNode w = o.putArray("warnings");
                e.warnings().forEach(w::add);
                if (e.install().problem() != null) {
                    o.put("problem", e.install().problem());
                }
                if (e.install().source() == dev.gosetup.inventory.Source.SDK) {
                    // How gosetup verified it when it installed it (signature: "unknown" for an older install).
                    o.set("verified", VerificationJson.of(dev.gosetup.install.VerificationRecord.readFrom(e.install().root())));
                }
            }
            out.println(HostJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return ExitCodes.OK;
        }
        if (all.isEmpty()) {
            out.println(m.get("cli.list.none"));
            return ExitCodes.OK;
        }
        out.println(row("  ", m.get("cli.list.col.version"), m.get("cli.list.col.platform"), m.get("cli.list.col.source"),
                m.get("cli.list.col.size"), m.get("cli.list.col.location")));
        for (InventoryEntry e : all) {
            String mark = (e.active() ? "*" : " ") + (e.newTerminal() ? "+" : " ");
            out.println(row(mark, e.install().version() == null ? "?" : e.install().version(), String.join("+", e.install().platforms()),
                    m.get("inventory.source." + e.install().source().name()), SizeUnit.mib(e.sizeBytes()) + " " + SizeUnit.NAME,
                    e.install().root().toString()));
            Path command = command(commands, sdkRoot, e);
            if (command != null) {
                out.println("      " + m.get("cli.list.command", command.getFileName().toString().replaceFirst("\\.cmd$", ""), command));
            }
            if (e.install().source() == dev.gosetup.inventory.Source.SDK) {
                out.println("      " + m.text(dev.gosetup.install.VerificationRecord.summary(
                        dev.gosetup.install.VerificationRecord.readFrom(e.install().root()))));
            }
            if (e.shadowedBy() != null) {
                out.println("      " + m.get("cli.list.shadowed", e.shadowedBy()));
            }
            for (String w : e.warnings()) {
                out.println("      " + m.get("inventory.warning." + w));
            }
        }
        if (all.stream().anyMatch(InventoryEntry::active)) {
            out.println(m.get("cli.list.legend"));
        }
        // What a terminal opened now runs: this one may have started before the shell environment was written.
        out.println(all.stream().filter(InventoryEntry::newTerminal).findFirst()
                .map(e -> m.get("cli.list.newTerminals", String.valueOf(e.install().version()), e.install().root()))
                .orElseGet(() -> m.get("cli.list.noneOnPath")));
        return ExitCodes.OK;
    }

    /** The go1.X.Y command of a version in the install root, when gosetup's is there; else null. */
    private static Path command(VersionCommands commands, Path sdkRoot, InventoryEntry e) {
        Path root = e.install().root();
        if (root == null || root.getParent() == null || !root.getParent().toAbsolutePath().normalize().equals(sdkRoot.toAbsolutePath().normalize())) {
            return null;
        }
        return GoVersion.parse(root.getFileName().toString())
                .filter(v -> commands.state(v) == VersionCommands.State.OURS).map(commands::command).orElse(null);
    }

    /** One line of the table, columns padded by terminal width (Chinese source names are two columns a character). */
    private static String row(String mark, String version, String platforms, String source, String size, String root) {
        return mark + " " + Columns.pad(version, 12) + " " + Columns.pad(platforms, 14) + " " + Columns.pad(source, 10) + " "
                + Columns.padLeft(size, 9) + "  " + root;
    }
}
