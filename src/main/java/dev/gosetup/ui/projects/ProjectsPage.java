package dev.gosetup.ui.projects;

import dev.gosetup.i18n.Messages;
import dev.gosetup.install.InstallSources;
import dev.gosetup.project.ProjectLookup;
import dev.gosetup.project.ProjectReport;
import dev.gosetup.project.Request;
import dev.gosetup.release.Platform;
import dev.gosetup.settings.ProjectFolders;
import dev.gosetup.settings.VersionRules;
import dev.gosetup.ui.common.BackgroundTasks;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * "Projects": folders the user added (or dropped here), each with what it asks for (go.work, go.mod, .go-version,
 * .tool-versions), what {@code go} runs there in a new terminal and why, contradictions, and one button to install
 * what is missing through the verified install. Reading and installing run off the FX thread; the list is kept in
 * projects.json beside the settings.
 */
public final class ProjectsPage extends ScrollPane {
    private static final Logger LOG = Logger.getLogger(ProjectsPage.class.getName());

    private final Messages messages;
    private final Supplier<ProjectLookup> lookup;
    private final Supplier<InstallSources> installs;
    private final Supplier<Platform> hostPlatform;
    private final VersionRules rules;
    private final ProjectFolders store;
    private final Path home;
    private final List<Path> folders = new ArrayList<>();
    private final VBox list = new VBox(12);
    private final Label summary = new Label();

