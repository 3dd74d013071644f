package dev.gosetup.ui.common;

import dev.gosetup.i18n.Messages;
import dev.gosetup.secrets.Redaction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The one view for unexpected errors: what happened, the details, a copy button and where the log is. */
public final class ErrorView extends VBox {
    private final TextArea details = new TextArea();
    private final Label copied = new Label();

    public ErrorView(Messages messages, Throwable error, Path logFile) {
        getStyleClass().add("error-view");
        setSpacing(12);
        setPadding(new Insets(20));
        Label title = new Label(messages.get("error.title"));
        title.getStyleClass().add("page-title");
        // In the user's language (a problem by its key, a JDK failure by its type), and masked here too: the
        // last-resort view may be given words that did not come through AppContext's mask.
        Label what = new Label(Redaction.redact(messages.get("error.what", messages.describe(error))));
        what.setWrapText(true);
        Label log = new Label(logFile == null ? messages.get("error.noLog") : messages.get("error.log", logFile));
        log.setWrapText(true);
        log.getStyleClass().add("muted");
        details.setId("errorDetails");
        details.setEditable(false);
        details.setWrapText(false);
        details.setText(Redaction.redact(describe(error)));
        VBox.setVgrow(details, Priority.ALWAYS);
        Button copy = new Button(messages.get("error.copy"));
        copy.setId("copyErrorDetails");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copied.setText(messages.get("common.copied"));
        });
        Button close = new Button(messages.get("common.close"));
        close.setId("closeError");
        close.setOnAction(e -> getScene().getWindow().hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, copy, copied, spacer, close);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(title, what, details, log, buttons);
    }

    public String detailsText() {
        return details.getText();
    }

    static String describe(Throwable error) {
        StringWriter sw = new StringWriter();
        sw.append("Go Setup Assistant ").append(System.getProperty("java.version")).append(" on ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(")\n\n");
        error.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    /** Opens the view in its own window. Call on the FX thread. */
    public static Stage show(Window owner, Messages messages, Throwable error, Path logFile) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(messages.get("error.title"));
        Scene scene = new Scene(new ErrorView(messages, error, logFile), 720, 480);
        Styles.apply(scene, messages.locale());
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
