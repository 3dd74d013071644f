package dev.gosetup.ui.setup;

import dev.gosetup.i18n.Messages;
import dev.gosetup.install.InstallPlan;
import dev.gosetup.install.InstallSources;
import dev.gosetup.release.ArchiveChooser;
import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.Platform;
import dev.gosetup.release.Release;
import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.release.ReleaseListException;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.VersionRules;
import dev.gosetup.ui.common.BackgroundTasks;
import dev.gosetup.ui.common.ManagedMarks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Wizard step 2, "Choose Go": the release list (latest stable preselected), the exact file, size and
 * checksum for this machine, support labels, and explicit consent before an amd64 build on Apple silicon.
 */
public final class ChooseGoStep extends VBox {
    private final Messages messages;
    private final java.nio.file.Path home;
    private final Supplier<InstallSources> sources;
    private final Supplier<Platform> platform;
    private final ListView<Release> versions = new ListView<>();
    private final CheckBox showAll;
    private final Label status = new Label();
    private final ProgressIndicator loading = new ProgressIndicator();
    private final GridPane details = new GridPane();
    private final CheckBox consent;
    private final Label noBuild = new Label();
    private final ObjectProperty<InstallPlan> plan = new SimpleObjectProperty<>();
    private ReleaseList list;
    /** A version to select once the list is there (the wizard rebuilt in another language), or null. */
    private String preferred;
    /** What the policy allows and pins (VersionRules.NONE when unmanaged). */
    private final VersionRules rules;

    public ChooseGoStep(Messages messages, Supplier<InstallSources> sources, Supplier<Platform> platform) {
        this(messages, sources, platform, ManagedSettings.NONE);
    }

    /** @param managed the organisation's policy: only the versions it allows are offered, its pinned one preselected */
    public ChooseGoStep(Messages messages, Supplier<InstallSources> sources, Supplier<Platform> platform, ManagedSettings managed) {
        this(messages, sources, platform, managed, dev.gosetup.settings.UserHome.current());
    }

