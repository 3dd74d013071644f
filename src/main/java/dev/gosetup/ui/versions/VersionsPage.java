package dev.gosetup.ui.versions;

import dev.gosetup.i18n.Messages;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.inventory.GoInstall;
import dev.gosetup.inventory.Inventory;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.inventory.RemovalAdvice;
import dev.gosetup.inventory.SizeUnit;
import dev.gosetup.inventory.Source;
import dev.gosetup.release.GoVersion;
import dev.gosetup.ui.common.BackgroundTasks;
import dev.gosetup.ui.common.WhyDisabled;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Installed versions": every Go on this computer in a table with column headers — version, OS/arch, size
 * (in the unit `gosetup list` uses, named in the header), status and location — marking the active version
 * (the install root's go link) and, separately, the one a terminal opened now runs. When this window's own
 * PATH is older than a new terminal's, the page says so instead of calling the setup broken. Every action
 * that cannot be taken says why. Scanning, make default, remove and install run off the FX thread.
 */
public final class VersionsPage extends ScrollPane {
    private static final Logger LOG = Logger.getLogger(VersionsPage.class.getName());

    private final Messages messages;
    private final dev.gosetup.settings.VersionRules rules;
    private final Supplier<InventorySources> sources;
    private final Supplier<dev.gosetup.release.Platform> hostPlatform;
    private final Supplier<dev.gosetup.install.InstallSources> installs;
    private final FolderWatch watch = new FolderWatch(this::refresh);
    private final TableView<InventoryEntry> table = new TableView<>();
    private final Label summary = new Label();
    private final Label stale = new Label();
    private final Label intro = new Label();
    private final VBox details = new VBox(8);
    /** "Roll back to go1.X.Y": shown when the install root's history knows the version active before this one. */
    private final Button rollback = new Button();
    private final Label rolledBack = new Label();
    private final VBox content = new VBox(12);
    /** The sources of the last scan: home for "~", whether new terminals were asked. */
    private InventorySources scanned;
    /** How each of gosetup's versions was verified, read with the scan (off the FX thread), by its folder. */
    private java.util.Map<java.nio.file.Path, dev.gosetup.i18n.Text> verified = java.util.Map.of();

    /** @param hostPlatform this machine's Go platform (from the host detection), called off the FX thread */
    public VersionsPage(Messages messages, Supplier<InventorySources> sources, Supplier<dev.gosetup.release.Platform> hostPlatform,
                        Supplier<dev.gosetup.install.InstallSources> installs) {
        this(messages, sources, hostPlatform, installs, dev.gosetup.settings.VersionRules.NONE);
    }

    /** @param rules what the organisation's policy allows: a newer patch it does not allow is not offered */
    public VersionsPage(Messages messages, Supplier<InventorySources> sources, Supplier<dev.gosetup.release.Platform> hostPlatform,
                        Supplier<dev.gosetup.install.InstallSources> installs, dev.gosetup.settings.VersionRules rules) {
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
                InventorySources s = sources.get();
                watch.start(List.of(s.sdkRoot(), Path.of("/usr/local"), s.home().resolve(".asdf/installs/golang")));
            }
        });
        Label title = new Label(messages.get("nav.versions"));
        title.getStyleClass().add("page-title");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        Button refresh = new Button(messages.get("versions.refresh"));
        refresh.setId("versionsRefresh");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setOnAction(e -> refresh());
        summary.setId("versionsSummary");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        rollback.setId("versionsRollback");
        rollback.setMinWidth(Region.USE_PREF_SIZE);
        rollback.managedProperty().bind(rollback.visibleProperty());
        rollback.setVisible(false);
        rollback.setOnAction(e -> rollBack());
        rolledBack.setId("versionsRolledBack");
        rolledBack.setWrapText(true);
        rolledBack.setMaxWidth(Double.MAX_VALUE);
        rolledBack.getStyleClass().add("note");
        rolledBack.managedProperty().bind(rolledBack.visibleProperty());
        rolledBack.setVisible(false);
        HBox top = new HBox(8, summary, rollback, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        stale.setId("versionsStale");
        stale.setWrapText(true);
        stale.setMaxWidth(Double.MAX_VALUE);
        stale.getStyleClass().add("note");
        stale.managedProperty().bind(stale.visibleProperty());
        stale.setVisible(false);

        table.setId("versionsTable");
        table.setPrefHeight(250);
        table.setMinHeight(150);
        table.setPlaceholder(new Label(messages.get("versions.scanning")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.skinProperty().addListener((o, a, skin) -> javafx.application.Platform.runLater(this::fitHeadersToTheirWords));
        TableColumn<InventoryEntry, String> size = column("versions.col.size", e -> SizeUnit.mib(e.sizeBytes()), 85,
                messages.get("versions.col.size", SizeUnit.NAME));
        size.getStyleClass().add("size-cell");
        TableColumn<InventoryEntry, String> location = column("versions.col.path", e -> shown(e.install().root()), 90, null);
        location.setMinWidth(80);
        location.setMaxWidth(300);
        // The location takes what the status words leave (a long folder is elided here and shown whole below).
        location.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(location.getMinWidth(), Math.min(240, table.getWidth() - 78 - 95 - 85 - 200 - 20)), table.widthProperty()));
        // Status last: it flexes, and the location leaves it at least the room its words need.
        TableColumn<InventoryEntry, String> status = column("versions.col.status", this::status, 180, null);
        status.setMaxWidth(Double.MAX_VALUE);
        table.getColumns().setAll(List.of(
                column("versions.col.version", e -> e.install().version() == null ? "?" : e.install().version(), 78, null),
                column("versions.col.arch", e -> e.install().platforms().isEmpty() ? "?" : String.join("+", e.install().platforms()), 95, null),
                size,
                location,
                status));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(InventoryEntry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("row-active", "row-warning");
                setTooltip(null);
                if (!empty && item != null) {
                    if (item.newTerminal() || item.sdkActive()) {
                        getStyleClass().add("row-active");
                    }
                    String why = explanations(item);
                    if (!why.isEmpty()) {
                        getStyleClass().add("row-warning");
                        setTooltip(new Tooltip(why));
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetails(b));
        details.setId("versionDetails");
        VBox.setVgrow(table, Priority.ALWAYS);
        // The table gives way when the window is short, never a wrapped text (it would end in "…"); below that, the page scrolls.
        for (Label wrapped : List.of(intro, summary, stale)) {
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
        }
        content.getChildren().setAll(title, intro, top, rolledBack, stale, table, details);
        content.getStyleClass().add("page");
        setContent(content);
        setFitToWidth(true);
        setFitToHeight(true);
        getStyleClass().add("page-scroll");
        refresh();
    }

    /** A section of its own below the table (Free disk space). */
    public void addSection(javafx.scene.Node section) {
        content.getChildren().add(section);
    }

    private TableColumn<InventoryEntry, String> column(String key, Function<InventoryEntry, String> value, double width, String header) {
        TableColumn<InventoryEntry, String> c = new TableColumn<>(header != null ? header : messages.get(key));
        c.setId(key.substring(key.lastIndexOf('.') + 1) + "Column");
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 80));
        c.setMaxWidth(width * 1.4);
        return c;
    }

    /**
     * Once the headers are drawn: no column narrower than its header's words (the widths above suit English and
     * Chinese; a longer language would cut them). The table scrolls sideways before a header is cut.
     */
    private void fitHeadersToTheirWords() {
        for (javafx.scene.Node n : table.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof javafx.scene.control.Labeled label) {
                javafx.scene.control.TableColumnBase<?, ?> c = header.getTableColumn();
                double need = Math.ceil(label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()
                        + label.snappedLeftInset() + label.snappedRightInset()) + 6;
                if (c.getMinWidth() < need) {
                    c.setMinWidth(need);
                    c.setMaxWidth(Math.max(c.getMaxWidth(), need));
                    if (!c.prefWidthProperty().isBound()) { // the location follows the table's width, above its minimum
                        c.setPrefWidth(Math.max(c.getPrefWidth(), need));
                    }
                }
            }
        }
    }

    /**
     * ~/sdk/go1.22.5 rather than /Users/name/sdk/go1.22.5; a system folder as the machine names it (the scan may
     * look at a machine built in a folder: its fsRoot is that machine's "/").
     */
    private String shown(Path p) {
        InventorySources s = scanned != null ? scanned : sources.get();
        if (p.startsWith(s.home())) {
            return dev.gosetup.files.HomePaths.display(p, s.home());
        }
        Path fsRoot = s.fsRoot().toAbsolutePath();
        return fsRoot.getParent() != null && p.startsWith(fsRoot) ? "/" + fsRoot.relativize(p).toString().replace('\\', '/') : p.toString();
    }

    /** The status column, in words: Active, New terminals, and what to know (Unfinished, Rosetta 2, …). */
    String status(InventoryEntry e) {
        List<String> words = new ArrayList<>();
        if (e.sdkActive()) {
            words.add(messages.get("versions.status.active"));
        }
        if (e.newTerminal()) {
            words.add(messages.get("versions.status.newTerminals"));
        } else if (e.active()) {
            words.add(messages.get("versions.status.thisWindow"));
        }
        if (e.shadowedBy() != null && !e.newTerminal()) {
            words.add(messages.get("versions.status.shadowed"));
        }
        for (String w : e.warnings()) {
            words.add(messages.get("versions.status." + w));
        }
        return String.join(" · ", words);
    }

    private String explanations(InventoryEntry e) {
        StringBuilder sb = new StringBuilder();
        if (e.shadowedBy() != null && !e.newTerminal()) { // shadowed in this window's older PATH only: new terminals run it
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
            java.util.Map<java.nio.file.Path, dev.gosetup.i18n.Text> records = new java.util.HashMap<>();
            for (InventoryEntry e : all) {
                if (e.install().source() == dev.gosetup.inventory.Source.SDK) {
                    records.put(e.install().root(), dev.gosetup.install.VerificationRecord.summary(
                            dev.gosetup.install.VerificationRecord.readFrom(e.install().root())));
                }
            }
            java.util.Optional<GoVersion> back = sdk().flatMap(dev.gosetup.update.Rollback::target);
            return new Scan(all, records, back);
        }, scan -> {
            verified = scan.records();
            show(s, scan.entries());
            showRollback(scan.rollbackTo());
        }, error -> {
            LOG.log(Level.WARNING, "Inventory failed", error);
            summary.setText(messages.get("versions.failed", messages.describe(error)));
        });
    }

    private record Scan(List<InventoryEntry> entries, java.util.Map<java.nio.file.Path, dev.gosetup.i18n.Text> records,
                        java.util.Optional<GoVersion> rollbackTo) {}

    /** The install root the page's actions change (none without install sources). */
    private java.util.Optional<SdkRoot> sdk() {
        dev.gosetup.install.InstallSources i = installs == null ? null : installs.get();
        return java.util.Optional.ofNullable(i == null ? null : i.sdk());
    }

    private void showRollback(java.util.Optional<GoVersion> to) {
        rollback.setVisible(to.isPresent());
        to.ifPresent(v -> {
            rollback.setText(messages.get("ui.versions.rollback", v.name()));
            rollback.setTooltip(new Tooltip(messages.get("ui.versions.rollback.tooltip", v.name())));
        });
    }

    /** The same engine step as {@code gosetup rollback}: under the install lock, off the FX thread. */
    private void rollBack() {
        rollback.setDisable(true);
        BackgroundTasks.run(() -> dev.gosetup.update.Rollback.run(sdk().orElseThrow(), rules), done -> {
            rollback.setDisable(false);
            rolledBack.getStyleClass().remove("error-text");
            rolledBack.setText(messages.get("ui.versions.rolledBack", done.to().name()));
            rolledBack.setVisible(true);
            refresh();
        }, error -> {
            rollback.setDisable(false);
            LOG.log(Level.WARNING, "Rollback failed", error);
            rolledBack.setText(messages.describe(error));
            rolledBack.setVisible(true);
        });
    }

    private void show(InventorySources s, List<InventoryEntry> all) {
        scanned = s;
        intro.setText(messages.get("versions.intro", shown(s.sdkRoot().resolve(SdkRoot.ACTIVE_LINK))));
        InventoryEntry previous = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(all);
        table.setPlaceholder(new Label(messages.get("cli.list.none")));
        InventoryEntry windowRuns = all.stream().filter(InventoryEntry::active).findFirst().orElse(null);
        InventoryEntry newTerminals = all.stream().filter(InventoryEntry::newTerminal).findFirst().orElse(null);
        stale.setVisible(false);
        if (all.isEmpty()) {
            summary.setText(messages.get("cli.list.none"));
        } else if (s.newTerminal() == null) {
            // not asked what new terminals run: this window's PATH is all there is to tell
            summary.setText(windowRuns == null ? messages.get("cli.list.noneOnPath")
                    : messages.get("versions.summary", all.size(), version(windowRuns), shown(windowRuns.install().root())));
        } else if (newTerminals == null) {
            summary.setText(messages.get("versions.summary.noNewTerminal", all.size()));
        } else {
            summary.setText(messages.get("versions.summary.newTerminals", all.size(), version(newTerminals),
                    shown(newTerminals.install().root().resolve("bin"))));
            if (windowRuns != newTerminals) {
                // Only this already-open window is behind: say so plainly, not "no go on PATH".
                stale.setText(windowRuns == null ? messages.get("versions.stale.none")
                        : messages.get("versions.stale.other", version(windowRuns), shown(windowRuns.install().root().resolve("bin"))));
                stale.setVisible(true);
            }
        }
        if (!all.isEmpty()) {
            InventoryEntry keep = previous == null ? null : all.stream()
                    .filter(e -> e.install().root().equals(previous.install().root())).findFirst().orElse(null);
            table.getSelectionModel().select(keep != null ? keep : newTerminals != null ? newTerminals
                    : windowRuns != null ? windowRuns : all.getFirst());
        }
    }

    private static String version(InventoryEntry e) {
        return e.install().version() == null ? "?" : e.install().version();
    }

    private void showDetails(InventoryEntry e) {
        details.getChildren().clear();
        if (e == null) {
            return;
        }
        GoInstall install = e.install();
        Label head = new Label(messages.get("versions.detail", version(e), shown(install.root())));
        head.setId("versionDetailTitle");
        head.setWrapText(true);
        head.setMinHeight(Region.USE_PREF_SIZE);
        head.getStyleClass().add("section-title");
        Label facts = new Label(messages.get("versions.detail.facts", messages.get("inventory.source." + install.source().name()),
                install.platforms().isEmpty() ? "?" : String.join("+", install.platforms()), SizeUnit.mib(e.sizeBytes()), SizeUnit.NAME));
        facts.setId("versionDetailFacts");
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        facts.getStyleClass().add("muted");
        details.getChildren().addAll(head, facts);
        dev.gosetup.i18n.Text verification = verified.get(install.root());
        if (verification != null) {
            Label how = new Label(messages.text(verification));
            how.setId("versionVerified");
            how.setWrapText(true);
            how.setMinHeight(Region.USE_PREF_SIZE);
            how.getStyleClass().add("muted");
            details.getChildren().add(how);
        }
        String why = explanations(e);
        if (!why.isEmpty()) {
            Label warn = new Label(why);
            warn.setId("versionWarnings");
            warn.setWrapText(true);
            warn.setMinHeight(Region.USE_PREF_SIZE);
            warn.getStyleClass().add("note");
            details.getChildren().add(warn);
        }
        FlowPane actions = new FlowPane(8, 8);
        actions.setId("versionActions");
        if (install.source() == Source.SDK && !install.broken()) {
            Button makeDefault = new Button(messages.get("versions.makeDefault"));
            makeDefault.setId("versionMakeDefault");
            makeDefault.setOnAction(a -> sdkAction(install, false));
            Button remove = new Button(messages.get("versions.remove"));
            remove.setId("versionRemove");
            remove.setOnAction(a -> sdkAction(install, true));
            // never the active one: another must be made active first
            actions.getChildren().addAll(new WhyDisabled(makeDefault, e.sdkActive() ? messages.get("versions.why.alreadyActive") : null),
                    new WhyDisabled(remove, e.sdkActive() ? messages.get("versions.why.removeActive") : null));
        }
        Button copy = new Button(messages.get("versions.copyPath"));
        copy.setId("versionCopyPath");
        copy.setOnAction(a -> copy(install.root().toString()));
        Button reveal = new Button(messages.get("versions.reveal"));
        reveal.setId("versionReveal");
        reveal.setOnAction(a -> BackgroundTasks.run(() -> {
            dev.gosetup.ui.common.FileManager.reveal(install.root());
            return null;
        }, ok -> { }, error -> summary.setText(messages.describe(error))));
        actions.getChildren().addAll(new WhyDisabled(copy, null), new WhyDisabled(reveal, null));
        if (e.newerPatch() != null && installs != null
                && dev.gosetup.release.GoVersion.parse(e.newerPatch()).map(rules::permits).orElse(false)) {
            Button newer = new Button(messages.get("versions.installNewer", e.newerPatch()));
            newer.setId("versionInstallNewer");
            WhyDisabled holder = new WhyDisabled(newer, null);
            newer.setOnAction(a -> installNewer(e.newerPatch(), holder));
            actions.getChildren().add(holder);
        }
        details.getChildren().add(actions);
        if (install.source() == Source.SDK && !install.broken() && e.sdkActive()) {
            // said in words too, not only on hover: why Make active and Remove are off
            Label whyOff = new Label(messages.get("versions.why.removeActive"));
            whyOff.setId("versionWhyDisabled");
            whyOff.setWrapText(true);
            whyOff.setMinHeight(Region.USE_PREF_SIZE);
            whyOff.getStyleClass().add("muted");
            details.getChildren().add(whyOff);
        }
        RemovalAdvice.command(install).ifPresent(cmd -> {
            Label how = new Label(messages.get("versions.removeWith"));
            how.setWrapText(true);
            how.setMinHeight(Region.USE_PREF_SIZE);
            TextField field = new TextField(cmd);
            field.setId("versionRemoveCommand");
            field.setEditable(false);
            field.getStyleClass().add("path-field");
            Button copyCmd = new Button(messages.get("setup.env.copy"));
            copyCmd.setMinWidth(Region.USE_PREF_SIZE);
            copyCmd.setOnAction(a -> copy(cmd));
            HBox row = new HBox(8, field, copyCmd);
            HBox.setHgrow(field, Priority.ALWAYS);
            row.setAlignment(Pos.CENTER_LEFT);
            details.getChildren().addAll(how, row);
        });
    }

    /** Installs the newer patch into the install root, the same way the wizard does (verified, side by side). */
    private void installNewer(String version, WhyDisabled button) {
        String installing = messages.get("versions.installing", version);
        button.setReason(installing);
        summary.setText(installing);
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
            button.setReason(null);
            summary.setText(messages.describe(error)); // an install failed, not the listing: say what, and what to do
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
                LOG.info("Removed " + version.name() + " from " + sdk.path());
            } else {
                sdk.activate(version);
                LOG.info("Made " + version.name() + " the active version in " + sdk.path());
            }
            return null;
        }, ok -> refresh(), error -> summary.setText(messages.describe(error))); // e.g. "is the active version" + what to do
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
