package dev.gosetup.ui.versions;

import dev.gosetup.i18n.Messages;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.inventory.GoInstall;
import dev.gosetup.inventory.Inventory;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.inventory.RemovalAdvice;
import dev.gosetup.inventory.Source;
import dev.gosetup.release.GoVersion;
import dev.gosetup.ui.common.BackgroundTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Installed versions": every Go on this computer side by side — version, arch, source, path, size,
 * status — with the one that runs marked and a warning badge explained on hover and in the details.
 * Scanning runs off the FX thread; so do make default and remove.
 */
public final class VersionsPage extends VBox {
    private static final Logger LOG = Logger.getLogger(VersionsPage.class.getName());

    private final Messages messages;
    private final dev.gosetup.settings.VersionRules rules;
    private final Supplier<InventorySources> sources;
    private final Supplier<dev.gosetup.release.Platform> hostPlatform;
    private final Supplier<dev.gosetup.install.InstallSources> installs;
    private final FolderWatch watch = new FolderWatch(this::refresh);
    private final TableView<InventoryEntry> table = new TableView<>();
    private final Label summary = new Label();
    private final VBox details = new VBox(6);

    /** @param hostPlatform this machine's Go platform (from the host detection), called off the FX thread */
    public VersionsPage(Messages messages, Supplier<InventorySources> sources, Supplier<dev.gosetup.release.Platform> hostPlatform,
                        Supplier<dev.gosetup.install.InstallSources> installs) {
        this(messages, sources, hostPlatform, installs, dev.gosetup.settings.VersionRules.NONE);
    }

