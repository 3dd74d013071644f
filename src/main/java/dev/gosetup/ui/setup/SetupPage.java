package dev.gosetup.ui.setup;

import dev.gosetup.host.HostInfo;
import dev.gosetup.host.HostSource;
import dev.gosetup.i18n.Messages;
import dev.gosetup.install.InstallSources;
import dev.gosetup.release.Platform;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.sources.ShellSources;
import java.util.function.Consumer;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import dev.gosetup.install.InstallPlan;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Set up Go", the wizard: 1 This computer, 2 Choose Go, 3 Download and install, 4 Environment. The step
 * scrolls; Back and Next sit in a bar below it, always in view whatever the window's size or language.
 */
public final class SetupPage extends BorderPane {
    private final Messages messages;
    private final ThisComputerStep computer;
    private final ChooseGoStep choose;
    private final InstallStep install;
    private final EnvironmentStep environment;
    private final ReadyStep ready;
    private final List<String> titles;
    private final Label step = new Label();
    private final VBox body = new VBox();
    private final Button back;
    private final Button next;
    private int index;
    /** The step a rebuilt wizard is making its way back to, or -1 once there or once the user has moved. */
    private int resumeTo = -1;

    public SetupPage(Messages messages, Supplier<HostSource> hosts, Supplier<InstallSources> sources,
                     Supplier<ShellSources> shells, Supplier<Settings> settings, Consumer<Settings> saveSettings) {
        this(messages, hosts, sources, shells, settings, saveSettings, ManagedSettings.NONE);
    }

    /** @param managed the organisation's policy, for the versions offered and the environment's locked fields */
    public SetupPage(Messages messages, Supplier<HostSource> hosts, Supplier<InstallSources> sources,
                     Supplier<ShellSources> shells, Supplier<Settings> settings, Consumer<Settings> saveSettings,
                     ManagedSettings managed) {
        this(messages, hosts, sources, shells, settings, saveSettings, managed, dev.gosetup.settings.UserHome.current());
    }

    /** @param home the home this run works on: paths inside it are shown as ~/… */
    public SetupPage(Messages messages, Supplier<HostSource> hosts, Supplier<InstallSources> sources,
                     Supplier<ShellSources> shells, Supplier<Settings> settings, Consumer<Settings> saveSettings,
                     ManagedSettings managed, java.nio.file.Path home) {
        this.messages = messages;
        computer = new ThisComputerStep(messages, hosts);
        choose = new ChooseGoStep(messages, sources, () -> {
            HostInfo host = computer.host();
            return host == null ? null : Platform.of(host);
        }, managed, home);
        install = new InstallStep(messages, sources, home);
        environment = new EnvironmentStep(messages, shells, settings, saveSettings, managed);
        ready = new ReadyStep(messages, sources, () -> {
            HostInfo host = computer.host();
            return host == null ? null : Platform.of(host);
        }, shells, environment::chosenShells, home);
        titles = List.of(messages.get("setup.computer.title"), messages.get("setup.choose.title"), messages.get("setup.install.title"),
                messages.get("setup.env.title"), messages.get("setup.ready.title"));
        Label title = new Label(messages.get("nav.setup"));
        title.getStyleClass().add("page-title");
        step.setId("wizardStep");
        step.getStyleClass().add("step-title");
        back = new Button(messages.get("setup.back"));
        back.setId("wizardBack");
        back.setOnAction(e -> {
            resumeTo = -1;
            go(index - 1);
        });
        next = new Button(messages.get("setup.next"));
        next.setId("wizardNext");
        next.getStyleClass().add("primary");
        next.setOnAction(e -> {
            resumeTo = -1;
            go(index + 1);
        });
        choose.planProperty().addListener((o, a, b) -> updateButtons());
        computer.hostProperty().addListener((o, a, b) -> {
            choose.platformChanged(); // the release list may have arrived first
            updateButtons();
        });
        install.readyProperty().addListener((o, a, b) -> stepDone(b));
        environment.setUpProperty().addListener((o, a, b) -> stepDone(b));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox nav = new HBox(8, spacer, back, next);
        nav.setAlignment(Pos.CENTER_RIGHT);
        nav.getStyleClass().add("wizard-nav");
        VBox content = new VBox(12, title, step, body);
        content.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        setCenter(scroll);
        setBottom(nav);
        go(0);
    }

    private void go(int target) {
        index = Math.max(0, Math.min(titles.size() - 1, target));
        Node page = switch (index) {
            case 0 -> computer;
            case 1 -> choose;
            case 2 -> {
                install.setPlan(choose.planProperty().get());
                yield install;
            }
            case 3 -> {
                environment.enter();
                yield environment;
            }
            default -> {
                ready.enter();
                yield ready;
            }
        };
        body.getChildren().setAll(page);
        step.setText(messages.get("setup.stepOf", index + 1, titles.size(), titles.get(index)));
        updateButtons();
    }

    /**
     * A step's work is done (installed, or the environment applied): the button that had focus (Cancel, Apply) is
     * disabled now and focus would fall to Back, so Next takes it: Enter goes on, as in any installer.
     */
    private void stepDone(boolean done) {
        updateButtons();
        javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
        // Only focus that was lost or fell to Back: someone typing in a field (GOPATH edited back to what is set up)
        // keeps their place.
        if (done && !next.isDisabled() && (owner == null || owner == back || owner.isDisabled())) {
            next.requestFocus();
        }
    }

    private void updateButtons() {
        boolean last = index == titles.size() - 1;
        back.setDisable(index == 0);
        next.setVisible(!last);
        next.setManaged(!last);
        next.setDisable(switch (index) {
            case 0 -> computer.host() == null || computer.host().arch() == null;
            case 1 -> choose.planProperty().get() == null;
            case 2 -> !install.readyProperty().get(); // a Go to point PATH at: just installed, or active already
            case 3 -> !environment.setUpProperty().get(); // applied now, or set up before
            default -> true;
        });
        if (resumeTo >= 0 && index >= resumeTo) {
            resumeTo = -1;
        } else if (resumeTo > index && !next.isDisabled()) {
            // What this step needed has arrived (detection, the release list): on towards where the user was.
            javafx.application.Platform.runLater(() -> {
                if (resumeTo > index && !next.isDisabled()) {
                    go(index + 1);
                }
            });
        }
    }

    /** The step shown now (0-based), so that a rebuilt window (another language) can come back to it. */
    public int stepIndex() {
        return index;
    }

    /** The version chosen in step 2, or null. */
    public String chosenVersion() {
        InstallPlan p = choose.planProperty().get();
        return p == null ? null : p.version().name();
    }

    /**
     * Comes back to where a previous wizard was: the same version chosen (once the list is there) and the same
     * step, as far as what it needs is known again (the machine is detected afresh, the list reloaded).
     */
    public void resume(int stepIndex, String version) {
        if (version != null) {
            choose.preferVersion(version);
        }
        resumeTo = stepIndex;
        updateButtons();
    }

    public ThisComputerStep computerStep() {
        return computer;
    }

    public EnvironmentStep environmentStep() {
        return environment;
    }

    public ChooseGoStep chooseStep() {
        return choose;
    }
}
