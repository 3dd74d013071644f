package dev.gosetup.ui.common;

import dev.gosetup.doctor.Finding;
import dev.gosetup.i18n.Messages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One check's result in a line, as the wizard's last step shows what new terminals run: the mark (shape and
 * colour, {@link StatusIcon}), the title, and for anything not fine its explanation below.
 */
public final class FindingLine {
    private FindingLine() {}

    public static Node of(Messages messages, Finding f) {
        Label title = new Label(messages.get(f.key() + ".title", f.args().toArray()));
        title.setWrapText(true);
        title.setId("finding-" + f.id());
        VBox text = new VBox(2, title);
        if (f.status() != Finding.Status.OK) {
            Label detail = new Label(messages.get(f.key() + ".detail", f.args().toArray()));
            detail.setWrapText(true);
            detail.getStyleClass().add("muted");
            text.getChildren().add(detail);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(8, StatusIcon.of(StatusIcon.kind(f.status())), text);
        line.setAlignment(Pos.TOP_LEFT);
        line.getStyleClass().add("finding-line");
        return line;
    }
}
