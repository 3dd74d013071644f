package dev.gosetup.ui.setup;

import dev.gosetup.i18n.Messages;
import dev.gosetup.install.InstallSources;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import dev.gosetup.ui.common.BackgroundTasks;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The wizard's last step, "Ready": what a new terminal will run, and the one thing left to do — open a new
 * terminal and type {@code go version}, with the line it should print.
 */
public final class ReadyStep extends VBox {
    private static final Logger LOG = Logger.getLogger(ReadyStep.class.getName());
    static final String COMMAND = "go version";

    private final Messages messages;
    private final Supplier<InstallSources> sources;
    private final Supplier<Platform> platform;
    private final Label headline = new Label();
    private final Label expected = new Label();

    public ReadyStep(Messages messages, Supplier<InstallSources> sources, Supplier<Platform> platform) {
        this.messages = messages;
        this.sources = sources;
        this.platform = platform;
        setSpacing(12);
        getStyleClass().add("step");
        headline.setId("readyHeadline");
        headline.setWrapText(true);
        headline.getStyleClass().add("host-consequence");
        Label open = new Label(messages.get("setup.ready.openTerminal"));
        open.setWrapText(true);
        TextField command = new TextField(COMMAND);
        command.setEditable(false);
        command.setPrefColumnCount(12);
        command.getStyleClass().add("path-field");
        Button copy = new Button(messages.get("setup.env.copy"));
        copy.setId("readyCopy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(COMMAND);
            Clipboard.getSystemClipboard().setContent(c);
            copy.setText(messages.get("setup.env.copied"));
        });
        HBox run = new HBox(8, command, copy);
        run.setAlignment(Pos.CENTER_LEFT);
        expected.setId("readyExpected");
        expected.setWrapText(true);
        getChildren().addAll(headline, open, run, expected);
    }

    /** Called when the step is shown: the active version is read off the FX thread. */
    public void enter() {
        headline.setText(messages.get("setup.ready.checking"));
        expected.setText("");
        BackgroundTasks.run(() -> sources.get().sdk().active(), this::show, error -> {
            LOG.log(Level.WARNING, "No active version for the last step", error);
            show(Optional.empty());
        });
    }

    private void show(Optional<GoVersion> active) {
        Platform p = platform.get();
        if (active.isEmpty() || p == null) {
            headline.setText(messages.get("setup.ready.noActive"));
            headline.getStyleClass().setAll("label", "note");
            return;
        }
        headline.setText(messages.get("setup.ready.done", active.get().name()));
        headline.getStyleClass().setAll("label", "host-consequence");
        // What `go version` prints: "go version go1.22.5 darwin/arm64".
        expected.setText(messages.get("setup.ready.expected", "go version " + active.get().name() + " " + p.os() + "/" + p.arch()));
    }
}
