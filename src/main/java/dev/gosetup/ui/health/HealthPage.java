package dev.gosetup.ui.health;

import dev.gosetup.i18n.Messages;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** "Health check". Says plainly that the checks are not built yet, rather than show invented results. */
public final class HealthPage extends VBox {
    public HealthPage(Messages messages) {
        super(12);
        getStyleClass().add("page");
        Label title = new Label(messages.get("nav.health"));
        title.getStyleClass().add("page-title");
        Label body = new Label(messages.get("health.notYet"));
        body.setId("healthNotYet");
        body.setWrapText(true);
        body.getStyleClass().add("muted");
        getChildren().addAll(title, body);
    }
}
