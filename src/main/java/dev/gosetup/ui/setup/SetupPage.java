package dev.gosetup.ui.setup;

import dev.gosetup.host.HostSource;
import dev.gosetup.i18n.Messages;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * "Set up Go", the wizard. Only the steps that work are shown: today the first, "This computer"; the
 * download and shell steps join it as they are built.
 */
public final class SetupPage extends ScrollPane {
    private final ThisComputerStep computer;

    public SetupPage(Messages messages, Supplier<HostSource> sources) {
        Label title = new Label(messages.get("nav.setup"));
        title.getStyleClass().add("page-title");
        Label step = new Label(messages.get("setup.step", 1, messages.get("setup.computer.title")));
        step.setId("wizardStep");
        step.getStyleClass().add("step-title");
        computer = new ThisComputerStep(messages, sources);
        Label later = new Label(messages.get("setup.laterSteps"));
        later.setWrapText(true);
        later.getStyleClass().add("muted");
        VBox content = new VBox(12, title, step, computer, later);
        content.getStyleClass().add("page");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("page-scroll");
    }

    public ThisComputerStep computerStep() {
        return computer;
    }
}
