package dev.gosetup.ui.versions;

import dev.gosetup.i18n.Messages;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** "Installed versions". Says plainly that the inventory is not built yet, rather than show made-up rows. */
public final class VersionsPage extends VBox {
    public VersionsPage(Messages messages) {
        super(12);
        getStyleClass().add("page");
        Label title = new Label(messages.get("nav.versions"));
        title.getStyleClass().add("page-title");
        Label body = new Label(messages.get("versions.notYet"));
        body.setId("versionsNotYet");
        body.setWrapText(true);
        body.getStyleClass().add("muted");
        getChildren().addAll(title, body);
    }
}
