package dev.gosetup.ui.health;

import dev.gosetup.doctor.DoctorFixes;
import dev.gosetup.doctor.Finding;
import dev.gosetup.i18n.Messages;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.ui.common.BackgroundTasks;
import dev.gosetup.ui.common.StatusIcon;
import dev.gosetup.ui.common.WhyDisabled;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Health check": every check with its result, problems first. A result is told by a mark of its own shape, a
 * colour and a word (Problem, Warning, OK), never by colour alone. Fix (the same repairs as `gosetup doctor
 * --fix`) says what it wrote and the backups it kept, then checks again and says what the check says now.
 * Checks and fixes run off the FX thread.
 */
public final class HealthPage extends ScrollPane {
    private static final Logger LOG = Logger.getLogger(HealthPage.class.getName());

    private final Messages messages;
    private final Callable<List<Finding>> doctor;
    private final Supplier<ShellSources> shells;
    private final Supplier<Settings> settings;
    private final java.util.function.Function<ShellSources, java.util.Optional<dev.gosetup.shell.MachinePathFix>> machineFixes;
    private final VBox list = new VBox(8);
    private final Label summary = new Label();
    private final Label fixResult = new Label();
    /** The fix waiting for the check that follows it: its finding and what it wrote, to say how it came out. */
    private Fixed lastFix;

    private record Fixed(String findingId, String title, String written) {}

    public HealthPage(Messages messages, Callable<List<Finding>> doctor, Supplier<ShellSources> shells, Supplier<Settings> settings) {
        this(messages, doctor, shells, settings, ShellSources::machinePathFix);
    }

    /** @param machineFixes the machine-Path fix (Windows only: the registry and one UAC prompt; tests give a fake-backed one) */
    public HealthPage(Messages messages, Callable<List<Finding>> doctor, Supplier<ShellSources> shells, Supplier<Settings> settings,
                      java.util.function.Function<ShellSources, java.util.Optional<dev.gosetup.shell.MachinePathFix>> machineFixes) {
        this.machineFixes = machineFixes;
        this.messages = messages;
        this.doctor = doctor;
        this.shells = shells;
        this.settings = settings;
        Label title = new Label(messages.get("nav.health"));
        title.getStyleClass().add("page-title");
        Button again = new Button(messages.get("health.again"));
        again.setId("healthAgain");
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.setOnAction(e -> check());
        summary.setId("healthSummary");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox top = new HBox(8, summary, again);
        top.setAlignment(Pos.CENTER_LEFT);
        fixResult.setId("healthFixResult");
        fixResult.setWrapText(true);
        fixResult.setMaxWidth(Double.MAX_VALUE);
        fixResult.getStyleClass().add("fix-result");
        fixResult.managedProperty().bind(fixResult.visibleProperty());
        fixResult.setVisible(false);
        list.setId("healthFindings");
        VBox content = new VBox(12, title, top, fixResult, list);
        content.getStyleClass().add("page");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("page-scroll");
        check();
    }

    private void check() {
        summary.setText(messages.get("health.checking"));
        // the home folder with the findings, off the FX thread: sentences name folders inside it from ~
        BackgroundTasks.run(() -> new Checked(doctor.call(), shells.get().home()), c -> show(c.findings(), c.home()), error -> {
            LOG.log(Level.WARNING, "Health check failed", error);
            summary.setText(messages.get("health.failed", messages.describe(error)));
        });
    }

    private record Checked(List<Finding> findings, Path home) {}

