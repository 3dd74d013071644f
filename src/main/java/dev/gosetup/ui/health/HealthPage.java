package dev.gosetup.ui.health;

import dev.gosetup.doctor.DoctorFixes;
import dev.gosetup.doctor.Finding;
import dev.gosetup.i18n.Messages;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.ShellSources;
import dev.gosetup.ui.common.BackgroundTasks;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Health check": every check with its result and a plain explanation; problems first; a Fix button
 * where the app can fix it (the same repairs as `gosetup doctor --fix`). Checks and fixes run off the FX thread.
 */
public final class HealthPage extends ScrollPane {
    private static final Logger LOG = Logger.getLogger(HealthPage.class.getName());

    private final Messages messages;
    private final Callable<List<Finding>> doctor;
    private final Supplier<ShellSources> shells;
    private final Supplier<Settings> settings;
    private final VBox list = new VBox(8);
    private final Label summary = new Label();

    public HealthPage(Messages messages, Callable<List<Finding>> doctor, Supplier<ShellSources> shells, Supplier<Settings> settings) {
        this.messages = messages;
        this.doctor = doctor;
        this.shells = shells;
        this.settings = settings;
        Label title = new Label(messages.get("nav.health"));
        title.getStyleClass().add("page-title");
        Button again = new Button(messages.get("health.again"));
        again.setId("healthAgain");
        again.setOnAction(e -> check());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        summary.setId("healthSummary");
        summary.setWrapText(true);
        HBox top = new HBox(8, summary, spacer, again);
        top.setAlignment(Pos.CENTER_LEFT);
        list.setId("healthFindings");
        VBox content = new VBox(12, title, top, list);
        content.getStyleClass().add("page");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("page-scroll");
        check();
    }

    private void check() {
        summary.setText(messages.get("health.checking"));
        BackgroundTasks.run(doctor, this::show, error -> {
            LOG.log(Level.WARNING, "Health check failed", error);
            summary.setText(messages.get("health.failed", error.getMessage()));
        });
    }

    private void show(List<Finding> findings) {
        list.getChildren().clear();
        long fails = findings.stream().filter(f -> f.status() == Finding.Status.FAIL).count();
        long warns = findings.stream().filter(f -> f.status() == Finding.Status.WARN).count();
        summary.setText(fails + warns == 0 ? messages.get("health.allGood", findings.size())
                : messages.get("health.summary", fails, warns, findings.size()));
        // problems first, then what is fine
        findings.stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).forEach(f -> list.getChildren().add(row(f)));
    }

    private static int rank(Finding f) {
        return switch (f.status()) {
            case FAIL -> 0;
            case WARN -> 1;
            case OK -> 2;
        };
    }

    private VBox row(Finding f) {
        Object[] args = f.args().toArray();
        String mark = switch (f.status()) {
            case OK -> "✓";
            case WARN -> "⚠";
            case FAIL -> "✗";
        };
        Label title = new Label(mark + "  " + messages.get(f.key() + ".title", args));
        title.getStyleClass().add(f.status() == Finding.Status.OK ? "muted" : "section-title");
        VBox box = new VBox(4, title);
        box.setId("finding-" + f.id());
        if (f.status() != Finding.Status.OK) {
            box.getStyleClass().add("note");
            Label detail = new Label(messages.get(f.key() + ".detail", args));
            detail.setWrapText(true);
            box.getChildren().add(detail);
            if (f.fix() != null) {
                Button fix = new Button(messages.get("health.fix"));
                fix.setId("fix-" + f.id());
                fix.getStyleClass().add("primary");
                Label what = new Label(messages.get("doctor.fix." + f.fix().name()));
                what.setWrapText(true);
                what.getStyleClass().add("muted");
                fix.setOnAction(e -> {
                    fix.setDisable(true);
                    ShellSources where = shells.get();
                    Settings s = settings.get();
                    BackgroundTasks.run(() -> DoctorFixes.apply(f, where, s), written -> check(), error -> {
                        fix.setDisable(false);
                        what.setText(messages.get("health.fixFailed", error.getMessage()));
                    });
                });
                HBox fixRow = new HBox(8, fix, what);
                fixRow.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(fixRow);
            }
        }
        return box;
    }
}