    /** @param home paths inside it are shown as ~/… */
    public ChooseGoStep(Messages messages, Supplier<InstallSources> sources, Supplier<Platform> platform, ManagedSettings managed,
                        java.nio.file.Path home) {
        this.home = home;
        this.messages = messages;
        this.rules = managed.versions();
        this.sources = sources;
        this.platform = platform;
        setSpacing(12);
        getStyleClass().add("step");
        Label intro = new Label(messages.get("setup.choose.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        versions.setId("versionList");
        versions.setPrefHeight(220);
        versions.setCellFactory(v -> new ReleaseCell());
        versions.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetails(b));
        showAll = new CheckBox(messages.get("setup.choose.showAll"));
        showAll.setId("showAllVersions");
        showAll.setOnAction(e -> fill());
        Button reload = new Button(messages.get("setup.choose.reload"));
        reload.setOnAction(e -> load());
        status.setId("chooseStatus");
        status.setWrapText(true);
        loading.setMaxSize(24, 24);
        details.setId("fileDetails");
        details.setHgap(16);
        details.setVgap(6);
        consent = new CheckBox();
        consent.setId("allowAmd64");
        consent.setWrapText(true);
        consent.setOnAction(e -> showDetails(versions.getSelectionModel().getSelectedItem()));
        noBuild.setId("noBuild");
        noBuild.setWrapText(true);
        noBuild.getStyleClass().add("note");
        // The controls wrap onto a second line rather than cut their words; the status line below them wraps too.
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(12, 8, showAll, reload, loading);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(intro, top, status);
        if (rules.choosesDefault()) {
            Label policy = new Label(rules.pinned() != null
                    ? messages.get(rules.pinLocked() ? "setup.choose.pinnedLocked" : "setup.choose.pinned", rules.pinned())
                    : messages.get("setup.choose.allowed", String.join(", ", rules.permitted())));
            policy.setId("choosePolicy");
            policy.setWrapText(true);
            HBox line = new HBox(8, policy, new ManagedMarks(messages, managed).badge("managed-goVersion"));
            line.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(line);
            // A locked pin leaves nothing to choose: the list shows it, but cannot be changed, and the
            // policy's line takes the place of "the newest stable Go is chosen for you".
            if (rules.pinned() != null && rules.pinLocked()) {
                versions.setDisable(true);
                versions.getStyleClass().add("locked");
                showAll.setDisable(true);
                intro.setVisible(false);
                intro.setManaged(false);
            }
        }
        getChildren().addAll(versions, details, noBuild, consent);
        load();
    }

    /** Selects this version (e.g. "go1.22.5") when the list has it, now or once it has loaded. */
    public void preferVersion(String version) {
        preferred = version;
        fill();
    }

    /** The chosen file, or null while none can be installed. */
    public ObjectProperty<InstallPlan> planProperty() {
        return plan;
    }

    /**
     * The machine became known (detection finishes in the background, maybe after the release list
     * arrived): choose the file for it now.
     */
    public void platformChanged() {
        showDetails(versions.getSelectionModel().getSelectedItem());
    }

    public void load() {
        loading.setVisible(true);
        status.setText(messages.get("setup.choose.loading"));
        BackgroundTasks.run(() -> sources.get().catalog().load(sources.get().releaseList()), loaded -> {
            loading.setVisible(false);
            status.getStyleClass().remove("fact-unknown"); // an earlier failure's look goes with it
            list = loaded.list();
            status.setText(loaded.fromCache() && loaded.staleReason() != null
                    ? messages.get("setup.choose.stale", loaded.age().toHours(), loaded.staleReason())
                    : messages.get("setup.choose.source", loaded.origin()));
            fill();
        }, error -> {
            loading.setVisible(false);
            status.setText(messages.get("setup.choose.failed", messages.describe(error)));
            if (!status.getStyleClass().contains("fact-unknown")) {
                status.getStyleClass().add("fact-unknown");
            }
        });
    }

    private void fill() {
        if (list == null) {
            return;
        }
        List<Release> shown = new ArrayList<>((showAll.isSelected() ? list.releases() : newestPerLine(list)).stream()
                .filter(r -> rules.permits(r.version())).toList());
        // The policy's default (a pinned 1.22.5 need not be its line's newest patch) is always offered.
        Release preselected = rules.choosesDefault() ? rules.defaultRelease(list).orElse(null)
                : list.latestStable().orElse(null);
        if (preselected != null && !shown.contains(preselected) && rules.permits(preselected.version())) {
            shown.add(preselected);
            shown.sort(java.util.Comparator.comparing((Release r) -> r.version()).reversed());
        }
        versions.getItems().setAll(shown);
        Release wanted = preferred == null ? null : shown.stream().filter(r -> r.version().name().equals(preferred)).findFirst().orElse(null);
        if (wanted != null) {
            versions.getSelectionModel().select(wanted);
        } else if (preselected != null && shown.contains(preselected)) {
            versions.getSelectionModel().select(preselected);
        }
    }

    static List<Release> newestPerLine(ReleaseList list) {
        Set<String> lines = new LinkedHashSet<>();
        List<Release> out = new ArrayList<>();
        for (Release r : list.releases()) {
            if (r.stable() && lines.add(r.version().line())) {
                out.add(r);
            }
        }
        return out;
    }

    private void showDetails(Release release) {
        details.getChildren().clear();
        noBuild.setVisible(false);
        noBuild.setManaged(false);
        consent.setVisible(false);
        consent.setManaged(false);
        plan.set(null);
        Platform target = platform.get();
        if (release == null || target == null) {
            return;
        }
        GoFile file = switch (new ArchiveChooser().choose(release, target)) {
            case ArchiveChooser.Choice.Found f -> f.file();
            case ArchiveChooser.Choice.NoBuild n -> {
                noBuild.setText(messages.get("setup.choose.noBuild", release.version().name(), n.platform()));
                noBuild.setVisible(true);
                noBuild.setManaged(true);
                if (n.alternative() != null) {
                    consent.setText(messages.get("setup.choose.consent", ArchiveName.printable(n.alternative().filename())));
                    consent.setVisible(true);
                    consent.setManaged(true);
                    yield consent.isSelected() ? n.alternative() : null;
                }
                yield null;
            }
        };
        if (file == null) {
            return;
        }
        if (!file.hasChecksum()) {
            noBuild.setText(messages.get("setup.choose.noChecksum", ArchiveName.printable(file.filename())));
            noBuild.setVisible(true);
            noBuild.setManaged(true);
            return;
        }
        InstallSources s = sources.get();
        InstallPlan chosen;
        try {
            chosen = s.plan(release.version(), file);
        } catch (ReleaseListException unusable) {
            // The list names a file that is no Go download (or not this one): nothing may be fetched for it.
            noBuild.setText(messages.get("setup.choose.badFile", ArchiveName.printable(file.filename())));
            noBuild.setVisible(true);
            noBuild.setManaged(true);
            return;
        }
        int row = 0;
        details.addRow(row++, label("setup.choose.file"), value(file.filename()));
        details.addRow(row++, label("setup.choose.size"), value(new dev.gosetup.i18n.ByteSize(file.size()).format(messages.locale())));
        // In groups of eight, as fingerprints are shown: easier to compare by eye, and it wraps in a narrow window.
        details.addRow(row++, label("setup.choose.sha256"), value(String.join(" ", file.sha256().split("(?<=\\G.{8})"))));
        details.addRow(row++, label("setup.choose.from"), value(dev.gosetup.secrets.Redaction.redact(chosen.source().toString())));
        details.addRow(row, label("setup.choose.into"), value(dev.gosetup.files.HomePaths.display(s.sdk().versionDir(release.version()), home)));
        plan.set(chosen);
    }

    private Label label(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("fact-label");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the value beside it gives way, not the name
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fact-value");
        l.setWrapText(true);
        return l;
    }

    /** A release with its support label, in the list. */
    private final class ReleaseCell extends ListCell<Release> {
        @Override
        protected void updateItem(Release r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null || list == null) {
                setText(null);
                return;
            }
            ReleaseList.SupportStatus s = list.supportOf(r.version());
            List<String> labels = new ArrayList<>();
            if (list.latestStable().map(l -> l == r).orElse(false)) {
                labels.add(messages.get("release.label.latest"));
            }
            if (!r.stable()) {
                labels.add(messages.get("release.label.prerelease"));
            } else if (!s.supported()) {
                labels.add(messages.get("release.label.unsupported"));
            }
            if (s.newerPatch() != null) {
                labels.add(messages.get("release.label.newerPatch", s.newerPatch()));
            }
            setText(r.version().name() + (labels.isEmpty() ? "" : "   —   " + String.join(" · ", labels)));
        }
    }

    /** For tests and the wizard: the release the user picked. */
    public ListView<Release> versions() {
        return versions;
    }

}