    private void show(List<Finding> findings, Path home) {
        list.getChildren().clear();
        long fails = findings.stream().filter(f -> f.status() == Finding.Status.FAIL).count();
        long warns = findings.stream().filter(f -> f.status() == Finding.Status.WARN).count();
        summary.setText(fails + warns == 0 ? messages.get("health.allGood", findings.size())
                : messages.get("health.summary", fails, warns, findings.size() - fails - warns));
        // problems first, then warnings, then what is fine
        findings.stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).forEach(f -> list.getChildren().add(row(f, home)));
        if (lastFix != null) {
            Finding now = findings.stream().filter(f -> f.id().equals(lastFix.findingId())).findFirst().orElse(null);
            String outcome = now == null || now.status() == Finding.Status.OK ? messages.get("health.fix.nowOk")
                    : messages.get("health.fix.still", messages.get(now.key() + ".title", now.argsShown(home)));
            fixResult.setText(messages.get("health.fix.done", lastFix.title(), lastFix.written(), outcome));
            lastFix = null;
        }
    }

    private static int rank(Finding f) {
        return switch (f.status()) {
            case FAIL -> 0;
            case WARN -> 1;
            case OK -> 2;
        };
    }

    private Node row(Finding f, Path home) {
        Object[] args = f.argsShown(home);
        StatusIcon.Kind kind = StatusIcon.kind(f.status());
        String kindName = kind.name().toLowerCase(Locale.ROOT);
        Label word = new Label(messages.get("health.status." + kindName));
        word.setId("status-" + f.id());
        word.getStyleClass().addAll("status-word", "status-" + kindName);
        word.setMinWidth(Region.USE_PREF_SIZE);
        String titleText = messages.get(f.key() + ".title", args);
        Label title = new Label(titleText);
        title.setWrapText(true);
        title.getStyleClass().add(f.status() == Finding.Status.OK ? "muted" : "section-title");
        HBox head = new HBox(8, word, title);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox body = new VBox(4, head);
        HBox.setHgrow(body, Priority.ALWAYS);
        Node icon = StatusIcon.of(kind);
        HBox box = new HBox(10, icon, body);
        box.setAlignment(Pos.TOP_LEFT);
        box.setId("finding-" + f.id());
        box.getStyleClass().addAll("finding", "finding-" + kindName);
        if (f.status() != Finding.Status.OK) {
            Label detail = new Label(messages.get(f.key() + ".detail", args));
            detail.setWrapText(true);
            body.getChildren().add(detail);
            if (f.fix() == Finding.Fix.FIX_MACHINE_PATH) {
                body.getChildren().add(machinePathRow(f, titleText));
            } else if (f.fix() != null) {
                body.getChildren().add(fixRow(f, titleText));
            }
        }
        return box;
    }

    /**
     * The machine Path's fix as the Environment step offers it: the change first, then "Fix for everyone
     * (administrator)…" (one UAC prompt); the check that follows says whether our Go now wins.
     */
    private Node machinePathRow(Finding f, String titleText) {
        Supplier<ShellSources> where = shells;
        Supplier<Settings> chosen = settings;
        return new dev.gosetup.ui.common.MachinePathFixBox(messages, null, () -> {
            ShellSources w = where.get();
            dev.gosetup.shell.MachinePathFix fix = machineFixes.apply(w).orElseThrow(() ->
                    new dev.gosetup.i18n.ProblemArgumentException("cli.env.fixMachinePath.onlyOnWindows"));
            return new dev.gosetup.ui.common.MachinePathFixBox.Target(fix, w.spec(chosen.get()));
        }, after -> {
            lastFix = new Fixed(f.id(), titleText, messages.get("health.fix.machinePath"));
            fixResult.getStyleClass().remove("fix-failed");
            fixResult.setText(messages.get("health.fix.done", titleText, messages.get("health.fix.machinePath"),
                    messages.get("health.checkingAgain")));
            fixResult.setVisible(true);
            check();
        });
    }

    private Node fixRow(Finding f, String titleText) {
        Button fix = new Button(messages.get("health.fix"));
        fix.setId("fix-" + f.id());
        fix.getStyleClass().add("primary");
        WhyDisabled holder = new WhyDisabled(fix, null);
        Label what = new Label(messages.get("doctor.fix." + f.fix().name()));
        what.setWrapText(true);
        what.getStyleClass().add("muted");
        fix.setOnAction(e -> {
            holder.setReason(messages.get("health.fixing"));
            ShellSources where = shells.get();
            Settings s = settings.get();
            BackgroundTasks.run(() -> DoctorFixes.apply(f, where, s), changes -> {
                String written = describe(changes, where.home());
                LOG.info("Health check fix " + f.fix() + " for " + f.id() + ": " + changes);
                lastFix = new Fixed(f.id(), titleText, written);
                fixResult.getStyleClass().remove("fix-failed");
                fixResult.setText(messages.get("health.fix.done", titleText, written, messages.get("health.checkingAgain")));
                fixResult.setVisible(true);
                check();
            }, error -> {
                LOG.log(Level.WARNING, "Fix " + f.fix() + " failed", error);
                holder.setReason(null);
                fixResult.getStyleClass().add("fix-failed");
                fixResult.setText(messages.get("health.fixFailed", messages.describe(error)));
                fixResult.setVisible(true);
            });
        });
        HBox row = new HBox(8, holder, what);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** "~/.bashrc (backup: ~/.bashrc.gosetup-backup-20250101-120000), ~/.config/gosetup/env.sh". */
    private String describe(List<DoctorFixes.Change> changes, Path home) {
        if (changes.isEmpty()) {
            return messages.get("health.fix.nothingWritten");
        }
        StringBuilder sb = new StringBuilder();
        for (DoctorFixes.Change c : changes) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(c.backup() == null ? messages.get("health.fix.file", shown(c.file(), home))
                    : messages.get("health.fix.fileWithBackup", shown(c.file(), home), shown(c.backup(), home)));
        }
        return sb.toString();
    }

    private static String shown(Path p, Path home) {
        return dev.gosetup.files.HomePaths.display(p, home);
    }
}