    /** @param rules what the organisation's policy allows: a newer patch it does not allow is not offered */
    public VersionsPage(Messages messages, Supplier<InventorySources> sources, Supplier<dev.gosetup.release.Platform> hostPlatform,
                        Supplier<dev.gosetup.install.InstallSources> installs, dev.gosetup.settings.VersionRules rules) {
        super(12);
        this.rules = rules;
        this.messages = messages;
        this.sources = sources;
        this.hostPlatform = hostPlatform;
        this.installs = installs;
        // Refresh when an install appears or goes (a terminal's `gosetup install`, `brew upgrade`): watched
        // while the page is shown, off the FX thread.
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                watch.stop();
            } else {
                watch.start(List.of(sources.get().sdkRoot(), Path.of("/usr/local"), sources.get().home().resolve(".asdf/installs/golang")));
            }
        });
        getStyleClass().add("page");
        Label title = new Label(messages.get("nav.versions"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(messages.get("versions.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        Button refresh = new Button(messages.get("versions.refresh"));
        refresh.setId("versionsRefresh");
        refresh.setOnAction(e -> refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, summary, spacer, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        summary.setId("versionsSummary");
        summary.setWrapText(true);
        table.setId("versionsTable");
        table.setPrefHeight(300);
        table.setPlaceholder(new Label(messages.get("versions.scanning")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("versions.col.status", e -> status(e), 70),
                column("versions.col.version", e -> String.valueOf(e.install().version() == null ? "?" : e.install().version()), 90),
                column("versions.col.arch", e -> String.join("+", e.install().platforms()), 110),
                column("versions.col.source", e -> messages.get("inventory.source." + e.install().source().name()), 100),
                column("versions.col.size", e -> size(e.sizeBytes()), 70),
                column("versions.col.path", e -> shown(e.install().root()), 260)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(InventoryEntry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("row-active", "row-warning");
                setTooltip(null);
                if (!empty && item != null) {
                    if (item.active()) {
                        getStyleClass().add("row-active");
                    }
                    if (!item.warnings().isEmpty() || item.shadowedBy() != null) {
                        getStyleClass().add("row-warning");
                        setTooltip(new Tooltip(explanations(item)));
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetails(b));
        details.setId("versionDetails");
        getChildren().addAll(title, intro, top, table, details);
        refresh();
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "";
        }
        double mb = bytes / 1e6;
        return mb < 10 ? String.format("%.1f MB", mb) : String.format("%.0f MB", mb);
    }

    /** ~/sdk/go1.22.5 rather than /Users/name/sdk/go1.22.5. */
    private String shown(Path p) {
        Path home = sources.get().home();
        return p.startsWith(home) ? "~/" + home.relativize(p).toString().replace('\\', '/') : p.toString();
    }

    private TableColumn<InventoryEntry, String> column(String key, java.util.function.Function<InventoryEntry, String> value, double width) {
        TableColumn<InventoryEntry, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** ▶ runs; ⚠ has a warning; ✗ broken. */
    private String status(InventoryEntry e) {
        String s = e.active() ? "▶" : "";
        if (e.install().broken()) {
            return s + "✗";
        }
        return e.warnings().isEmpty() && e.shadowedBy() == null ? s : s + "⚠";
    }

    private String explanations(InventoryEntry e) {
        StringBuilder sb = new StringBuilder();
        if (e.shadowedBy() != null) {
            sb.append(messages.get("cli.list.shadowed", e.shadowedBy())).append('\n');
        }
        for (String w : e.warnings()) {
            sb.append(messages.get("inventory.warning." + w)).append('\n');
        }
        return sb.toString().strip();
    }

    public void refresh() {
        summary.setText(messages.get("versions.scanning"));
        InventorySources s = sources.get();
        BackgroundTasks.run(() -> {
            dev.gosetup.release.Platform host = hostPlatform.get();
            Inventory inventory = s.inventory(host == null ? null : host.arch());
            List<InventoryEntry> all = inventory.scan();
            inventory.sizes().save();
            return all;
        }, this::show, error -> {
            LOG.log(Level.WARNING, "Inventory failed", error);
            summary.setText(messages.get("versions.failed", error.getMessage()));
        });
    }

    private void show(List<InventoryEntry> all) {
        table.getItems().setAll(all);
        table.setPlaceholder(new Label(messages.get("cli.list.none")));
        InventoryEntry runs = all.stream().filter(InventoryEntry::active).findFirst().orElse(null);
        summary.setText(all.isEmpty() ? messages.get("cli.list.none")
                : runs == null ? messages.get("cli.list.noneOnPath")
                : messages.get("versions.summary", all.size(), String.valueOf(runs.install().version()), runs.install().root()));
        if (!all.isEmpty()) {
            table.getSelectionModel().select(runs != null ? runs : all.getFirst());
        }
    }

    private void showDetails(InventoryEntry e) {
        details.getChildren().clear();
        if (e == null) {
            return;
        }
        GoInstall install = e.install();
        Label head = new Label(messages.get("versions.detail", String.valueOf(install.version()), install.root()));
        head.getStyleClass().add("section-title");
        details.getChildren().add(head);
        String why = explanations(e);
        if (!why.isEmpty()) {
            Label warn = new Label(why);
            warn.setId("versionWarnings");
            warn.setWrapText(true);
            warn.getStyleClass().add("note");
            details.getChildren().add(warn);
        }
        Button copy = new Button(messages.get("versions.copyPath"));
        copy.setId("versionCopyPath");
        copy.setOnAction(a -> copy(install.root().toString()));
        Button reveal = new Button(messages.get("versions.reveal"));
        reveal.setId("versionReveal");
        reveal.setOnAction(a -> BackgroundTasks.run(() -> {
            dev.gosetup.ui.common.FileManager.reveal(install.root());
            return null;
        }, ok -> { }, error -> summary.setText(error.getMessage())));
        HBox actions = new HBox(8, copy, reveal);
        if (e.newerPatch() != null && installs != null
                && dev.gosetup.release.GoVersion.parse(e.newerPatch()).map(rules::permits).orElse(false)) {
            Button newer = new Button(messages.get("versions.installNewer", e.newerPatch()));
            newer.setId("versionInstallNewer");
            newer.setOnAction(a -> installNewer(e.newerPatch(), newer));
            actions.getChildren().add(newer);
        }
        if (install.source() == Source.SDK && !install.broken()) {
            Button makeDefault = new Button(messages.get("versions.makeDefault"));
            makeDefault.setId("versionMakeDefault");
            makeDefault.setDisable(e.sdkActive());
            makeDefault.setOnAction(a -> sdkAction(install, false));
            Button remove = new Button(messages.get("versions.remove"));
            remove.setId("versionRemove");
            remove.setDisable(e.sdkActive()); // never the chosen one: choose another first
            remove.setOnAction(a -> sdkAction(install, true));
            actions.getChildren().addAll(0, List.of(makeDefault, remove));
        }
        details.getChildren().add(actions);
        RemovalAdvice.command(install).ifPresent(cmd -> {
            Label how = new Label(messages.get("versions.removeWith"));
            TextField field = new TextField(cmd);
            field.setId("versionRemoveCommand");
            field.setEditable(false);
            field.getStyleClass().add("path-field");
            Button copyCmd = new Button(messages.get("setup.env.copy"));
            copyCmd.setOnAction(a -> copy(cmd));
            HBox row = new HBox(8, how, field, copyCmd);
            HBox.setHgrow(field, Priority.ALWAYS);
            row.setAlignment(Pos.CENTER_LEFT);
            details.getChildren().add(row);
        });
    }

    /** Installs the newer patch into ~/sdk, the same way the wizard does (verified, side by side). */
    private void installNewer(String version, Button button) {
        button.setDisable(true);
        summary.setText(messages.get("versions.installing", version));
        dev.gosetup.install.InstallSources s = installs.get();
        BackgroundTasks.run(() -> {
            dev.gosetup.release.Platform target = hostPlatform.get();
            if (target == null) {
                throw new java.io.IOException(messages.get("cli.install.noPlatform"));
            }
            dev.gosetup.release.ReleaseList list = s.catalog().load(s.releaseList()).list();
            dev.gosetup.release.Release release = list.find(version).orElseThrow(
                    () -> new java.io.IOException(version + " is not in the release list."));
            if (!(new dev.gosetup.release.ArchiveChooser().choose(release, target)
                    instanceof dev.gosetup.release.ArchiveChooser.Choice.Found found)) {
                throw new java.io.IOException(version + " has no build for " + target + ".");
            }
            dev.gosetup.install.InstallPlan plan = s.plan(release.version(), found.file());
            return s.installer().install(plan, dev.gosetup.fetch.ProgressListener.NONE, new dev.gosetup.fetch.CancelToken());
        }, result -> refresh(), error -> {
            button.setDisable(false);
            summary.setText(messages.get("versions.failed", error.getMessage()));
        });
    }

    private void sdkAction(GoInstall install, boolean remove) {
        Path root = install.root();
        GoVersion version = GoVersion.parse(root.getFileName().toString()).orElse(null);
        if (version == null) {
            return;
        }
        SdkRoot sdk = new SdkRoot(root.getParent());
        BackgroundTasks.run(() -> {
            if (remove) {
                try (var lock = sdk.lock()) {
                    sdk.remove(version);
                }
            } else {
                sdk.activate(version);
            }
            return null;
        }, ok -> refresh(), error -> summary.setText(messages.get("versions.failed", error.getMessage())));
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
