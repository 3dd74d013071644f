package dev.gosetup.ui.common;

import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Problem;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.MachinePathFix;
import dev.gosetup.shell.WindowsUserEnvironment.MachineCheck;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * A machine-wide Go (the MSI's) that comes before ours in every new process, said plainly with its two ways out (the
 * problem's advice: remove that Go in Settings → Apps, or put ours first), the machine-Path change gosetup would make,
 * and "Fix for everyone (administrator)…", which makes it with one UAC prompt off the FX thread and then shows what
 * the registry, read again, says — never "fixed" while the other Go still wins.
 */
public final class MachinePathFixBox extends VBox {
    private static final Logger LOG = Logger.getLogger(MachinePathFixBox.class.getName());

    private final Messages messages;
    private final MachinePathFix fix;
    private final EnvSpec spec;
    private final Button button;
    private final Label outcome = new Label();

    /**
     * @param problem what is wrong now (env.windows.machineGoWins)
     * @param fixed   called on the FX thread once the registry says our Go wins
     */
    public MachinePathFixBox(Messages messages, Problem problem, MachinePathFix fix, EnvSpec spec, Consumer<MachineCheck> fixed) {
        super(6);
        this.messages = messages;
        this.fix = fix;
        this.spec = spec;
        setId("machinePathFixBox");
        Label wins = new Label(messages.describe(problem));
        wins.setId("envMachineGoWins");
        wins.setWrapText(true);
        wins.getStyleClass().add("note");
        Label changeTitle = new Label(messages.get("setup.env.fixMachinePath.change"));
        changeTitle.getStyleClass().add("muted");
        TextArea change = new TextArea();
        change.setId("machinePathChange");
        change.setEditable(false);
        change.getStyleClass().add("path-field");
        change.setPrefRowCount(4);
        button = new Button(messages.get("setup.env.fixMachinePath"));
        button.setId("machinePathFix");
        button.setDisable(true); // until the change it would make is on screen
        outcome.setId("machinePathFixResult");
        outcome.setWrapText(true);
        button.setOnAction(e -> run(fixed));
        getChildren().addAll(wins, changeTitle, change, button, outcome);
        // Read first, then act: the machine Path before and after, as the command line shows it.
        BackgroundTasks.run(() -> fix.plan(spec).diffText(), lines -> {
            change.setText(dev.gosetup.secrets.Redaction.redact(String.join("\n", lines.stream().map(messages::text).toList())));
            change.setPrefRowCount(Math.max(2, Math.min(12, lines.size() + 1)));
            button.setDisable(false);
        }, error -> {
            LOG.log(Level.WARNING, "Could not read the machine environment", error);
            change.setText(messages.describe(error));
        });
    }

    private void run(Consumer<MachineCheck> fixed) {
        button.setDisable(true);
        outcome.getStyleClass().setAll("label");
        outcome.setText(messages.get("setup.env.fixMachinePath.running"));
        BackgroundTasks.run(() -> fix.run(spec), after -> {
            outcome.getStyleClass().setAll("label", "host-consequence");
            outcome.setText(messages.get("setup.env.fixMachinePath.fixed", spec.goBin()));
            fixed.accept(after);
        }, error -> {
            LOG.log(Level.INFO, "Machine Path not fixed", error);
            outcome.getStyleClass().setAll("label", "note");
            outcome.setText(messages.get("setup.env.fixMachinePath.failed", messages.describe(error)));
            button.setDisable(false); // declined, or failed: the user may try again
        });
    }
}
