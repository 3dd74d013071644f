package dev.gosetup.ui.setup;

import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.HostSource;
import dev.gosetup.host.HostSummary;
import dev.gosetup.host.snapshot.RecordingHostSource;
import dev.gosetup.host.snapshot.SnapshotWriter;
import dev.gosetup.i18n.Messages;
import dev.gosetup.ui.common.BackgroundTasks;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * Wizard step 1, "This computer": detection in plain words and what it means for the install, every fact
 * with "could not tell" where detection could not, the notes that say why, and a support report.
 */
public final class ThisComputerStep extends VBox {
    private static final Logger LOG = Logger.getLogger(ThisComputerStep.class.getName());

    private final Messages messages;
    private final Supplier<HostSource> sources;
    private final Label headline = new Label();
    private final Label consequence = new Label();
    private final GridPane facts = new GridPane();
    private final VBox notes = new VBox(6);
    private final Label status = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button again;
    private final Button copy;
    private final Button report;
    private final javafx.beans.property.ObjectProperty<HostInfo> hostProperty = new javafx.beans.property.SimpleObjectProperty<>();
    private HostInfo host;

    public ThisComputerStep(Messages messages, Supplier<HostSource> sources) {
        this.messages = messages;
        this.sources = sources;
        getStyleClass().add("step");
        setSpacing(14);

        Label intro = new Label(messages.get("setup.computer.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        headline.setId("hostHeadline");
        headline.getStyleClass().add("host-headline");
        headline.setWrapText(true);
        consequence.setId("hostConsequence");
        consequence.getStyleClass().add("host-consequence");
        consequence.setWrapText(true);
        progress.setMaxSize(28, 28);

        facts.setId("hostFacts");
        facts.getStyleClass().add("fact-grid");
        facts.setHgap(16);
        facts.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(190);
        facts.getColumnConstraints().addAll(labels, new ColumnConstraints());
        notes.setId("hostNotes");

        again = new Button(messages.get("setup.computer.again"));
        again.setId("detectAgain");
        again.setOnAction(e -> detect());
        copy = new Button(messages.get("setup.computer.copy"));
        copy.setId("copyDetails");
        copy.setOnAction(e -> copyDetails());
        report = new Button(messages.get("setup.computer.report"));
        report.setId("saveReport");
        report.setOnAction(e -> saveReport());
        status.setId("hostStatus");
        status.getStyleClass().add("muted");
        // Wraps onto a second line when the buttons' words are longer than the window is wide.
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8, again, copy, report, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(6, 0, 0, 0));

        getChildren().addAll(intro, new HBox(10, progress, headline), consequence, facts, notes, actions);
        detect();
    }

    /** Runs detection off the FX thread; the view fills in when it is done. */
    public void detect() {
        setBusy(true);
        status.setText("");
        BackgroundTasks.run(() -> new HostDetector().detect(sources.get()), this::show, error -> {
            setBusy(false);
            LOG.log(Level.WARNING, "Detection failed", error);
            headline.setText(messages.get("setup.computer.failed"));
            consequence.setText(messages.describe(error)); // a bad snapshot: which file, what is wrong, what to do
        });
    }

    private void setBusy(boolean busy) {
        progress.setVisible(busy);
        progress.setManaged(busy);
        again.setDisable(busy);
        copy.setDisable(busy || host == null);
        if (busy) {
            headline.setText(messages.get("setup.computer.detecting"));
            consequence.setText("");
        }
    }

    private void show(HostInfo detected) {
        this.host = detected;
        hostProperty.set(detected);
        setBusy(false);
        HostSummary summary = new HostSummary(messages);
        headline.setText(summary.headline(detected));
        consequence.setText(summary.consequence(detected));
        facts.getChildren().clear();
        int row = 0;
        for (HostSummary.Fact fact : summary.facts(detected)) {
            Label label = new Label(fact.label());
            label.getStyleClass().add("fact-label");
            label.setWrapText(true); // a long name ("Windows Subsystem for Linux") wraps in its column, never cut
            Label value = new Label(fact.value());
            value.getStyleClass().add(fact.known() ? "fact-value" : "fact-unknown");
            value.setWrapText(true);
            facts.addRow(row++, label, value);
        }
        notes.getChildren().clear();
        if (!detected.notes().isEmpty()) {
            Label heading = new Label(messages.get("setup.computer.notes"));
            heading.getStyleClass().add("section-title");
            notes.getChildren().add(heading);
            for (String text : summary.notes(detected)) {
                Label note = new Label(text);
                note.setWrapText(true);
                note.getStyleClass().add("note");
                notes.getChildren().add(note);
            }
        }
    }

    public HostInfo host() {
        return host;
    }

    /** Set when detection finishes. */
    public javafx.beans.property.ReadOnlyObjectProperty<HostInfo> hostProperty() {
        return hostProperty;
    }

    private void copyDetails() {
        if (host == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(new HostSummary(messages).plainText(host));
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        status.setText(messages.get("common.copied"));
    }

    private void saveReport() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("setup.computer.report.choose"));
        java.io.File home = dev.gosetup.settings.UserHome.current().toFile(); // not GTK's empty "Recent"
        if (home.isDirectory()) {
            chooser.setInitialDirectory(home);
        }
        File parent = chooser.showDialog(getScene().getWindow());
        if (parent == null) {
            return;
        }
        Path dir = parent.toPath().resolve("gosetup-report-" + java.time.LocalDate.now());
        report.setDisable(true);
        BackgroundTasks.run(() -> {
            RecordingHostSource recording = new RecordingHostSource(sources.get());
            new HostDetector().detect(recording);
            new SnapshotWriter().write(recording, dir);
            return dir;
        }, written -> {
            report.setDisable(false);
            status.setText(messages.get("setup.computer.report.saved", written));
        }, error -> {
            report.setDisable(false);
            LOG.log(Level.WARNING, "Could not save the report", error);
            status.setText(messages.get("setup.computer.report.failed", messages.describe(error)));
        });
    }
}