    public ProjectsPage(Messages messages, Supplier<ProjectLookup> lookup, Supplier<InstallSources> installs, Supplier<Platform> hostPlatform,
                        VersionRules rules, ProjectFolders store, Path home) {
        this.messages = messages;
        this.lookup = lookup;
        this.installs = installs;
        this.hostPlatform = hostPlatform;
        this.rules = rules;
        this.store = store;
        this.home = home;
        Label title = new Label(messages.get("nav.projects"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(messages.get("projects.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        Button add = new Button(messages.get("projects.add"));
        add.setId("projectsAdd");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> choose());
        summary.setId("projectsSummary");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox top = new HBox(8, summary, add);
        top.setAlignment(Pos.CENTER_LEFT);
        list.setId("projectsList");
        VBox content = new VBox(12, title, intro, top, list);
        content.getStyleClass().add("page");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("page-scroll");
        // Folders dropped from a file manager are added like chosen ones.
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.LINK, TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean added = false;
            if (e.getDragboard().hasFiles()) {
                for (File f : e.getDragboard().getFiles()) {
                    added |= add(f.toPath());
                }
            }
            e.setDropCompleted(added);
            e.consume();
        });
        BackgroundTasks.run(store::load, loaded -> {
            folders.addAll(loaded);
            refresh();
        }, error -> LOG.log(Level.WARNING, "Could not read the project list", error));
    }

    private void choose() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("projects.add"));
        // Beside the last folder added, else the home folder: GTK's dialog otherwise opens on an empty "Recent".
        Path start = folders.isEmpty() ? home : folders.getLast().getParent();
        if (start != null && java.nio.file.Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            add(dir.toPath());
        }
    }

    /** Adds a folder (a dropped file adds its folder); false when it is already there or no folder. */
    public boolean add(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.getParent();
        if (dir == null) {
            return false;
        }
        dir = dir.toAbsolutePath().normalize();
        if (folders.contains(dir)) {
            return false;
        }
        folders.add(dir);
        save();
        refresh();
        return true;
    }

    private void remove(Path dir) {
        folders.remove(dir);
        save();
        refresh();
    }

    private void save() {
        List<Path> snapshot = List.copyOf(folders);
        BackgroundTasks.run(() -> {
            store.save(snapshot);
            return null;
        }, ok -> { }, error -> LOG.log(Level.WARNING, "Could not save the project list", error));
    }

    /** Reads every project again (off the FX thread) and shows them in the order they were added. */
    public void refresh() {
        List<Path> snapshot = List.copyOf(folders);
        summary.setText(snapshot.isEmpty() ? messages.get("projects.none") : messages.get("projects.reading", snapshot.size()));
        BackgroundTasks.run(() -> {
            ProjectLookup l = lookup.get();
            List<Object> out = new ArrayList<>();
            for (Path dir : snapshot) {
                try {
                    out.add(Files.isDirectory(dir) ? l.report(dir) : dir);
                } catch (java.io.IOException e) {
                    out.add(dir);
                }
            }
            return out;
        }, reports -> {
            list.getChildren().clear();
            for (int i = 0; i < reports.size(); i++) {
                Object r = reports.get(i);
                list.getChildren().add(r instanceof ProjectReport report ? card(report) : gone(snapshot.get(i)));
            }
            long missing = reports.stream().filter(r -> r instanceof ProjectReport p && !p.missing().isEmpty()).count();
            summary.setText(snapshot.isEmpty() ? messages.get("projects.none") : missing == 0
                    ? messages.get("projects.summary.ok", snapshot.size()) : messages.get("projects.summary.missing", snapshot.size(), missing));
        }, error -> summary.setText(messages.describe(error)));
    }

    private String shown(Path p) {
        return dev.gosetup.files.HomePaths.display(p, home);
    }

    private VBox gone(Path dir) {
        Label head = new Label(shown(dir));
        head.getStyleClass().add("project-title");
        Label why = new Label(messages.get("projects.gone"));
        VBox box = new VBox(4, head, why, removeLink(dir));
        box.getStyleClass().add("project-card");
        return box;
    }

    private Hyperlink removeLink(Path dir) {
        Hyperlink remove = new Hyperlink(messages.get("projects.remove"));
        remove.setOnAction(e -> remove(dir));
        return remove;
    }

    private VBox card(ProjectReport r) {
        Path dir = r.files().dir();
        Label head = new Label(shown(dir));
        head.getStyleClass().add("project-title");
        VBox box = new VBox(4, head);
        box.setId("project-" + Math.abs(dir.toString().hashCode()));
        box.getStyleClass().add("project-card");
        if (r.files().requests().isEmpty()) {
            box.getChildren().add(line(messages.get("cli.project.noFiles")));
        }
        for (Request q : r.files().requests()) {
            String where = messages.get("cli.project.request", q.source().fileName, q.line(), (q.key() + " " + q.raw()).strip());
            String need = switch (q.kind()) {
                case INVALID -> messages.get("cli.project.invalid");
                case DEFAULT -> messages.get("cli.project.toolchainDefault");
                default -> r.needs().stream().filter(n -> n.request() == q).findFirst().map(n -> n.installed()
                                .map(v -> messages.get("cli.project.needInstalled", n.toolchain(), v.name()))
                                .orElseGet(() -> messages.get("cli.project.needMissing", n.toolchain())))
                        .orElse(messages.get("cli.project.notRead"));
            };
            box.getChildren().add(line(where + " — " + need));
        }
        r.winner().ifPresent(w -> box.getChildren().add(muted(messages.get(r.winnerWhy(), w.fileName))));
        if (r.versionFileOnly()) {
            box.getChildren().add(muted(messages.get("project.folderHook." + r.folderHook().name(), r.winner().get().fileName,
                    r.gotoolchain().value())));
        }
        ProjectReport.Outcome o = r.outcome();
        String local = r.start().map(ProjectReport.StartGo::version).orElse("?");
        String result = messages.get("project.result." + o.result().name(), o.toolchain() == null ? "" : o.toolchain(),
                o.runs() == null ? "" : shown(o.runs()), local);
        Label runs = line(o.runs() == null ? result
                : messages.get("text.then", result, messages.get(o.verified() ? "project.verified" : "project.notVerified")));
        runs.getStyleClass().add("project-runs");
        box.getChildren().add(runs);
        box.getChildren().add(muted(messages.get("text.then", messages.get(o.whyKey(), local, o.toolchain() == null ? "" : o.toolchain(),
                r.files().goFile().map(f -> f.getFileName().toString()).orElse("go.mod")),
                messages.get("project.gotoolchain." + r.gotoolchain().where().name(), r.gotoolchain().value(),
                r.gotoolchain().file() == null ? "" : shown(r.gotoolchain().file())))));
        if (o.goMessage() != null) {
            box.getChildren().add(muted(o.goMessage()));
        }
        for (ProjectReport.Conflict c : r.conflicts()) {
            Label l = line(messages.get(c.key(), c.a().source().fileName, (c.a().key() + " " + c.a().raw()).strip(), c.b().source().fileName, c.b().raw()));
            l.getStyleClass().add("project-conflict");
            box.getChildren().add(l);
        }
        if (r.advice() != null) {
            Label advice = line(messages.get(r.advice()));
            advice.getStyleClass().add("project-conflict");
            box.getChildren().add(advice);
        }
        HBox actions = new HBox(8);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (!r.missing().isEmpty()) {
            Button install = new Button(messages.get("projects.install", String.join(", ", r.missing())));
            install.setId("projectInstall");
            boolean allowed = r.missing().stream().allMatch(v -> dev.gosetup.release.GoVersion.parse(v).map(rules::permits).orElse(true));
            install.setDisable(!allowed || installs == null);
            if (!allowed) {
                box.getChildren().add(muted(messages.get("projects.notAllowed")));
            }
            install.setOnAction(e -> install(r.missing(), install));
            actions.getChildren().add(install);
        }
        actions.getChildren().add(removeLink(dir));
        box.getChildren().add(actions);
        return box;
    }

    private static Label line(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static Label muted(String text) {
        Label l = line(text);
        l.getStyleClass().add("muted");
        return l;
    }

    /** The verified install, as the Installed versions page does it; "1.22" resolves to the newest 1.22.x in the list. */
    private void install(List<String> versions, Button button) {
        button.setDisable(true);
        summary.setText(messages.get("projects.installing", String.join(", ", versions)));
        InstallSources s = installs.get();
        BackgroundTasks.run(() -> {
            Platform target = hostPlatform.get();
            if (target == null) {
                throw new java.io.IOException(messages.get("cli.install.noPlatform"));
            }
            dev.gosetup.release.ReleaseList releases = s.catalog().load(s.releaseList()).list();
            for (String version : versions) {
                dev.gosetup.release.Release release = releases.find(version).orElseThrow(
                        () -> new dev.gosetup.i18n.ProblemArgumentException("cli.install.noSuchVersion", version));
                if (!rules.permits(release.version())) {
                    throw new dev.gosetup.i18n.ProblemArgumentException("projects.notAllowed");
                }
                if (!(new dev.gosetup.release.ArchiveChooser().choose(release, target)
                        instanceof dev.gosetup.release.ArchiveChooser.Choice.Found found)) {
                    throw new dev.gosetup.i18n.ProblemArgumentException("cli.install.noBuild", release.version().name(), target);
                }
                s.installer().install(s.plan(release.version(), found.file()), dev.gosetup.fetch.ProgressListener.NONE,
                        new dev.gosetup.fetch.CancelToken());
            }
            return null;
        }, ok -> refresh(), error -> {
            button.setDisable(false);
            summary.setText(messages.describe(error));
        });
    }
}
